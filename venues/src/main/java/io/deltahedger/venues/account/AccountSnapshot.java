package io.deltahedger.venues.account;

import io.deltahedger.venues.Venue;

import java.util.List;
import java.util.Objects;

/**
 * A venue account's state in one currency at one instant: the input of the margin monitor. Immutable, validated:
 * every amount finite, margins non-negative.
 *
 * <p>{@code timestampMs} is the time the adapter received the state, read from its injected clock (not the wall
 * clock, so a replay reproduces it); {@link #isStale(long, long)} lets a fail-closed gate refuse old state.
 *
 * @param venue             the venue
 * @param currency          the account currency all amounts are in (BTC for a Deribit BTC account, USDT on Binance)
 * @param timestampMs       receive time from the injected clock, epoch ms
 * @param balance           wallet balance
 * @param equity            balance + unrealized PnL (Deribit {@code equity})
 * @param availableFunds    equity - initial margin: what new orders may use
 * @param initialMargin     initial margin of positions and open orders, >= 0
 * @param maintenanceMargin maintenance margin, >= 0; liquidation starts when it exceeds the margin balance
 * @param positions         the positions in this currency
 */
public record AccountSnapshot(
    Venue venue,
    String currency,
    long timestampMs,
    double balance,
    double equity,
    double availableFunds,
    double initialMargin,
    double maintenanceMargin,
    List<Position> positions) {

    public AccountSnapshot {
        Objects.requireNonNull(venue, "venue");
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("account snapshot of " + venue.code() + " needs a currency, got '" + currency + "'");
        }
        final String id = venue.code() + " " + currency + " account";
        requireFinite(id, "balance", balance, false);
        requireFinite(id, "equity", equity, false);
        requireFinite(id, "availableFunds", availableFunds, false);
        requireFinite(id, "initialMargin", initialMargin, true);
        requireFinite(id, "maintenanceMargin", maintenanceMargin, true);
        positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
    }

    static void requireFinite(final String owner, final String field, final double value, final boolean nonNegative) {
        if (!Double.isFinite(value) || (nonNegative && value < 0)) {
            throw new IllegalArgumentException(owner + ": " + field + " must be a finite"
                + (nonNegative ? " non-negative" : "") + " number, got " + value + "; check the venue reply's units");
        }
    }

    /**
     * Maintenance margin over equity: 1.0 means liquidation starts (Deribit). 0 when there is no margin;
     * +infinity when margin is held against zero or negative equity. Never NaN.
     */
    public double maintenanceMarginUsage() {
        if (maintenanceMargin == 0) {
            return 0.0;
        }
        return equity <= 0 ? Double.POSITIVE_INFINITY : maintenanceMargin / equity;
    }

    /** Age in ms at {@code nowMs} (from the same injected clock). */
    public long ageMs(final long nowMs) {
        return nowMs - timestampMs;
    }

    /** Whether the snapshot is older than {@code maxAgeMs} at {@code nowMs}. */
    public boolean isStale(final long nowMs, final long maxAgeMs) {
        return ageMs(nowMs) > maxAgeMs;
    }
}
