package io.deltahedger.hedger.policy;

/**
 * The unit a delta amount of a policy (a target or a fixed band) is configured in. Every amount is converted to coin
 * at the spot of each decision: {@code coin = usd / spot}.
 */
public enum DeltaUnit
{
    /** Coins of the underlying. */
    COIN,
    /** USD of the underlying at the current spot: a fixed USD amount is fewer coins as spot rises. */
    USD;

    /** {@code amount} in this unit converted to coin at {@code spot} USD per coin. */
    double toCoin(final double amount, final double spot)
    {
        return this == COIN ? amount : amount / spot;
    }
}
