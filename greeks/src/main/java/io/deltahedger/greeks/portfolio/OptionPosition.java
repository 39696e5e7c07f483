package io.deltahedger.greeks.portfolio;

import io.deltahedger.greeks.pricing.OptionType;

/**
 * A signed position in one European option.
 *
 * @param instrument         the instrument's name, for reports (e.g. {@code BTC-27DEC24-60000-C}).
 * @param underlying         the underlying the option is on (e.g. {@code BTC}); positions aggregate per underlying.
 * @param model              how it is priced and settled.
 * @param type               call or put.
 * @param strike             USD per coin, &gt; 0.
 * @param expiryEpochMs      expiry instant, milliseconds since the epoch (UTC).
 * @param contracts          signed number of contracts: positive long, negative short.
 * @param contractMultiplier coins of underlying per contract, &gt; 0 (Deribit options: 1).
 * @param volatility         the option's lognormal volatility per 1.00 (0.65 = 65%), &gt;= 0; updated as marks move.
 */
public record OptionPosition(
    String instrument,
    String underlying,
    OptionModel model,
    OptionType type,
    double strike,
    long expiryEpochMs,
    double contracts,
    double contractMultiplier,
    double volatility)
{
    public OptionPosition
    {
        PositionChecks.requireName("instrument", instrument);
        PositionChecks.requireName("underlying of " + instrument, underlying);
        if (model == null)
        {
            throw new IllegalArgumentException(
                "model of " + instrument + " is missing: use BLACK_SCHOLES_MERTON, BLACK_76, INVERSE or LINEAR");
        }
        if (type == null)
        {
            throw new IllegalArgumentException("option type of " + instrument + " is missing: use CALL or PUT");
        }
        PositionChecks.requirePositive("strike of " + instrument, strike, "USD per coin");
        PositionChecks.requireFinite("contracts of " + instrument, contracts);
        PositionChecks.requirePositive("contractMultiplier of " + instrument, contractMultiplier, "coins per contract");
        if (!(volatility >= 0.0 && volatility < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "volatility of " + instrument + " must be finite and >= 0 per 1.00 (0.65 for 65%), was " + volatility);
        }
    }

    /** Signed quantity in coins of underlying: contracts times the multiplier. */
    public double quantity()
    {
        return contracts * contractMultiplier;
    }
}
