package io.deltahedger.venues.simulator.market;

import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.greeks.surface.SurfaceSlice;
import io.deltahedger.greeks.surface.SviParameters;
import io.deltahedger.greeks.surface.VolSurface;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Marks and Greeks of the option chain, re-priced on every market step: per underlying a seeded raw-SVI
 * {@link VolSurface} (in time to expiry, so the smile rolls with the clock), and per option the coin-settled price of
 * {@link InverseOptionPricer} on the forward {@code F = index x exp(basis x T)} (the dated futures' mark formula, so an
 * option whose expiry has a listed future is priced on that future's mark) at the surface volatility
 * {@code vol(T, ln(K/F))}. Rate of the coin: 0, as Deribit.
 *
 * <p>Units, Deribit's: mark in coin per option, IV in percent, delta in coin of underlying per option (Black-Scholes,
 * on the forward, not premium-adjusted), gamma per 1 USD, vega USD per vol point, theta USD per day, rho USD per 1 %
 * of rate. At or after expiry (until the engine settles it) the mark is the intrinsic coin value at the index and
 * the Greeks are 0. Arrays are indexed by instrument index (0 for futures) and live: read, never write.
 * Single-threaded; the re-pricing allocates nothing.
 */
public final class OptionBoard
{
    private static final double MS_PER_YEAR = 365.0 * 24 * 3600 * 1000;
    /** Expiries (days) of the SVI slices of every surface. */
    private static final int[] SLICE_DAYS = {1, 7, 30, 90, 180};

    private final SimInstrument[] options;
    private final int[] underlyingOf;
    private final VolSurface[] surfaces;
    private final double[] underlyingPrices;
    private final double[] markIvs;
    private final double[] deltas;
    private final double[] netDeltas;
    private final double[] gammas;
    private final double[] vegas;
    private final double[] thetas;
    private final double[] rhos;
    private final OptionGreeks greeks = new OptionGreeks();

    OptionBoard(final List<UnderlyingSpec> underlyings, final List<SimInstrument> instruments, final int[] underlyingOf,
        final SplittableRandom random)
    {
        final List<SimInstrument> optionList = new ArrayList<>();
        for (final SimInstrument instrument : instruments)
        {
            if (instrument.isOption())
            {
                optionList.add(instrument);
            }
        }
        this.options = optionList.toArray(new SimInstrument[0]);
        this.underlyingOf = underlyingOf;
        this.surfaces = new VolSurface[underlyings.size()];
        for (int i = 0; i < surfaces.length; i++)
        {
            surfaces[i] = seededSurface(underlyings.get(i), random.split());
        }
        final int n = instruments.size();
        underlyingPrices = new double[n];
        markIvs = new double[n];
        deltas = new double[n];
        netDeltas = new double[n];
        gammas = new double[n];
        vegas = new double[n];
        thetas = new double[n];
        rhos = new double[n];
    }

    /**
     * A crypto-like surface around the underlying's volatility: per slice an at-the-money vol of
     * {@code volatility x (0.9..1.1, seeded) x (T / 30d)^0.03} (slightly upward term structure), a negative skew
     * {@code rho} in (-0.45, -0.15), wings {@code b = (0.12..0.2) sqrt(T)} and curvature {@code sigma = 0.1 sqrt(T)}, with
     * {@code a} set so that the total variance at the money is {@code atmVol^2 T}. The wing slopes stay far inside
     * Lee's bound and total variance grows with T at every log-moneyness (no calendar arbitrage).
     */
    static VolSurface seededSurface(final UnderlyingSpec spec, final SplittableRandom random)
    {
        final double level = spec.volatility() * (0.9 + 0.2 * random.nextDouble());
        final double rho = -0.15 - 0.3 * random.nextDouble();
        final double wing = 0.12 + 0.08 * random.nextDouble();
        final List<SurfaceSlice> slices = new ArrayList<>();
        for (final int days : SLICE_DAYS)
        {
            final double years = days / 365.0;
            final double atmVol = Math.max(0.05, level) * Math.pow(days / 30.0, 0.03);
            final double b = wing * Math.sqrt(years);
            final double sigma = 0.1 * Math.sqrt(years);
            final double a = atmVol * atmVol * years - b * sigma;
            slices.add(new SurfaceSlice(years, new SviParameters(a, b, rho, 0.0, sigma)));
        }
        return VolSurface.of(slices);
    }

    /**
     * Re-prices every option at {@code nowMs} from the index values, writing the marks into {@code marks}.
     *
     * @param indexValues the index value (USD) per underlying.
     */
    void reprice(final long nowMs, final double[] indexValues, final double basisPerYear, final double[] marks)
    {
        for (final SimInstrument option : options)
        {
            final int i = option.index();
            final int underlying = underlyingOf[i];
            final double index = indexValues[underlying];
            final double strike = option.option().strike();
            final OptionType type = option.option().type();
            final double years = (option.expirationMs() - nowMs) / MS_PER_YEAR;
            if (years <= 0)
            {
                underlyingPrices[i] = index;
                marks[i] = Math.max(type.sign() * (index - strike), 0.0) / index;
                deltas[i] = 0.0;
                netDeltas[i] = 0.0;
                gammas[i] = 0.0;
                vegas[i] = 0.0;
                thetas[i] = 0.0;
                rhos[i] = 0.0;
                continue;
            }
            final double forward = index * Math.exp(basisPerYear * years);
            final double vol = surfaces[underlying].volatility(years, Math.log(strike / forward));
            InverseOptionPricer.DEFAULT.price(type, forward, strike, years, vol, 0.0, greeks);
            underlyingPrices[i] = forward;
            marks[i] = greeks.price();
            markIvs[i] = vol * OptionGreeks.VOL_POINTS_PER_UNIT;
            deltas[i] = greeks.delta();
            netDeltas[i] = greeks.premiumAdjustedDelta();
            gammas[i] = greeks.gamma();
            vegas[i] = greeks.vegaPerVolPoint();
            thetas[i] = greeks.thetaPerDay();
            rhos[i] = greeks.rhoPerPercent();
        }
    }

    /** The surface of the underlying with the given position in the simulator's underlying list. */
    public VolSurface surface(final int underlying)
    {
        return surfaces[underlying];
    }

    /** Forward (Deribit's {@code underlying_price}) per instrument index, USD. */
    public double[] underlyingPrices()
    {
        return underlyingPrices;
    }

    /** Mark implied volatility per instrument index, percent. */
    public double markIv(final int instrumentIndex)
    {
        return markIvs[instrumentIndex];
    }

    /** Black-Scholes delta on the forward, coin of underlying per option. */
    public double delta(final int instrumentIndex)
    {
        return deltas[instrumentIndex];
    }

    /** Deribit's net transaction delta: delta - mark (coin per option). */
    public double netDelta(final int instrumentIndex)
    {
        return netDeltas[instrumentIndex];
    }

    /** Per 1 USD move of the forward, per option. */
    public double gamma(final int instrumentIndex)
    {
        return gammas[instrumentIndex];
    }

    /** USD per vol point, per option. */
    public double vega(final int instrumentIndex)
    {
        return vegas[instrumentIndex];
    }

    /** USD per calendar day, per option (negative for a long option). */
    public double theta(final int instrumentIndex)
    {
        return thetas[instrumentIndex];
    }

    /** USD per 1 % of rate, per option. */
    public double rho(final int instrumentIndex)
    {
        return rhos[instrumentIndex];
    }
}
