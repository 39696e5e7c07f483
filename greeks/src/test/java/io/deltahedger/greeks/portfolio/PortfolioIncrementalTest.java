package io.deltahedger.greeks.portfolio;

import io.deltahedger.greeks.pricing.OptionType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Portfolio#revalueOption} (one option after its vol or size changed) against a fresh full revalue of a twin
 * portfolio given the same changes: every aggregate agrees within 1e-9 relative (or a far smaller absolute floor),
 * whatever the mix of models, expiries, vols and interleaved full revalues; and it refuses a holder it cannot update.
 */
class PortfolioIncrementalTest
{
    private static final long NOW = 1_700_000_000_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final String[] UNDERLYINGS = {"BTC", "ETH", "SOL"};

    /** One random book, built twice: the portfolio under test and the twin that is always fully revalued. */
    private record Book(List<OptionPosition> options, List<DeltaOnePosition> deltaOnes, double[] spots,
                        double[] rates, double[] bases)
    {
        Portfolio build()
        {
            final Portfolio portfolio = Portfolio.of(options, deltaOnes);
            for (int u = 0; u < portfolio.underlyingCount(); u++)
            {
                portfolio.setRates(u, rates[u], bases[u]);
            }
            return portfolio;
        }
    }

    private static Book randomBook(final SplittableRandom random)
    {
        final int underlyings = 1 + random.nextInt(UNDERLYINGS.length);
        final double[] spots = new double[underlyings];
        final double[] rates = new double[underlyings];
        final double[] bases = new double[underlyings];
        final List<OptionPosition> options = new ArrayList<>();
        final List<DeltaOnePosition> deltaOnes = new ArrayList<>();
        for (int u = 0; u < underlyings; u++)
        {
            final String name = UNDERLYINGS[u];
            spots[u] = Math.exp(random.nextDouble(Math.log(20.0), Math.log(100_000.0)));
            rates[u] = random.nextInt(3) == 0 ? 0.0 : random.nextDouble(0.0, 0.08);
            bases[u] = random.nextInt(3) == 0 ? 0.0 : random.nextDouble(-0.2, 0.2);
            final int count = 1 + random.nextInt(24);
            for (int k = 0; k < count; k++)
            {
                final OptionModel model = OptionModel.values()[random.nextInt(OptionModel.values().length)];
                final OptionType type = random.nextBoolean() ? OptionType.CALL : OptionType.PUT;
                final double strike = spots[u] * Math.exp(random.nextDouble(-0.8, 0.8));
                final long expiry = switch (random.nextInt(8))
                {
                    case 0 -> NOW - random.nextLong(1, 5 * DAY_MS);          // expired: counts at zero value
                    case 1 -> NOW + random.nextLong(1, 60_000);             // within the minute
                    default -> NOW + random.nextLong(DAY_MS / 24, 400 * DAY_MS);
                };
                options.add(new OptionPosition(name + "-O" + k, name, model, type, strike, expiry,
                    Math.round(random.nextDouble(-20.0, 20.0) * 10.0) / 10.0, random.nextBoolean() ? 1.0 : 0.1,
                    randomVol(random)));
            }
            if (random.nextBoolean())
            {
                deltaOnes.add(new DeltaOnePosition(name + "-PERPETUAL", name, true, random.nextInt(-5_000, 5_000), 10.0));
            }
            if (random.nextBoolean())
            {
                deltaOnes.add(new DeltaOnePosition(name + "USDT", name, false, random.nextDouble(-3.0, 3.0), 1.0));
            }
        }
        return new Book(options, deltaOnes, spots, rates, bases);
    }

    /** Mostly market vols; sometimes zero or a total vol below the closed form's floor (the exact pricer's branch). */
    private static double randomVol(final SplittableRandom random)
    {
        return switch (random.nextInt(10))
        {
            case 0 -> 0.0;
            case 1 -> 1e-160;
            default -> random.nextDouble(0.05, 2.5);
        };
    }

