package io.deltahedger.greeks.math;

import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.InverseErfc;

/**
 * The standard normal distribution as the pricing kernels need it: density, distribution function, Mills-type
 * ratio and inverse, all static, allocation-free and accurate to a few ulps over the whole double range.
 *
 * <p>{@link #cdf} and {@link #cdfOverPdf} rest on W. J. Cody's rational Chebyshev approximations of the scaled
 * complementary error function {@code erfcx(u) = exp(u^2) erfc(u)} ("Rational Chebyshev approximations for the error
 * function", Math. Comp. 23 (1969) 631-637; the double-precision coefficient sets of Netlib SPECFUN CALERF), evaluated
 * without any exponential. The lower tail is {@code N(z) = phi(z) * Y(z)} with {@code Y = N / phi} from that rational,
 * and {@code phi(z)} takes the rounding error of {@code z*z} back with one fused multiply-add, so the exponential does
 * not amplify it: {@code cdf(-30)} is 4.9e-198 to full relative precision, never {@code 1 - N(30)}. On their own
 * {@link #cdf(double)} costs about what Commons Numbers' erfc does and {@link #cdfOverPdf} a third less than its erfcx;
 * the gain is in the kernels, which already hold {@code phi} and so get N from {@link #cdf(double, double)} and the
 * Mills ratios with no exponential at all. Tests compare them with the Commons Math 3 reference ({@code Erf.erfc}, computed from the regularised
 * incomplete gamma function) to 1e-14 relative times the conditioning {@code max(1, z^2)}, on dense grids and seeded
 * random arguments into the far tail.
 */
public final class StandardNormal
{
    /** 1 / sqrt(2 pi). */
    public static final double INV_SQRT_2PI = 0.3989422804014327;
    /** sqrt(pi / 2). */
    public static final double SQRT_PI_OVER_2 = 1.2533141373155003;
    /** sqrt(2). */
    public static final double SQRT2 = 1.4142135623730951;
    /** 1 / sqrt(2). */
    public static final double INV_SQRT2 = 0.7071067811865476;

    /** sqrt(2 pi). */
    private static final double SQRT_2PI = 2.5066282746310002;
    /** 1 / sqrt(pi). */
    private static final double INV_SQRT_PI = 0.5641895835477563;
    /** Cody's split points of the erfc argument u: erf rational below, erfcx rationals in u and in 1/u^2 above. */
    private static final double CENTRAL_LIMIT = 0.46875;
    private static final double ASYMPTOTIC_FROM = 4.0;
    /**
     * Beyond this u, {@code erfcx(u) = 1/(sqrt(pi) u)} to double precision (the next term is {@code -1/(2u^2)}); below
     * it the asymptotic rational's {@code u^12} stays far from overflow.
     */
    private static final double MILLS_LEADING_TERM_FROM = 1e9;
    /** Beyond this |z| (u > 0.53) erfcx is a pure rational, so N is cheapest as phi Y when phi is at hand. */
    private static final double RATIO_FROM = 0.75;
    /** N(z) underflows to 0 below this z (N(-38.5) ~ 1e-324) and rounds to 1 above {@link #CDF_ONE_FROM}. */
    private static final double CDF_ZERO_BELOW = -38.5;
    private static final double CDF_ONE_FROM = 9.0;

    private StandardNormal()
    {
    }

    /**
     * Density phi(z) = exp(-z^2/2) / sqrt(2 pi), within about an ulp (the rounding of z*z is restored); 0 for |z|
     * beyond ~38.6 where it underflows, never NaN for finite or infinite z.
     */
    public static double pdf(final double z)
    {
        return INV_SQRT_2PI * expMinusHalfSquare(z);
    }

    /** Distribution function N(z) = erfc(-z/sqrt 2) / 2, full relative precision in the lower tail. */
    public static double cdf(final double z)
    {
        final double u = -z * INV_SQRT2;
        if (Math.abs(u) <= CENTRAL_LIMIT)
        {
            return 0.5 - 0.5 * erfCentral(u);
        }
        if (z < 0.0)
        {
            return z < CDF_ZERO_BELOW ? 0.0 : 0.5 * expMinusHalfSquare(z) * erfcx(u);
        }
        return z >= CDF_ONE_FROM ? 1.0 : 1.0 - 0.5 * expMinusHalfSquare(z) * erfcx(-u);
    }

