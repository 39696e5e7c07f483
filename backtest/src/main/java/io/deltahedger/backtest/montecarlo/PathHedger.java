package io.deltahedger.backtest.montecarlo;

import io.deltahedger.backtest.synthetic.PathRandom;
import io.deltahedger.backtest.synthetic.PathStepper;
import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;

/**
 * Simulates and hedges one path at a time for one thread: the rebalance grid, discount factors and pricer holder are
 * built once, so {@link #hedge(int)} allocates nothing. Not thread-safe.
 *
 * <p>Accounting per path, in the premium currency, the premium itself excluded: at each rebalance time {@code t_i} the
 * desk trades to {@code -optionsHeld * delta(S_{t_i}, T - t_i)} units of the underlying at {@code S_{t_i}}, paying
 * {@code costRate * |trade| * S}; cash accrues at {@code rate}; at expiry the hedge is sold at {@code S_T} (paying the
 * cost again) and the option cash-settles. {@link #lastDiscountedValue()} is the present value at time 0 of all those
 * cash flows; the study's cost is its negative.
 */
final class PathHedger
{
    private final HedgingStudySpec spec;
    private final PathStepper stepper;
    private final PathRandom random;
    private final OptionGreeks greeks = new OptionGreeks();
    private final int rebalances;
    /** times[i] = t_i for i in [0, rebalances], times[rebalances] = expiry. */
    private final double[] times;
    /** growth[i] = exp(rate (t_{i+1} - t_i)). */
    private final double[] growth;
    /** discount[i] = exp(-rate t_i). */
    private final double[] discount;
    private final double sign;
    private final double costRate;

    private double lastDiscountedValue;
    private double lastDiscountedCosts;

    PathHedger(final HedgingStudySpec spec)
    {
        this.spec = spec;
        this.stepper = spec.model().newStepper();
        this.random = new PathRandom(spec.seed());
        this.rebalances = spec.rebalances();
        this.times = new double[rebalances + 1];
        this.growth = new double[rebalances];
        this.discount = new double[rebalances + 1];
        for (int i = 0; i < rebalances; i++)
        {
            times[i] = i * spec.rebalanceIntervalYears();
        }
        times[rebalances] = spec.expiryYears();
        for (int i = 0; i <= rebalances; i++)
        {
            discount[i] = Math.exp(-spec.rate() * times[i]);
        }
        for (int i = 0; i < rebalances; i++)
        {
            growth[i] = Math.exp(spec.rate() * (times[i + 1] - times[i]));
        }
        this.sign = spec.position().optionsHeld();
        this.costRate = spec.costRate();
    }

    /** Simulates path {@code pathIndex} (stream {@code pathIndex} of the seed) and hedges along it. */
    void hedge(final int pathIndex)
    {
        random.reset(spec.seed(), pathIndex);
        stepper.start(spec.spot());
        double spot = spec.spot();
        double shares = -sign * delta(spot, spec.expiryYears());
        double fee = costRate * Math.abs(shares) * spot;
        double cash = -shares * spot - fee;
        double costsPv = fee;
        for (int i = 1; i < rebalances; i++)
        {
            spot = stepper.advance(times[i] - times[i - 1], random);
            cash *= growth[i - 1];
            final double target = -sign * delta(spot, spec.expiryYears() - times[i]);
            final double trade = target - shares;
            fee = costRate * Math.abs(trade) * spot;
            cash -= trade * spot + fee;
            costsPv += fee * discount[i];
            shares = target;
        }
        spot = stepper.advance(times[rebalances] - times[rebalances - 1], random);
        cash *= growth[rebalances - 1];
        fee = costRate * Math.abs(shares) * spot;
        cash += shares * spot - fee + sign * payoff(spot);
        costsPv += fee * discount[rebalances];
        lastDiscountedValue = cash * discount[rebalances];
        lastDiscountedCosts = costsPv;
    }

    /** Present value at time 0 of the last path's cash flows, premium excluded (premium currency per option). */
    double lastDiscountedValue()
    {
        return lastDiscountedValue;
    }

    /** Present value at time 0 of the last path's transaction costs (&gt;= 0). */
    double lastDiscountedCosts()
    {
        return lastDiscountedCosts;
    }

    private double delta(final double spot, final double remainingYears)
    {
        BlackScholesMertonOptionPricer.DEFAULT.price(
            spec.type(), spot, spec.strike(), remainingYears, spec.hedgeVol(), spec.rate(), 0.0, greeks);
        return greeks.delta();
    }

    private double payoff(final double spot)
    {
        return spec.type() == OptionType.CALL ? Math.max(spot - spec.strike(), 0.0) :
            Math.max(spec.strike() - spot, 0.0);
    }
}
