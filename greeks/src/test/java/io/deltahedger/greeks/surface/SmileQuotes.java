package io.deltahedger.greeks.surface;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test quotes generated from a known smile, optionally with seeded noise. */
final class SmileQuotes {

    private SmileQuotes() {
    }

    /** Mark quotes exactly on the smile at {@code count} evenly spaced log-moneyness points in [kMin, kMax]. */
    static SliceQuotes exact(final SviParameters smile, final double expiryYears, final double forward,
                             final double kMin, final double kMax, final int count) {
        final List<VolQuote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final double k = kMin + (kMax - kMin) * i / (count - 1);
            quotes.add(VolQuote.mark("K" + i, forward * Math.exp(k), smile.impliedVolatility(k, expiryYears)));
        }
        return new SliceQuotes(expiryYears, forward, quotes);
    }

    /**
     * Bid/ask quotes whose mid is the smile's vol plus Gaussian noise of standard deviation {@code noiseVol}, with a
     * half-spread of {@code halfSpreadVol}.
     */
    static SliceQuotes noisy(final SviParameters smile, final double expiryYears, final double forward,
                             final double kMin, final double kMax, final int count, final double noiseVol,
                             final double halfSpreadVol, final Random random) {
        final List<VolQuote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final double k = kMin + (kMax - kMin) * i / (count - 1);
            final double mid = smile.impliedVolatility(k, expiryYears) + noiseVol * random.nextGaussian();
            quotes.add(VolQuote.bidAsk("K" + i, forward * Math.exp(k), mid - halfSpreadVol, mid + halfSpreadVol));
        }
        return new SliceQuotes(expiryYears, forward, quotes);
    }

    /** A smile with the given ATM-ish level built so that its minimum total variance is {@code minVol^2 T}. */
    static SviParameters smile(final double minVol, final double expiryYears, final double b, final double rho,
                               final double m, final double sigma) {
        final double minW = minVol * minVol * expiryYears;
        return new SviParameters(minW - b * sigma * Math.sqrt(1 - rho * rho), b, rho, m, sigma);
    }
}
