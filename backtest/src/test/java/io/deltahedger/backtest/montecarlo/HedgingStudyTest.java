package io.deltahedger.backtest.montecarlo;

import io.deltahedger.backtest.synthetic.GbmModel;
import io.deltahedger.backtest.synthetic.HestonModel;
import io.deltahedger.backtest.synthetic.PriceModel;
import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hedging study against the theory of discrete delta hedging, and its determinism. */
class HedgingStudyTest
{
    private static final double WEEK = 7.0 / 365.0;

    private static HedgingStudySpec spec(
        final PriceModel model, final OptionType type, final HedgedPosition position, final double spot,
        final double strike, final double rate, final double vol, final double expiry, final double interval,
        final int paths, final double costBps)
    {
        return new HedgingStudySpec(model, type, position, spot, strike, rate, vol, expiry, interval, paths, 7L,
            costBps);
    }

    private static HedgingStudySpec atm(final int rebalances, final int paths)
    {
        return spec(new GbmModel(0.0, 0.6), OptionType.CALL, HedgedPosition.SHORT, 60_000, 60_000, 0.0, 0.6, 0.25,
            0.25 / rebalances, paths, 0.0);
    }

    @Test
    void hedgingPnlIsZeroOnAverageWhenTheDriftIsTheRateAndTradingIsFree()
    {
        final HedgingStudyResult result = HedgingStudy.run(spec(new GbmModel(0.05, 0.5), OptionType.PUT,
            HedgedPosition.SHORT, 100, 110, 0.05, 0.5, 0.5, 0.5 / 26, 20_000, 0.0), 2);
        final DistributionSummary pnl = result.pnl();
        assertTrue(Math.abs(pnl.mean()) < 3 * pnl.stdError(),
            "mean P&L " + pnl.mean() + " vs standard error " + pnl.stdError());
        // The cost of writing and hedging is then the option's price, within its standard error.
        assertEquals(result.optionPrice(), result.cost().mean(), 3 * result.cost().stdError());
        assertTrue(pnl.stdError() < 0.01 * result.optionPrice(), "the test can resolve 1% of the price");
    }

    @Test
    void atTheMoneyHedgingErrorMatchesDermanKamal()
    {
        final int rebalances = 64;
        final HedgingStudySpec spec = atm(rebalances, 20_000);
        final HedgingStudyResult result = HedgingStudy.run(spec, 2);
        final OptionGreeks greeks = new OptionGreeks();
        BlackScholesMertonOptionPricer.DEFAULT.price(OptionType.CALL, 60_000, 60_000, 0.25, 0.6, 0.0, 0.0, greeks);
        final double theory = DiscreteHedgingTheory.dermanKamalAtmStd(greeks.vega(), 0.6, rebalances);
        // Sampling error of a standard deviation from 20,000 paths is ~0.5% (a little more: the error has fat tails).
        assertEquals(theory, result.pnl().std(), 0.04 * theory, "Derman-Kamal sqrt(pi/4) vega sigma / sqrt(N)");
        // Both are leading order in 1/N: the closed form integrates over time where the quadrature sums the gamma at
        // each rebalance, which differ by O(1/sqrt(N)) near expiry at the money (measured: MC 771, closed form 787,
        // sum 759 for these inputs).
        final double sum = result.theoryHedgingErrorStd().getAsDouble();
        assertEquals(sum, result.pnl().std(), 0.04 * sum, "leading-order sum over the rebalances");
        assertEquals(theory, sum, 0.05 * theory, "the sum approaches the closed form at the money");
    }

    @Test
    void hedgingErrorHalvesWhenTheRebalancesQuadruple()
    {
        final double coarse = HedgingStudy.run(atm(16, 20_000), 2).pnl().std();
        final double fine = HedgingStudy.run(atm(64, 20_000), 2).pnl().std();
        assertEquals(2.0, coarse / fine, 0.08, "std(N=16) / std(N=64) = sqrt(64/16)");
    }