    /**
     * {@code N(z)} for a caller that already has {@code pdf = phi(z)} (from {@link #pdf}): {@code phi(z) Y(z)} with
     * {@code Y = N / phi} a pure rational (no exponential of its own) for {@code z < -0.75}, its complement above
     * 0.75, and {@link #cdf(double)} (Cody's central erf, no exponential either) in between. Same accuracy as
     * {@link #cdf(double)}.
     */
    public static double cdf(final double z, final double pdf)
    {
        if (z < -RATIO_FROM)
        {
            return pdf * cdfOverPdf(z);
        }
        return z > RATIO_FROM ? 1.0 - pdf * cdfOverPdf(-z) : cdf(z);
    }

    /**
     * The ratio {@code N(z) / phi(z)} (for negative z the Mills ratio of -z), computed as
     * {@code sqrt(pi/2) erfcx(-z/sqrt 2)} so that it is accurate where both N and phi underflow. Grows like
     * {@code sqrt(2 pi) exp(z^2/2)} for large positive z (overflows beyond z ~ 37.7); callers use it for z <= 0.
     */
    public static double cdfOverPdf(final double z)
    {
        return SQRT_PI_OVER_2 * erfcx(-z * INV_SQRT2);
    }

    /** {@code N(z) - N(-z) = erf(z / sqrt 2)} without cancellation for small z. */
    public static double centralProbability(final double z)
    {
        return Erf.value(z * INV_SQRT2);
    }

    /**
     * The lower-tail quantile: the z with N(z) = p, for 0 &lt; p &lt;= 1, accurate for tiny p
     * ({@code -sqrt 2 erfcInv(2p)}).
     */
    public static double inverseCdf(final double p)
    {
        return -SQRT2 * InverseErfc.value(2.0 * p);
    }

    /**
     * {@code exp(-z^2/2)} with the rounding error of {@code z*z} restored: {@code z^2 = hi + lo} exactly (one fused
     * multiply-add), and {@code exp(-(hi + lo)/2) = exp(-hi/2) (1 - lo/2)} to within {@code lo^2}, so the result is
     * within about an ulp where a plain {@code exp(-0.5*z*z)} errs by {@code z^2/2} ulps (3e-14 relative at z = 20).
     */
    static double expMinusHalfSquare(final double z)
    {
        final double hi = z * z;
        final double exp = Math.exp(-0.5 * hi);
        // exp == 0 also covers z = +-infinity, where lo would be NaN.
        return exp == 0.0 ? 0.0 : exp - exp * 0.5 * Math.fma(z, z, -hi);
    }

    /** Cody's erf for {@code |u| <= 0.46875}: {@code u P(u^2) / Q(u^2)}, degree 4 over 4. */
    static double erfCentral(final double u)
    {
        final double t = u * u;
        final double p = (((1.85777706184603153e-1 * t + 3.16112374387056560e0) * t + 1.13864154151050156e2) * t
            + 3.77485237685302021e2) * t + 3.20937758913846947e3;
        final double q = (((t + 2.36012909523441209e1) * t + 2.44024637934444173e2) * t
            + 1.28261652607737228e3) * t + 2.84423683343917062e3;
        return u * p / q;
    }

