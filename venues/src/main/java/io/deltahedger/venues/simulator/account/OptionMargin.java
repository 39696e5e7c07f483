package io.deltahedger.venues.simulator.account;

/**
 * Deribit standard margin for coin-settled options, per option (1 coin contract), in coin (venues.md 1.11):
 * <ul>
 *   <li>long: the premium only: IM = mark (the option's value is not collateral), MM = 0;</li>
 *   <li>short call: IM = max(0.15 - OTM / F, 0.1) + mark, MM = 0.075 + mark;</li>
 *   <li>short put: MM = max(0.075, 0.075 x mark) + mark, IM = max(max(0.15 - OTM / F, 0.1) + mark, MM);</li>
 * </ul>
 * with OTM the out-of-the-money amount in USD (call: max(K - F, 0), put: max(F - K, 0)), F the underlying's mark
 * (the option's forward) and mark the option's mark in coin. Stateless.
 */
public final class OptionMargin
{
    static final double IM_RATE = 0.15;
    static final double IM_FLOOR = 0.1;
    static final double MM_RATE = 0.075;

    private OptionMargin()
    {
    }

    /**
     * Initial margin in coin of a position of {@code signedCoins} options (negative = short).
     */
    public static double initial(final boolean call, final double signedCoins, final double mark, final double forward,
        final double strike)
    {
        if (signedCoins >= 0)
        {
            return signedCoins * mark;
        }
        final double otm = call ? Math.max(strike - forward, 0.0) : Math.max(forward - strike, 0.0);
        final double perOption = Math.max(IM_RATE - otm / forward, IM_FLOOR) + mark;
        return -signedCoins * (call ? perOption : Math.max(perOption, maintenancePerShort(false, mark)));
    }

    /**
     * Maintenance margin in coin of a position of {@code signedCoins} options (negative = short; long: 0).
     */
    public static double maintenance(final boolean call, final double signedCoins, final double mark)
    {
        return signedCoins >= 0 ? 0.0 : -signedCoins * maintenancePerShort(call, mark);
    }

    private static double maintenancePerShort(final boolean call, final double mark)
    {
        return call ? MM_RATE + mark : Math.max(MM_RATE, MM_RATE * mark) + mark;
    }
}
