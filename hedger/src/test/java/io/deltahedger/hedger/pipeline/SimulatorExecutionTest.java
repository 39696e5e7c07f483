package io.deltahedger.hedger.pipeline;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.LegOutcome;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.VerificationReport;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.policy.HedgeReason;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
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
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.VenueListener;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.SimulatorConfig;
import io.deltahedger.venues.simulator.fault.FaultConfig;
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
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline with its execution stage against the real embedded Deribit simulator over loopback, through a real
 * {@link DeribitSession}: a delta breach becomes an IOC order on BTC-PERPETUAL that fills on the simulator, the fills
 * come back as execution reports through the ring into the portfolio, and the next decision sees the hedged delta.
 * The session is polled on the test thread with the simulator's manual clock; the pipeline runs on its own thread.
 */
@Timeout(60)
class SimulatorExecutionTest
{
    /** 2026-01-05T00:00:00Z. */
    private static final long START_MS = 1_767_571_200_000L;
    private static final ChainSigner SIGNER = ChainSigner.generate(new java.util.Random(5));

    /** Adapter glue as the agent will have it: session callbacks published on the ring with margin-book ids. */
    static final class Glue implements VenueListener, DeribitMarketDataListener
    {
        volatile HedgingPipeline pipeline;
        final int account;
        final int registryPerp;
        final int bookPerp;
        final MarketDataEvent scratch = new MarketDataEvent();
        final List<ExecutionReport> reports = Collections.synchronizedList(new ArrayList<>());
        final List<AccountSnapshot> accounts = Collections.synchronizedList(new ArrayList<>());

        Glue(final int account, final int registryPerp, final int bookPerp)
        {
            this.account = account;
            this.registryPerp = registryPerp;
            this.bookPerp = bookPerp;
        }

        @Override
        public void onExecutionReport(final ExecutionReport report)
        {
            reports.add(report);
            pipeline.publishExecutionReport(account, report);
        }

        @Override
        public void onOpenOrders(final Venue venue, final List<ExecutionReport> openOrders)
        {
        }

        @Override
        public void onAccount(final AccountSnapshot snapshot)
        {
            accounts.add(snapshot);
            pipeline.publishAccount(account, snapshot);
        }

        @Override
        public void onConnectionState(final ConnectionStateEvent event)
        {
            pipeline.publishConnectionState(event);
        }

        @Override
        public void onBook(final L2Book book, final MarketDataEvent event)
        {
            publish(event);
        }

        @Override
        public void onBookInvalid(final int instrumentIndex, final BookUpdate reason)
        {
        }

        @Override
        public void onMarketData(final MarketDataEvent event)
        {
            publish(event);
        }

        private void publish(final MarketDataEvent event)
        {
            if (event.instrumentIndex() == registryPerp)
            {
                scratch.copyFrom(event);
                scratch.instrumentIndex(bookPerp);
                pipeline.publishMarketData(scratch);
            }
        }
    }

    /** The simulator, a session to it, the glue and an executing pipeline, all started and LIVE. */
    private static final class Rig implements AutoCloseable
    {
        final ManualClock clock = new ManualClock(START_MS);
        final ExchangeSimulator sim;
        final Instrument perp;
        final Glue glue;
        final DeribitSession session;
        final RecordingSink sink = new RecordingSink();
        final List<String> halts = Collections.synchronizedList(new ArrayList<>());
        final HedgingPipeline pipeline;

        Rig() throws Exception
        {
            this(null);
        }

        /** With {@code journal} not null, the pipeline journals into that directory (default writer settings). */
        Rig(final java.nio.file.Path journal) throws Exception
        {
            sim = ExchangeSimulator.start(SimulatorConfig.defaults().withManualTime().withSeed(7), clock);
            final InstrumentRegistry registry = new InstrumentRegistry();
            final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.httpUri() + "public/get_instruments?currency=BTC")).timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
            DeribitInstruments.parse(response.body()).instruments().forEach(registry::register);
            final int registryPerp = registry.indexOfNative(Venue.DERIBIT, "BTC-PERPETUAL");
            perp = registry.instrument(registryPerp);

            final MarginBook book = new MarginBook(1, 4);
            final int account = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
            final int bookPerp = book.addInstrument(account, perp);
            // 0.5 BTC of delta from a position held elsewhere, against a 0.2 BTC band: sell 0.5 BTC of the perpetual
            final Portfolio portfolio = Portfolio.of(List.of(), List.of(
                new DeltaOnePosition("spot:BTC", "BTC", false, 0.5, 1.0),
                new DeltaOnePosition(perp.canonicalId(), "BTC", true, 0.0, 10.0)));
            final HedgePolicy policy = HedgePolicy.builder("BTC", "0.0001").band(new FixedBand(0.2, DeltaUnit.COIN))
                .build();

