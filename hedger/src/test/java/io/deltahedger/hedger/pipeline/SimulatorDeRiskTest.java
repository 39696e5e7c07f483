package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.monitor.AlertLevel;
import io.deltahedger.marginmonitor.monitor.MonitorConfig;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.DeribitInstruments;
import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.deribit.client.DeribitMarketDataListener;
import io.deltahedger.venues.deribit.client.DeribitSession;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.TimeInForce;
import io.deltahedger.venues.order.VenueGateway;
import io.deltahedger.venues.order.VenueListener;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * De-risking against the real embedded Deribit simulator over loopback: a first session (the desk, outside the
 * engine) sells BTC-PERPETUAL short; the engine then starts on that account with margin levels set around the ratio
 * the venue reports for it (so the test does not depend on the simulator's starting balance), sees the account past
 * its de-risking trigger on its first snapshot, and cuts the short with a reduce-only IOC order that fills on the
 * venue; the venue's position shrinks by exactly the planned lots and no second cut follows.
 */
@Timeout(60)
class SimulatorDeRiskTest
{
    /** 2026-01-05T00:00:00Z. */
    private static final long START_MS = 1_767_571_200_000L;
    private static final long SHORT_LOTS = 3_000;

    /** The desk's session: records marks, reports and snapshots. */
    private static final class Desk implements VenueListener, DeribitMarketDataListener
    {
        final List<ExecutionReport> reports = Collections.synchronizedList(new ArrayList<>());
        final List<AccountSnapshot> accounts = Collections.synchronizedList(new ArrayList<>());
        volatile double mark = Double.NaN;

        @Override
        public void onExecutionReport(final ExecutionReport report)
        {
            reports.add(report);
        }

        @Override
        public void onOpenOrders(final Venue venue, final List<ExecutionReport> openOrders)
        {
        }

        @Override
        public void onAccount(final AccountSnapshot snapshot)
        {
            accounts.add(snapshot);
        }

        @Override
        public void onConnectionState(final ConnectionStateEvent event)
        {
        }

        @Override
        public void onBook(final L2Book book, final MarketDataEvent event)
        {
        }

        @Override
        public void onBookInvalid(final int instrumentIndex, final BookUpdate reason)
        {
        }

        @Override
        public void onMarketData(final MarketDataEvent event)
        {
            if (event.has(TickerField.MARK_PRICE))
            {
                mark = event.markPrice();
            }
        }
    }

    /** Forwards to the session's gateway, recording every request the engine placed. */
    private record Recording(VenueGateway gateway, List<OrderRequest> placed) implements VenueGateway
    {
        @Override
        public Venue venue()
        {
            return gateway.venue();
        }

        @Override
        public SendResult place(final OrderRequest request)
        {
            placed.add(request);
            return gateway.place(request);
        }

        @Override
        public SendResult cancel(final CancelRequest request)
        {
            return gateway.cancel(request);
        }

        @Override
        public SendResult amend(final AmendRequest request)
        {
            return gateway.amend(request);
        }

        @Override
        public SendResult cancelAll(final Instrument instrument)
        {
            return gateway.cancelAll(instrument);
        }

        @Override
        public SendResult requestOpenOrders()
        {
            return gateway.requestOpenOrders();
        }

        @Override
        public SendResult requestAccount()
        {
            return gateway.requestAccount();
        }
    }

    private static DeribitSession session(final ExchangeSimulator sim, final InstrumentRegistry registry,
                                          final ManualClock clock, final VenueListener venue,
                                          final DeribitMarketDataListener market)
    {
        return new DeribitSession(
            DeribitClientConfig.defaults(sim.webSocketUri(),
                    new DeribitCredentials(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET),
                    List.of("BTC-PERPETUAL"), List.of("BTC"))
                .withTickers(List.of("BTC-PERPETUAL")),
            registry, new SplittableRandom(42), clock.epochMs(), venue, market);
    }

    private static long perpLots(final AccountSnapshot snapshot, final Instrument perp)
    {
        return snapshot.positions().stream().filter(p -> p.instrument().equals(perp)).mapToLong(Position::sizeLots)
            .sum();
    }

    @Test
    void anAccountPastTheTriggerIsCutOnTheVenueWithAReduceOnlyOrderOnce() throws Exception
    {
        final ManualClock clock = new ManualClock(START_MS);
        try (ExchangeSimulator sim = ExchangeSimulator.start(SimulatorConfig.defaults().withManualTime().withSeed(7),
            clock))
        {
            final InstrumentRegistry registry = new InstrumentRegistry();
            final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.httpUri() + "public/get_instruments?currency=BTC")).timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
            DeribitInstruments.parse(response.body()).instruments().forEach(registry::register);
            final int registryPerp = registry.indexOfNative(Venue.DERIBIT, "BTC-PERPETUAL");
            final Instrument perp = registry.instrument(registryPerp);

            // 1. the desk sells 30,000 USD of the perpetual by hand
            final Desk desk = new Desk();
            final DeribitSession deskSession = session(sim, registry, clock, desk, desk);
            deskSession.start(clock.epochMs());
            SimulatorExecutionTest.pollUntil(deskSession, clock, "desk LIVE",
                () -> deskSession.connectionState() == ConnectionState.LIVE);
            for (int tick = 0; tick < 100 && Double.isNaN(desk.mark); tick++)
            {
                sim.advance(100);
                SimulatorExecutionTest.settle(deskSession, clock);
            }
            assertTrue(!Double.isNaN(desk.mark), "a ticker from the simulator");
            final long ticks = (long)Math.floor(desk.mark * 0.99 / 0.5);
            deskSession.gateway().place(new OrderRequest(new ClientOrderId(1, 0, 0), perp, Side.SELL, OrderType.LIMIT,
                TimeInForce.IOC, ticks, SHORT_LOTS, false, false));
            SimulatorExecutionTest.pollUntil(deskSession, clock, "the desk's sell to fill",
                () -> desk.reports.stream().anyMatch(r -> r.type() == ExecType.FILL));
            final int seen = desk.accounts.size();
            deskSession.gateway().requestAccount();
            SimulatorExecutionTest.pollUntil(deskSession, clock, "the desk's short on the account",
                () -> desk.accounts.size() > seen && perpLots(desk.accounts.get(desk.accounts.size() - 1), perp) != 0);
            final AccountSnapshot held = desk.accounts.get(desk.accounts.size() - 1);
            assertEquals(-SHORT_LOTS, perpLots(held, perp));
            deskSession.close(clock.epochMs());
            final double ratio = held.maintenanceMargin() / held.equity();
            assertTrue(ratio > 0 && ratio < 0.5, "the venue's ratio for the short: " + ratio);

            // 2. the engine on that account: trigger and gate at half the venue's ratio, target a quarter
            final MarginBook book = new MarginBook(1, 4);
            final int account = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
            final int bookPerp = book.addInstrument(account, perp);
            final Portfolio portfolio = Portfolio.of(List.of(), List.of(
                new DeltaOnePosition("spot:BTC", "BTC", false, 0.5, 1.0),
                new DeltaOnePosition(perp.canonicalId(), "BTC", true, 0.0, 10.0)));
            final HedgePolicy policy = HedgePolicy.builder("BTC", "0.0001").band(new FixedBand(0.2, DeltaUnit.COIN))
                .build();
            final GateConfig gate = new GateConfig(ratio / 2, 5_000, new double[] {-0.1, 0.1}, new double[] {0.0}, 0);
            final MonitorConfig levels = new MonitorConfig(ratio / 4, ratio / 2, 0.0, ratio / 2, ratio / 4);
            final SimulatorExecutionTest.Glue glue = new SimulatorExecutionTest.Glue(account, registryPerp, bookPerp);
            final DeribitSession session = session(sim, registry, clock, glue, glue);
            final List<OrderRequest> placed = Collections.synchronizedList(new ArrayList<>());
            final List<GroupOutcome> groups = Collections.synchronizedList(new ArrayList<>());
            final List<AlertLevel> alerts = Collections.synchronizedList(new ArrayList<>());
            final List<String> halts = Collections.synchronizedList(new ArrayList<>());
            final DecisionSink sink = new DecisionSink()
            {
                @Override
                public void onApproved(final PipelineEvent event)
                {
                }

                @Override
                public void onGroupDone(final GroupOutcome outcome)
                {
                    groups.add(outcome);
                }

                @Override
                public void onAlert(final int accountId, final AlertLevel level, final double r)
                {
                    alerts.add(level);
                }
            };
            try (HedgingPipeline pipeline = new HedgingPipeline(
                PipelineConfig.defaults(List.of(new HedgeRoute(policy, perp.canonicalId()))), portfolio, book, gate,
                ExecutionConfig.defaults().withFirstGroupId(100),
                ExecutionVenues.builder().gateway(account, new Recording(session.gateway(), placed))
                    .instrument(bookPerp, perp).build(),
                clock, sink, (stage, sequence, error) -> halts.add(stage + ": " + error)))
            {
                pipeline.withMonitor(levels, true);
                glue.pipeline = pipeline;
                pipeline.start();
                session.start(clock.epochMs());
                for (int tick = 0; tick < 100 && groups.isEmpty(); tick++)
                {
                    sim.advance(100);
                    SimulatorExecutionTest.settle(session, clock);
                }
                assertTrue(!groups.isEmpty(), () -> "no cut ended: orders " + placed + ", alerts " + alerts + ", ratio "
                    + pipeline.marginRatio(account) + " (venue " + ratio + "), snapshots " + glue.accounts
                    + ", reports " + glue.reports + ", halts " + halts);

                final GroupOutcome cut = groups.get(0);
                assertTrue(cut.deRisk(), cut::toString);
                assertEquals(GroupState.COMPLETE, cut.state(), () -> cut + " " + glue.reports);
                final long cutLots = cut.legs().get(0).filledLots();
                assertTrue(cutLots > SHORT_LOTS / 2 && cutLots < SHORT_LOTS,
                    "about three quarters of the short, never all of it: " + cutLots);
                assertEquals(1, placed.size(), () -> "orders " + placed);
                final OrderRequest order = placed.get(0);
                assertTrue(order.reduceOnly());
                assertEquals(Side.BUY, order.side());
                assertEquals(TimeInForce.IOC, order.timeInForce());
                assertEquals(cutLots, order.amountLots());
                assertTrue(alerts.contains(AlertLevel.CRITICAL), alerts::toString);

                // the refresh after the cut: the venue holds the rest of the short; the ratio is back under the trigger
                SimulatorExecutionTest.pollUntil(session, clock, "the account refresh after the cut",
                    () -> glue.accounts.stream().anyMatch(a -> perpLots(a, perp) == -(SHORT_LOTS - cutLots)));
                for (int tick = 0; tick < 20; tick++)
                {
                    sim.advance(100);
                    SimulatorExecutionTest.settle(session, clock);
                }
                assertTrue(pipeline.marginRatio(account) < ratio / 2, () -> "ratio " + pipeline.marginRatio(account));
                assertEquals(1, groups.stream().filter(GroupOutcome::deRisk).count(), groups::toString);
                assertTrue(placed.stream().allMatch(o -> o == order || !o.reduceOnly()), "no second cut: " + placed);
                assertEquals(List.of(), halts);
                session.close(clock.epochMs());
            }
        }
    }
}