    @Test
    void hedgingErrorOfAnOutOfTheMoneyOptionWithRateAndDriftMatchesTheLeadingOrderFormula()
    {
        final HedgingStudySpec spec = spec(new GbmModel(0.15, 0.8), OptionType.CALL, HedgedPosition.SHORT, 3_000,
            3_600, 0.04, 0.8, 0.5, 0.5 / 100, 20_000, 0.0);
        final HedgingStudyResult result = HedgingStudy.run(spec, 2);
        final double theory = result.theoryHedgingErrorStd().getAsDouble();
        assertEquals(theory, result.cost().std(), 0.05 * theory);
    }

    @Test
    void reproducesHullsWeeklyHedgeOfATwentyWeekCall()
    {
        // Hull, Options, Futures and Other Derivatives, "Delta hedging" table: S0 49, K 50, r 5%, sigma 20%,
        // mu 13%, 20 weeks; weekly rebalancing gives a cost std / price of 0.19 (his simulation) around a 2.40 price.
        final HedgingStudyResult result = HedgingStudy.run(spec(new GbmModel(0.13, 0.2), OptionType.CALL,
            HedgedPosition.SHORT, 49, 50, 0.05, 0.2, 20 * WEEK, WEEK, 10_000, 0.0), 2);
        assertEquals(20, result.rebalances());
        assertEquals(2.40, result.optionPrice(), 0.01);
        assertEquals(0.20, result.costStdOverPrice(), 0.02);
        assertEquals(result.optionPrice(), result.cost().mean(), 0.05 * result.optionPrice());
    }

    @Test
    void buyingAndHedgingCollectsThePriceAndMirrorsTheShort()
    {
        final HedgingStudySpec shortSpec = atm(20, 5_000);
        final HedgingStudySpec longSpec = new HedgingStudySpec(shortSpec.model(), shortSpec.type(),
            HedgedPosition.LONG, shortSpec.spot(), shortSpec.strike(), shortSpec.rate(), shortSpec.hedgeVol(),
            shortSpec.expiryYears(), shortSpec.rebalanceIntervalYears(), shortSpec.paths(), shortSpec.seed(), 0.0);
        final HedgingStudyResult writer = HedgingStudy.run(shortSpec, 2);
        final HedgingStudyResult buyer = HedgingStudy.run(longSpec, 2);
        assertEquals(-writer.cost().mean(), buyer.cost().mean(), 1e-9 * writer.optionPrice());
        assertEquals(-writer.pnl().mean(), buyer.pnl().mean(), 1e-9 * writer.optionPrice());
        assertEquals(writer.pnl().std(), buyer.pnl().std(), 1e-9 * writer.optionPrice());
        assertEquals(-buyer.optionPrice(), buyer.cost().mean(), 3 * buyer.cost().stdError());
    }

    @Test
    void proportionalCostsRaiseTheCostOfWritingAsLelandPredicts()
    {
        final HedgingStudySpec free = spec(new GbmModel(0.0, 0.6), OptionType.CALL, HedgedPosition.SHORT, 100, 100,
            0.0, 0.6, 0.25, 0.25 / 50, 20_000, 0.0);
        final HedgingStudySpec costly = new HedgingStudySpec(free.model(), free.type(), free.position(), free.spot(),
            free.strike(), free.rate(), free.hedgeVol(), free.expiryYears(), free.rebalanceIntervalYears(),
            free.paths(), free.seed(), 20.0);
        final HedgingStudyResult noCost = HedgingStudy.run(free, 2);
        final HedgingStudyResult withCost = HedgingStudy.run(costly, 2);
        assertEquals(0.0, noCost.meanTransactionCosts(), 0.0);
        final double extra = withCost.cost().mean() - noCost.cost().mean();
        assertEquals(withCost.meanTransactionCosts(), extra, 1e-9, "the extra cost is the transaction costs paid");
        // Leland (1985): costs k (round trip 2c) act like a higher vol sigma_L^2 = sigma^2 (1 + sqrt(2/pi) k /
        // (sigma sqrt(dt))); the rebalancing costs are about price(sigma_L) - price(sigma). The initial hedge and
        // the unwind at expiry are paid on top: c (|delta_0| S_0 + E|delta_T-| S_T), about c * S0 (0.5 + 0.5) here.
        final double c = 20e-4;
        final double dt = 0.25 / 50;
        final double lelandVol = 0.6 * Math.sqrt(1 + Math.sqrt(2 / Math.PI) * 2 * c / (0.6 * Math.sqrt(dt)));
        final double leland = BlackScholesMertonOptionPricer.DEFAULT.presentValue(OptionType.CALL, 100, 100, 0.25,
            lelandVol, 0, 0) - noCost.optionPrice();
        final double endpoints = c * 100 * (0.5 + 0.5);
        assertEquals(leland + endpoints, extra, 0.15 * (leland + endpoints),
            "Leland rebalancing cost " + leland + " + endpoints " + endpoints);
    }

