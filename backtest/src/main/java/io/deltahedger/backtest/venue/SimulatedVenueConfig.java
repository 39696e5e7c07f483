package io.deltahedger.backtest.venue;

import io.deltahedger.marginmonitor.model.MarginModel;
import io.deltahedger.venues.Venue;

import java.util.Objects;

/**
 * One simulated margin account on one venue. Immutable, validated on construction.
 *
 * <p>Fees are basis points of a fill's notional in the settlement currency ({@code |value(amount, price)|}, see
 * {@link io.deltahedger.backtest.pnl.ValueConvention}); for options the notional is the underlying's
 * ({@code amount} coins, Deribit's rule) and the fee is capped at {@code optionFeeCapFraction} of the premium.
 * Positive bps are paid, negative bps are a rebate.
 *
 * @param venue                the venue this account is on (orders for instruments of other venues are refused)
 * @param accountCurrency      the margin/settlement currency of the account (BTC, USDT); only instruments settling in
 *                             it are traded here
 * @param initialBalance       the wallet balance at the start, in {@code accountCurrency}, finite and &gt;= 0
 * @param latencyMs            order-to-venue latency on the replay clock, 0..86,400,000 ms: a request sent at t
 *                             arrives, and sees the book, at t + latencyMs (replies come back at arrival time)
 * @param makerFeeBps          fee of passive (resting) fills, bps, -100..1000 (negative = rebate)
 * @param takerFeeBps          fee of aggressive fills, bps, -100..1000
 * @param optionFeeCapFraction cap of an option fill's fee as a fraction of its premium, in (0, 1] (Deribit: 0.125)
 * @param queuePosition        whether a resting order waits behind the size that was at its price when it arrived
 * @param priceBandFraction    a limit price further than this fraction from the mark (or mid without a mark) is
 *                             refused with INVALID_PRICE; 0 turns the band off; in [0, 1)
 * @param fundingIntervalMs    funding period of perpetuals when the data gives no funding timestamp (8 h); &gt; 0
 * @param marginModel          the margin model of the live gate for this account (margin-monitor's models)
 */
public record SimulatedVenueConfig(
    Venue venue,
    String accountCurrency,
    double initialBalance,
    long latencyMs,
    double makerFeeBps,
    double takerFeeBps,
    double optionFeeCapFraction,
    boolean queuePosition,
    double priceBandFraction,
    long fundingIntervalMs,
    MarginModel marginModel)
{
    /** Eight hours: Deribit's, Binance's and Bybit's funding period. */
    public static final long EIGHT_HOURS_MS = 8L * 3_600_000L;

    public SimulatedVenueConfig
    {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(marginModel, "marginModel (use margin-monitor's model of this venue, as the live gate)");
        if (accountCurrency == null || accountCurrency.isBlank())
        {
            throw new IllegalArgumentException("simulated " + venue.code() + " account needs accountCurrency (e.g. BTC,"
                + " USDT), got '" + accountCurrency + "'");
        }
        final String id = "simulated " + venue.code() + " " + accountCurrency + " account: ";
        if (!(initialBalance >= 0 && Double.isFinite(initialBalance)))
        {
            throw new IllegalArgumentException(id + "initialBalance must be finite and >= 0, got " + initialBalance);
        }
        if (latencyMs < 0 || latencyMs > 86_400_000L)
        {
            throw new IllegalArgumentException(id + "latencyMs must be 0..86400000, got " + latencyMs
                + " (e.g. 25 for a co-located order path)");
        }
        requireBps(id, "makerFeeBps", makerFeeBps);
        requireBps(id, "takerFeeBps", takerFeeBps);
        if (!(optionFeeCapFraction > 0 && optionFeeCapFraction <= 1))
        {
            throw new IllegalArgumentException(id + "optionFeeCapFraction must be in (0, 1], got " + optionFeeCapFraction
                + " (Deribit caps option fees at 0.125 of the premium)");
        }
        if (!(priceBandFraction >= 0 && priceBandFraction < 1))
        {
            throw new IllegalArgumentException(id + "priceBandFraction must be in [0, 1), got " + priceBandFraction
                + " (0 turns the band off, 0.05 refuses limits more than 5% from the mark)");
        }
        if (fundingIntervalMs <= 0)
        {
            throw new IllegalArgumentException(id + "fundingIntervalMs must be > 0, got " + fundingIntervalMs
                + " (8 h = " + EIGHT_HOURS_MS + ")");
        }
    }

    private static void requireBps(final String id, final String name, final double bps)
    {
        if (!(bps >= -100 && bps <= 1000))
        {
            throw new IllegalArgumentException(id + name + " must be -100..1000 bps, got " + bps
                + " (5 for 0.05%, -1 for a 0.01% rebate)");
        }
    }

    /**
     * A Deribit coin-margined account with Deribit's published fees (perpetual taker 0.05%, maker 0%; options capped
     * at 12.5% of the premium), queue position on, a 5% price band and 8 h funding.
     */
    public static SimulatedVenueConfig deribit(final String currency, final double initialBalance, final long latencyMs,
                                               final MarginModel model)
    {
        return new SimulatedVenueConfig(Venue.DERIBIT, currency, initialBalance, latencyMs, 0.0, 5.0, 0.125, true, 0.05,
            EIGHT_HOURS_MS, model);
    }

    /** A copy with other fees. */
    public SimulatedVenueConfig withFees(final double makerBps, final double takerBps)
    {
        return new SimulatedVenueConfig(venue, accountCurrency, initialBalance, latencyMs, makerBps, takerBps,
            optionFeeCapFraction, queuePosition, priceBandFraction, fundingIntervalMs, marginModel);
    }

    /** A copy with queue position on or off. */
    public SimulatedVenueConfig withQueuePosition(final boolean on)
    {
        return new SimulatedVenueConfig(venue, accountCurrency, initialBalance, latencyMs, makerFeeBps, takerFeeBps,
            optionFeeCapFraction, on, priceBandFraction, fundingIntervalMs, marginModel);
    }

    /** A copy with another latency. */
    public SimulatedVenueConfig withLatencyMs(final long latency)
    {
        return new SimulatedVenueConfig(venue, accountCurrency, initialBalance, latency, makerFeeBps, takerFeeBps,
            optionFeeCapFraction, queuePosition, priceBandFraction, fundingIntervalMs, marginModel);
    }

    /** A copy with another price band. */
    public SimulatedVenueConfig withPriceBand(final double fraction)
    {
        return new SimulatedVenueConfig(venue, accountCurrency, initialBalance, latencyMs, makerFeeBps, takerFeeBps,
            optionFeeCapFraction, queuePosition, fraction, fundingIntervalMs, marginModel);
    }
}