    @Property(seed = "20261122", tries = 300)
    void oneOptionRevaluationsInterleavedWithFullOnesMatchAFreshFullRevalue(@ForAll("seeds") final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final Book book = randomBook(random);
        final Portfolio incremental = book.build();
        final Reference reference = new Reference(book, incremental);
        final int underlyings = incremental.underlyingCount();
        final PortfolioGreeks[] holders = new PortfolioGreeks[underlyings];
        final double[] spot = book.spots().clone();
        final long[] time = new long[underlyings];
        final boolean[] valid = new boolean[underlyings];
        for (int u = 0; u < underlyings; u++)
        {
            holders[u] = new PortfolioGreeks();
            time[u] = NOW;
        }
        int oneOption = 0;
        for (int step = 0; step < 80; step++)
        {
            final int action = random.nextInt(20);
            final int o = random.nextInt(incremental.optionCount());
            final int u = incremental.optionUnderlying(o);
            if (action < 12)
            {
                final double vol = randomVol(random);
                incremental.setVolatility(o, vol);
                reference.setVolatility(o, vol);
            }
            else if (action < 14)
            {
                final double contracts = Math.round(random.nextDouble(-20.0, 20.0) * 10.0) / 10.0;
                incremental.setContracts(o, contracts);
                reference.setContracts(o, contracts);
            }
            else if (action < 15 && incremental.deltaOneCount() > 0)
            {
                final int d = random.nextInt(incremental.deltaOneCount());
                final double amount = incremental.deltaOneAmount(d) + random.nextDouble(-1.0, 1.0);
                incremental.setDeltaOneAmount(d, amount);
                reference.twin.setDeltaOneAmount(d, amount);
                final int changed = incremental.deltaOneUnderlying(d);
                valid[changed] = false;
                if (incremental.optionRange(changed + 1) > incremental.optionRange(changed))
                {
                    final int first = incremental.optionRange(changed);
                    final PortfolioGreeks holder = holders[changed];
                    assertThrows(IllegalStateException.class, () -> incremental.revalueOption(first, holder),
                        "a delta-one change needs a full revalue");
                }
                continue;
            }
            else
            {
                // a spot move, sometimes with the valuation time moving on
                spot[u] *= Math.exp(random.nextDouble(-0.01, 0.01));
                if (random.nextBoolean())
                {
                    time[u] += random.nextLong(1, 60_000);
                }
                valid[u] = false;
            }
            final boolean full = !valid[u];
            if (full)
            {
                incremental.revalue(u, spot[u], time[u], holders[u]);
                valid[u] = true;
            }
            else
            {
                incremental.revalueOption(o, holders[u]);
                oneOption++;
            }
            reference.assertAgrees(u, spot[u], time[u], holders[u], full,
                (full ? "full revalue" : "revalueOption of " + incremental.optionInstrument(o)) + " at step " + step);
        }
        assertTrue(oneOption > 0, "the sequence revalued options alone");
    }

    /**
     * What the portfolio under test is compared with: a twin given the same changes and fully revalued, and the
     * gross size of each aggregate's terms, from every option priced alone (in a portfolio where each option has an
     * underlying of its own). An update adds {@code new - old}, whose rounding is relative to the terms it replaces,
     * so an aggregate that cancels to about zero keeps a residue of ~1e-16 of them: the tolerance is 1e-9 of the
     * larger of the aggregate and the largest gross since the last full revalue.
     */
    private static final class Reference
    {
        private static final String[] FIELDS = {"valueUsd", "valueCoin", "deltaCoin", "premiumAdjustedDeltaCoin",
            "gammaPerUsd", "vegaUsdPerVolPoint", "thetaUsdPerDay"};

        final Portfolio twin;
        final Portfolio singles;
        /** Per option of the portfolio under test: its index in {@link #singles}. */
        final int[] single;
        /** Per underlying and field: the largest gross size of its terms since its last full revalue. */
        final double[][] maxGross;

