package io.deltahedger.venues.simulator.market;

/**
 * One underlying the simulator lists (its index, its futures and the user's account in it).
 *
 * @param currency              e.g. {@code BTC}; also the settlement currency of its inverse futures.
 * @param initialIndexUsd       index value at start, USD.
 * @param volatility            annualised diffusion volatility of the index (0.6 = 60 %).
 * @param jumpsPerYear          Poisson intensity of index jumps per year.
 * @param jumpMeanLog           mean of the log jump size.
 * @param jumpStdLog            standard deviation of the log jump size.
 * @param tickSize              futures price tick, USD.
 * @param contractSizeUsd       futures contract size, USD.
 * @param initialBalance        the user's starting balance in the currency.
 * @param initialMarginBase     standard-margin IM rate at zero size (Deribit BTC: 0.02).
 * @param maintenanceMarginBase standard-margin MM rate at zero size (Deribit BTC: 0.01).
 * @param marginPerCoin         rate added per coin of position size (Deribit BTC: 0.00005, ETH: 0.000004).
 * @param liquidationFee        fee rate charged on liquidation trades (Deribit BTC: 0.0075).
 */
public record UnderlyingSpec(
    String currency,
    double initialIndexUsd,
    double volatility,
    double jumpsPerYear,
    double jumpMeanLog,
    double jumpStdLog,
    double tickSize,
    double contractSizeUsd,
    double initialBalance,
    double initialMarginBase,
    double maintenanceMarginBase,
    double marginPerCoin,
    double liquidationFee)
{
    public UnderlyingSpec
    {
        if (currency == null || !currency.matches("[A-Z]{2,10}"))
        {
            throw new IllegalArgumentException("currency must be 2-10 upper-case letters (e.g. BTC) but was " + currency);
        }
        requirePositive(currency, "initialIndexUsd", initialIndexUsd);
        requireNonNegative(currency, "volatility", volatility);
        requireNonNegative(currency, "jumpsPerYear", jumpsPerYear);
        requireNonNegative(currency, "jumpStdLog", jumpStdLog);
        if (!Double.isFinite(jumpMeanLog))
        {
            throw new IllegalArgumentException(currency + ": jumpMeanLog must be finite but was " + jumpMeanLog);
        }
        requirePositive(currency, "tickSize", tickSize);
        requirePositive(currency, "contractSizeUsd", contractSizeUsd);
        requireNonNegative(currency, "initialBalance", initialBalance);
        requirePositive(currency, "initialMarginBase", initialMarginBase);
        requirePositive(currency, "maintenanceMarginBase", maintenanceMarginBase);
        requireNonNegative(currency, "marginPerCoin", marginPerCoin);
        requireNonNegative(currency, "liquidationFee", liquidationFee);
        if (maintenanceMarginBase > initialMarginBase)
        {
            throw new IllegalArgumentException(currency + ": maintenanceMarginBase " + maintenanceMarginBase
                + " must not exceed initialMarginBase " + initialMarginBase);
        }
    }

    /** Deribit-like BTC: index 60,000 USD, 60 % vol, tick 0.5, 10 USD contracts, 10 BTC balance. */
    public static UnderlyingSpec btc()
    {
        return new UnderlyingSpec("BTC", 60_000.0, 0.60, 12.0, -0.01, 0.03, 0.5, 10.0, 10.0, 0.02, 0.01, 0.00005, 0.0075);
    }

    /** Deribit-like ETH: index 3,000 USD, 75 % vol, tick 0.05, 1 USD contracts, 100 ETH balance. */
    public static UnderlyingSpec eth()
    {
        return new UnderlyingSpec("ETH", 3_000.0, 0.75, 12.0, -0.01, 0.04, 0.05, 1.0, 100.0, 0.02, 0.01, 0.000004, 0.009);
    }

    public UnderlyingSpec withInitialBalance(final double balance)
    {
        return new UnderlyingSpec(currency, initialIndexUsd, volatility, jumpsPerYear, jumpMeanLog, jumpStdLog, tickSize,
            contractSizeUsd, balance, initialMarginBase, maintenanceMarginBase, marginPerCoin, liquidationFee);
    }

    public UnderlyingSpec withVolatility(final double newVolatility, final double newJumpsPerYear)
    {
        return new UnderlyingSpec(currency, initialIndexUsd, newVolatility, newJumpsPerYear, jumpMeanLog, jumpStdLog,
            tickSize, contractSizeUsd, initialBalance, initialMarginBase, maintenanceMarginBase, marginPerCoin,
            liquidationFee);
    }

    private static void requirePositive(final String currency, final String name, final double value)
    {
        if (!(value > 0) || !Double.isFinite(value))
        {
            throw new IllegalArgumentException(currency + ": " + name + " must be a finite number > 0 but was " + value);
        }
    }

    private static void requireNonNegative(final String currency, final String name, final double value)
    {
        if (!(value >= 0) || !Double.isFinite(value))
        {
            throw new IllegalArgumentException(currency + ": " + name + " must be a finite number >= 0 but was " + value);
        }
    }
}
