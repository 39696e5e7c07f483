package io.deltahedger.marginmonitor.monitor;

/** How close an account is to liquidation, by its margin ratio against the configured levels. */
public enum AlertLevel {
    NORMAL,
    WARN,
    CRITICAL
}