            glue = new Glue(account, registryPerp, bookPerp);
            session = new DeribitSession(
                DeribitClientConfig.defaults(sim.webSocketUri(),
                        new DeribitCredentials(SimulatorConfig.DEMO_CLIENT_ID, SimulatorConfig.DEMO_CLIENT_SECRET),
                        List.of("BTC-PERPETUAL"), List.of("BTC"))
                    .withTickers(List.of("BTC-PERPETUAL")),
                registry, new SplittableRandom(42), clock.epochMs(), glue, glue);
            pipeline = new HedgingPipeline(
                PipelineConfig.defaults(List.of(new HedgeRoute(policy, perp.canonicalId()))),
                portfolio, book, PipelineWorld.GATE, ExecutionConfig.defaults(),
                ExecutionVenues.builder().gateway(account, session.gateway()).instrument(bookPerp, perp).build(),
                clock, sink, (stage, sequence, error) -> halts.add(stage + ": " + error));
            if (journal != null)
            {
                pipeline.withJournal(JournalWriter.open(journal, SIGNER, JournalWriterConfig.defaults()), "sim-test");
            }
            glue.pipeline = pipeline;
            pipeline.start();
            session.start(clock.epochMs());
            pollUntil("LIVE", () -> session.connectionState() == ConnectionState.LIVE);
        }

        /** Market ticks of 100 ms (the session handling what each produced) until the condition holds. */
        void tickUntil(final String what, final BooleanSupplier condition) throws InterruptedException
        {
            for (int tick = 0; tick < 200 && !condition.getAsBoolean(); tick++)
            {
                sim.advance(100);
                settle(session, clock);
            }
            pollUntil(what, condition);
        }

        void pollUntil(final String what, final BooleanSupplier condition) throws InterruptedException
        {
            SimulatorExecutionTest.pollUntil(session, clock, what, condition);
        }

        List<ExecutionReport> fills()
        {
            synchronized (glue.reports)
            {
                return glue.reports.stream().filter(r -> r.type() == ExecType.FILL || r.type() == ExecType.PARTIAL_FILL)
                    .toList();
            }
        }

        @Override
        public void close()
        {
            try
            {
                session.close(clock.epochMs());
                pipeline.close();
            }
            finally
            {
                sim.close();
            }
        }
    }

    @Test
    void aDeltaBreachIsHedgedOnTheSimulatorAndTheNextDecisionSeesTheHedge() throws Exception
    {
        try (Rig rig = new Rig())
        {
            final RecordingSink sink = rig.sink;
            rig.tickUntil("the group to end", () -> !sink.groups.isEmpty());

            final GroupOutcome outcome = sink.groups.get(0);
            assertEquals(GroupState.COMPLETE, outcome.state(), () -> outcome + " " + rig.glue.reports);
            assertEquals(List.of(), rig.halts);
            final long lots = outcome.legs().get(0).filledLots();
            final List<ExecutionReport> fills = rig.fills();
            assertEquals(lots, fills.stream().mapToLong(ExecutionReport::lastFillLots).sum());
            assertTrue(lots > 2_500 && lots < 3_500, "0.5 BTC at ~60,000 in 10 USD lots, got " + lots);
            assertEquals(outcome.groupId(), fills.get(0).clientOrderId().groupId());
            assertTrue(fills.stream().allMatch(f -> f.lastFillPriceTicks() >= f.priceTicks()),
                "a sell never fills below its protective limit: " + fills);

            // the account refresh after the group shows the position on the venue
            rig.pollUntil("the account refresh", () -> rig.glue.accounts.stream().anyMatch(a ->
                a.positions().stream().anyMatch(p -> p.instrument().equals(rig.perp) && p.sizeLots() == -lots)));

            // the next decision sees the hedge: 0.5 BTC minus lots x 10 USD / spot
            final int before = sink.outcomes.size();
            rig.tickUntil("a decision after the group", () -> decisionsAfter(sink, before) > 0);
            final RecordingSink.Outcome next = lastDecision(sink);
            assertEquals(0.5 - lots * 10.0 / next.spot(), next.deltaCoin(), 1e-9);
            assertTrue(Math.abs(next.deltaCoin()) < 0.01, "hedged to about zero: " + next);
            assertEquals(HedgeReason.INSIDE_BAND, next.reason());
        }
    }

    @Test
    void aJournaledRunOnTheSimulatorVerifiesAndHoldsEveryOrderAndReport(@org.junit.jupiter.api.io.TempDir
                                                                         final java.nio.file.Path dir) throws Exception
    {
        final GroupOutcome outcome;
        final List<ExecutionReport> reports;
        try (Rig rig = new Rig(dir))
        {
            rig.tickUntil("the group to end", () -> !rig.sink.groups.isEmpty());
            outcome = rig.sink.groups.get(0);
            assertEquals(GroupState.COMPLETE, outcome.state(), () -> outcome + " " + rig.glue.reports);
            rig.pollUntil("the account refresh", () -> rig.glue.accounts.size() >= 2);
            rig.tickUntil("a few more ticks", () -> rig.clock.epochMs() >= START_MS + 5_000);
            reports = List.copyOf(rig.glue.reports);
            assertEquals(List.of(), rig.halts);
        }
        // closed: the journal is signed to its end
        final List<java.nio.file.Path> files = JournalFormat.filesIn(dir);
        final VerificationReport report = new JournalVerifier(SIGNER.address()).verify(files);
        assertTrue(report.ok(), report.render());
        assertTrue(report.verdictsChecked() >= 1, report.render());

        final List<JournalEntry> entries = new ArrayList<>();
        try (JournalReader reader = new JournalReader(files, new JournalReader.Listener()
        {
        }))
        {
            while (reader.next())
            {
                entries.add(reader.entry());
            }
        }
        final List<JournalEntry.Order> orders = entries.stream().filter(e -> e instanceof JournalEntry.Order)
            .map(e -> (JournalEntry.Order)e).toList();
        assertEquals(reports.stream().map(ExecutionReport::clientOrderId).distinct().toList(),
            orders.stream().map(JournalEntry.Order::clientOrderId).toList(), "an ORDER for every order the venue saw");
        assertTrue(orders.stream().allMatch(o -> o.venueCode().equals("deribit") && o.nativeName().equals("BTC-PERPETUAL")),
            orders::toString);
        assertEquals(reports.size(), entries.stream().filter(e -> e instanceof JournalEntry.Report).count(),
            "every report journaled");
        assertTrue(entries.contains(new JournalEntry.GroupDone(outcome.groupId(), "COMPLETE")), entries::toString);
        assertTrue(entries.stream().anyMatch(e -> e instanceof JournalEntry.Account a && !a.positions().isEmpty()),
            "the refreshed account with its perpetual position");
    }

    @Test
    void aVenueRejectingEveryOrderEndsTheGroupUnhedgedTripsTheBreakerAndResumeHedgesOnceItRecovers() throws Exception
    {
        try (Rig rig = new Rig())
        {
            final RecordingSink sink = rig.sink;
            rig.sim.configureFaults(FaultConfig.none().withOrderReject(1.0));
            rig.tickUntil("the refused group to end", () -> !sink.groups.isEmpty());

            final GroupOutcome refused = sink.groups.get(0);
            assertEquals(GroupState.COMPENSATED, refused.state(), () -> refused + " " + rig.glue.reports);
            assertTrue(refused.reason().contains("nothing filled"), refused.reason());
            assertEquals(List.of(), rig.fills());
            final LegOutcome leg = refused.legs().get(0);
            assertTrue(leg.attempts() >= 5, "retried (10047 is retryable) until the deadline: " + leg);
            assertEquals(leg.attempts(), rig.glue.reports.stream().filter(r -> r.type() == ExecType.REJECTED)
                .map(ExecutionReport::clientOrderId).distinct().count(), "each attempt its own id, each refused once");
            assertTrue(rig.pipeline.status().breakerTripped());
            assertTrue(rig.pipeline.status().breakerReason().contains("consecutive rejects"));

            // the venue recovers, but the breaker holds new groups until an operator resumes
            rig.sim.configureFaults(FaultConfig.none());
            final int before = sink.outcomes.size();
            rig.tickUntil("a held decision", () -> decisionsAfter(sink, before) > 0);
            assertEquals(PipelineResult.BREAKER_OPEN, lastDecision(sink).result());
            rig.pipeline.publishCommand(EngineCommand.RESUME, "operator");
            rig.tickUntil("the second group to end", () -> sink.groups.size() == 2);
            assertEquals(GroupState.COMPLETE, sink.groups.get(1).state(), () -> sink.groups.get(1).toString());
            assertEquals(refused.groupId() + 1, sink.groups.get(1).groupId());
            assertEquals(List.of(), rig.halts);
        }
    }

    private static long decisionsAfter(final RecordingSink sink, final int index)
    {
        synchronized (sink.outcomes)
        {
            return sink.outcomes.subList(index, sink.outcomes.size()).stream()
                .filter(o -> o.result() != PipelineResult.NOT_APPLICABLE && o.kind() == EventKind.MARKET_DATA).count();
        }
    }

    private static RecordingSink.Outcome lastDecision(final RecordingSink sink)
    {
        synchronized (sink.outcomes)
        {
            final List<RecordingSink.Outcome> decisions = sink.outcomes.stream()
                .filter(o -> o.result() != PipelineResult.NOT_APPLICABLE).toList();
            return decisions.get(decisions.size() - 1);
        }
    }

    static void pollUntil(final DeribitSession session, final ManualClock clock, final String what,
                                  final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what + " (session " + session.phase() + ")");
            }
            if (session.poll(clock.epochMs()) == 0)
            {
                Thread.sleep(1);
            }
        }
    }

    /** Polls until nothing has arrived for ~30 ms of wall time. */
    static void settle(final DeribitSession session, final ManualClock clock) throws InterruptedException
    {
        int idle = 0;
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (idle < 30 && System.nanoTime() < deadline)
        {
            if (session.poll(clock.epochMs()) == 0)
            {
                idle++;
                Thread.sleep(1);
            }
            else
            {
                idle = 0;
            }
        }
    }
}
