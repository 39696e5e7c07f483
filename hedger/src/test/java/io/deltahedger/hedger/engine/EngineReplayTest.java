package io.deltahedger.hedger.engine;

import io.deltahedger.hedger.execution.RecordingGateway;
import io.deltahedger.venues.Venue;

import io.deltahedger.config.time.ManualClock;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.fault.FaultConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the engine's ring took in during a live run over two venues (market data, accounts, connection states,
 * execution reports, timers, commands, GROUP_DONE, with their clock readings) replays through a fresh pipeline to the
 * same outcome of every event, the same groups and the same orders.
 */
class EngineReplayTest
{
    @Test
    @Timeout(90)
    void theRingsInputsOfATwoVenueRunReplayToTheSameDecisionsGroupsAndOrders() throws Exception
    {
        final RingCapture live = new RingCapture();
        try (TwoVenueWorld world = new TwoVenueWorld(live, Map.of("BTC", 0.02, "ETH", 0.2)))
        {
            world.connect();
            for (int i = 0; i < 150; i++) // five simulated hours, with a spell of rejects on sim-b
            {
                if (i == 40)
                {
                    world.simB.configureFaults(FaultConfig.none().withOrderReject(0.5));
                }
                if (i == 80)
                {
                    world.simB.configureFaults(FaultConfig.none());
                }
                world.step();
            }
            world.engine.close();
            final List<RingCapture.Input> inputs = new ArrayList<>(live.inputs);

            final RingCapture replayed = new RingCapture();
            final ManualClock replayClock = new ManualClock(inputs.get(0).nowMs());
            final MarginBook book = world.newBook();
            final RecordingGateway[] gateways = new RecordingGateway[book.accountCount()];
            final ExecutionVenues.Builder venues = ExecutionVenues.builder();
            for (int a = 0; a < book.accountCount(); a++)
            {
                gateways[a] = new RecordingGateway(Venue.DERIBIT);
                venues.gateway(a, gateways[a]);
            }
            for (int i = 0; i < book.instrumentCount(); i++)
            {
                if (!book.instrument(i).isOption())
                {
                    final InstrumentRegistry chain = book.accountName(book.accountOf(i)).startsWith("sim-a")
                        ? world.chainA : world.chainB;
                    venues.instrument(i, chain.instrument(chain.indexOf(book.instrument(i).canonicalId())));
                }
            }
            final HedgingPipeline pipeline = new HedgingPipeline(world.pipelineConfig(),
                world.demo.portfolio(world.hedges(book)), book, TwoVenueWorld.GATE, TwoVenueWorld.EXECUTION,
                venues.build(), replayClock, replayed,
                (stage, sequence, error) -> world.halts.add("replay " + stage + ": " + error)).replaying().start();
            RingCapture.replay(inputs, pipeline, replayClock, replayed);
            pipeline.close();

            assertTrue(live.groups.size() >= 10, "the tight bands were breached: " + live.groups.size() + " groups");
            assertEquals(live.outcomes.size(), replayed.outcomes.size());
            for (int i = 0; i < live.outcomes.size(); i++)
            {
                assertEquals(live.outcomes.get(i), replayed.outcomes.get(i), "event " + i);
            }
            assertEquals(live.groups.size(), replayed.groups.size());
            for (int i = 0; i < live.groups.size(); i++)
            {
                assertEquals(live.groups.get(i), replayed.groups.get(i), "group " + i);
            }
            // the replay sent (to its recording gateways) exactly the orders the two venues received
            final Set<String> venueOrders = new TreeSet<>();
            for (final ExchangeSimulator sim : List.of(world.simA, world.simB))
            {
                final String prefix = sim == world.simA ? "sim-a " : "sim-b ";
                sim.call(() -> List.copyOf(sim.engine().userOrders(TwoVenueWorld.OWNER))).stream()
                    .filter(o -> !o.label.equals("demo-book"))
                    .forEach(o -> venueOrders.add(prefix + o.label + " " + (o.buy ? "buy " : "sell ") + o.amountLots
                        + " @" + o.priceTicks));
            }
            final Set<String> replayOrders = new TreeSet<>();
            for (int a = 0; a < gateways.length; a++)
            {
                final String prefix = book.accountName(a).substring(0, 6);
                for (final OrderRequest o : gateways[a].placed())
                {
                    replayOrders.add(prefix + o.clientOrderId().text() + " " + (o.side() == Side.BUY ? "buy " : "sell ")
                        + o.amountLots() + " @" + o.priceTicks());
                }
            }
            // orders the venue refused (injected 10047) were never booked there: the recording has their REJECTED
            final Set<String> refused = new TreeSet<>();
            inputs.stream().filter(in -> in.kind() == EventKind.EXECUTION_REPORT
                    && in.report().type() == ExecType.REJECTED)
                .forEach(in -> refused.add(in.report().clientOrderId().text()));
            assertTrue(!refused.isEmpty(), "the reject spell refused some orders");
            final Set<String> booked = new TreeSet<>();
            for (final String order : replayOrders)
            {
                if (!refused.contains(order.split(" ")[1]))
                {
                    booked.add(order);
                }
            }
            final Set<String> onlyVenue = new TreeSet<>(venueOrders);
            onlyVenue.removeAll(booked);
            final Set<String> onlyReplay = new TreeSet<>(booked);
            onlyReplay.removeAll(venueOrders);
            assertEquals(venueOrders, booked, "only on the venues " + onlyVenue + ", only in the replay " + onlyReplay);
            assertEquals(replayOrders.size(), booked.size() + refused.size());
            assertTrue(world.halts.isEmpty(), world.halts.toString());
            System.out.printf("replayed %d events, %d groups, %d orders identically%n", inputs.size(),
                live.groups.size(), replayOrders.size());
        }
    }
}
