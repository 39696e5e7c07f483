package io.deltahedger.marginmonitor.gate;

import java.util.Arrays;

/**
 * The gate's settings, validated once.
 *
 * @param threshold          block when projected maintenance margin / margin balance reaches this (0.8; 1.0 is
 *                           liquidation), in (0, 1]
 * @param maxSnapshotAgeMs   an account snapshot older than this blocks new risk, &gt; 0
 * @param spotMoves          relative moves of every underlying's index and delta-one marks applied on top of the no-move
 *                           case (-0.10 for -10%), each in (-1, 10)
 * @param volShifts          absolute shifts of every option's volatility per 1.00 (0.10 for +10 vol points), in (-10, 10);
 *                           every spot move is combined with every shift; the no-move case is always projected too
 * @param revaluationIntervalMs how long scenario values may be reused while nothing in the book changes (option time
 *                           decay granularity), &gt;= 0; 0 revalues on every verdict
 */
public record GateConfig(
    double threshold,
    long maxSnapshotAgeMs,
    double[] spotMoves,
    double[] volShifts,
    long revaluationIntervalMs) {

    public GateConfig {
        if (!(threshold > 0 && threshold <= 1.0)) {
            throw new IllegalArgumentException("margin gate threshold must be in (0, 1] (0.8 blocks at 80% of the margin "
                + "balance; 1.0 is liquidation), got " + threshold);
        }
        if (maxSnapshotAgeMs <= 0) {
            throw new IllegalArgumentException("margin gate maxSnapshotAgeMs must be > 0 (e.g. 5000), got " + maxSnapshotAgeMs);
        }
        if (spotMoves == null || volShifts == null || spotMoves.length == 0 || volShifts.length == 0) {
            throw new IllegalArgumentException("margin gate needs at least one spot move and one vol shift (use {0.0} for none)");
        }
        for (final double m : spotMoves) {
            if (!(m > -1.0 && m < 10.0)) {
                throw new IllegalArgumentException("margin gate spot move " + m + " must be a relative move in (-1, 10) (-0.1 for -10%)");
            }
        }
        for (final double v : volShifts) {
            if (!(v > -10.0 && v < 10.0)) {
                throw new IllegalArgumentException("margin gate vol shift " + v + " must be in (-10, 10) per 1.00 (0.1 for +10 vol points)");
            }
        }
        if (revaluationIntervalMs < 0) {
            throw new IllegalArgumentException("margin gate revaluationIntervalMs must be >= 0, got " + revaluationIntervalMs);
        }
        spotMoves = spotMoves.clone();
        volShifts = volShifts.clone();
    }

    /** Threshold 0.8, 5 s maximum snapshot age, spot ±10%, vol -10/0/+10 points, revalue at most once a second. */
    public static GateConfig defaults() {
        return new GateConfig(0.8, 5_000, new double[] {-0.10, 0.0, 0.10}, new double[] {-0.10, 0.0, 0.10}, 1_000);
    }

    /** Scenarios: index 0 is no move; then spot move i with vol shift j at {@code 1 + i * volShifts + j}. */
    public int scenarioCount() {
        return 1 + spotMoves.length * volShifts.length;
    }

    public double scenarioSpotMove(final int scenario) {
        return scenario == 0 ? 0.0 : spotMoves[(scenario - 1) / volShifts.length];
    }

    public double scenarioVolShift(final int scenario) {
        return scenario == 0 ? 0.0 : volShifts[(scenario - 1) % volShifts.length];
    }

    @Override
    public double[] spotMoves() {
        return spotMoves.clone();
    }

    @Override
    public double[] volShifts() {
        return volShifts.clone();
    }

    @Override
    public String toString() {
        return "GateConfig{threshold=" + threshold + ", maxSnapshotAgeMs=" + maxSnapshotAgeMs + ", spotMoves="
            + Arrays.toString(spotMoves) + ", volShifts=" + Arrays.toString(volShifts) + ", revaluationIntervalMs="
            + revaluationIntervalMs + '}';
    }
}
