package io.deltahedger.venues.simulator.trading;

/**
 * Per-instrument trade statistics for tickers: last price, high, low, volume and the trade sequence. Exchange
 * thread only; arrays indexed by instrument index, allocation-free.
 */
public final class InstrumentStats
{
    private final long[] tradeSeq;
    private final long[] lastTradeTicks;
    private final double[] volumeUsd;
    private final double[] volumeCoin;
    private final long[] highTicks;
    private final long[] lowTicks;

    InstrumentStats(final int instruments)
    {
        tradeSeq = new long[instruments];
        lastTradeTicks = new long[instruments];
        volumeUsd = new double[instruments];
        volumeCoin = new double[instruments];
        highTicks = new long[instruments];
        lowTicks = new long[instruments];
        java.util.Arrays.fill(lowTicks, Long.MAX_VALUE);
    }

    /**
     * Records a trade.
     *
     * @return Deribit's tick direction of the trade: 0 plus tick, 1 zero-plus tick, 2 minus tick (a zero-minus tick,
     *         3, is reported as 1 here since the direction before the last is not kept).
     */
    int onTrade(final int index, final long priceTicks, final double usd, final double coin)
    {
        final long previous = lastTradeTicks[index];
        final int tickDirection = previous == 0 || priceTicks > previous ? 0 : priceTicks < previous ? 2 : 1;
        lastTradeTicks[index] = priceTicks;
        highTicks[index] = Math.max(highTicks[index], priceTicks);
        lowTicks[index] = Math.min(lowTicks[index], priceTicks);
        volumeUsd[index] += usd;
        volumeCoin[index] += coin;
        return tickDirection;
    }

    long nextTradeSeq(final int index)
    {
        return ++tradeSeq[index];
    }

    /** Last trade price in ticks, 0 before the first trade. */
    public long lastTradeTicks(final int index)
    {
        return lastTradeTicks[index];
    }

    public double volumeUsd(final int index)
    {
        return volumeUsd[index];
    }

    public double volumeCoin(final int index)
    {
        return volumeCoin[index];
    }

    /** Highest trade price in ticks, 0 before the first trade. */
    public long highTicks(final int index)
    {
        return highTicks[index];
    }

    /** Lowest trade price in ticks, 0 before the first trade. */
    public long lowTicks(final int index)
    {
        return lowTicks[index] == Long.MAX_VALUE ? 0 : lowTicks[index];
    }
}