        Reference(final Book book, final Portfolio tested)
        {
            twin = book.build();
            final List<OptionPosition> alone = new ArrayList<>();
            for (int k = 0; k < book.options().size(); k++)
            {
                final OptionPosition p = book.options().get(k);
                alone.add(new OptionPosition(p.instrument(), p.underlying() + "#" + k, p.model(), p.type(), p.strike(),
                    p.expiryEpochMs(), p.contracts(), p.contractMultiplier(), p.volatility()));
            }
            singles = Portfolio.of(alone, List.of());
            single = new int[tested.optionCount()];
            for (int o = 0; o < tested.optionCount(); o++)
            {
                int k = 0;
                while (!alone.get(k).instrument().equals(tested.optionInstrument(o)))
                {
                    k++;
                }
                final int s = singles.underlyingIndex(alone.get(k).underlying());
                final int u = tested.optionUnderlying(o);
                singles.setRates(s, book.rates()[u], book.bases()[u]);
                single[o] = singles.optionRange(s);
            }
            maxGross = new double[tested.underlyingCount()][FIELDS.length];
        }

        void setVolatility(final int o, final double vol)
        {
            twin.setVolatility(o, vol);
            singles.setVolatility(single[o], vol);
        }

        void setContracts(final int o, final double contracts)
        {
            twin.setContracts(o, contracts);
            singles.setContracts(single[o], contracts);
        }

        void assertAgrees(
            final int u, final double spot, final long time, final PortfolioGreeks actual, final boolean full,
            final String when)
        {
            final PortfolioGreeks expected = new PortfolioGreeks();
            twin.revalue(u, spot, time, expected);
            assertEquals(expected.spot(), actual.spot(), 0.0, when);
            assertEquals(expected.options(), actual.options(), when);
            assertEquals(expected.deltaOnes(), actual.deltaOnes(), when);

            final double[] gross = new double[FIELDS.length];
            final PortfolioGreeks alone = new PortfolioGreeks();
            for (int o = twin.optionRange(u); o < twin.optionRange(u + 1); o++)
            {
                singles.revalue(singles.optionUnderlying(single[o]), spot, time, alone);
                final double[] terms = fields(alone);
                for (int f = 0; f < FIELDS.length; f++)
                {
                    gross[f] += Math.abs(terms[f]);
                }
            }
            final double[] want = fields(expected);
            final double[] got = fields(actual);
            for (int f = 0; f < FIELDS.length; f++)
            {
                maxGross[u][f] = full ? gross[f] : Math.max(maxGross[u][f], gross[f]);
                final double tolerance = 1e-9 * Math.max(Math.abs(want[f]), maxGross[u][f]);
                final int field = f;
                assertTrue(Double.isFinite(got[f]), () -> FIELDS[field] + " is " + got[field] + ", " + when);
                assertEquals(want[f], got[f], tolerance, () -> FIELDS[field] + " (gross " + maxGross[u][field] + "), "
                    + when);
            }
        }

        private static double[] fields(final PortfolioGreeks g)
        {
            return new double[] {g.valueUsd(), g.valueCoin(), g.deltaCoin(), g.premiumAdjustedDeltaCoin(),
                g.gammaPerUsd(), g.vegaUsdPerVolPoint(), g.thetaUsdPerDay()};
        }
    }

    @Test
    void oneOptionRevaluationReplacesItsContributionOnly()
    {
        final List<OptionPosition> options = List.of(
            new OptionPosition("C", "BTC", OptionModel.INVERSE, OptionType.CALL, 55_000.0, NOW + 30 * DAY_MS, -3.0, 1.0, 0.6),
            new OptionPosition("P", "BTC", OptionModel.LINEAR, OptionType.PUT, 45_000.0, NOW + 7 * DAY_MS, 2.0, 1.0, 0.7));
        final List<DeltaOnePosition> perp = List.of(new DeltaOnePosition("BTC-PERPETUAL", "BTC", true, 1_000.0, 10.0));
        final Portfolio book = Portfolio.of(options, perp);
        final PortfolioGreeks greeks = new PortfolioGreeks();
        book.revalue(0, 50_000.0, NOW, greeks);
        final double callDeltaBefore = greeks.deltaCoin();

        book.setVolatility(0, 0.9);
        book.revalueOption(0, greeks);

        final Portfolio repriced = Portfolio.of(List.of(
            new OptionPosition("C", "BTC", OptionModel.INVERSE, OptionType.CALL, 55_000.0, NOW + 30 * DAY_MS, -3.0, 1.0, 0.9),
            options.get(1)), perp);
        final PortfolioGreeks expected = new PortfolioGreeks();
        repriced.revalue(0, 50_000.0, NOW, expected);
        assertEquals(expected.deltaCoin(), greeks.deltaCoin(), 1e-12);
        assertEquals(expected.valueUsd(), greeks.valueUsd(), 1e-9);
        assertEquals(expected.vegaUsdPerVolPoint(), greeks.vegaUsdPerVolPoint(), 1e-9);
        assertTrue(greeks.deltaCoin() < callDeltaBefore, "short more of a higher-vol OTM call: less delta");
        assertEquals(50_000.0, greeks.spot());
        assertEquals(2, greeks.options());
        assertEquals(1, greeks.deltaOnes());
    }

