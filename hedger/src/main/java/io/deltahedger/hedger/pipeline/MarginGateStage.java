package io.deltahedger.hedger.pipeline;

import com.lmax.disruptor.EventHandler;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.marketdata.TickerField;

/**
 * Stage 4: the pre-trade margin gate. Owns the {@link MarginBook} (its single writer once the pipeline runs): applies
 * every event's marks, option mark IVs, index prices and account snapshots to it in ring order, then judges the
 * one-leg group of a trading decision with the {@link MarginGate} at the event's time and writes the verdict on the
 * event: APPROVED, or GATE_BLOCKED with the verdict's reason. Allocation-free in steady state (the gate's own
 * contract; account snapshots are immutable values built at the edge).
 */
final class MarginGateStage implements EventHandler<PipelineEvent>
{
    private final Routing routing;
    private final MarginBook book;
    private final MarginGate gate;

    MarginGateStage(final Routing routing, final MarginBook book, final GateConfig gateConfig)
    {
        this.routing = routing;
        this.book = book;
        this.gate = new MarginGate(book, gateConfig);
    }

    @Override
    public void onEvent(final PipelineEvent event, final long sequence, final boolean endOfBatch)
    {
        switch (event.kind)
        {
            case MARKET_DATA -> apply(event.marketData());
            case ACCOUNT -> book.onAccount(event.accountId, event.account);
            default ->
            {
            }
        }
        if (event.result == PipelineResult.GATE_BLOCKED && event.legs().size() > 0)
        {
            event.result = gate.evaluate(event.legs(), event.nowMs, event.verdict()) ?
                PipelineResult.APPROVED : PipelineResult.GATE_BLOCKED;
        }
    }

    private void apply(final MarketDataEvent md)
    {
        final int i = routing.checkedInstrument(md.instrumentIndex());
        if (md.type() == MarketDataType.TICKER)
        {
            if (md.has(TickerField.MARK_PRICE))
            {
                book.onMark(i, md.markPrice());
            }
            if (md.has(TickerField.MARK_IV) && routing.isOption[i])
            {
                book.onVolatility(i, md.markIv());
            }
            if (md.has(TickerField.INDEX_PRICE))
            {
                book.onIndex(book.underlyingOf(i), md.indexPrice());
            }
        }
        else if (md.type() == MarketDataType.INDEX_PRICE)
        {
            book.onIndex(book.underlyingOf(i), md.indexPrice());
        }
    }
}
