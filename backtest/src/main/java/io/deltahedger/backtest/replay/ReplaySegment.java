package io.deltahedger.backtest.replay;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.EngineStatus;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.pipeline.PipelineEvent;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.ExecutionReport;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One stretch of a replay over which the options book is fixed: the real {@link HedgingPipeline} with execution, fed
 * in lock step. Every publish waits until the ring has released everything published so far (the driver's events,
 * reports published from inside the ring's thread and the execution stage's own GROUP_DONEs), so the one consumer
 * thread and the replay thread never run at the same time: the replay clock and the simulated venue are only touched
 * by one of them at a time (the hand-over is ordered through the volatile counters), and the same input gives the
 * same decisions and orders.
 *
 * <p>Not thread-safe: the replay thread publishes; the sink runs on the pipeline's thread while the replay thread waits.
 */
final class ReplaySegment implements AutoCloseable
{
    private static final long STALL_NANOS = 30_000_000_000L;

    private final HedgingPipeline pipeline;
    private final int underlying;
    private final AtomicLong published = new AtomicLong();
    private volatile long released;
    private volatile long groupsDone;
    private volatile boolean groupOpen;
    private volatile double lastDeltaCoin = Double.NaN;
    private volatile double lastBandLow = Double.NaN;
    private volatile double lastBandHigh = Double.NaN;
    private volatile long lastGroupId;
    private final Map<PipelineResult, long[]> results = new EnumMap<>(PipelineResult.class);
    private final List<GroupOutcome> outcomes = new ArrayList<>();
    private final List<String> halts = new ArrayList<>();

    ReplaySegment(final PipelineConfig config, final Portfolio portfolio, final MarginBook book, final GateConfig gate,
                  final ExecutionConfig execution, final ExecutionVenues venues, final EpochClock clock,
                  final int underlying)
    {
        this.underlying = underlying;
        pipeline = new HedgingPipeline(config, portfolio, book, gate, execution, venues, clock, new Sink(),
            (stage, sequence, error) ->
            {
                synchronized (halts)
                {
                    halts.add(stage + " at ring sequence " + sequence + ": " + error);
                }
            });
        pipeline.start();
    }

    void marketData(final MarketDataEvent event)
    {
        published.incrementAndGet();
        pipeline.publishMarketData(event);
        await();
    }

    void account(final int accountId, final AccountSnapshot snapshot)
    {
        published.incrementAndGet();
        pipeline.publishAccount(accountId, snapshot);
        await();
    }

    void connection(final int accountId, final ConnectionState state)
    {
        published.incrementAndGet();
        pipeline.publishConnectionState(accountId, state);
        await();
    }

    /**
     * An execution report; may be called from the pipeline's thread (a venue answering synchronously), in which case
     * it is counted and the current wait covers it.
     */
    void report(final int accountId, final ExecutionReport report, final boolean fromReplayThread)
    {
        published.incrementAndGet();
        pipeline.publishExecutionReport(accountId, report);
        if (fromReplayThread)
        {
            await();
        }
    }

    void timer()
    {
        published.incrementAndGet();
        pipeline.publishTimer();
        await();
    }

    /** Whether a rebalancing group is in flight (the timer then matters). */
    boolean groupOpen()
    {
        return groupOpen;
    }

    double lastDeltaCoin()
    {
        return lastDeltaCoin;
    }

    double lastBandLow()
    {
        return lastBandLow;
    }

    double lastBandHigh()
    {
        return lastBandHigh;
    }

    long lastGroupId()
    {
        return lastGroupId;
    }

    List<GroupOutcome> outcomes()
    {
        return outcomes;
    }

    Map<PipelineResult, long[]> results()
    {
        return results;
    }

    List<String> halts()
    {
        synchronized (halts)
        {
            return List.copyOf(halts);
        }
    }

    EngineStatus status()
    {
        return pipeline.status();
    }

    boolean halted()
    {
        return pipeline.halted();
    }

    /** Waits until the ring has released every event published so far and every GROUP_DONE it published itself. */
    private void await()
    {
        final long start = System.nanoTime();
        int spins = 0;
        while (true)
        {
            final long done = groupsDone;
            if (released == published.get() + done && groupsDone == done)
            {
                return;
            }
            if (++spins < 200)
            {
                Thread.onSpinWait();
            }
            else
            {
                Thread.yield();
                if ((spins & 1023) == 0 && System.nanoTime() - start > STALL_NANOS)
                {
                    throw new IllegalStateException("the hedging pipeline did not release its events within 30 s ("
                        + released + " released of " + (published.get() + done) + "); halts: " + halts());
                }
            }
        }
    }

    @Override
    public void close()
    {
        pipeline.close();
    }

    private final class Sink implements DecisionSink
    {
        @Override
        public void onApproved(final PipelineEvent event)
        {
            observe(event);
            groupOpen = true;
        }

        @Override
        public void onNotApproved(final PipelineEvent event)
        {
            observe(event);
        }

        @Override
        public void onGroupDone(final GroupOutcome outcome)
        {
            outcomes.add(outcome);
            lastGroupId = Math.max(lastGroupId, outcome.groupId());
            groupOpen = false;
            groupsDone = groupsDone + 1;
        }

        private void observe(final PipelineEvent event)
        {
            if (event.kind() != EventKind.GROUP_DONE)
            {
                results.computeIfAbsent(event.result(), r -> new long[1])[0]++;
            }
            if (event.underlying() == underlying && Double.isFinite(event.deltaCoin()))
            {
                lastDeltaCoin = event.deltaCoin();
                if (event.decided() && event.decision() != null && Double.isFinite(event.decision().halfWidthCoin()))
                {
                    lastBandLow = event.decision().targetCoin() - event.decision().halfWidthCoin();
                    lastBandHigh = event.decision().targetCoin() + event.decision().halfWidthCoin();
                }
            }
            released = released + 1;
        }
    }
}
