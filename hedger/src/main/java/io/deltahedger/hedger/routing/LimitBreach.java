package io.deltahedger.hedger.routing;

/** Which execution limit refused a group at admission (see {@link ExecutionLimits}). */
public enum LimitBreach
{
    /** A leg's amount exceeds its instrument's maximum order size in lots. */
    ORDER_SIZE,
    /** An account's absolute net position in the legs' underlying, in coin, would exceed the maximum and grow. */
    POSITION,
    /** An account's traded notional over the rolling minute, in USD, would exceed the maximum. */
    NOTIONAL_PER_MINUTE
}
