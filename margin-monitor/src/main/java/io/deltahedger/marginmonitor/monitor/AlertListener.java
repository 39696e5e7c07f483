package io.deltahedger.marginmonitor.monitor;

/** Told of every alert level change, on the monitor's thread; must not block. */
@FunctionalInterface
public interface AlertListener {

    /**
     * @param accountId the book's account id
     * @param from      the previous level
     * @param to        the new level
     * @param ratio     the margin ratio that caused it (maintenance margin / margin balance)
     * @param nowMs     the injected clock's time
     */
    void onAlertChange(int accountId, AlertLevel from, AlertLevel to, double ratio, long nowMs);
}
