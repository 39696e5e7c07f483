package io.deltahedger.backtest.replay;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.pipeline.DecisionSink;
import io.deltahedger.hedger.pipeline.EventKind;
import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.pipeline.PipelineEvent;
import io.deltahedger.hedger.pipeline.PipelineResult;
import io.deltahedger.hedger.pipeline.StageThreading;
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

/**
 * One stretch of a replay over which the options book is fixed: the real {@link HedgingPipeline} with execution, run
 * on the replay thread ({@link StageThreading#CALLER_RUNS}): each publish runs the five stages before it returns,
 * including whatever they publish meanwhile (a group's GROUP_DONE, a report of the simulated venue answering inside
 * {@code place}). So the replay clock and the simulated venue are only ever touched by the replay thread, no event
 * waits for another thread, and the same input gives the same decisions and orders.
 *
 * <p>Not thread-safe: one replay thread drives it (the pipeline refuses a publish from another thread).
 */
final class ReplaySegment implements AutoCloseable
{
    /** The agent id a backtest's journal names. */
    static final String AGENT_ID = "backtest";
    /**
     * A backtest's journal is signed inline (signatures at fixed positions: the same run writes the same bytes) every
     * 50,000 records or hour of replay time: the live default's every second of record time would sign once per
     * replayed second, and a replay covers days in seconds (a 3-day run made 200,000 signatures and spent most of its
     * time on them).
     */
    static final JournalWriterConfig JOURNAL_CONFIG = new JournalWriterConfig(50_000, 3_600_000L, 1 << 20, false, false);

    private final HedgingPipeline pipeline;
    private final int underlying;
    private boolean groupOpen;
    private double lastDeltaCoin = Double.NaN;
    private double lastBandLow = Double.NaN;
    private double lastBandHigh = Double.NaN;
    private long lastGroupId;
    private final Map<PipelineResult, long[]> results = new EnumMap<>(PipelineResult.class);
    private final List<GroupOutcome> outcomes = new ArrayList<>();
    private final List<String> halts = new ArrayList<>();

    /** @param config the pipeline's settings; its stage threading must be {@link StageThreading#CALLER_RUNS} */
    ReplaySegment(final PipelineConfig config, final Portfolio portfolio, final MarginBook book, final GateConfig gate,
                  final ExecutionConfig execution, final ExecutionVenues venues, final EpochClock clock,
                  final int underlying, final SegmentWiring.Journal journal)
    {
        if (config.stageThreading() != StageThreading.CALLER_RUNS)
        {
            throw new IllegalArgumentException("a replay segment runs its pipeline on the replay thread: stage threading "
                + "must be CALLER_RUNS, was " + config.stageThreading());
        }
        this.underlying = underlying;
        pipeline = new HedgingPipeline(config, portfolio, book, gate, execution, venues, clock, new Sink(),
            (stage, sequence, error) -> halts.add(stage + " at ring sequence " + sequence + ": " + error));
        if (journal != null)
        {
            pipeline.withJournal(JournalWriter.open(journal.directory(), journal.signer(), JOURNAL_CONFIG), AGENT_ID);
        }
        pipeline.start();
    }

    void marketData(final MarketDataEvent event)
    {
        pipeline.publishMarketData(event);
    }

    void account(final int accountId, final AccountSnapshot snapshot)
    {
        pipeline.publishAccount(accountId, snapshot);
    }

    void connection(final int accountId, final ConnectionState state)
    {
        pipeline.publishConnectionState(accountId, state);
    }

    /**
     * An execution report of the simulated venue: from the replay thread (a delayed answer) or from inside the
     * pipeline's execution stage (an answer inside {@code place}), where it queues and runs right after the current
     * event.
     */
    void report(final int accountId, final ExecutionReport report)
    {
        pipeline.publishExecutionReport(accountId, report);
    }

    void timer()
    {
        pipeline.publishTimer();
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
        return List.copyOf(halts);
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
        }
    }
}