    @Test
    void refusesAHolderTheLastFullRevalueDidNotFillAndSaysHowToFixIt()
    {
        final Portfolio book = Portfolio.of(List.of(
            new OptionPosition("BTC-C", "BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, NOW + 30 * DAY_MS, 1.0, 1.0, 0.5),
            new OptionPosition("ETH-C", "ETH", OptionModel.INVERSE, OptionType.CALL, 3_000.0, NOW + 30 * DAY_MS, 1.0, 1.0, 0.5)),
            List.of(new DeltaOnePosition("BTC-PERPETUAL", "BTC", true, 0.0, 10.0)));
        final int btc = book.underlyingIndex("BTC");
        final int eth = book.underlyingIndex("ETH");
        final int btcCall = book.optionRange(btc);
        final int ethCall = book.optionRange(eth);
        final PortfolioGreeks greeks = new PortfolioGreeks();

        final IllegalStateException never = assertThrows(IllegalStateException.class,
            () -> book.revalueOption(btcCall, greeks));
        assertTrue(never.getMessage().contains("BTC-C") && never.getMessage().contains("revalue(underlyingIndex, spot, "
            + "valuationEpochMs, out) first"), never.getMessage());

        book.revalue(btc, 50_000.0, NOW, greeks);
        book.revalueOption(btcCall, greeks);
        assertThrows(IllegalStateException.class, () -> book.revalueOption(btcCall, new PortfolioGreeks()),
            "another holder");
        assertThrows(IllegalArgumentException.class, () -> book.revalueOption(btcCall, null));
        assertThrows(IllegalStateException.class, () -> book.revalueOption(ethCall, greeks),
            "the holder of another underlying");

        book.revalue(eth, 3_000.0, NOW, greeks);   // the same holder refilled for ETH
        assertThrows(IllegalStateException.class, () -> book.revalueOption(btcCall, greeks));
        book.revalueOption(ethCall, greeks);

        book.revalue(btc, 50_000.0, NOW, greeks);
        book.prepare(btc, NOW + 1_000);            // stored contributions are of the old valuation time
        assertThrows(IllegalStateException.class, () -> book.revalueOption(btcCall, greeks));

        book.revalue(btc, 50_000.0, NOW, greeks);
        book.setRates(btc, 0.0, 0.05);
        assertThrows(IllegalStateException.class, () -> book.revalueOption(btcCall, greeks));

        book.revalue(btc, 50_000.0, NOW, greeks);
        final double withoutPerpetual = greeks.deltaCoin();
        book.setDeltaOneAmount(book.deltaOneIndex("BTC-PERPETUAL"), -5_000.0);
        final IllegalStateException deltaOne = assertThrows(IllegalStateException.class,
            () -> book.revalueOption(btcCall, greeks));
        assertTrue(deltaOne.getMessage().contains("none since"), deltaOne.getMessage());

        book.revalue(btc, 50_000.0, NOW, greeks);
        book.revalueOption(btcCall, greeks);
        assertEquals(withoutPerpetual - 5_000.0 / 50_000.0, greeks.deltaCoin(), 1e-12, "short 5,000 USD inverse");
    }

    @Provide
    Arbitrary<Long> seeds()
    {
        return Arbitraries.longs();
    }
}
