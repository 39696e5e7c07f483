package io.deltahedger.hedger.execution;

import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.VenueGateway;

import java.util.Arrays;
import java.util.Map;

/**
 * {@link ExecutionVenues} resolved into arrays indexed by margin-book ids, plus the last mark of each instrument (the
 * slippage reference and the compensation price). Owned by the execution stage thread.
 */
final class VenueTable
{
    final VenueGateway[] gateways;
    final Instrument[] instruments;
    /** Tick size in the quote currency. */
    final double[] tick;
    /** Amount per lot in the amount currency (coin for linear, USD for inverse). */
    final double[] lotSize;
    final boolean[] inverse;
    final long[] minLots;
    /** The last mark seen in market data, NaN before one. */
    final double[] mark;

    VenueTable(final ExecutionVenues venues, final int accountCount, final int instrumentCount)
    {
        gateways = new VenueGateway[accountCount];
        for (final Map.Entry<Integer, VenueGateway> e : venues.gateways().entrySet())
        {
            if (e.getKey() >= accountCount)
            {
                throw new IllegalArgumentException("execution gateway for account id " + e.getKey()
                    + " which is not a margin-book account (0.." + (accountCount - 1) + ")");
            }
            gateways[e.getKey()] = e.getValue();
        }
        instruments = new Instrument[instrumentCount];
        tick = new double[instrumentCount];
        lotSize = new double[instrumentCount];
        inverse = new boolean[instrumentCount];
        minLots = new long[instrumentCount];
        mark = new double[instrumentCount];
        Arrays.fill(mark, Double.NaN);
        for (final Map.Entry<Integer, Instrument> e : venues.instruments().entrySet())
        {
            final int i = e.getKey();
            if (i >= instrumentCount)
            {
                throw new IllegalArgumentException("execution instrument for id " + i
                    + " which is not a margin-book instrument (0.." + (instrumentCount - 1) + ")");
            }
            final Instrument instrument = e.getValue();
            instruments[i] = instrument;
            tick[i] = instrument.priceGrid().step().doubleValue();
            lotSize[i] = instrument.amountGrid().step().doubleValue();
            inverse[i] = instrument.style() == ContractStyle.INVERSE;
            minLots[i] = instrument.minAmountLots();
        }
    }

    /** True if an order for this account and instrument can be built and sent. */
    boolean routable(final int accountId, final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < instruments.length && instruments[instrumentId] != null
            && accountId >= 0 && accountId < gateways.length && gateways[accountId] != null;
    }

    /** Coin delta of one lot at {@code price} (linear: the lot size; inverse USD lots: lotSize / price). */
    double coinPerLot(final int instrumentId, final double price)
    {
        return inverse[instrumentId] ? lotSize[instrumentId] / price : lotSize[instrumentId];
    }
}
