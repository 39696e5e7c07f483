package io.deltahedger.backtest.generate;

import io.deltahedger.backtest.synthetic.PathRandom;

/**
 * The generated perpetual ({@code BTC-PERPETUAL}, inverse, 10 USD contracts): its mark, funding, a 25-level book and
 * trades around the index path.
 *
 * <ul>
 *   <li>Mark = index (1 + premium); the premium follows an Ornstein-Uhlenbeck process (mean 0, reversion time
 *       {@value #PREMIUM_REVERSION_SECONDS} s, stationary standard deviation {@value #PREMIUM_STD}), stepped
 *       exactly.</li>
 *   <li>Funding rate per 8 hours by Deribit's formula {@code max(0.05%, premium) + min(-0.05%, premium)}: zero inside
 *       the +-0.05% band.</li>
 *   <li>Book ({@link PerpetualBook}): best bid the mark floored to the tick, best ask one tick above, 25 levels a
 *       side.</li>
 *   <li>Trades: Poisson arrivals, buy or sell with equal odds, at the best ask (buy) or best bid (sell) of the current
 *       step, 10 to a few thousand USD.</li>
 * </ul>
 * Prices are held as whole ticks, so every printed price lies exactly on the tick grid.
 */
final class PerpetualMarket
{
    static final double PREMIUM_REVERSION_SECONDS = 3_600.0;
    static final double PREMIUM_STD = 0.0004;
    static final double FUNDING_DEAD_BAND = 0.0005;
    static final double CONTRACT_USD = 10.0;

    static final String TICKER_HEADER = "exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,"
        + "predicted_funding_rate,open_interest,last_price,index_price,mark_price";
    static final String TRADES_HEADER = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount";

    private final String symbol;
    private final double tick;
    private final int tickDecimals;
    private final PathRandom random;
    private final double tradesPerMicro;
    private final PerpetualBook book;

    private double index;
    private double premium;
    private long bestBidTicks;
    private double openInterest = 600_000_000.0;
    private double lastPrice = Double.NaN;
    private long nextTradeMicros;
    private long tradeId;

    PerpetualMarket(final String symbol, final double tick, final double tradesPerMinute, final PathRandom random,
        final long startMicros)
    {
        this.symbol = symbol;
        this.tick = tick;
        this.tickDecimals = decimalsOf(tick);
        this.random = random;
        this.tradesPerMicro = tradesPerMinute / 60e6;
        this.tradeId = 1;
        this.book = new PerpetualBook(symbol, tick, tickDecimals, random);
        this.nextTradeMicros = tradesPerMicro > 0 ? startMicros + exponentialMicros() : Long.MAX_VALUE;
    }

    String symbol()
    {
        return symbol;
    }

    /** Moves the premium over {@code dtSeconds} and re-centres the book on the new mark of {@code newIndex}. */
    void onStep(final double newIndex, final double dtSeconds, final boolean first)
    {
        index = newIndex;
        if (!first)
        {
            final double decay = Math.exp(-dtSeconds / PREMIUM_REVERSION_SECONDS);
            premium = premium * decay + PREMIUM_STD * Math.sqrt(-Math.expm1(-2 * dtSeconds / PREMIUM_REVERSION_SECONDS))
                * random.nextGaussian();
        }
        bestBidTicks = (long)Math.floor(mark() / tick);
        if (Double.isNaN(lastPrice))
        {
            lastPrice = bestBidTicks * tick;
        }
    }

    double mark()
    {
        return index * (1.0 + premium);
    }

    /** Funding per 8 hours, Deribit's dead-band formula on the premium. */
    double fundingRate()
    {
        return Math.max(FUNDING_DEAD_BAND, premium) + Math.min(-FUNDING_DEAD_BAND, premium);
    }

    /** Rebuilds the book around the current mark (call at each book interval, before writing it). */
    PerpetualBook updatedBook()
    {
        book.update(bestBidTicks);
        return book;
    }

    /** One derivative_ticker row: funding per 8 h (no funding timestamp: Deribit funds continuously). */
    void writeTicker(final TardisCsvFile file, final long timestampMicros, final long latencyMicros)
    {
        openInterest = Math.max(CONTRACT_USD, openInterest * Math.exp(0.002 * random.nextGaussian()));
        final StringBuilder row = file.begin(symbol);
        final long local = file.localMicros(timestampMicros + latencyMicros);
        row.append(timestampMicros).append(',').append(local).append(",,");
        Decimal.append(row, fundingRate(), 8).append(",,");
        Decimal.append(row, Math.rint(openInterest / CONTRACT_USD) * CONTRACT_USD, 0).append(',');
        Decimal.append(row, lastPrice, tickDecimals).append(',');
        Decimal.append(row, index, 2).append(',');
        Decimal.append(row, mark(), 2);
        file.write(local);
    }

    /** Trades that happen before {@code endMicros} at the current book, each with a latency from the step. */
    void writeTrades(final TardisCsvFile file, final long endMicros, final long latencyMicros)
    {
        while (nextTradeMicros < endMicros)
        {
            final boolean buy = random.nextOpenUnit() < 0.5;
            final double price = (buy ? bestBidTicks + 1 : bestBidTicks) * tick;
            final double amount = CONTRACT_USD * Math.ceil(-Math.log(random.nextOpenUnit()) * 150);
            final StringBuilder row = file.begin(symbol);
            final long local = file.localMicros(nextTradeMicros + latencyMicros);
            row.append(nextTradeMicros).append(',').append(local).append(',').append(tradeId++).append(',')
                .append(buy ? "buy" : "sell").append(',');
            Decimal.append(row, price, tickDecimals).append(',');
            Decimal.append(row, amount, 0);
            file.write(local);
            lastPrice = price;
            nextTradeMicros += exponentialMicros();
        }
    }

    private long exponentialMicros()
    {
        return 1 + (long)(-Math.log(random.nextOpenUnit()) / tradesPerMicro);
    }

    private static int decimalsOf(final double tick)
    {
        for (int decimals = 0; decimals <= 8; decimals++)
        {
            final double scaled = tick * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-9)
            {
                return decimals;
            }
        }
        return 8;
    }
}
