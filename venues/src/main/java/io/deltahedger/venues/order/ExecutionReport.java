package io.deltahedger.venues.order;

import io.deltahedger.venues.instrument.Instrument;

import java.util.Objects;

/**
 * What a venue says happened to an order. Immutable, validated on construction; adapters build one per venue
 * message (an order update, a fill, a reject reply).
 *
 * @param clientOrderId      the order's idempotency key
 * @param venueOrderId       the venue's order id; null if the venue never assigned one (rejected before booking)
 * @param instrument         the instrument
 * @param type               what happened
 * @param priceTicks         the order's limit price in ticks (0 for market orders)
 * @param amountLots         the order's total amount in lots (after any amend)
 * @param lastFillPriceTicks the price of this fill in ticks ({@link ExecType#PARTIAL_FILL}/{@link ExecType#FILL}), else 0
 * @param lastFillLots       the size of this fill in lots (> 0 for fills), else 0
 * @param cumFilledLots      total filled so far, 0..amountLots
 * @param rejectReason       why, for {@link ExecType#REJECTED}, {@link ExecType#CANCEL_REJECTED} and
 *                           {@link ExecType#AMEND_REJECTED}; null otherwise
 * @param text               the venue's own words (error message, cancel reason), may be empty, never null
 * @param venueTimestampMs   the venue's time of the event, epoch ms
 */
public record ExecutionReport(
    ClientOrderId clientOrderId,
    String venueOrderId,
    Instrument instrument,
    ExecType type,
    long priceTicks,
    long amountLots,
    long lastFillPriceTicks,
    long lastFillLots,
    long cumFilledLots,
    RejectReason rejectReason,
    String text,
    long venueTimestampMs) {

    public ExecutionReport {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text (use \"\" when the venue said nothing)");
        final String id = clientOrderId + " " + type;
        if (amountLots < 0 || cumFilledLots < 0 || cumFilledLots > amountLots) {
            throw new IllegalArgumentException(id + ": need 0 <= cumFilledLots <= amountLots, got " + cumFilledLots
                + " / " + amountLots);
        }
        final boolean fill = type == ExecType.PARTIAL_FILL || type == ExecType.FILL;
        if (fill && (lastFillLots <= 0 || lastFillPriceTicks <= 0 || lastFillLots > cumFilledLots)) {
            throw new IllegalArgumentException(id + ": a fill needs 0 < lastFillLots <= cumFilledLots and a price, got "
                + lastFillLots + " @ " + lastFillPriceTicks + " (cum " + cumFilledLots + ")");
        }
        if (!fill && (lastFillLots != 0 || lastFillPriceTicks != 0)) {
            throw new IllegalArgumentException(id + ": only fills carry lastFill values, got " + lastFillLots);
        }
        if (type == ExecType.FILL && cumFilledLots != amountLots) {
            throw new IllegalArgumentException(id + ": a FILL completes the order, cum " + cumFilledLots + " != " + amountLots);
        }
        if (type == ExecType.PARTIAL_FILL && cumFilledLots == amountLots) {
            throw new IllegalArgumentException(id + ": a PARTIAL_FILL leaves something, use FILL");
        }
        final boolean refusal = type == ExecType.REJECTED || type == ExecType.CANCEL_REJECTED
            || type == ExecType.AMEND_REJECTED;
        if (refusal != (rejectReason != null)) {
            throw new IllegalArgumentException(id + ": a reject reason goes with REJECTED, CANCEL_REJECTED and "
                + "AMEND_REJECTED only, got " + rejectReason);
        }
    }

    /** Lots still working: amount - filled. */
    public long leavesLots() {
        return amountLots - cumFilledLots;
    }
}
