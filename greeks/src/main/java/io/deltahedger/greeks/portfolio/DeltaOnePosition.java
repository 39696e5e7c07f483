package io.deltahedger.greeks.portfolio;

/**
 * A signed position in a delta-one instrument on an underlying: spot, a perpetual or a dated future.
 * <p>
 * Linear instruments (spot, USDT/USDC-margined contracts) have {@code contractSize} in coins per contract, so the
 * position's delta is {@code contracts * contractSize} coins at any price. Inverse instruments (Deribit's
 * BTC-PERPETUAL: 10 USD per contract) have {@code contractSize} in USD per contract: the position is a fixed USD
 * notional, its delta in coins is {@code notional / spot} (Deribit's {@code size_currency}), and its profit is paid
 * in coin: {@code notional * (1/entry - 1/exit)}.
 *
 * @param instrument   the instrument's name, for reports.
 * @param underlying   the underlying coin it tracks.
 * @param inverse      true for a coin-margined contract with a USD contract size.
 * @param contracts    signed number of contracts.
 * @param contractSize coins per contract (linear) or USD per contract (inverse), &gt; 0.
 */
public record DeltaOnePosition(
    String instrument,
    String underlying,
    boolean inverse,
    double contracts,
    double contractSize)
{
    public DeltaOnePosition
    {
        PositionChecks.requireName("instrument", instrument);
        PositionChecks.requireName("underlying of " + instrument, underlying);
        PositionChecks.requireFinite("contracts of " + instrument, contracts);
        PositionChecks.requirePositive(
            "contractSize of " + instrument, contractSize, inverse ? "USD per contract" : "coins per contract");
    }

    /** Delta in coins of underlying at {@code spot} USD per coin. */
    public double deltaCoin(final double spot)
    {
        return inverse ? contracts * contractSize / spot : contracts * contractSize;
    }
}
