package io.deltahedger.marginmonitor.monitor;

/**
 * Alert and de-risking levels, as margin ratios (maintenance margin / margin balance; 1.0 is liquidation).
 *
 * @param warnLevel      WARN from this ratio (0.6)
 * @param criticalLevel  CRITICAL from this ratio (0.8), &gt; warnLevel
 * @param hysteresis     a level is left only when the ratio falls this far below it (0.05), in [0, warnLevel)
 * @param deRiskTrigger  a de-risking plan is produced from this ratio (0.8), &gt; deRiskTarget
 * @param deRiskTarget   the plan cuts positions until the projected ratio is at most this (0.6), &gt; 0
 */
public record MonitorConfig(
    double warnLevel,
    double criticalLevel,
    double hysteresis,
    double deRiskTrigger,
    double deRiskTarget) {

    public MonitorConfig {
        if (!(warnLevel > 0 && warnLevel < criticalLevel && criticalLevel <= 1.0)) {
            throw new IllegalArgumentException("margin monitor needs 0 < warnLevel < criticalLevel <= 1, got warnLevel "
                + warnLevel + ", criticalLevel " + criticalLevel + " (e.g. 0.6 and 0.8)");
        }
        if (!(hysteresis >= 0 && hysteresis < warnLevel)) {
            throw new IllegalArgumentException("margin monitor hysteresis must be in [0, warnLevel), got " + hysteresis
                + " (e.g. 0.05)");
        }
        if (!(deRiskTarget > 0 && deRiskTarget < deRiskTrigger && deRiskTrigger <= 1.0)) {
            throw new IllegalArgumentException("margin monitor needs 0 < deRiskTarget < deRiskTrigger <= 1, got target "
                + deRiskTarget + ", trigger " + deRiskTrigger + " (e.g. 0.6 and 0.8)");
        }
    }

    /** WARN 0.6, CRITICAL 0.8, hysteresis 0.05, de-risk from 0.8 down to 0.6. */
    public static MonitorConfig defaults() {
        return new MonitorConfig(0.6, 0.8, 0.05, 0.8, 0.6);
    }
}
