package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.rpc.RpcError;

/**
 * Deribit's price band: no buy above {@code max_price}, no sell below {@code min_price}. Futures: mark +/- 5 %.
 * Options (an assumption; Deribit derives its option band from IV limits): mark +/- max(25 % of the mark, 20 ticks),
 * never below one tick. Stateless.
 */
final class PriceBand
{
    private static final double FUTURE_BAND = 0.05;
    private static final double OPTION_BAND = 0.25;
    private static final int OPTION_MIN_BAND_TICKS = 20;

    private PriceBand()
    {
    }

    static long maxPriceTicks(final SimInstrument instrument, final double mark)
    {
        if (instrument.isOption())
        {
            return (long)Math.floor((mark + optionBand(instrument, mark)) / instrument.tickSize() + 1e-9);
        }
        return (long)Math.floor(mark * (1 + FUTURE_BAND) / instrument.tickSize());
    }

    static long minPriceTicks(final SimInstrument instrument, final double mark)
    {
        if (instrument.isOption())
        {
            return Math.max(1, (long)Math.ceil((mark - optionBand(instrument, mark)) / instrument.tickSize() - 1e-9));
        }
        return (long)Math.ceil(mark * (1 - FUTURE_BAND) / instrument.tickSize());
    }

    /**
     * @throws RpcError {@code 10007 price_too_high} or {@code 10005 price_too_low} outside the band.
     */
    static void check(final SimInstrument instrument, final boolean buy, final long priceTicks, final double mark)
    {
        final double price = instrument.price(priceTicks);
        if (buy && priceTicks > maxPriceTicks(instrument, mark))
        {
            throw new RpcError(10007, "price_too_high", "buy price " + price + " is above max_price "
                + instrument.price(maxPriceTicks(instrument, mark)), "price");
        }
        if (!buy && priceTicks < minPriceTicks(instrument, mark))
        {
            throw new RpcError(10005, "price_too_low", "sell price " + price + " is below min_price "
                + instrument.price(minPriceTicks(instrument, mark)), "price");
        }
    }

    private static double optionBand(final SimInstrument instrument, final double mark)
    {
        return Math.max(OPTION_BAND * mark, OPTION_MIN_BAND_TICKS * instrument.tickSize());
    }
}
