package io.deltahedger.greeks.surface;

/**
 * One expiry of a surface: its SVI smile in total variance.
 *
 * @param expiryYears the expiry in years, finite and {@code > 0}
 * @param smile       the raw SVI smile (total variance against log-moneyness {@code ln(K/F(T))})
 */
public record SurfaceSlice(double expiryYears, SviParameters smile) {

    public SurfaceSlice {
        if (!(expiryYears > 0) || expiryYears == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("surface slice expiryYears must be finite and > 0, got " + expiryYears);
        }
        if (smile == null) {
            throw new IllegalArgumentException("surface slice at " + expiryYears + "y has no smile");
        }
    }
}
