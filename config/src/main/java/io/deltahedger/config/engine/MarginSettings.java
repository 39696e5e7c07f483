package io.deltahedger.config.engine;

import java.util.List;
import java.util.Objects;

/**
 * The margin gate and monitor ({@code margin:}); mirrors {@code GateConfig} and {@code MonitorConfig}. Margin
 * ratios are maintenance margin / margin balance; 1.0 is liquidation.
 *
 * @param threshold             block a group when its projected ratio reaches this, in (0, 1].
 * @param maxSnapshotAgeMs      an account snapshot older than this blocks new risk, ms &gt; 0.
 * @param revaluationIntervalMs how long scenario values may be reused while the book is unchanged, ms &gt;= 0.
 * @param shock                 the stress scenarios every group is projected under.
 * @param alerts                alert levels.
 * @param deRisk                automatic de-risking.
 */
public record MarginSettings(
    double threshold,
    long maxSnapshotAgeMs,
    long revaluationIntervalMs,
    Shock shock,
    Alerts alerts,
    DeRisk deRisk)
{
    /** Threshold 0.8, 5 s snapshots, revalue at most every 1 s, ±10% spot and ±10 vol points, alerts 0.6/0.8. */
    public static final MarginSettings DEFAULT = new MarginSettings(0.8, 5_000, 1_000, Shock.DEFAULT, Alerts.DEFAULT,
        DeRisk.DEFAULT);

    public MarginSettings
    {
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new IllegalArgumentException("margin.threshold must be in (0, 1], was " + threshold);
        }
        if (maxSnapshotAgeMs <= 0)
        {
            throw new IllegalArgumentException("margin.max-snapshot-age must be > 0, was " + maxSnapshotAgeMs + " ms");
        }
        if (revaluationIntervalMs < 0)
        {
            throw new IllegalArgumentException("margin.revaluation-interval must be >= 0, was " + revaluationIntervalMs);
        }
        Objects.requireNonNull(shock, "margin.shock");
        Objects.requireNonNull(alerts, "margin.alerts");
        Objects.requireNonNull(deRisk, "margin.de-risk");
    }

    /**
     * Stress scenarios: every spot move combined with every vol shift, plus the no-move case.
     *
     * @param spotMoves relative moves of every index and delta-one mark, each in (-1, 10) (-0.1 for -10%).
     * @param volShifts absolute volatility shifts per 1.00, each in (-10, 10) (0.1 for +10 vol points).
     */
    public record Shock(List<Double> spotMoves, List<Double> volShifts)
    {
        public static final Shock DEFAULT = new Shock(List.of(-0.10, 0.0, 0.10), List.of(-0.10, 0.0, 0.10));

        public Shock
        {
            spotMoves = List.copyOf(spotMoves);
            volShifts = List.copyOf(volShifts);
            if (spotMoves.isEmpty() || volShifts.isEmpty())
            {
                throw new IllegalArgumentException("margin.shock needs at least one spot move and one vol shift ([0] for none)");
            }
            for (final double m : spotMoves)
            {
                if (!(m > -1 && m < 10))
                {
                    throw new IllegalArgumentException("margin.shock.spot-moves entry " + m + " must be in (-1, 10)");
                }
            }
            for (final double v : volShifts)
            {
                if (!(v > -10 && v < 10))
                {
                    throw new IllegalArgumentException("margin.shock.vol-shifts entry " + v + " must be in (-10, 10)");
                }
            }
        }
    }

    /**
     * Alert levels of the margin monitor.
     *
     * @param warn       WARN from this ratio, &gt; 0.
     * @param critical   CRITICAL from this ratio, in (warn, 1].
     * @param hysteresis a level is left once the ratio is this far below it, in [0, warn).
     */
    public record Alerts(double warn, double critical, double hysteresis)
    {
        public static final Alerts DEFAULT = new Alerts(0.6, 0.8, 0.05);

        public Alerts
        {
            if (!(warn > 0 && warn < critical && critical <= 1))
            {
                throw new IllegalArgumentException("margin.alerts needs 0 < warn < critical <= 1, was " + warn + ", " + critical);
            }
            if (!(hysteresis >= 0 && hysteresis < warn))
            {
                throw new IllegalArgumentException("margin.alerts.hysteresis must be in [0, warn), was " + hysteresis);
            }
        }
    }

    /**
     * Automatic de-risking: from {@code trigger}, positions are cut until the projected ratio is at most
     * {@code target}.
     *
     * @param enabled whether the daemon acts on de-risking plans (otherwise it only alerts).
     * @param trigger ratio that starts de-risking, in (target, 1].
     * @param target  ratio de-risking cuts down to, &gt; 0.
     */
    public record DeRisk(boolean enabled, double trigger, double target)
    {
        public static final DeRisk DEFAULT = new DeRisk(true, 0.8, 0.6);

        public DeRisk
        {
            if (!(target > 0 && target < trigger && trigger <= 1))
            {
                throw new IllegalArgumentException("margin.de-risk needs 0 < target < trigger <= 1, was " + target + ", " + trigger);
            }
        }
    }
}
