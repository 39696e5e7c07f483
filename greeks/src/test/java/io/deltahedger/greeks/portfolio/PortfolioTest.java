package io.deltahedger.greeks.portfolio;

import io.deltahedger.greeks.pricing.BlackScholesMertonOptionPricer;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.LinearOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class PortfolioTest
{
    private static final long NOW = 1_700_000_000_000L;
    private static final long DAY_MS = 86_400_000L;

    private static long inDays(final double days)
    {
        return NOW + Math.round(days * DAY_MS);
    }

    private static OptionPosition option(
        final String underlying, final OptionModel model, final OptionType type, final double strike,
        final double days, final double contracts, final double vol)
    {
        return new OptionPosition(
            underlying + "-" + model + "-" + type + "-" + strike + "-" + days, underlying, model, type, strike,
            inDays(days), contracts, 1.0, vol);
    }

    private static PortfolioGreeks revalue(final Portfolio portfolio, final String underlying, final double spot)
    {
        final PortfolioGreeks out = new PortfolioGreeks();
        portfolio.revalue(portfolio.underlyingIndex(underlying), spot, NOW, out);
        return out;
    }

    @Test
    void singleUsdOptionMatchesTheBlackScholesMertonPricerWithRateAndCarry()
    {
        final double rate = 0.05;
        final double carry = 0.02;
        final Portfolio portfolio = Portfolio.of(
            List.of(option("BTC", OptionModel.BLACK_SCHOLES_MERTON, OptionType.CALL, 105.0, 182.5, 1.0, 0.3)),
            List.of());
        portfolio.setRates(0, rate, rate - carry);
        final PortfolioGreeks greeks = revalue(portfolio, "BTC", 100.0);

        final OptionGreeks expected = new OptionGreeks();
        BlackScholesMertonOptionPricer.DEFAULT.price(OptionType.CALL, 100.0, 105.0, 0.5, 0.3, rate, carry, expected);
        assertEquals(expected.price(), greeks.valueUsd(), 1e-12);
        assertEquals(expected.delta(), greeks.deltaCoin(), 1e-12);
        assertEquals(expected.gamma(), greeks.gammaPerUsd(), 1e-12);
        assertEquals(expected.vegaPerVolPoint(), greeks.vegaUsdPerVolPoint(), 1e-12);
        assertEquals(expected.thetaPerDay(), greeks.thetaUsdPerDay(), 1e-12);
        assertEquals(greeks.deltaCoin(), greeks.premiumAdjustedDeltaCoin(), 0.0);
    }

    @Test
    void coinSettledOptionCarriesDeribitsNetTransactionDelta()
    {
        // Deribit FAQ: buying a 0.50-delta call for 0.10 BTC raises delta_total by 0.40.
        final Portfolio portfolio = Portfolio.of(
            List.of(option("BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, 30.0, 1.0, 0.8)), List.of());
        final PortfolioGreeks greeks = revalue(portfolio, "BTC", 50_000.0);
        final OptionGreeks single = new OptionGreeks();
        InverseOptionPricer.DEFAULT.price(OptionType.CALL, 50_000.0, 50_000.0, 30.0 / 365.0, 0.8, 0.0, single);

        assertEquals(single.delta(), greeks.deltaCoin(), 1e-12);
        assertEquals(single.delta() - single.price(), greeks.premiumAdjustedDeltaCoin(), 1e-12);
        assertEquals(single.price(), greeks.valueCoin(), 1e-15);
        assertEquals(single.price() * 50_000.0, greeks.valueUsd(), 1e-9);
        assertTrue(greeks.premiumAdjustedDeltaCoin() < greeks.deltaCoin());
    }

    @Test
    void deltaOnePositionsAddTheirCoinDelta()
    {
        final Portfolio portfolio = Portfolio.of(
            List.of(),
            List.of(
                new DeltaOnePosition("BTC-PERPETUAL", "BTC", true, -1_000.0, 10.0),   // short 10,000 USD inverse
                new DeltaOnePosition("BTCUSDT", "BTC", false, 0.5, 1.0)));             // long 0.5 BTC linear
        final PortfolioGreeks greeks = revalue(portfolio, "BTC", 50_000.0);
        assertEquals(-0.2 + 0.5, greeks.deltaCoin(), 1e-15);
        assertEquals(greeks.deltaCoin(), greeks.premiumAdjustedDeltaCoin(), 0.0);
        assertEquals(0.3 * 50_000.0, greeks.deltaUsd(), 1e-9);
        assertEquals(0.0, greeks.gammaPerUsd());
        assertEquals(2, greeks.deltaOnes());
    }

    @Test
    void settingADeltaOneAmountMovesTheDeltaOfItsUnderlyingOnly()
    {
        final Portfolio portfolio = Portfolio.of(
            List.of(),
            List.of(
                new DeltaOnePosition("ETH-PERPETUAL", "ETH", true, 0.0, 1.0),
                new DeltaOnePosition("BTC-PERPETUAL", "BTC", true, 0.0, 10.0),
                new DeltaOnePosition("BTCUSDT", "BTC", false, 0.5, 1.0)));
        final int perp = portfolio.deltaOneIndex("BTC-PERPETUAL");
        assertEquals(-1, portfolio.deltaOneIndex("BTC-27MAR26"));
        assertEquals("BTC-PERPETUAL", portfolio.deltaOneInstrument(perp));
        assertEquals(portfolio.underlyingIndex("BTC"), portfolio.deltaOneUnderlying(perp));
        assertEquals(portfolio.underlyingIndex("ETH"), portfolio.deltaOneUnderlying(portfolio.deltaOneIndex("ETH-PERPETUAL")));
        assertEquals(0.5, portfolio.deltaOneAmount(portfolio.deltaOneIndex("BTCUSDT")));

        portfolio.setDeltaOneAmount(perp, -25_000.0);   // sold 25,000 USD of the inverse perpetual
        assertEquals(-25_000.0, portfolio.deltaOneAmount(perp));
        assertEquals(0.5 - 0.5, revalue(portfolio, "BTC", 50_000.0).deltaCoin(), 1e-15);
        assertEquals(0.0, revalue(portfolio, "ETH", 3_000.0).deltaCoin());
        assertThrows(IllegalArgumentException.class, () -> portfolio.setDeltaOneAmount(perp, Double.NaN));
    }

    @Test
    void aggregatesPerUnderlyingWithSignedSizesAndMultipliers()
    {
        final OptionPosition btcLong = option("BTC", OptionModel.INVERSE, OptionType.PUT, 45_000.0, 7.0, 3.0, 0.7);
        final OptionPosition btcShort = new OptionPosition(
            "BTC-SHORT", "BTC", OptionModel.LINEAR, OptionType.CALL, 55_000.0, inDays(14), -2.0, 0.1, 0.6);
        final OptionPosition eth = option("ETH", OptionModel.INVERSE, OptionType.CALL, 3_000.0, 7.0, -10.0, 0.9);
        final Portfolio portfolio = Portfolio.of(List.of(eth, btcShort, btcLong), List.of());
        assertEquals(2, portfolio.underlyingCount());

        final PortfolioGreeks btc = revalue(portfolio, "BTC", 50_000.0);
        final PortfolioGreeks ethGreeks = revalue(portfolio, "ETH", 3_100.0);
        final Portfolio btcLongOnly = Portfolio.of(List.of(btcLong), List.of());
        final Portfolio btcShortOnly = Portfolio.of(List.of(btcShort), List.of());
        final PortfolioGreeks a = revalue(btcLongOnly, "BTC", 50_000.0);
        final PortfolioGreeks b = revalue(btcShortOnly, "BTC", 50_000.0);

        assertEquals(2, btc.options());
        assertEquals(1, ethGreeks.options());
        assertEquals(a.deltaCoin() + b.deltaCoin(), btc.deltaCoin(), 1e-12);
        assertEquals(a.valueUsd() + b.valueUsd(), btc.valueUsd(), 1e-9);
        assertEquals(a.vegaUsdPerVolPoint() + b.vegaUsdPerVolPoint(), btc.vegaUsdPerVolPoint(), 1e-9);

        // size -2 contracts of 0.1 coin each is -0.2 coin of a single-coin option
        final Portfolio unit = Portfolio.of(List.of(new OptionPosition(
            "U", "BTC", OptionModel.LINEAR, OptionType.CALL, 55_000.0, inDays(14), 1.0, 1.0, 0.6)), List.of());
        assertEquals(-0.2 * revalue(unit, "BTC", 50_000.0).deltaCoin(), b.deltaCoin(), 1e-14);
    }

    @Test
    void expiredOptionsCountAtZero()
    {
        final Portfolio portfolio = Portfolio.of(
            List.of(option("BTC", OptionModel.INVERSE, OptionType.CALL, 40_000.0, -1.0, 5.0, 0.8)), List.of());
        final PortfolioGreeks greeks = revalue(portfolio, "BTC", 50_000.0);
        assertEquals(1, greeks.options());
        assertEquals(0.0, greeks.valueUsd());
        assertEquals(0.0, greeks.deltaCoin());
    }

    @Test
    void setContractsAndVolatilityTakeEffect()
    {
        final Portfolio portfolio = Portfolio.of(
            List.of(option("BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, 30.0, 1.0, 0.5)), List.of());
        final double vega1 = revalue(portfolio, "BTC", 50_000.0).vegaUsdPerVolPoint();
        portfolio.setContracts(0, -4.0);
        assertEquals(-4.0 * vega1, revalue(portfolio, "BTC", 50_000.0).vegaUsdPerVolPoint(), 1e-9);
        final double value = revalue(portfolio, "BTC", 50_000.0).valueUsd();
        portfolio.setVolatility(0, 0.6);
        assertTrue(revalue(portfolio, "BTC", 50_000.0).valueUsd() < value); // short more vol loses
    }

    @Test
    void badInputsNameTheThingAndTheFix()
    {
        final Portfolio portfolio = Portfolio.of(
            List.of(option("BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, 30.0, 1.0, 0.5)), List.of());
        final IllegalArgumentException unknown =
            assertThrows(IllegalArgumentException.class, () -> portfolio.underlyingIndex("DOGE"));
        assertTrue(unknown.getMessage().contains("DOGE") && unknown.getMessage().contains("BTC"));
        final IllegalArgumentException nanSpot = assertThrows(
            IllegalArgumentException.class, () -> portfolio.revalue(0, Double.NaN, NOW, new PortfolioGreeks()));
        assertTrue(nanSpot.getMessage().contains("spot of BTC") && nanSpot.getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> portfolio.setVolatility(0, -0.1));
        assertThrows(IllegalArgumentException.class, () -> portfolio.setRates(0, Double.NaN, 0.0));
        final IllegalArgumentException badStrike = assertThrows(IllegalArgumentException.class, () -> new OptionPosition(
            "X", "BTC", OptionModel.INVERSE, OptionType.CALL, -5.0, NOW, 1.0, 1.0, 0.5));
        assertTrue(badStrike.getMessage().contains("strike of X"));
        assertThrows(IllegalArgumentException.class, () -> new DeltaOnePosition("P", "BTC", true, 1.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new ScenarioGrid(new double[] {-1.0}, new double[] {0.0}));
    }

    /** Finite differences of the aggregated value against every aggregated Greek, for every model, with basis. */
    @Property(seed = "20261121", tries = 60)
    void aggregatedGreeksMatchFiniteDifferencesOfTheBookValue(
        @ForAll @IntRange(min = 1, max = 12) final int positions,
        @ForAll @DoubleRange(min = -0.2, max = 0.2) final double basis,
        @ForAll @DoubleRange(min = 0.0, max = 0.08) final double rate,
        @ForAll("seeds") final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double spot = 30_000.0 + random.nextDouble() * 40_000.0;
        final List<OptionPosition> options = new ArrayList<>();
        for (int i = 0; i < positions; i++)
        {
            final OptionModel model = OptionModel.values()[random.nextInt(OptionModel.values().length)];
            final OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
            final double strike = spot * Math.exp(random.nextDouble(-0.6, 0.6));
            final double days = 2.0 + random.nextDouble() * 400.0;
            options.add(new OptionPosition(
                "O" + i, "BTC", model, type, strike, inDays(days), random.nextDouble(-10.0, 10.0), 1.0,
                0.2 + random.nextDouble()));
        }
        final Portfolio book = Portfolio.of(options, List.of(new DeltaOnePosition("P", "BTC", true, -500.0, 10.0)));
        book.setRates(0, rate, basis);
        final PortfolioGreeks at = new PortfolioGreeks();
        book.revalue(0, spot, NOW, at);

        final double h = spot * 1e-4;
        final double up = valueWithDeltaOnes(book, spot + h, NOW, spot);
        final double down = valueWithDeltaOnes(book, spot - h, NOW, spot);
        final double mid = valueWithDeltaOnes(book, spot, NOW, spot);
        final double scale = Math.max(1.0, Math.abs(at.deltaCoin()));
        assertEquals(at.deltaCoin(), (up - down) / (2 * h), 1e-6 * scale, "delta");
        assertEquals(at.gammaPerUsd(), (up - 2 * mid + down) / (h * h), 1e-4 * Math.max(1e-6, Math.abs(at.gammaPerUsd())) + 1e-9, "gamma");

        final double dt = 60_000L; // one minute of calendar time
        final double later = optionsValueUsd(book, spot, NOW + (long)dt);
        final double earlier = optionsValueUsd(book, spot, NOW - (long)dt);
        final double thetaPerDay = (later - earlier) / (2 * dt) * DAY_MS; // value change per day passing
        assertEquals(at.thetaUsdPerDay(), thetaPerDay, 1e-4 * Math.max(1.0, Math.abs(at.thetaUsdPerDay())), "theta");

        final double dv = 1e-5;
        final double[] vols = new double[book.optionCount()];
        for (int i = 0; i < vols.length; i++)
        {
            vols[i] = book.volatility(i);
            book.setVolatility(i, vols[i] + dv);
        }
        final double volUp = optionsValueUsd(book, spot, NOW);
        for (int i = 0; i < vols.length; i++)
        {
            book.setVolatility(i, vols[i] - dv);
        }
        final double volDown = optionsValueUsd(book, spot, NOW);
        final double vegaPerPoint = (volUp - volDown) / (2 * dv) / 100.0;
        assertEquals(at.vegaUsdPerVolPoint(), vegaPerPoint, 1e-5 * Math.max(1.0, Math.abs(at.vegaUsdPerVolPoint())), "vega");
    }

    @Property(seed = "7", tries = 40)
    void scenarioPnlEqualsFullRevaluationAndIsZeroWithoutShock(@ForAll("seeds") final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double spot = 2_000.0 + random.nextDouble() * 2_000.0;
        final List<OptionPosition> options = new ArrayList<>();
        for (int i = 0; i < 6; i++)
        {
            options.add(new OptionPosition(
                "O" + i, "ETH", OptionModel.values()[i % 4], i % 2 == 0 ? OptionType.CALL : OptionType.PUT,
                spot * Math.exp(random.nextDouble(-0.4, 0.4)), inDays(1 + random.nextDouble() * 90),
                random.nextDouble(-20, 20), 1.0, 0.4 + random.nextDouble() * 0.6));
        }
        final Portfolio book = Portfolio.of(options, List.of(
            new DeltaOnePosition("ETH-PERPETUAL", "ETH", true, 300.0, 1.0),
            new DeltaOnePosition("ETHUSDT", "ETH", false, -2.0, 1.0)));
        book.setRates(0, 0.0, 0.05);
        final ScenarioValues values = new ScenarioValues(ScenarioGrid.standard());
        book.revalueScenarios(0, spot, NOW, values);

        final ScenarioGrid grid = values.grid();
        for (int m = 0; m < grid.spotMoveCount(); m++)
        {
            final double shocked = spot * (1 + grid.spotMove(m));
            final int noVolShift = 2;
            assertEquals(0.0, grid.volShift(noVolShift));
            final double expected = optionsValueUsd(book, shocked, NOW) - optionsValueUsd(book, spot, NOW)
                + 300.0 * (1 / spot - 1 / shocked) * shocked - 2.0 * (shocked - spot);
            assertEquals(expected, values.pnlUsd(m, noVolShift), 1e-7 * Math.max(1, Math.abs(expected)));
            if (grid.spotMove(m) == 0.0)
            {
                assertEquals(0.0, values.pnlUsd(m, noVolShift), 1e-9);
                assertEquals(0.0, values.pnlCoin(m, noVolShift), 1e-12);
            }
        }
        assertTrue(values.worstPnlUsd() <= values.pnlUsd(7, 2));
    }

    @Test
    void smallScenarioMoveMatchesDeltaGammaExpansion()
    {
        final Portfolio book = Portfolio.of(List.of(
            option("BTC", OptionModel.INVERSE, OptionType.CALL, 52_000.0, 20.0, -5.0, 0.7),
            option("BTC", OptionModel.INVERSE, OptionType.PUT, 48_000.0, 20.0, -5.0, 0.75)), List.of());
        final ScenarioValues values = new ScenarioValues(new ScenarioGrid(new double[] {0.001}, new double[] {0.0}));
        book.revalueScenarios(0, 50_000.0, NOW, values);
        final PortfolioGreeks greeks = revalue(book, "BTC", 50_000.0);
        final double ds = 50.0;
        final double expansion = greeks.deltaCoin() * ds + 0.5 * greeks.gammaPerUsd() * ds * ds;
        assertEquals(expansion, values.pnlUsd(0, 0), 1e-3 * Math.abs(expansion));
    }

    /** The spot-move fast path agrees with the single-option pricers over the whole input range. */
    @Property(seed = "31", tries = 2000)
    void fastPathAgreesWithTheSingleOptionPricers(
        @ForAll @DoubleRange(min = -3.0, max = 3.0) final double logMoneyness,
        @ForAll @DoubleRange(min = 1.0, max = 1_576_800.0) final double minutes,
        @ForAll @DoubleRange(min = 0.01, max = 5.0) final double vol,
        @ForAll final boolean call,
        @ForAll final boolean coin)
    {
        final double spot = 50_000.0;
        final double strike = spot * Math.exp(-logMoneyness);
        final long expiry = NOW + Math.round(minutes * 60_000.0);
        final double t = (expiry - NOW) / Portfolio.MILLIS_PER_YEAR;
        final OptionType type = call ? OptionType.CALL : OptionType.PUT;
        final Portfolio book = Portfolio.of(List.of(new OptionPosition(
            "O", "BTC", coin ? OptionModel.INVERSE : OptionModel.LINEAR, type, strike, expiry, 1.0, 1.0, vol)),
            List.of());
        final PortfolioGreeks fast = revalue(book, "BTC", spot);
        final OptionGreeks exact = new OptionGreeks();
        if (coin)
        {
            InverseOptionPricer.DEFAULT.price(type, spot, strike, t, vol, 0.0, exact);
            assertEquals(exact.price(), fast.valueCoin(), 1e-15 + 1e-12 * exact.price(), "coin value");
            assertEquals(exact.premiumAdjustedDelta(), fast.premiumAdjustedDeltaCoin(), 1e-12, "premium-adjusted delta");
        }
        else
        {
            LinearOptionPricer.DEFAULT.price(type, spot, strike, t, vol, 0.0, exact);
            assertEquals(exact.price(), fast.valueUsd(), 1e-11 * spot, "usd value");
        }
        assertEquals(exact.delta(), fast.deltaCoin(), 1e-12, "delta");
        assertEquals(exact.gamma(), fast.gammaPerUsd(), 1e-12 * Math.abs(exact.gamma()) + 1e-18, "gamma");
        assertEquals(exact.vegaPerVolPoint(), fast.vegaUsdPerVolPoint(), 1e-12 * Math.abs(exact.vegaPerVolPoint()) + 1e-12, "vega");
        assertEquals(exact.thetaPerDay(), fast.thetaUsdPerDay(), 1e-12 * Math.abs(exact.thetaPerDay()) + 1e-9, "theta");
    }

    @Test
    void hotPathRefusesAnUnpreparedUnderlying()
    {
        final Portfolio book = Portfolio.of(
            List.of(option("BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, 30.0, 1.0, 0.5)), List.of());
        final IllegalStateException ex =
            assertThrows(IllegalStateException.class, () -> book.revalue(0, 50_000.0, new PortfolioGreeks()));
        assertTrue(ex.getMessage().contains("prepare"), ex.getMessage());
        book.prepare(0, NOW);
        book.revalue(0, 50_000.0, new PortfolioGreeks());
        book.setRates(0, 0.0, 0.01);
        assertThrows(IllegalStateException.class, () -> book.revalue(0, 50_000.0, new PortfolioGreeks()));
    }

    @Test
    void volatilityChangeAfterPrepareIsUsedWithoutPreparingAgain()
    {
        final Portfolio book = Portfolio.of(
            List.of(option("BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, 30.0, 1.0, 0.5)), List.of());
        book.prepare(0, NOW);
        book.setVolatility(0, 0.9);
        final PortfolioGreeks viaHotPath = new PortfolioGreeks();
        book.revalue(0, 50_000.0, viaHotPath);
        final Portfolio fresh = Portfolio.of(
            List.of(option("BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, 30.0, 1.0, 0.9)), List.of());
        assertEquals(revalue(fresh, "BTC", 50_000.0).valueUsd(), viaHotPath.valueUsd(), 1e-9);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seeds()
    {
        return net.jqwik.api.Arbitraries.longs();
    }

    /** USD value of the options plus the delta-one positions' USD profit from {@code entry}. */
    private static double valueWithDeltaOnes(final Portfolio book, final double spot, final long now, final double entry)
    {
        final ScenarioValues values = new ScenarioValues(new ScenarioGrid(new double[] {spot / entry - 1}, new double[] {0}));
        book.revalueScenarios(0, entry, now, values);
        return optionsValueUsd(book, entry, now) + values.pnlUsd(0, 0);
    }

    private static double optionsValueUsd(final Portfolio book, final double spot, final long now)
    {
        final PortfolioGreeks out = new PortfolioGreeks();
        book.revalue(0, spot, now, out);
        return out.valueUsd();
    }
}
