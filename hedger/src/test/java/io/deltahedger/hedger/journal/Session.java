package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.account.AccountSnapshot;

/**
 * What the pipeline's journaling will do, in miniature: every input is applied to the live margin book and appended
 * to the journal in the same order, and every gate evaluation is appended as a VERDICT.
 */
final class Session
{
    final JournalWorld world;
    final MarginBook book;
    final MarginGate gate;
    final JournalWriter writer;
    final LegGroup legs = new LegGroup(MarginGate.MAX_LEGS);
    final GateVerdict verdict = new GateVerdict();
    long nowMs;

    Session(final JournalWorld world, final JournalWriter writer, final long startMs)
    {
        this.world = world;
        this.book = world.newBook();
        this.gate = new MarginGate(book, world.gate);
        this.writer = writer;
        this.nowMs = startMs;
        writer.appendHeader(nowMs, world.header(book));
    }

    Session market(final int instrument, final double mark, final double vol, final double index)
    {
        int fields = JournalEntry.Market.HAS_MARK | JournalEntry.Market.HAS_INDEX;
        book.onMark(instrument, mark);
        if (!Double.isNaN(vol))
        {
            book.onVolatility(instrument, vol);
            fields |= JournalEntry.Market.HAS_VOLATILITY;
        }
        book.onIndex(book.underlyingOf(instrument), index);
        writer.appendMarket(nowMs, instrument, fields, mark, vol, index);
        return this;
    }

    /** Marks, vols and index for every instrument at spot 96,000. */
    Session fullMarket()
    {
        market(JournalWorld.PERP, 96_000, Double.NaN, 96_000);
        market(JournalWorld.CALL, 0.011, 0.55, 96_000);
        market(JournalWorld.PUT, 0.006, 0.60, 96_000);
        market(JournalWorld.BTCUSDT, 96_010, Double.NaN, 96_000);
        market(JournalWorld.BYBIT_PERP, 96_005, Double.NaN, 96_000);
        return this;
    }

    Session account(final int accountId, final AccountSnapshot snapshot)
    {
        book.onAccount(accountId, snapshot);
        writer.appendAccount(nowMs, accountId, snapshot);
        return this;
    }

    /** Journals {@code snapshot} but gives the live book {@code live}: a journal whose inputs lie. */
    Session accountLying(final int accountId, final AccountSnapshot live, final AccountSnapshot journaled)
    {
        book.onAccount(accountId, live);
        writer.appendAccount(nowMs, accountId, journaled);
        return this;
    }

    LegGroup legs()
    {
        return legs.clear();
    }

    /** Evaluates the current legs on the live gate and journals GROUP and VERDICT; returns approval. */
    boolean decide(final long groupId)
    {
        writer.appendGroup(nowMs, groupId, 0, legs);
        final boolean approved = gate.evaluate(legs, nowMs, verdict);
        writer.appendVerdict(nowMs, groupId, nowMs, legs, verdict);
        return approved;
    }

    /** A small perpetual buy on Deribit: approved on a healthy account. */
    boolean smallHedge(final long groupId)
    {
        legs().add(JournalWorld.DERIBIT, JournalWorld.PERP, Side.BUY, 100, 96_010);
        return decide(groupId);
    }

    /** Selling 50 BTC of calls on a 1 BTC account: blocked by the threshold. */
    boolean hugeShortCalls(final long groupId)
    {
        legs().add(JournalWorld.DERIBIT, JournalWorld.CALL, Side.SELL, 500, 0.011);
        return decide(groupId);
    }
}
