package io.deltahedger.greeks.surface;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * An implied-volatility surface made of raw SVI smiles at a set of expiries, with allocation-free look-ups.
 *
 * <p>Look-ups take the expiry in years and the log-moneyness {@code k = ln(K / F(T))} against the forward of that
 * expiry (the caller owns the forward curve). Rules, with {@code T_1 < ... < T_n} the slice expiries and
 * {@code w_i(k)} the slices' total variance:
 * <ul>
 *   <li><b>At a slice</b> ({@code T = T_i}): exactly {@code w_i(k)}.</li>
 *   <li><b>Between slices</b> ({@code T_i < T < T_i+1}): linear in total variance at constant k,
 *       {@code w = w_i(k) + (T - T_i)/(T_i+1 - T_i) (w_i+1(k) - w_i(k))}. If {@code w_i+1(k) >= w_i(k)} (no calendar
 *       arbitrage between the slices) the interpolated total variance is non-decreasing in T, so interpolation adds
 *       no calendar arbitrage. It does not by itself guarantee that each interpolated smile is butterfly-free;
 *       {@link #checkArbitrage} samples them.</li>
 *   <li><b>Before the first slice</b> ({@code 0 <= T < T_1}): {@code w = w_1(k) T / T_1}, i.e. the first slice's
 *       implied vol at each k held constant; {@code w -> 0} as {@code T -> 0}. At {@code T = 0} the vol is that
 *       limit, {@code sqrt(w_1(k) / T_1)}.</li>
 *   <li><b>After the last slice</b> ({@code T > T_n}): {@code w = w_n(k) T / T_n}, the last slice's implied vol at
 *       each k held constant (total variance keeps growing, so no calendar arbitrage is created).</li>
 *   <li><b>Wings</b>: beyond the quoted strikes each slice follows raw SVI, which is asymptotically linear in k
 *       with slopes {@code b(1 - rho)} and {@code b(1 + rho)}; fitted slices keep these within Lee's bound of 2.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. {@link #totalVariance} and {@link #volatility} allocate nothing: the slices live
 * in primitive arrays and the expiry is found by binary search. Invalid arguments (NaN, infinite, negative expiry)
 * throw {@link IllegalArgumentException}; only that failure path allocates.
 */
public final class VolSurface {

    /** How many interpolated expiries {@link #checkArbitrage} samples inside each gap between slices. */
    public static final int INTERPOLATED_SAMPLES_PER_GAP = 3;

    private final double[] expiryYears;
    private final double[] a;
    private final double[] b;
    private final double[] rho;
    private final double[] m;
    private final double[] sigma;

    private VolSurface(final List<SurfaceSlice> sorted) {
        final int n = sorted.size();
        expiryYears = new double[n];
        a = new double[n];
        b = new double[n];
        rho = new double[n];
        m = new double[n];
        sigma = new double[n];
        for (int i = 0; i < n; i++) {
            final SurfaceSlice slice = sorted.get(i);
            expiryYears[i] = slice.expiryYears();
            a[i] = slice.smile().a();
            b[i] = slice.smile().b();
            rho[i] = slice.smile().rho();
            m[i] = slice.smile().m();
            sigma[i] = slice.smile().sigma();
        }
    }

    /**
     * A surface of the given slices, in any order.
     *
     * @throws IllegalArgumentException if there are no slices or two share an expiry
     */
    public static VolSurface of(final List<SurfaceSlice> slices) {
        if (slices == null || slices.isEmpty()) {
            throw new IllegalArgumentException("a volatility surface needs at least one slice, got none");
        }
        final List<SurfaceSlice> sorted = new ArrayList<>(slices);
        sorted.sort(Comparator.comparingDouble(SurfaceSlice::expiryYears));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).expiryYears() == sorted.get(i - 1).expiryYears()) {
                throw new IllegalArgumentException("two surface slices share expiry " + sorted.get(i).expiryYears()
                        + "y; fit each expiry once (merge the quotes of one expiry into one slice)");
            }
        }
        return new VolSurface(sorted);
    }

    /** A surface of fitted slices (each fit's expiry and smile), in any order. */
    public static VolSurface fromFits(final List<SviFit> fits) {
        if (fits == null || fits.isEmpty()) {
            throw new IllegalArgumentException("a volatility surface needs at least one fitted slice, got none");
        }
        final List<SurfaceSlice> slices = new ArrayList<>(fits.size());
        for (final SviFit fit : fits) {
            slices.add(new SurfaceSlice(fit.expiryYears(), fit.parameters()));
        }
        return of(slices);
    }

    /**
     * Total implied variance {@code vol^2 T} at the expiry and log-moneyness. Allocation-free.
     *
     * @param expiryYears time to expiry in years, finite and {@code >= 0}
     * @param k           log-moneyness {@code ln(K / F(T))}, finite
     */
    public double totalVariance(final double expiryYears, final double k) {
        validate(expiryYears, k);
        final int found = Arrays.binarySearch(this.expiryYears, expiryYears);
        if (found >= 0) {
            return slice(found, k);
        }
        final int above = -found - 1;
        if (above == 0) {
            return slice(0, k) * (expiryYears / this.expiryYears[0]);
        }
        final int last = this.expiryYears.length - 1;
        if (above > last) {
            return slice(last, k) * (expiryYears / this.expiryYears[last]);
        }
        final int below = above - 1;
        final double weight = (expiryYears - this.expiryYears[below])
                / (this.expiryYears[above] - this.expiryYears[below]);
        final double lower = slice(below, k);
        return lower + weight * (slice(above, k) - lower);
    }

    /**
     * Implied volatility (annualised decimal) at the expiry and log-moneyness; at {@code T = 0} the limit as
     * {@code T -> 0}. Allocation-free.
     *
     * @param expiryYears time to expiry in years, finite and {@code >= 0}
     * @param k           log-moneyness {@code ln(K / F(T))}, finite
     */
    public double volatility(final double expiryYears, final double k) {
        validate(expiryYears, k);
        final int last = this.expiryYears.length - 1;
        if (expiryYears <= this.expiryYears[0]) {
            return Math.sqrt(slice(0, k) / this.expiryYears[0]);
        }
        if (expiryYears >= this.expiryYears[last]) {
            return Math.sqrt(slice(last, k) / this.expiryYears[last]);
        }
        return Math.sqrt(totalVariance(expiryYears, k) / expiryYears);
    }

    /** Number of slices. */
    public int sliceCount() {
        return expiryYears.length;
    }

    /** Expiry of slice {@code i} (ascending). */
    public double expiryYears(final int i) {
        return expiryYears[i];
    }

    /** Slice {@code i} (ascending expiry); allocates. */
    public SurfaceSlice slice(final int i) {
        return new SurfaceSlice(expiryYears[i], new SviParameters(a[i], b[i], rho[i], m[i], sigma[i]));
    }

    /**
     * Checks every slice for butterfly arbitrage, every adjacent pair for calendar arbitrage, and the interpolated
     * smiles at {@value #INTERPOLATED_SAMPLES_PER_GAP} evenly spaced expiries inside each gap for butterfly arbitrage,
     * on the grid (see {@link ArbitrageScan}). Allocates; run it after building a surface, not per look-up.
     */
    public SurfaceArbitrageReport checkArbitrage(final LogMoneynessGrid grid) {
        final List<ButterflyReport> butterflies = new ArrayList<>();
        final List<CalendarReport> calendars = new ArrayList<>();
        final List<SurfaceArbitrageReport.InterpolatedButterfly> between = new ArrayList<>();
        for (int i = 0; i < expiryYears.length; i++) {
            final SviParameters smile = slice(i).smile();
            butterflies.add(ArbitrageScan.butterfly(smile, grid));
            if (i > 0) {
                final SviParameters earlier = slice(i - 1).smile();
                calendars.add(ArbitrageScan.calendar(expiryYears[i - 1], earlier, expiryYears[i], smile, grid));
                for (int j = 1; j <= INTERPOLATED_SAMPLES_PER_GAP; j++) {
                    final double x = j / (INTERPOLATED_SAMPLES_PER_GAP + 1.0);
                    between.add(new SurfaceArbitrageReport.InterpolatedButterfly(
                            expiryYears[i - 1] + x * (expiryYears[i] - expiryYears[i - 1]),
                            ArbitrageScan.butterflyInterpolated(earlier, smile, x, grid)));
                }
            }
        }
        return new SurfaceArbitrageReport(butterflies, calendars, between);
    }

    private double slice(final int i, final double k) {
        return SviParameters.totalVariance(a[i], b[i], rho[i], m[i], sigma[i], k);
    }

    private static void validate(final double expiryYears, final double k) {
        if (!(expiryYears >= 0) || expiryYears == Double.POSITIVE_INFINITY || !Double.isFinite(k)) {
            throw invalid(expiryYears, k);
        }
    }

    private static IllegalArgumentException invalid(final double expiryYears, final double k) {
        if (!(expiryYears >= 0) || expiryYears == Double.POSITIVE_INFINITY) {
            return new IllegalArgumentException("volatility look-up needs a finite expiryYears >= 0, got "
                    + expiryYears + (expiryYears < 0 ? "; the option has expired" : ""));
        }
        return new IllegalArgumentException("volatility look-up needs a finite log-moneyness k = ln(K/F), got " + k
                + "; check the strike and forward are > 0");
    }
}
