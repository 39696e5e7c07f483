package io.deltahedger.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SviFitterRobustnessTest {

    @Test
    void aFlatSmileFitsWithVanishingWings() {
        final List<VolQuote> quotes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            quotes.add(VolQuote.mark("K" + i, 80 + 4 * i, 0.45));
        }
        final SviFit fit = new SviFitter(WeightingMode.UNIFORM).fit(new SliceQuotes(0.3, 100, quotes));
        assertTrue(fit.maxAbsVolResidual() < 1e-6, "max residual " + fit.maxAbsVolResidual());
        assertTrue(fit.parameters().b() < 1e-3, "b " + fit.parameters().b());
        assertEquals(0.45, fit.volatility(0), 1e-6);
    }

    @Test
    void quotesOnOneSideOfTheMoneyStillGiveAValidSmile() {
        final double t = 0.1;
        final SviParameters truth = SmileQuotes.smile(0.7, t, 0.05, 0.2, 0.0, 0.1);
        final SviFit fit = new SviFitter(WeightingMode.UNIFORM).fit(SmileQuotes.exact(truth, t, 100, 0.1, 0.6, 8));
        assertTrue(fit.maxAbsVolResidual() < 1e-4, "max residual " + fit.maxAbsVolResidual());
        assertTrue(fit.parameters().satisfiesLeeWingBound());
        assertTrue(ArbitrageScan.butterfly(fit.parameters(), new LogMoneynessGrid(0.1, 0.6, 51)).arbitrageFree());
    }

    /**
     * Arbitrary (even smile-less) noisy vols: whatever the data, the fit returns a valid, Lee-compliant smile with
     * finite residuals, and never does worse than the best flat smile.
     */
    @Property(seed = "8675309", tries = 60)
    void anyQuotesGiveAValidSmileNoWorseThanFlat(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                 @ForAll @IntRange(min = 5, max = 40) int count) {
        final Random random = new Random(seed);
        final double t = 0.01 + random.nextDouble() * 2;
        final List<VolQuote> quotes = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < count; i++) {
            final double vol = 0.1 + random.nextDouble() * 2;
            sum += vol;
            quotes.add(VolQuote.mark("K" + i, 100 * Math.exp(-1 + 2.0 * i / (count - 1)), vol));
        }
        final SviFit fit = new SviFitter(WeightingMode.UNIFORM).fit(new SliceQuotes(t, 100, quotes));
        assertTrue(fit.parameters().satisfiesLeeWingBound());
        assertTrue(fit.parameters().minimumTotalVariance() > 0);
        assertTrue(Double.isFinite(fit.rmsVolResidual()) && Double.isFinite(fit.maxAbsTotalVarianceResidual()));
        final double mean = sum / count;
        double flat = 0;
        for (final VolQuote q : quotes) {
            flat += (q.midVol() - mean) * (q.midVol() - mean);
        }
        assertTrue(fit.rmsVolResidual() <= Math.sqrt(flat / count) + 1e-9,
                "fit rms " + fit.rmsVolResidual() + " worse than flat " + Math.sqrt(flat / count));
    }

    /** The example of docs/volatility-surface.md, as written there. */
    @Test
    void theDocumentedExampleRuns() {
        final List<VolQuote> quotes = List.of(
                VolQuote.bidAsk("BTC-26DEC26-70000-P", 70_000, 0.612, 0.634),
                VolQuote.bidAsk("BTC-26DEC26-80000-P", 80_000, 0.571, 0.589),
                VolQuote.bidAsk("BTC-26DEC26-90000-C", 90_000, 0.548, 0.562),
                VolQuote.bidAsk("BTC-26DEC26-100000-C", 100_000, 0.552, 0.570),
                VolQuote.bidAsk("BTC-26DEC26-110000-C", 110_000, 0.566, 0.588),
                VolQuote.bidAsk("BTC-26DEC26-120000-C", 120_000, 0.584, 0.610));
        final SviFit fit = new SviFitter(WeightingMode.SPREAD).fit(new SliceQuotes(0.096, 91_250.0, quotes));
        assertEquals(FitStatus.CONVERGED, fit.status());
        assertEquals(0, fit.quotesOutsideBidAsk());
        final VolSurface surface = VolSurface.fromFits(List.of(fit));
        assertTrue(surface.checkArbitrage(LogMoneynessGrid.DEFAULT).arbitrageFree());
        final double vol = surface.volatility(0.05, Math.log(95_000 / 91_000.0));
        assertTrue(vol > 0.54 && vol < 0.58, "vol " + vol);
    }
}
