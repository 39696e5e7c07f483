package io.deltahedger.greeks.surface;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quotes of one expiry, with that expiry's forward, ready to be fitted.
 *
 * @param expiryYears time to expiry in years, finite and {@code > 0}
 * @param forward     the expiry's forward price, finite and {@code > 0}; log-moneyness is {@code ln(strike/forward)}
 * @param quotes      the quotes, non-empty, at distinct strikes (copied)
 */
public record SliceQuotes(double expiryYears, double forward, List<VolQuote> quotes) {

    public SliceQuotes {
        if (!(expiryYears > 0) || expiryYears == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("slice expiryYears must be finite and > 0, got " + expiryYears
                    + "; expired options cannot be fitted");
        }
        if (!(forward > 0) || forward == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("slice forward must be finite and > 0, got " + forward
                    + " (expiry " + expiryYears + "y)");
        }
        if (quotes == null || quotes.isEmpty()) {
            throw new IllegalArgumentException("slice at expiry " + expiryYears + "y has no quotes");
        }
        quotes = List.copyOf(quotes);
        final Map<Double, String> labelByStrike = new HashMap<>();
        for (final VolQuote quote : quotes) {
            final String previous = labelByStrike.put(quote.strike(), quote.label());
            if (previous != null) {
                throw new IllegalArgumentException("slice at expiry " + expiryYears + "y has two quotes at strike "
                        + quote.strike() + " ('" + previous + "' and '" + quote.label()
                        + "'); merge them (e.g. keep the out-of-the-money option) before fitting");
            }
        }
    }

    /** Log-moneyness {@code ln(strike / forward)} of quote {@code i}. */
    public double logMoneyness(final int i) {
        return Math.log(quotes.get(i).strike() / forward);
    }
}
