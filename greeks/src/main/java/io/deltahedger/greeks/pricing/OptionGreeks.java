package io.deltahedger.greeks.pricing;

/**
 * A reusable, mutable holder for the value and Greeks of one option, filled by the stateless pricers so that the hot
 * path allocates nothing. Not thread-safe: one holder per owning thread (single writer).
 *
 * <p>Units (see docs/greeks.md for the formulas). "Underlying" is the spot for {@link BlackScholesMertonOptionPricer}
 * and the forward for {@link Black76OptionPricer}, {@link LinearOptionPricer} and {@link InverseOptionPricer}.
 * <ul>
 *   <li>{@link #price()}: premium per option, in the premium currency (USD/USDC, or coin for the inverse model).</li>
 *   <li>{@link #delta()}: d value / d underlying, units of underlying per option.</li>
 *   <li>{@link #premiumAdjustedDelta()}: for the inverse model {@code delta - price} (coin), Deribit's "net
 *       transaction delta"; for the other models equal to {@link #delta()}.</li>
 *   <li>{@link #gamma()}: d delta / d underlying, per 1 unit (USD) move of the underlying.</li>
 *   <li>{@link #vega()}: d value / d vol, per 1.00 (100 vol points) of volatility.</li>
 *   <li>{@link #theta()}: -d value / d expiry, per year of calendar time passing (underlying held fixed).</li>
 *   <li>{@link #rho()}: d value / d rate, per 1.00 (100%) of the continuously compounded rate.</li>
 *   <li>{@link #vanna()}: d delta / d vol, per 1.00 of volatility.</li>
 *   <li>{@link #volga()}: d vega / d vol, per 1.00 of volatility (so value per 1.00^2).</li>
 * </ul>
 * For the inverse model every Greek is a sensitivity of the option's USD value {@code forward * price}, as Deribit
 * quotes them; the price itself stays in coin.
 */
public final class OptionGreeks
{
    /** Calendar days per year used by {@link #thetaPerDay()}: crypto trades every day, year fraction ACT/365. */
    public static final double DAYS_PER_YEAR = 365.0;
    /** Vol points per 1.00 of volatility. */
    public static final double VOL_POINTS_PER_UNIT = 100.0;

    double price;
    double delta;
    double premiumAdjustedDelta;
    double gamma;
    double vega;
    double theta;
    double rho;
    double vanna;
    double volga;
    /** Kernel scratch, not a result: Mills ratios of the OTM pair left by NormalisedBlack (NaN when not computed). */
    double ratioD1;
    double ratioD2;

    /** Premium per option in the premium currency. */
    public double price()
    {
        return price;
    }

    /** d value / d underlying (units of underlying per option). */
    public double delta()
    {
        return delta;
    }

    /** Inverse model: delta - price (coin), Deribit's net transaction delta; other models: the delta. */
    public double premiumAdjustedDelta()
    {
        return premiumAdjustedDelta;
    }

    /** d delta / d underlying, per 1 unit move of the underlying. */
    public double gamma()
    {
        return gamma;
    }

    /** d value / d vol, per 1.00 of volatility. */
    public double vega()
    {
        return vega;
    }

    /** d value / d vol, per vol point (0.01 of volatility): {@code vega() / 100}. */
    public double vegaPerVolPoint()
    {
        return vega / VOL_POINTS_PER_UNIT;
    }

    /** Value change per year of calendar time passing, {@code -d value / d expiry}: negative when the option decays. */
    public double theta()
    {
        return theta;
    }

    /** Value change per calendar day passing (negative when the option decays): {@code theta() / 365}. */
    public double thetaPerDay()
    {
        return theta / DAYS_PER_YEAR;
    }

    /** d value / d rate, per 1.00 of rate. */
    public double rho()
    {
        return rho;
    }

    /** d value / d rate, per 1% of rate: {@code rho() / 100}. */
    public double rhoPerPercent()
    {
        return rho / 100.0;
    }

    /** d delta / d vol, per 1.00 of volatility. */
    public double vanna()
    {
        return vanna;
    }

    /** d vega / d vol, per 1.00 of volatility. */
    public double volga()
    {
        return volga;
    }

    void set(
        final double price, final double delta, final double gamma, final double vega, final double theta,
        final double rho, final double vanna, final double volga)
    {
        this.price = price;
        this.delta = delta;
        this.premiumAdjustedDelta = delta;
        this.gamma = gamma;
        this.vega = vega;
        this.theta = theta;
        this.rho = rho;
        this.vanna = vanna;
        this.volga = volga;
    }

    @Override
    public String toString()
    {
        return "OptionGreeks{price=" + price + ", delta=" + delta + ", premiumAdjustedDelta=" + premiumAdjustedDelta +
            ", gamma=" + gamma + ", vega=" + vega + ", theta=" + theta + ", rho=" + rho + ", vanna=" + vanna +
            ", volga=" + volga + '}';
    }
}
