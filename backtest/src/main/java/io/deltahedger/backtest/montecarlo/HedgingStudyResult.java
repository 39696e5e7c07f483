package io.deltahedger.backtest.montecarlo;

import java.util.OptionalDouble;

/**
 * What a {@link HedgingStudy} found, all amounts in the premium currency per option, present values at time 0.
 *
 * <p>Definitions (docs/backtest.md, "Monte Carlo hedging study"): the <b>cost</b> of a path is the present value of
 * every cash flow the desk pays to carry the position through expiry (hedge trades, financing, transaction costs and
 * the option's payoff), the premium excluded, positive when paid. Writing an option and hedging it costs about the
 * option's price (Hull's "cost of writing and hedging"); buying and hedging "costs" about minus the price, the value
 * the desk collects. The <b>P&amp;L</b> adds the premium: {@code pnl = premium received - cost} for a short and
 * {@code -premium - cost} for a long; it is zero on average at zero costs when the drift equals the rate, and its
 * spread is the hedging error.
 *
 * @param optionPrice          the Black-Scholes-Merton price at the hedge vol the option trades at.
 * @param rebalances           rebalances per path, the initial hedge included.
 * @param cost                 distribution of the cost over the paths.
 * @param pnl                  distribution of the P&amp;L over the paths.
 * @param meanTransactionCosts mean present value of the transaction costs per path.
 * @param theoryHedgingErrorStd the leading-order standard deviation of the hedging error for discrete rebalancing
 *                             ({@link DiscreteHedgingTheory}); present only where that theory holds (GBM at the hedge
 *                             vol, no costs).
 */
public record HedgingStudyResult(
    double optionPrice, int rebalances, DistributionSummary cost, DistributionSummary pnl,
    double meanTransactionCosts, OptionalDouble theoryHedgingErrorStd)
{
    /** Hull's performance measure: the standard deviation of the cost over the option's price. */
    public double costStdOverPrice()
    {
        return cost.std() / optionPrice;
    }
}
