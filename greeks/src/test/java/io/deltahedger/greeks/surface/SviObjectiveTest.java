package io.deltahedger.greeks.surface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class SviObjectiveTest {

    private static final double[] K = {-0.9, -0.4, -0.1, 0.0, 0.05, 0.3, 0.8};
    private static final double[] VOL = {0.9, 0.7, 0.62, 0.6, 0.61, 0.66, 0.8};
    private static final double[] WEIGHT = {0.2, 0.5, 1.0, 1.0, 0.9, 0.6, 0.1};

    @Property(seed = "4242", tries = 300)
    void analyticJacobianMatchesCentralDifferences(@ForAll @DoubleRange(min = -8, max = -1) double u0,
                                                   @ForAll @DoubleRange(min = -6, max = 3) double u1,
                                                   @ForAll @DoubleRange(min = -2.5, max = 2.5) double u2,
                                                   @ForAll @DoubleRange(min = -0.5, max = 0.5) double u3,
                                                   @ForAll @DoubleRange(min = -4, max = 0.5) double u4) {
        final SviObjective objective = new SviObjective(0.3, K, VOL, WEIGHT);
        final double[] u = {u0, u1, u2, u3, u4};
        final double[] values = new double[K.length];
        final double[][] jacobian = new double[K.length][5];
        objective.evaluate(u, values, jacobian);
        final double[] up = new double[K.length];
        final double[] down = new double[K.length];
        for (int j = 0; j < 5; j++) {
            final double h = 1e-6;
            final double[] uUp = u.clone();
            final double[] uDown = u.clone();
            uUp[j] += h;
            uDown[j] -= h;
            objective.evaluate(uUp, up, null);
            objective.evaluate(uDown, down, null);
            for (int i = 0; i < K.length; i++) {
                final double numeric = (up[i] - down[i]) / (2 * h);
                assertEquals(numeric, jacobian[i][j], 1e-6 * (1 + Math.abs(numeric)),
                        "d residual " + i + " / d u" + j);
            }
        }
    }

    @Property(seed = "777", tries = 200)
    void transformRoundTripsValidSmilesAndKeepsEveryIterateValid(
            @ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(6) double minW,
            @ForAll @DoubleRange(min = 0.01, max = 0.99) double share,
            @ForAll @DoubleRange(min = -0.99, max = 0.99) double rho,
            @ForAll @DoubleRange(min = -1, max = 1) double m,
            @ForAll @DoubleRange(min = 0.001, max = 2) @Scale(6) double sigma) {
        final double b = share * 2 / (1 + Math.abs(rho));
        final SviParameters p = new SviParameters(minW - b * sigma * Math.sqrt(1 - rho * rho), b, rho, m, sigma);
        final SviParameters back = SviObjective.toParameters(SviObjective.fromParameters(p));
        assertEquals(p.a(), back.a(), 1e-12);
        assertEquals(p.b(), back.b(), 1e-12);
        assertEquals(p.rho(), back.rho(), 1e-12);
        assertEquals(p.m(), back.m(), 1e-12);
        assertEquals(p.sigma(), back.sigma(), 1e-12);
        assertTrue(back.satisfiesLeeWingBound());
        assertTrue(back.minimumTotalVariance() > 0);
    }

    @Property(seed = "99", tries = 200)
    void extremeCoordinatesStillGiveAValidLeeCompliantSmile(@ForAll @DoubleRange(min = -1e3, max = 1e3) double u0,
                                                           @ForAll @DoubleRange(min = -1e3, max = 1e3) double u1,
                                                           @ForAll @DoubleRange(min = -1e3, max = 1e3) double u2,
                                                           @ForAll @DoubleRange(min = -1e3, max = 1e3) double u3,
                                                           @ForAll @DoubleRange(min = -1e3, max = 1e3) double u4) {
        final SviParameters p = SviObjective.toParameters(new double[] {u0, u1, u2, u3, u4});
        assertTrue(p.satisfiesLeeWingBound());
        final SviObjective objective = new SviObjective(0.3, K, VOL, WEIGHT);
        assertTrue(Double.isFinite(objective.cost(new double[] {u0, u1, u2, u3, u4})));
    }
}
