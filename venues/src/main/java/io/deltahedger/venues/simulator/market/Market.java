package io.deltahedger.venues.simulator.market;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The prices behind the books: one {@link IndexProcess} per underlying; the perpetual's fair price is the index times
 * (1 + a premium following a mean-reverting process); a dated future's is index * exp(basis * time to expiry). The
 * mark price of every future is its fair price (Deribit marks from the index plus a smoothed basis). Options are
 * marked in coin by the {@link OptionBoard} from a seeded volatility surface. Single-threaded.
 */
public final class Market
{
    private static final double MS_PER_YEAR = 365.0 * 24 * 3600 * 1000;
    /** Annualised basis of dated futures over the index. */
    static final double BASIS_PER_YEAR = 0.05;
    /** Perpetual premium: mean reversion per year and volatility per sqrt(year). */
    private static final double PREMIUM_REVERSION = 2_000.0;
    private static final double PREMIUM_VOLATILITY = 0.02;

    private final List<UnderlyingSpec> underlyings;
    private final List<SimInstrument> instruments;
    private final IndexProcess[] indices;
    private final double[] premiums;
    private final int[] underlyingOfInstrument;
    private final double[] marks;
    private final double[] indexPrices;
    private final SplittableRandom random;
    private final OptionBoard options;
    private final double[] indexValues;
    private long nowMs;

    public Market(final List<UnderlyingSpec> underlyings, final List<SimInstrument> instruments,
        final SplittableRandom random, final long startMs)
    {
        this.underlyings = List.copyOf(underlyings);
        this.instruments = List.copyOf(instruments);
        this.random = random;
        this.indices = new IndexProcess[underlyings.size()];
        this.premiums = new double[underlyings.size()];
        for (int i = 0; i < indices.length; i++)
        {
            indices[i] = new IndexProcess(underlyings.get(i), random.split());
        }
        this.underlyingOfInstrument = new int[instruments.size()];
        for (final SimInstrument instrument : instruments)
        {
            underlyingOfInstrument[instrument.index()] = underlyingIndex(instrument.currency());
        }
        this.marks = new double[instruments.size()];
        this.indexPrices = new double[instruments.size()];
        this.nowMs = startMs;
        this.indexValues = new double[underlyings.size()];
        // Drawn after the index and premium streams were split off, so listing options does not move the index.
        this.options = new OptionBoard(underlyings, instruments, underlyingOfInstrument, random.split());
        reprice();
    }

    /** Mark price per instrument index, USD. Live array: the engine reads it. */
    public double[] marks()
    {
        return marks;
    }

    /** Index price per instrument index, USD. Live array. */
    public double[] indexPrices()
    {
        return indexPrices;
    }

    /** Marks, forwards and Greeks of the option chain. */
    public OptionBoard options()
    {
        return options;
    }

    public double fairPrice(final int instrumentIndex)
    {
        return marks[instrumentIndex];
    }

    /**
     * @return the index value of the currency in USD, or NaN when the currency is not listed.
     */
    public double indexValue(final String currency)
    {
        final int index = underlyingIndex(currency);
        return index < 0 ? Double.NaN : indices[index].value();
    }

    /** The funding premium of the currency's perpetual (fraction; Deribit's {@code current_funding}). */
    public double premium(final String currency)
    {
        return premiums[underlyingIndex(currency)];
    }

    /**
     * Advances every index and premium to {@code newNowMs} and re-prices the marks.
     */
    public void advanceTo(final long newNowMs)
    {
        final long dtMs = newNowMs - nowMs;
        if (dtMs <= 0)
        {
            return;
        }
        final double dt = dtMs / MS_PER_YEAR;
        for (int i = 0; i < indices.length; i++)
        {
            indices[i].step(dtMs);
            final double decay = Math.exp(-PREMIUM_REVERSION * dt);
            premiums[i] = premiums[i] * decay
                + PREMIUM_VOLATILITY * Math.sqrt((1 - decay * decay) / (2 * PREMIUM_REVERSION)) * random.nextGaussian();
        }
        nowMs = newNowMs;
        reprice();
    }

    /**
     * Moves one index at once by a relative amount (e.g. -0.3 for a 30 % crash) and re-prices.
     */
    public void shockIndex(final String currency, final double relativeMove)
    {
        final int index = underlyingIndex(currency);
        if (index < 0)
        {
            throw new IllegalArgumentException("no underlying " + currency + "; listed: " + underlyings);
        }
        indices[index].shock(relativeMove);
        reprice();
    }

    private void reprice()
    {
        for (int i = 0; i < indices.length; i++)
        {
            indexValues[i] = indices[i].value();
        }
        for (final SimInstrument instrument : instruments)
        {
            final int underlying = underlyingOfInstrument[instrument.index()];
            final double index = indices[underlying].value();
            indexPrices[instrument.index()] = index;
            if (instrument.isOption())
            {
                continue;
            }
            if (instrument.isPerpetual())
            {
                marks[instrument.index()] = index * (1.0 + premiums[underlying]);
            }
            else
            {
                final double years = Math.max(0.0, (instrument.expirationMs() - nowMs) / MS_PER_YEAR);
                marks[instrument.index()] = index * Math.exp(BASIS_PER_YEAR * years);
            }
        }
        options.reprice(nowMs, indexValues, BASIS_PER_YEAR, marks);
    }

    private int underlyingIndex(final String currency)
    {
        for (int i = 0; i < underlyings.size(); i++)
        {
            if (underlyings.get(i).currency().equals(currency))
            {
                return i;
            }
        }
        return -1;
    }
}