    @Test
    void theSameSeedGivesTheSameResultOnAnyNumberOfThreads()
    {
        final HedgingStudySpec spec = spec(new HestonModel(0.02, 0.36, 2, 0.36, 0.9, -0.5), OptionType.PUT,
            HedgedPosition.SHORT, 60_000, 55_000, 0.03, 0.6, 0.2, 1.0 / 365, 3_000, 5.0);
        final HedgingStudyResult one = HedgingStudy.run(spec, 1);
        final HedgingStudyResult three = HedgingStudy.run(spec, 3);
        final HedgingStudyResult again = HedgingStudy.run(spec, 2);
        assertEquals(one, three);
        assertEquals(one, again);
        final HedgingStudyResult otherSeed = HedgingStudy.run(new HedgingStudySpec(spec.model(), spec.type(),
            spec.position(), spec.spot(), spec.strike(), spec.rate(), spec.hedgeVol(), spec.expiryYears(),
            spec.rebalanceIntervalYears(), spec.paths(), 8L, spec.costBps()), 2);
        assertNotEquals(one.cost().mean(), otherSeed.cost().mean());
        assertTrue(one.theoryHedgingErrorStd().isEmpty(), "no discrete-hedging theory for Heston");
    }

    @Test
    void theRebalanceGridRoundsNearIntegersAndShortensTheLastInterval()
    {
        assertEquals(20, atm(20, 2).rebalances());
        assertEquals(20, spec(new GbmModel(0, 0.2), OptionType.CALL, HedgedPosition.SHORT, 1, 1, 0, 0.2,
            20 * WEEK, WEEK, 2, 0).rebalances());
        assertEquals(3, spec(new GbmModel(0, 0.2), OptionType.CALL, HedgedPosition.SHORT, 1, 1, 0, 0.2,
            2.5 * WEEK, WEEK, 2, 0).rebalances());
    }

    @Test
    void badSpecificationsAreRefusedWithTheSettingAndTheValue()
    {
        final IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
            () -> spec(new GbmModel(0, 0.2), OptionType.CALL, HedgedPosition.SHORT, 1, 1, 0, 0.2, 0.1, 0.2, 10, 0));
        assertTrue(interval.getMessage().contains("rebalance interval 0.2"), interval.getMessage());
        final IllegalArgumentException paths = assertThrows(IllegalArgumentException.class,
            () -> spec(new GbmModel(0, 0.2), OptionType.CALL, HedgedPosition.SHORT, 1, 1, 0, 0.2, 0.1, 0.01, 1, 0));
        assertTrue(paths.getMessage().contains("paths") && paths.getMessage().contains("1"), paths.getMessage());
        final IllegalArgumentException vol = assertThrows(IllegalArgumentException.class,
            () -> spec(new GbmModel(0, 0.2), OptionType.CALL, HedgedPosition.SHORT, 1, 1, 0, 0, 0.1, 0.01, 10, 0));
        assertTrue(vol.getMessage().contains("hedge vol"), vol.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HedgingStudy.run(atm(4, 10), 0));
    }
}
