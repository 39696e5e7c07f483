package io.deltahedger.greeks.surface;

/**
 * How well the fitted smile matches one quote.
 *
 * @param quote                 the quote
 * @param logMoneyness          {@code ln(strike / forward)}
 * @param marketVol             the vol the fit aimed at (mid or mark)
 * @param fittedVol             the fitted smile's vol at this strike
 * @param volResidual           {@code fittedVol - marketVol}
 * @param totalVarianceResidual {@code (fittedVol^2 - marketVol^2) * T}
 * @param weight                the quote's normalised weight in the objective (max 1 in the slice)
 */
public record QuoteResidual(VolQuote quote, double logMoneyness, double marketVol, double fittedVol,
                            double volResidual, double totalVarianceResidual, double weight) {

    /** Whether the fitted vol lies within the quote's bid/ask (for a mark quote: equals the mark within 1e-12). */
    public boolean insideBidAsk() {
        final double tolerance = quote.isMark() ? 1e-12 : 0;
        return fittedVol >= quote.bidVol() - tolerance && fittedVol <= quote.askVol() + tolerance;
    }
}
