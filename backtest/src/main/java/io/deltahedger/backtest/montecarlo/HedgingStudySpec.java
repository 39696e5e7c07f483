package io.deltahedger.backtest.montecarlo;

import io.deltahedger.backtest.synthetic.PriceModel;
import io.deltahedger.greeks.pricing.OptionType;

import java.util.Objects;

/**
 * One Monte Carlo study of delta-hedging a European option, validated on construction.
 *
 * <p>The desk writes (or buys) one option on one unit of the underlying at its Black-Scholes-Merton price at
 * {@code hedgeVol} (no carry), then holds {@code -optionsHeld * delta} of the underlying, rebalanced at {@code 0,
 * interval, 2 interval, ...} before expiry with the pricer's delta at {@code hedgeVol} and the remaining time; cash
 * earns or pays {@code rate}; the option is cash-settled at expiry and the hedge unwound there. Every trade pays
 * {@code costBps} basis points of its notional. The price path follows {@code model} (whose drift is the real-world
 * drift; with a GBM at {@code vol = hedgeVol} the hedge is the model's own).
 *
 * @param model                  the price process of the underlying.
 * @param type                   call or put.
 * @param position               short (write) or long (buy).
 * @param spot                   initial price of the underlying, &gt; 0.
 * @param strike                 strike, &gt; 0, same unit as spot.
 * @param rate                   continuously compounded rate per year for discounting and cash, finite.
 * @param hedgeVol               the vol the option is priced and hedged at, per 1.00, &gt; 0.
 * @param expiryYears            time to expiry in years (ACT/365), &gt; 0.
 * @param rebalanceIntervalYears time between rebalances in years, &gt; 0 and &lt;= expiry.
 * @param paths                  number of simulated paths, &gt;= 2.
 * @param seed                   the random seed; path i draws from stream i of it.
 * @param costBps                proportional cost of each hedge trade in basis points of its notional, &gt;= 0.
 */
public record HedgingStudySpec(
    PriceModel model, OptionType type, HedgedPosition position, double spot, double strike, double rate,
    double hedgeVol, double expiryYears, double rebalanceIntervalYears, int paths, long seed, double costBps)
{
    /** The most rebalances one path may have (a 1-year option hedged every minute is 525,600). */
    public static final int MAX_REBALANCES = 1_000_000;

    public HedgingStudySpec
    {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
        positive("spot", spot, "the initial price of the underlying");
        positive("strike", strike, "the strike, in the unit of spot");
        if (!Double.isFinite(rate))
        {
            throw new IllegalArgumentException("rate must be finite (per year, 0.05 = 5%), got " + rate);
        }
        positive("hedge vol", hedgeVol, "the vol the option is priced and hedged at, 0.6 = 60%");
        positive("expiry", expiryYears, "years to expiry, e.g. 0.25");
        positive("rebalance interval", rebalanceIntervalYears, "years between rebalances");
        if (rebalanceIntervalYears > expiryYears * (1.0 + 1e-9))
        {
            throw new IllegalArgumentException("rebalance interval " + rebalanceIntervalYears
                + " years is longer than the expiry " + expiryYears + " years; hedge at least once before expiry");
        }
        if (paths < 2)
        {
            throw new IllegalArgumentException("paths must be >= 2 to estimate a standard deviation, got " + paths);
        }
        if (!(costBps >= 0.0 && costBps < 10_000.0))
        {
            throw new IllegalArgumentException(
                "cost must be >= 0 and < 10000 basis points of each trade's notional, got " + costBps);
        }
        final double count = expiryYears / rebalanceIntervalYears;
        if (count > MAX_REBALANCES)
        {
            throw new IllegalArgumentException("expiry / rebalance interval = " + count + " rebalances per path, "
                + "more than " + MAX_REBALANCES + "; use a longer rebalance interval");
        }
    }

    /**
     * Number of rebalances per path (the initial hedge included): {@code expiry / interval} rounded to the nearest
     * integer when it is within 1e-6 of one (so 20 weeks hedged weekly is 20), else rounded up with a shorter last
     * interval.
     */
    public int rebalances()
    {
        final double count = expiryYears / rebalanceIntervalYears;
        final double nearest = Math.rint(count);
        if (nearest >= 1.0 && Math.abs(count - nearest) <= 1e-6 * nearest)
        {
            return (int)nearest;
        }
        return Math.max(1, (int)Math.ceil(count));
    }

    /** The proportional cost per unit of notional traded, {@code costBps / 10,000}. */
    public double costRate()
    {
        return costBps * 1e-4;
    }

    private static void positive(final String name, final double value, final String meaning)
    {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(name + " must be a finite number > 0 (" + meaning + "), got " + value);
        }
    }
}