    /**
     * The scaled complementary error function {@code erfcx(u) = exp(u^2) erfc(u)} for any u (NaN propagates; 0 at
     * +infinity, overflow beyond u ~ -26.6). For {@code u > 0.46875} Cody's rationals, without an exponential: degree
     * 8 over 8 in u up to 4, beyond that {@code (1/sqrt(pi) - v R(v)) / u} with {@code v = 1/u^2} and R of degree 5
     * over 5. For {@code |u| <= 0.46875} {@code exp(u^2) (1 - erf(u))}; below {@code -0.46875}
     * {@code 2 exp(u^2) - erfcx(-u)}, both with {@code exp(u^2)} rounding-corrected.
     *
     * <p>Deliberately one method of more than 325 bytes of bytecode (HotSpot's {@code FreqInlineSize}): the JIT then
     * compiles it once and calls it, rather than inlining a copy at each of the dozen call sites in the pricing and
     * implied-volatility kernels. Measured with the CPU-time probe, the inlined copies made a Black-76 price with
     * Greeks 20 ns slower (the kernel's compiled code grew several-fold).
     */
    static double erfcx(final double u)
    {
        final double a = Math.abs(u);
        final double rational;
        if (a <= CENTRAL_LIMIT)
        {
            return expSquare(u) * (1.0 - erfCentral(u));
        }
        if (a >= MILLS_LEADING_TERM_FROM)
        {
            // The correction v R(v) is below 1e-17 of 1/sqrt(pi): the leading term (or the overflow) is the value.
            return u > 0.0 ? INV_SQRT_PI / a : 2.0 * expSquare(u);
        }
        if (a <= ASYMPTOTIC_FROM)
        {
            // Estrin's scheme with fused multiply-adds: every coefficient is positive, so any order of evaluation is
            // accurate, and this one has a dependency chain of four fma instead of Horner's eight multiply-adds.
            final double a2 = a * a;
            final double a4 = a2 * a2;
            final double p = Math.fma(
                Math.fma(2.15311535474403846e-8, a4, Math.fma(
                    Math.fma(5.64188496988670089e-1, a, 8.88314979438837594e0), a2,
                    Math.fma(6.61191906371416295e1, a, 2.98635138197400131e2))),
                a4,
                Math.fma(
                    Math.fma(8.81952221241769090e2, a, 1.71204761263407058e3), a2,
                    Math.fma(2.05107837782607147e3, a, 1.23033935479799725e3)));
            final double q = Math.fma(
                a4 + Math.fma(
                    Math.fma(1.57449261107098347e1, a, 1.17693950891312499e2), a2,
                    Math.fma(5.37181101862009858e2, a, 1.62138957456669019e3)),
                a4,
                Math.fma(
                    Math.fma(3.29079923573345963e3, a, 4.36261909014324716e3), a2,
                    Math.fma(3.43936767414372164e3, a, 1.23033935480374942e3)));
            rational = p / q;
        }
        else
        {
            // Cody's (1/sqrt(pi) - v P(v)/Q(v)) / u with v = 1/u^2, multiplied through by w^5 (w = u^2) so that one
            // division remains instead of three in series: P and Q with reversed coefficients, in w.
            final double w = a * a;
            final double w2 = w * w;
            final double p = Math.fma(
                Math.fma(6.58749161529837803e-4, w, 1.60837851487422766e-2), w2 * w2,
                Math.fma(
                    Math.fma(1.25781726111229246e-1, w, 3.60344899949804439e-1), w2,
                    Math.fma(3.05326634961232344e-1, w, 1.63153871373020978e-2)));
            final double wq = w * Math.fma(
                Math.fma(2.33520497626869185e-3, w, 6.05183413124413191e-2), w2 * w2,
                Math.fma(
                    Math.fma(5.27905102951428412e-1, w, 1.87295284992346047e0), w2,
                    Math.fma(2.56852019228982242e0, w, 1.0)));
            rational = (INV_SQRT_PI * wq - p) / (a * wq);
        }
        // erfcx(-a) = 2 exp(a^2) - erfcx(a): the second term is below 1/a^2 of the first for a > 0.47.
        return u > 0.0 ? rational : 2.0 * expSquare(u) - rational;
    }

    /** {@code exp(u^2)} with the rounding error of {@code u*u} restored by a fused multiply-add (see below). */
    private static double expSquare(final double u)
    {
        final double hi = u * u;
        final double exp = Math.exp(hi);
        return exp == Double.POSITIVE_INFINITY ? exp : exp + exp * Math.fma(u, u, -hi);
    }
}
