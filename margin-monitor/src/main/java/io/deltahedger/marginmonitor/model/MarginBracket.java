package io.deltahedger.marginmonitor.model;

/**
 * One notional bracket of a tiered maintenance-margin table (Binance/Bybit style): for a position notional in
 * {@code [notionalFloor, notionalCap)}, {@code MM = notional * maintenanceRate - maintenanceAmount} and
 * {@code IM = notional * initialRate}. Notional in the settlement currency (USDT).
 *
 * @param notionalFloor     lower edge, inclusive, &gt;= 0
 * @param notionalCap       upper edge, exclusive, &gt; floor (may be +infinity for the last bracket)
 * @param maintenanceRate   per 1.00 (0.004 for 0.4%)
 * @param maintenanceAmount the venue's "cum" deduction, making MM continuous across edges
 * @param initialRate       per 1.00, 1 / the bracket's maximum leverage
 */
public record MarginBracket(
    double notionalFloor,
    double notionalCap,
    double maintenanceRate,
    double maintenanceAmount,
    double initialRate) {

    public MarginBracket {
        if (!(notionalFloor >= 0 && Double.isFinite(notionalFloor)) || !(notionalCap > notionalFloor)) {
            throw new IllegalArgumentException("margin bracket needs 0 <= notionalFloor < notionalCap, got ["
                + notionalFloor + ", " + notionalCap + ")");
        }
        if (!(maintenanceRate > 0 && maintenanceRate <= 1) || !(initialRate >= maintenanceRate && initialRate <= 1)) {
            throw new IllegalArgumentException("margin bracket [" + notionalFloor + ", " + notionalCap
                + "): need 0 < maintenanceRate <= initialRate <= 1, got " + maintenanceRate + " / " + initialRate);
        }
        if (!Double.isFinite(maintenanceAmount) || maintenanceAmount < 0) {
            throw new IllegalArgumentException("margin bracket [" + notionalFloor + ", " + notionalCap
                + "): maintenanceAmount must be finite and >= 0, got " + maintenanceAmount);
        }
    }
}
