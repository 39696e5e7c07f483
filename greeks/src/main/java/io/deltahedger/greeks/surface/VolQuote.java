package io.deltahedger.greeks.surface;

import java.util.OptionalDouble;

/**
 * One option's implied-volatility quote at one strike of one expiry: either a bid/ask pair of implied vols or a
 * single mark implied vol (stored as {@code bidVol == askVol}), with an optional vega supplied by the caller for
 * vega weighting (this package does not price options).
 *
 * <p>Units: strike in the underlying's quote currency, implied vols as annualised decimals (0.55 for 55%), vega in
 * any consistent unit (only relative vegas within one expiry matter). Validated on construction; every message names
 * the quote by its label.
 *
 * @param label  the instrument's name or any text that identifies the quote in error messages and reports
 * @param strike strike price, {@code > 0}
 * @param bidVol bid implied vol, {@code > 0}; equal to {@code askVol} for a mark quote (a one-sided quote has no
 *               meaningful mid: drop it or pass the venue's mark instead)
 * @param askVol ask implied vol, {@code > 0} and {@code >= bidVol}
 * @param vega   the option's vega if the caller supplied one ({@code >= 0}), else empty
 */
public record VolQuote(String label, double strike, double bidVol, double askVol, OptionalDouble vega) {

    /**
     * Implied vols above this (1000%) are refused: they are almost always a percentage passed where a decimal was
     * expected (venues such as Deribit publish {@code mark_iv} in percent).
     */
    public static final double MAX_VOL = 10.0;

    public VolQuote {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("quote label must be non-blank (strike " + strike
                    + "); pass the instrument name so that errors and residuals can name the quote");
        }
        if (vega == null) {
            throw new IllegalArgumentException("quote '" + label + "': vega must be OptionalDouble.empty() when not"
                    + " supplied, not null");
        }
        if (!(strike > 0) || strike == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("quote '" + label + "': strike must be finite and > 0, got " + strike);
        }
        requireVol(label, "bid IV", bidVol);
        requireVol(label, "ask IV", askVol);
        if (bidVol > askVol) {
            throw new IllegalArgumentException("quote '" + label + "': crossed quote, bid IV " + bidVol
                    + " is above ask IV " + askVol + "; drop or repair the quote before fitting");
        }
        if (vega.isPresent() && !(vega.getAsDouble() >= 0 && vega.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("quote '" + label + "': vega must be finite and >= 0, got "
                    + vega.getAsDouble());
        }
    }

    private static void requireVol(final String label, final String what, final double vol) {
        if (!(vol > 0 && vol <= MAX_VOL)) {
            throw new IllegalArgumentException("quote '" + label + "': " + what + " must be within (0, " + MAX_VOL
                    + "] as an annualised decimal (0.55 for 55%), got " + vol
                    + (vol == 0 ? "; a zero IV usually means no bid or offer: drop the quote or use the mark" : "")
                    + (vol > MAX_VOL && vol < 1000 ? "; this looks like a percentage: divide by 100" : ""));
        }
    }

    /** A two-sided quote in implied vol. */
    public static VolQuote bidAsk(final String label, final double strike, final double bidVol,
                                  final double askVol) {
        return new VolQuote(label, strike, bidVol, askVol, OptionalDouble.empty());
    }

    /** A mark (or mid) implied vol without a spread. */
    public static VolQuote mark(final String label, final double strike, final double markVol) {
        return new VolQuote(label, strike, markVol, markVol, OptionalDouble.empty());
    }

    /** This quote with the caller's vega attached (for {@link WeightingMode#VEGA}). */
    public VolQuote withVega(final double vega) {
        return new VolQuote(label, strike, bidVol, askVol, OptionalDouble.of(vega));
    }

    /** The vol the fit aims at: the mid {@code (bid + ask) / 2}, or the mark. */
    public double midVol() {
        return 0.5 * (bidVol + askVol);
    }

    /** Bid/ask spread in vol, {@code ask - bid}; 0 for a mark quote. */
    public double spreadVol() {
        return askVol - bidVol;
    }

    /** Whether this quote carries a single mark vol rather than a bid/ask pair. */
    public boolean isMark() {
        return bidVol == askVol;
    }
}
