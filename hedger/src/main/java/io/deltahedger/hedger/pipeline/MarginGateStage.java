package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.routing.ExecutionLimits;
import io.deltahedger.hedger.routing.GroupAdmission;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

/**
 * Stage 4: admission. Owns the {@link MarginBook} (its single writer once the pipeline runs): applies every event's
 * marks, option mark IVs, index prices and account snapshots to it in ring order, then admits the planned group of a
 * trading decision with {@link GroupAdmission}, all or nothing: execution limits, rate budget, then the
 * {@link MarginGate} at the event's time. Writes APPROVED, LIMIT_BLOCKED (with the breached limit), RATE_LIMITED or
 * GATE_BLOCKED (with the gate's verdict) on the event; the limit and rate counters are charged here, on approval only.
 * Allocation-free in steady state (account snapshots are immutable values built at the edge).
 *
 * <p>With a {@link MarginWatch} (HedgingPipeline.withMonitor) it also monitors every account's margin ratio after each
 * snapshot and each mark, index or volatility it gave the book, writes alert changes and de-risking plans on the event,
 * and learns from GROUP_DONE events when a de-risking group ended.
 */
final class MarginGateStage implements EventHandler<PipelineEvent>
{
    private final Routing routing;
    private final MarginBook book;
    private final GroupAdmission admission;
    /** Set before the stage threads start (HedgingPipeline.withMonitor); null without monitoring. */
    private MarginWatch watch;

    MarginGateStage(final Routing routing, final MarginBook book, final GateConfig gateConfig,
                    final ExecutionLimits limits)
    {
        this.routing = routing;
        this.book = book;
        this.admission = new GroupAdmission(book, new MarginGate(book, gateConfig), limits);
    }

    void watch(final MarginWatch marginWatch)
    {
        this.watch = marginWatch;
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        switch (event.kind)
        {
            case MARKET_DATA ->
            {
                apply(event, event.marketData());
                if (watch != null && event.bookFields != 0)
                {
                    watch.onMarket(event, book.underlyingOf(routing.checkedInstrument(event.marketData().instrumentIndex())));
                }
            }
            case ACCOUNT ->
            {
                book.onAccount(event.accountId, event.account);
                if (watch != null)
                {
                    watch.onAccount(event, event.accountId);
                }
            }
            case GROUP_DONE ->
            {
                if (watch != null)
                {
                    watch.onGroupDone(event);
                }
            }
            default ->
            {
            }
        }
        if (event.result == PipelineResult.GATE_BLOCKED && event.legs().size() > 0)
        {
            switch (admission.admit(event.legs(), event.nowMs, event.verdict()))
            {
                case APPROVED ->
                {
                    event.result = PipelineResult.APPROVED;
                    event.gateEvaluated = true;
                }
                case LIMIT_BLOCKED -> limited(event, PipelineResult.LIMIT_BLOCKED);
                case RATE_LIMITED -> limited(event, PipelineResult.RATE_LIMITED);
                case GATE_BLOCKED ->
                {
                    event.result = PipelineResult.GATE_BLOCKED;
                    event.gateEvaluated = true;
                }
                default -> throw new IllegalStateException("unknown admission outcome");
            }
        }
    }

    private void limited(final PipelineEvent event, final PipelineResult result)
    {
        event.result = result;
        event.limitBreach = admission.breach();
        event.admissionLeg = admission.offendingLeg();
        event.admissionAccount = admission.offendingAccount();
    }

    /** Gives the book the event's mark, option IV and index, noting on the event what it gave (for the journal). */
    private void apply(final PipelineEvent event, final MarketDataEvent md)
    {
        final int i = routing.checkedInstrument(md.instrumentIndex());
        if (md.type() == MarketDataType.TICKER)
        {
            if (md.has(TickerField.MARK_PRICE))
            {
                event.bookFields |= JournalEntry.Market.HAS_MARK;
                event.bookMark = md.markPrice();
                book.onMark(i, md.markPrice());
            }
            if (md.has(TickerField.MARK_IV) && routing.isOption[i])
            {
                event.bookFields |= JournalEntry.Market.HAS_VOLATILITY;
                event.bookVolatility = md.markIv();
                book.onVolatility(i, md.markIv());
            }
            if (md.has(TickerField.INDEX_PRICE))
            {
                event.bookFields |= JournalEntry.Market.HAS_INDEX;
                event.bookIndex = md.indexPrice();
                book.onIndex(book.underlyingOf(i), md.indexPrice());
            }
        }
        else if (md.type() == MarketDataType.INDEX_PRICE)
        {
            event.bookFields |= JournalEntry.Market.HAS_INDEX;
            event.bookIndex = md.indexPrice();
            book.onIndex(book.underlyingOf(i), md.indexPrice());
        }
    }
}
