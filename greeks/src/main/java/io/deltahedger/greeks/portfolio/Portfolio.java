package io.deltahedger.greeks.portfolio;

import io.deltahedger.greeks.math.StandardNormal;
import io.deltahedger.greeks.pricing.Black76OptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionInputs;
import io.deltahedger.greeks.pricing.OptionType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A book of option and delta-one positions, grouped by underlying, that revalues one underlying at a time without
 * allocating: positions live in primitive arrays, and one scratch {@link OptionGreeks} is reused.
 *
 * <h2>Market model per underlying</h2>
 * The spot S is passed to each revaluation. The forward for an option expiring in T years is
 * {@code F = S e^{basis T}} ({@code basis}: the annualised log premium of futures over spot, {@code rate - carry} in
 * Black-Scholes-Merton terms; 0 prices every expiry off spot), and values are discounted at {@code discountRate}
 * (Deribit: 0). Both are set per underlying with {@link #setRates}. Volatility is per option (sticky strike) and set
 * with {@link #setVolatility} as marks move.
 *
 * <h2>Greeks</h2>
 * Every option's Greeks are taken with respect to spot by the chain rule through {@code F = g S}, {@code g =
 * e^{basis T}}: a USD-premium option (Black-Scholes-Merton, Black-76, linear) is worth {@code V = P(F)}, so
 * {@code dV/dS = g dP/dF} and {@code d2V/dS2 = g^2 d2P/dF2}; a coin-settled option is worth {@code V = S c(F) =
 * P_usd(F) / g} in USD today, so {@code dV/dS = dP_usd/dF} and {@code d2V/dS2 = g d2P_usd/dF2}. Black-Scholes-Merton
 * and Black-76 positions are therefore priced identically once the market is given as spot and basis.
 *
 * <h2>Revaluation after a spot move</h2>
 * Everything about an option that does not depend on spot (time to expiry, {@code vol sqrt T}, discount, growth,
 * {@code ln K - ln g}) is prepared once per underlying and valuation time, so revaluing after a spot move costs one
 * logarithm per underlying and, per option, one density and the two normal distribution values derived from it
 * (one exponential in all): the plain Black-76 closed form on those terms. Its rounding error deep in the wings is at most a few ulps of the forward per option,
 * irrelevant in an aggregate; options at or after expiry or with zero vol take the exact single-option pricers with
 * their documented limits. Tests hold the two paths together.
 *
 * <h2>Revaluation after one option's volatility moved</h2>
 * A full {@link #revalue(int, double, PortfolioGreeks)} keeps each option's contribution to the aggregate (its
 * {@code q × ...} terms). When only some options' volatilities (or contracts) changed since, {@link #revalueOption}
 * prices just one option again at the spot and valuation time of that full revalue and replaces its old contribution
 * in the holder: O(1) per option tick instead of O(options of the underlying).
 *
 * <p>Numerical contract: the new contribution is bitwise what a full revalue computes, and each update adds
 * {@code new - old} to each aggregate, so the result equals a full revalue at the same inputs up to floating-point
 * summation order: each update rounds within a few ulps of the larger of the aggregate and the option's old and new
 * terms (~1e-16 relative to them, far inside a 1e-12 budget; an aggregate that cancels to about zero keeps that
 * residue of the terms it replaced). Drift cannot accumulate past the next full revalue, which every spot move or
 * valuation step does and which re-sums every option from scratch.
 *
 * <p>Single writer: one thread owns an instance. Expiry is converted with ACT/365 from the injected valuation time.
 */
public final class Portfolio
{
    /** Milliseconds in a year of 365 days: the ACT/365 convention of docs/greeks.md. */
    public static final double MILLIS_PER_YEAR = 365.0 * 24.0 * 3600.0 * 1000.0;

    private final String[] underlyings;
    private final double[] discountRate;
    private final double[] basis;
    private final int[] optionStart;
    private final int[] deltaOneStart;

    private final String[] optionInstrument;
    private final boolean[] coinSettled;
    private final OptionType[] optionType;
    private final double[] strike;
    private final long[] expiryEpochMs;
    private final double[] quantity;
    private final double[] contractMultiplier;
    private final double[] volatility;

    private final String[] deltaOneInstrument;
    private final boolean[] inverse;
    private final double[] deltaOneUnits;

    /** Valuation time each underlying's spot-independent terms were prepared for; NOT_PREPARED when stale. */
    private final long[] preparedEpochMs;
    private final double[] expiryYears;
    private final double[] growth;
    private final double[] logStrikeOverGrowth;
    private final double[] totalVol;
    private final double[] sqrtExpiry;
    private final double[] discount;
    /** True when the closed form applies: T &gt; 0 and total vol above OptionInputs.MIN_TOTAL_VOLATILITY. */
    private final boolean[] closedForm;

    /** Per option: its underlying's index. */
    private final int[] optionUnderlying;
    /** Each option's last contribution to its underlying's aggregate, and what revalueOption builds on. */
    private final OptionContributions contributions;

    private final OptionGreeks scratch = new OptionGreeks();
    /**
     * The sums of the contributions {@link #priceOptions} last priced, in the units of {@link OptionContributions#terms}: a
     * second result without allocating.
     */
    private double sumValueUsd;
    private double sumValueCoin;
    private double sumDelta;
    private double sumPremiumAdjustedDelta;
    private double sumGamma;
    private double sumVega;
    private double sumTheta;

    private static final long NOT_PREPARED = Long.MIN_VALUE;

    private Portfolio(final List<OptionPosition> options, final List<DeltaOnePosition> deltaOnes)
    {
        final List<String> names = new ArrayList<>();
        options.forEach(position -> addName(names, position.underlying()));
        deltaOnes.forEach(position -> addName(names, position.underlying()));
        names.sort(Comparator.naturalOrder());
        underlyings = names.toArray(new String[0]);
        discountRate = new double[underlyings.length];
        basis = new double[underlyings.length];

        final List<OptionPosition> sortedOptions = new ArrayList<>(options);
        sortedOptions.sort(Comparator.comparing(OptionPosition::underlying));
        final List<DeltaOnePosition> sortedDeltaOnes = new ArrayList<>(deltaOnes);
        sortedDeltaOnes.sort(Comparator.comparing(DeltaOnePosition::underlying));

        final int optionCount = sortedOptions.size();
        optionInstrument = new String[optionCount];
        coinSettled = new boolean[optionCount];
        optionType = new OptionType[optionCount];
        strike = new double[optionCount];
        expiryEpochMs = new long[optionCount];
        quantity = new double[optionCount];
        contractMultiplier = new double[optionCount];
        volatility = new double[optionCount];
        for (int i = 0; i < optionCount; i++)
        {
            final OptionPosition position = sortedOptions.get(i);
            optionInstrument[i] = position.instrument();
            coinSettled[i] = position.model().coinSettled();
            optionType[i] = position.type();
            strike[i] = position.strike();
            expiryEpochMs[i] = position.expiryEpochMs();
            quantity[i] = position.quantity();
            contractMultiplier[i] = position.contractMultiplier();
            volatility[i] = position.volatility();
        }

        final int deltaOneCount = sortedDeltaOnes.size();
        deltaOneInstrument = new String[deltaOneCount];
        inverse = new boolean[deltaOneCount];
        deltaOneUnits = new double[deltaOneCount];
        for (int i = 0; i < deltaOneCount; i++)
        {
            final DeltaOnePosition position = sortedDeltaOnes.get(i);
            deltaOneInstrument[i] = position.instrument();
            inverse[i] = position.inverse();
            deltaOneUnits[i] = position.contracts() * position.contractSize();
        }

        preparedEpochMs = new long[underlyings.length];
        Arrays.fill(preparedEpochMs, NOT_PREPARED);
        expiryYears = new double[optionCount];
        growth = new double[optionCount];
        logStrikeOverGrowth = new double[optionCount];
        totalVol = new double[optionCount];
        sqrtExpiry = new double[optionCount];
        discount = new double[optionCount];
        closedForm = new boolean[optionCount];

        optionStart = new int[underlyings.length + 1];
        deltaOneStart = new int[underlyings.length + 1];
        for (int u = 0, o = 0, d = 0; u < underlyings.length; u++)
        {
            optionStart[u] = o;
            while (o < optionCount && sortedOptions.get(o).underlying().equals(underlyings[u]))
            {
                o++;
            }
            deltaOneStart[u] = d;
            while (d < deltaOneCount && sortedDeltaOnes.get(d).underlying().equals(underlyings[u]))
            {
                d++;
            }
            optionStart[u + 1] = o;
            deltaOneStart[u + 1] = d;
        }
        optionUnderlying = new int[optionCount];
        for (int u = 0; u < underlyings.length; u++)
        {
            Arrays.fill(optionUnderlying, optionStart[u], optionStart[u + 1], u);
        }
        contributions = new OptionContributions(optionCount, underlyings.length);
    }

    /** A portfolio of these positions; an underlying's rates start at 0 (set them with {@link #setRates}). */
    public static Portfolio of(final List<OptionPosition> options, final List<DeltaOnePosition> deltaOnes)
    {
        return new Portfolio(List.copyOf(options), List.copyOf(deltaOnes));
    }

    /** The number of underlyings; underlying indexes run from 0 in the order of their names. */
    public int underlyingCount()
    {
        return underlyings.length;
    }

    public String underlying(final int underlyingIndex)
    {
        return underlyings[underlyingIndex];
    }

    /**
     * @return the index of the underlying for the hot-path methods.
     * @throws IllegalArgumentException naming the underlying and the known ones when it holds no position.
     */
    public int underlyingIndex(final String underlying)
    {
        final int index = Arrays.binarySearch(underlyings, underlying);
        if (index < 0)
        {
            throw new IllegalArgumentException(
                "underlying '" + underlying + "' has no position in this portfolio; known: " +
                Arrays.toString(underlyings));
        }
        return index;
    }

    /**
     * Sets the market rates of one underlying.
     *
     * @param discountRate continuously compounded rate that discounts option values, per 1.00 per year (Deribit: 0).
     * @param basis        annualised log premium of the forward over spot: {@code F = S e^{basis T}}.
     */
    public void setRates(final int underlyingIndex, final double discountRate, final double basis)
    {
        PositionChecks.requireFinite("discountRate of " + underlyings[underlyingIndex], discountRate);
        PositionChecks.requireFinite("basis of " + underlyings[underlyingIndex], basis);
        this.discountRate[underlyingIndex] = discountRate;
        this.basis[underlyingIndex] = basis;
        preparedEpochMs[underlyingIndex] = NOT_PREPARED;
        contributions.forget(underlyingIndex);
    }

    /** The number of option positions; option indexes are grouped by underlying, see {@link #optionRange}. */
    public int optionCount()
    {
        return optionInstrument.length;
    }

    /** Option indexes of an underlying are {@code [optionRange(u), optionRange(u + 1))}. */
    public int optionRange(final int underlyingIndex)
    {
        return optionStart[underlyingIndex];
    }

    public String optionInstrument(final int optionIndex)
    {
        return optionInstrument[optionIndex];
    }

    /** The underlying index of an option. */
    public int optionUnderlying(final int optionIndex)
    {
        return optionUnderlying[optionIndex];
    }

    public double volatility(final int optionIndex)
    {
        return volatility[optionIndex];
    }

    /**
     * Sets an option's volatility per 1.00 (e.g. from its mark IV); sticky strike until set again. The next full
     * {@link #revalue} or {@link #revalueOption} of this option uses it.
     */
    public void setVolatility(final int optionIndex, final double vol)
    {
        if (!(vol >= 0.0 && vol < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "volatility of " + optionInstrument[optionIndex] + " must be finite and >= 0 per 1.00, was " + vol);
        }
        volatility[optionIndex] = vol;
        final double s = vol * sqrtExpiry[optionIndex];
        totalVol[optionIndex] = s;
        closedForm[optionIndex] = expiryYears[optionIndex] > 0.0 && s >= OptionInputs.MIN_TOTAL_VOLATILITY;
    }

    /**
     * Sets an option's signed number of contracts, e.g. after a fill. The next full {@link #revalue} or
     * {@link #revalueOption} of this option uses it.
     */
    public void setContracts(final int optionIndex, final double contracts)
    {
        PositionChecks.requireFinite("contracts of " + optionInstrument[optionIndex], contracts);
        quantity[optionIndex] = contracts * contractMultiplier[optionIndex];
    }

    /** The number of delta-one positions; their indexes are grouped by underlying like the options'. */
    public int deltaOneCount()
    {
        return deltaOneInstrument.length;
    }

    /** The index of the delta-one position on {@code instrument} (its name as given), or -1 if there is none. */
    public int deltaOneIndex(final String instrument)
    {
        for (int i = 0; i < deltaOneInstrument.length; i++)
        {
            if (deltaOneInstrument[i].equals(instrument))
            {
                return i;
            }
        }
        return -1;
    }

    public String deltaOneInstrument(final int deltaOneIndex)
    {
        return deltaOneInstrument[deltaOneIndex];
    }

    /** The underlying index of a delta-one position. */
    public int deltaOneUnderlying(final int deltaOneIndex)
    {
        int u = 0;
        while (deltaOneStart[u + 1] <= deltaOneIndex)
        {
            u++;
        }
        return u;
    }

    /**
     * A delta-one position's signed amount, {@code contracts × contractSize}: coin for a linear instrument, USD for
     * an inverse one (a venue's position size in its amount currency).
     */
    public double deltaOneAmount(final int deltaOneIndex)
    {
        return deltaOneUnits[deltaOneIndex];
    }

    /**
     * Sets a delta-one position's signed amount (coin for linear, USD for inverse), e.g. after a hedge fill; the next
     * full {@link #revalue} counts it. Until then {@link #revalueOption} on its underlying refuses (it would leave the
     * old delta-one amount in the aggregate).
     */
    public void setDeltaOneAmount(final int deltaOneIndex, final double amount)
    {
        PositionChecks.requireFinite("amount of " + deltaOneInstrument[deltaOneIndex], amount);
        deltaOneUnits[deltaOneIndex] = amount;
        contributions.forget(deltaOneUnderlying(deltaOneIndex));
    }

    /**
     * Prepares the spot-independent terms of one underlying's options for a valuation time. {@link #revalue} does
     * this itself when the time differs from the prepared one; a caller that revalues on every tick prepares on its
     * own schedule (for example once a second) and calls {@link #revalue(int, double, PortfolioGreeks)}.
     */
    public void prepare(final int underlyingIndex, final long valuationEpochMs)
    {
        final double rate = discountRate[underlyingIndex];
        final double b = basis[underlyingIndex];
        final int end = optionStart[underlyingIndex + 1];
        for (int i = optionStart[underlyingIndex]; i < end; i++)
        {
            final double t = (expiryEpochMs[i] - valuationEpochMs) / MILLIS_PER_YEAR;
            final double g = t > 0.0 && b != 0.0 ? Math.exp(b * t) : 1.0;
            final double sqrtT = t > 0.0 ? Math.sqrt(t) : 0.0;
            expiryYears[i] = t;
            growth[i] = g;
            logStrikeOverGrowth[i] = Math.log(strike[i] / g);
            sqrtExpiry[i] = sqrtT;
            totalVol[i] = volatility[i] * sqrtT;
            discount[i] = t > 0.0 ? Math.exp(-rate * t) : 1.0;
            closedForm[i] = t > 0.0 && totalVol[i] >= OptionInputs.MIN_TOTAL_VOLATILITY;
        }
        preparedEpochMs[underlyingIndex] = valuationEpochMs;
        // the stored contributions are of the previous valuation time: only a full revalue may follow
        contributions.forget(underlyingIndex);
    }

    /**
     * Revalues every position on one underlying at {@code spot} and aggregates the Greeks into {@code out},
     * preparing the spot-independent terms first if {@code valuationEpochMs} differs from the prepared time.
     *
     * @param spot             USD per coin, &gt; 0 and finite (the caller never passes an untrusted price).
     * @param valuationEpochMs the valuation time; options expired by then count at zero value.
     */
    public void revalue(
        final int underlyingIndex, final double spot, final long valuationEpochMs, final PortfolioGreeks out)
    {
        if (preparedEpochMs[underlyingIndex] != valuationEpochMs)
        {
            prepare(underlyingIndex, valuationEpochMs);
        }
        revalue(underlyingIndex, spot, out);
    }

    /**
     * Revalues one underlying at {@code spot} at the valuation time last prepared: the hot path after a spot move.
     *
     * @throws IllegalStateException if the underlying was never prepared (or its rates changed since).
     */
    public void revalue(final int underlyingIndex, final double spot, final PortfolioGreeks out)
    {
        requireSpot(underlyingIndex, spot);
        if (preparedEpochMs[underlyingIndex] == NOT_PREPARED)
        {
            throw new IllegalStateException(
                "underlying " + underlyings[underlyingIndex] + " is not prepared for a valuation time: call " +
                "prepare(underlyingIndex, valuationEpochMs) or revalue with a valuation time");
        }
        contributions.forget(underlyingIndex);
        out.reset(spot);
        final double rate = discountRate[underlyingIndex];
        final double b = basis[underlyingIndex];
        final double logSpot = Math.log(spot);
        final int end = optionStart[underlyingIndex + 1];
        priceOptions(optionStart[underlyingIndex], end, spot, logSpot, rate, b);
        double delta = sumDelta;
        double premiumAdjustedDelta = sumPremiumAdjustedDelta;
        final int deltaOneEnd = deltaOneStart[underlyingIndex + 1];
        for (int i = deltaOneStart[underlyingIndex]; i < deltaOneEnd; i++)
        {
            final double deltaCoin = inverse[i] ? deltaOneUnits[i] / spot : deltaOneUnits[i];
            delta += deltaCoin;
            premiumAdjustedDelta += deltaCoin;
        }
        out.valueUsd = sumValueUsd;
        out.valueCoin = sumValueCoin;
        out.deltaCoin = delta;
        out.premiumAdjustedDeltaCoin = premiumAdjustedDelta;
        out.gammaPerUsd = sumGamma;
        out.vegaUsdPerVolPoint = sumVega / OptionGreeks.VOL_POINTS_PER_UNIT;
        out.thetaUsdPerDay = sumTheta / OptionGreeks.DAYS_PER_YEAR;
        out.options = end - optionStart[underlyingIndex];
        out.deltaOnes = deltaOneEnd - deltaOneStart[underlyingIndex];
        contributions.remember(underlyingIndex, spot, logSpot, out);
    }

    /**
     * Revalues ONE option at the spot and valuation time of the last full {@link #revalue} of its underlying, after its
     * volatility ({@link #setVolatility}) or contracts ({@link #setContracts}) changed, and replaces its contribution to
     * the aggregate in {@code out}: {@code out.x += new - old} for value, delta, premium-adjusted delta, gamma, vega and
     * theta. O(1), allocation-free. The result equals a full revalue at the same inputs up to summation order (class
     * comment); a spot move or a new valuation time needs a full revalue.
     *
     * @param out the holder that last full revalue of the option's underlying filled, not refilled since
     * @throws IllegalStateException naming the fix when {@code out} is not that holder or there has been no full
     *                               revalue since the underlying was prepared, its rates set or a delta-one amount of
     *                               it changed
     */
    public void revalueOption(final int optionIndex, final PortfolioGreeks out)
    {
        final int u = optionUnderlying[optionIndex];
        if (out == null)
        {
            throw new IllegalArgumentException("revalueOption of " + optionInstrument[optionIndex] + " needs the "
                + "PortfolioGreeks the last full revalue of " + underlyings[u] + " filled, was null");
        }
        if (!contributions.filled(u, out))
        {
            final double spot = contributions.spot(u);
            throw new IllegalStateException("cannot revalue option " + optionInstrument[optionIndex] + " alone into "
                + "this holder (spot " + out.spot + "): it must be the holder the last full revalue of " + underlyings[u]
                + " filled" + (Double.isNaN(spot) ? " (there is none since it was prepared, its rates set or a delta-one "
                + "amount changed)" : " (at spot " + spot + ")") + "; call revalue(underlyingIndex, spot, "
                + "valuationEpochMs, out) first");
        }
        contributions.keepOld(optionIndex);
        priceOptions(optionIndex, optionIndex + 1, contributions.spot(u), contributions.logSpot(u), discountRate[u],
            basis[u]);
        contributions.addChange(optionIndex, out);
    }

    /**
     * Prices options {@code [from, to)} of one underlying at {@code spot} on their prepared terms, writes each one's
     * contribution (quantity times its USD value, coin value, delta, premium-adjusted delta, gamma, vega per 1.00 and
     * theta per year, all with respect to spot) to the contributions and their sums, in index order, to the sum*
     * fields. The one pricing routine of the full and the one-option revaluation; the loop is here, with the pricing
     * written out in it, so that the JIT compiles the whole hot loop as one (a per-option call costs ~10%).
     */
    private void priceOptions(
        final int from, final int to, final double spot, final double logSpot, final double rate, final double b)
    {
        final double[] c = contributions.terms;
        double valueUsd = 0.0;
        double valueCoin = 0.0;
        double delta = 0.0;
        double premiumAdjustedDelta = 0.0;
        double gamma = 0.0;
        double vega = 0.0;
        double theta = 0.0;
        for (int i = from; i < to; i++)
        {
            final double g = growth[i];
            final double forward = spot * g;
            // Black-76 on the forward: price (USD, discounted), and its forward delta, gamma, vega and theta.
            final double price;
            final double deltaF;
            final double gammaF;
            final double vegaF;
            final double thetaF;
            if (closedForm[i])
            {
                final double s = totalVol[i];
                final double d1 = (logSpot - logStrikeOverGrowth[i]) / s + 0.5 * s;
                final double d2 = d1 - s;
                final double w = optionType[i].sign();
                final double df = discount[i];
                // one exponential per option: phi(d1) gives N(w d1), and phi(d2) = phi(d1) F / K gives N(w d2)
                final double pdf1 = StandardNormal.pdf(d1);
                final double nd1 = StandardNormal.cdf(w * d1, pdf1);
                final double nd2 = StandardNormal.cdf(w * d2, pdf1 * forward / strike[i]);
                final double discountedPdf = df * pdf1;
                price = w * df * (forward * nd1 - strike[i] * nd2);
                deltaF = w * df * nd1;
                gammaF = discountedPdf / (forward * s);
                vegaF = discountedPdf * forward * sqrtExpiry[i];
                thetaF = rate * price - 0.5 * discountedPdf * forward * volatility[i] / sqrtExpiry[i];
            }
            else
            {
                final OptionGreeks greeks = scratch;
                Black76OptionPricer.DEFAULT.price(
                    optionType[i], forward, strike[i], expiryYears[i], volatility[i], rate, greeks);
                price = greeks.price();
                deltaF = greeks.delta();
                gammaF = greeks.gamma();
                vegaF = greeks.vega();
                thetaF = greeks.theta();
            }
            final double q = quantity[i];
            final double cValueUsd;
            final double cValueCoin;
            final double cDelta;
            final double cPremiumAdjustedDelta;
            final double cGamma;
            final double cVega;
            final double cTheta;
            if (coinSettled[i])
            {
                // USD value today S c(F) = P(F) / g: dV/dS = dP/dF, d2V/dS2 = g d2P/dF2 (class comment).
                final double coinPrice = price / forward;
                cValueCoin = q * coinPrice;
                cValueUsd = q * coinPrice * spot;
                cDelta = q * deltaF;
                cPremiumAdjustedDelta = q * (deltaF - coinPrice);
                cGamma = q * gammaF * g;
                cVega = q * vegaF / g;
                cTheta = q * (thetaF - deltaF * b * forward + b * price) / g;
            }
            else
            {
                final double deltaSpot = deltaF * g;
                cValueUsd = q * price;
                cValueCoin = q * price / spot;
                cDelta = q * deltaSpot;
                cPremiumAdjustedDelta = q * deltaSpot;
                cGamma = q * gammaF * g * g;
                cVega = q * vegaF;
                cTheta = q * (thetaF - deltaF * b * forward);
            }
            final int at = i * OptionContributions.FIELDS;
            c[at + OptionContributions.VALUE_USD] = cValueUsd;
            c[at + OptionContributions.VALUE_COIN] = cValueCoin;
            c[at + OptionContributions.DELTA] = cDelta;
            c[at + OptionContributions.PREMIUM_ADJUSTED_DELTA] = cPremiumAdjustedDelta;
            c[at + OptionContributions.GAMMA] = cGamma;
            c[at + OptionContributions.VEGA] = cVega;
            c[at + OptionContributions.THETA] = cTheta;
            valueUsd += cValueUsd;
            valueCoin += cValueCoin;
            delta += cDelta;
            premiumAdjustedDelta += cPremiumAdjustedDelta;
            gamma += cGamma;
            vega += cVega;
            theta += cTheta;
        }
        sumValueUsd = valueUsd;
        sumValueCoin = valueCoin;
        sumDelta = delta;
        sumPremiumAdjustedDelta = premiumAdjustedDelta;
        sumGamma = gamma;
        sumVega = vega;
        sumTheta = theta;
    }

    /**
     * Revalues one underlying's positions on every point of {@code out}'s grid against the unshocked state at
     * {@code spot}: full revaluation, not a Taylor expansion, so large moves and vol shifts are exact.
     */
    public void revalueScenarios(
        final int underlyingIndex, final double spot, final long valuationEpochMs, final ScenarioValues out)
    {
        requireSpot(underlyingIndex, spot);
        out.clear();
        final ScenarioGrid grid = out.grid();
        final double rate = discountRate[underlyingIndex];
        final double b = basis[underlyingIndex];
        final int end = optionStart[underlyingIndex + 1];
        for (int i = optionStart[underlyingIndex]; i < end; i++)
        {
            final double expiryYears = (expiryEpochMs[i] - valuationEpochMs) / MILLIS_PER_YEAR;
            final double growth = expiryYears > 0.0 && b != 0.0 ? Math.exp(b * expiryYears) : 1.0;
            final double baseUsd = optionValueUsd(i, spot, growth, expiryYears, volatility[i], rate);
            final double baseCoin = baseUsd / spot;
            for (int m = 0; m < grid.spotMoveCount(); m++)
            {
                final double shockedSpot = spot * (1.0 + grid.spotMove(m));
                for (int v = 0; v < grid.volShiftCount(); v++)
                {
                    final double shockedVol = Math.max(0.0, volatility[i] + grid.volShift(v));
                    final double usd = optionValueUsd(i, shockedSpot, growth, expiryYears, shockedVol, rate);
                    out.add(m, v, quantity[i] * (usd - baseUsd), quantity[i] * (usd / shockedSpot - baseCoin));
                }
            }
        }
        final int deltaOneEnd = deltaOneStart[underlyingIndex + 1];
        for (int i = deltaOneStart[underlyingIndex]; i < deltaOneEnd; i++)
        {
            for (int m = 0; m < grid.spotMoveCount(); m++)
            {
                final double shockedSpot = spot * (1.0 + grid.spotMove(m));
                final double pnlUsd;
                final double pnlCoin;
                if (inverse[i])
                {
                    // A USD notional paid in coin: notional * (1/S0 - 1/S1) coins, worth that times S1 in USD.
                    pnlCoin = deltaOneUnits[i] * (1.0 / spot - 1.0 / shockedSpot);
                    pnlUsd = pnlCoin * shockedSpot;
                }
                else
                {
                    pnlUsd = deltaOneUnits[i] * (shockedSpot - spot);
                    pnlCoin = pnlUsd / shockedSpot;
                }
                for (int v = 0; v < grid.volShiftCount(); v++)
                {
                    out.add(m, v, pnlUsd, pnlCoin);
                }
            }
        }
    }

    /** USD value today of one unit (one coin of underlying) of option {@code i} at this spot. */
    private double optionValueUsd(
        final int i, final double spot, final double growth, final double expiryYears, final double vol,
        final double rate)
    {
        final double forward = spot * growth;
        if (coinSettled[i])
        {
            return InverseOptionPricer.DEFAULT.presentValue(optionType[i], forward, strike[i], expiryYears, vol, rate) *
                spot;
        }
        return Black76OptionPricer.DEFAULT.presentValue(optionType[i], forward, strike[i], expiryYears, vol, rate);
    }

    private void requireSpot(final int underlyingIndex, final double spot)
    {
        if (!(spot > 0.0 && spot < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "spot of " + underlyings[underlyingIndex] + " must be a finite price > 0 in USD per coin, was " + spot);
        }
    }

    private static void addName(final List<String> names, final String name)
    {
        if (!names.contains(name))
        {
            names.add(name);
        }
    }
}
