package io.deltahedger.venues.deribit.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.RejectReason;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns everything Deribit says about our orders (replies to buy/sell/edit/cancel, {@code user.orders.*} and
 * {@code user.trades.*} notifications, and reconciliation queries) into {@link ExecutionReport}s, each state change
 * exactly once, whichever of those sources tells it first and however often. Orders are keyed by their Deribit
 * {@code label} (the {@link ClientOrderId} text).
 *
 * <p>Sources of truth: order objects drive acknowledgement, amendment, cancellation and rejection; fills come from
 * trades (exact price and size, de-duplicated by {@code trade_id}). A reconciliation query after a reconnect may
 * show fills whose trade notifications were lost with the connection: those are reported as one fill of the missing
 * size at the price implied by the order's {@code average_price} (rounded to the tick grid), marked in the text.
 *
 * <p>Session thread only.
 */
final class OrderTracker {
    /** One order we sent (or found by label). */
    static final class Tracked {
        final ClientOrderId id;
        final Instrument instrument;
        final Side side;
        long priceTicks;
        long amountLots;
        long cumFilledLots;
        /** Sum of fill price x size in ticks x lots, for the implied price of reconciled fills. */
        double notionalTicksLots;
        String venueOrderId;
        boolean acknowledged;
        boolean terminal;
        /** The venue said cancelled while fills it reported were not yet seen: report CANCELED after them. */
        long cancelAfterFilledLots = -1;
        String cancelText = "";
        /** The request was sent but neither its reply nor any notification has come yet. */
        boolean awaitingReply;
        /** The request has left (it may still wait for credits in the outbox before that). */
        boolean sent;
        /** Reported REJECTED because the venue showed no trace of it; news of it later re-opens it. */
        boolean declaredNotPlaced;
        final Set<String> tradeIds = new HashSet<>();

        Tracked(final ClientOrderId id, final Instrument instrument, final Side side, final long priceTicks,
                final long amountLots) {
            this.id = id;
            this.instrument = instrument;
            this.side = side;
            this.priceTicks = priceTicks;
            this.amountLots = amountLots;
        }

        String label() {
            return id.text();
        }
    }

    private final InstrumentRegistry registry;
    private final Consumer<ExecutionReport> reports;
    private final Map<String, Tracked> byLabel = new HashMap<>();

    OrderTracker(final InstrumentRegistry registry, final Consumer<ExecutionReport> reports) {
        this.registry = registry;
        this.reports = reports;
    }

    /** Records an order as sent (its reply pending). */
    Tracked onSent(final OrderRequest request) {
        final String label = request.clientOrderId().text();
        final Tracked existing = byLabel.get(label);
        if (existing != null) {
            throw new IllegalStateException("client order id " + label + " was already sent (" + (existing.terminal
                ? "finished" : "open") + "); a new order of the same leg needs clientOrderId.nextAttempt()");
        }
        final Tracked tracked = new Tracked(request.clientOrderId(), request.instrument(), request.side(),
            request.priceTicks(), request.amountLots());
        byLabel.put(label, tracked);
        return tracked;
    }

    Tracked byLabel(final String label) {
        return byLabel.get(label);
    }

    /** Whether this label names an order we know (sent or found), finished or not. */
    boolean knows(final String label) {
        return byLabel.containsKey(label);
    }

    /** Orders sent and not finished: what a reconciliation must ask about. */
    Iterable<Tracked> all() {
        return byLabel.values();
    }

    /**
     * Applies a Deribit order object, then the trades that came with it (a buy/sell/edit reply), then any terminal
     * state.
     *
     * @param order           the order object
     * @param trades          the reply's {@code trades} array, or null
     * @param reconciled      true when the object comes from a query (fills may have been missed)
     * @param timestampMs     fallback event time
     */
    void onOrder(final JsonNode order, final JsonNode trades, final boolean reconciled, final long timestampMs) {
        final String label = order.path("label").asText("");
        Tracked tracked = byLabel.get(label);
        final Instrument instrument = instrument(order.path("instrument_name").asText(""));
        if (instrument == null) {
            return; // an instrument this session does not trade (e.g. placed by hand): not ours to report
        }
        if (tracked == null) {
            final ClientOrderId id = ClientOrderId.parseOrNull(label);
            if (id == null) {
                return; // an order placed by hand or by another program: not ours
            }
            // an order of ours from before a restart: adopt it, report its state
            tracked = new Tracked(id, instrument, "sell".equals(order.path("direction").asText()) ? Side.SELL : Side.BUY,
                price(instrument, order), amount(instrument, order.path("amount")));
            byLabel.put(label, tracked);
        }
        tracked.awaitingReply = false;
        reopenIfDeclaredNotPlaced(tracked);
        if (tracked.terminal) {
            return;
        }
        final long ts = order.path("last_update_timestamp").asLong(timestampMs);
        final String state = order.path("order_state").asText("");
        tracked.venueOrderId = order.path("order_id").asText(tracked.venueOrderId);
        if ("rejected".equals(state) && !tracked.acknowledged) {
            finish(tracked, ExecType.REJECTED, RejectReason.OTHER, order.path("reject_reason").asText("rejected"), ts);
            return;
        }
        final long price = price(instrument, order);
        final long amount = amount(instrument, order.path("amount"));
        if (!tracked.acknowledged) {
            tracked.acknowledged = true;
            tracked.priceTicks = price;
            tracked.amountLots = amount;
            emit(tracked, ExecType.ACK, 0, 0, null, "", ts);
        } else if ((price != tracked.priceTicks || amount != tracked.amountLots) && "open".equals(state)) {
            tracked.priceTicks = price;
            tracked.amountLots = Math.max(amount, tracked.cumFilledLots);
            emit(tracked, ExecType.AMENDED, 0, 0, null, "", ts);
        }
        if (trades != null) {
            for (final JsonNode trade : trades) {
                onTrade(trade, timestampMs);
            }
        }
        final long venueFilled = amount(instrument, order.path("filled_amount"));
        if (reconciled && venueFilled > tracked.cumFilledLots && !tracked.terminal) {
            final long missing = venueFilled - tracked.cumFilledLots;
            final double avg = order.path("average_price").asDouble(0);
            final double avgTicks = instrument.priceGrid().toDouble(1) > 0 ? avg / instrument.priceGrid().toDouble(1) : 0;
            long implied = Math.round((avgTicks * venueFilled - tracked.notionalTicksLots) / missing);
            if (implied <= 0) {
                implied = Math.max(1, Math.round(avgTicks));
            }
            fill(tracked, missing, implied, "reconciled: fill seen in the order state after a reconnect, price implied "
                + "by average_price", ts);
        }
        if ("cancelled".equals(state) && !tracked.terminal) {
            final String text = order.path("cancel_reason").asText("cancelled");
            if (venueFilled <= tracked.cumFilledLots) {
                finish(tracked, ExecType.CANCELED, null, text, ts);
            } else {
                tracked.cancelAfterFilledLots = venueFilled;
                tracked.cancelText = text;
            }
        }
    }

    /** Applies one trade (from a reply's trades or a {@code user.trades.*} notification). */
    void onTrade(final JsonNode trade, final long timestampMs) {
        final Tracked tracked = byLabel.get(trade.path("label").asText(""));
        if (tracked != null) {
            reopenIfDeclaredNotPlaced(tracked);
        }
        if (tracked == null || tracked.terminal || !tracked.tradeIds.add(trade.path("trade_id").asText(""))) {
            return;
        }
        tracked.awaitingReply = false;
        if (!tracked.acknowledged) {
            // the fill overtook the order update: acknowledge first so the report sequence is well formed
            tracked.acknowledged = true;
            tracked.venueOrderId = trade.path("order_id").asText(tracked.venueOrderId);
            emit(tracked, ExecType.ACK, 0, 0, null, "", trade.path("timestamp").asLong(timestampMs));
        }
        final long lots = amount(tracked.instrument, trade.path("amount"));
        final long price = tracked.instrument.priceGrid().toUnits(trade.path("price").asText());
        fill(tracked, lots, price, "", trade.path("timestamp").asLong(timestampMs));
    }

    /**
     * The venue showed no trace of the order after a lost reply, so it was reported REJECTED (not placed); if news of
     * it arrives after all (a request that was still queued at the venue), it is tracked again and reported from its
     * ACK on, rather than left as an order nobody follows.
     */
    private static void reopenIfDeclaredNotPlaced(final Tracked tracked) {
        if (tracked.declaredNotPlaced) {
            tracked.declaredNotPlaced = false;
            tracked.terminal = false;
            tracked.acknowledged = false;
        }
    }

    /** Reports an order that the venue shows no trace of as not placed. */
    void onNotPlaced(final Tracked tracked, final String text, final long nowMs) {
        tracked.awaitingReply = false;
        if (!tracked.terminal) {
            tracked.declaredNotPlaced = true;
            finish(tracked, ExecType.REJECTED, RejectReason.ORDER_NOT_FOUND, text, nowMs);
        }
    }

    /** The venue refused a request about this order (buy/sell: REJECTED; cancel, edit: the refusal kinds). */
    void onRefused(final Tracked tracked, final ExecType type, final RejectReason reason, final String text,
                   final long nowMs) {
        if (type == ExecType.REJECTED) {
            tracked.awaitingReply = false;
            if (!tracked.terminal) {
                finish(tracked, ExecType.REJECTED, reason, text, nowMs);
            }
        } else {
            // a refused cancel or amend leaves the order as it was (possibly already filled: say so anyway)
            emit(tracked, type, 0, 0, reason, text, nowMs);
        }
    }

    private void fill(final Tracked tracked, final long lots, final long priceTicks, final String text,
                      final long ts) {
        if (lots <= 0 || priceTicks <= 0) {
            return;
        }
        final long cum = Math.min(tracked.amountLots, tracked.cumFilledLots + lots);
        final long applied = cum - tracked.cumFilledLots;
        if (applied <= 0) {
            return;
        }
        tracked.cumFilledLots = cum;
        tracked.notionalTicksLots += (double) applied * priceTicks;
        if (cum == tracked.amountLots) {
            tracked.terminal = true;
            emit(tracked, ExecType.FILL, applied, priceTicks, null, text, ts);
            return;
        }
        emit(tracked, ExecType.PARTIAL_FILL, applied, priceTicks, null, text, ts);
        if (tracked.cancelAfterFilledLots >= 0 && cum >= tracked.cancelAfterFilledLots) {
            finish(tracked, ExecType.CANCELED, null, tracked.cancelText, ts);
        }
    }

    private void finish(final Tracked tracked, final ExecType type, final RejectReason reason, final String text,
                        final long ts) {
        tracked.terminal = true;
        emit(tracked, type, 0, 0, reason, text, ts);
    }

    private void emit(final Tracked t, final ExecType type, final long lastLots, final long lastPrice,
                      final RejectReason reason, final String text, final long ts) {
        reports.accept(new ExecutionReport(t.id, t.venueOrderId, t.instrument, type, t.priceTicks, t.amountLots,
            lastPrice, lastLots, t.cumFilledLots, reason, text, ts));
    }

    /**
     * Tracks an open order of ours that this session did not send (placed before a restart), as an open-orders query
     * showed it: acknowledged, its fills so far counted, no report emitted (the query's STATUS report describes it).
     * From then on it can be cancelled or amended by client order id, and its later fills and its end are reported
     * like those of an order sent here. An order already known, not ours, not open or of an instrument this session
     * does not trade is left as it is.
     */
    void adoptOpen(final JsonNode order) {
        final String label = order.path("label").asText("");
        final ClientOrderId id = ClientOrderId.parseOrNull(label);
        final Instrument instrument = instrument(order.path("instrument_name").asText(""));
        if (id == null || instrument == null || byLabel.containsKey(label)
            || !"open".equals(order.path("order_state").asText(""))) {
            return;
        }
        final long amount = amount(instrument, order.path("amount"));
        final Tracked tracked = new Tracked(id, instrument,
            "sell".equals(order.path("direction").asText()) ? Side.SELL : Side.BUY, price(instrument, order), amount);
        tracked.acknowledged = true;
        tracked.sent = true;
        tracked.venueOrderId = order.path("order_id").asText(null);
        tracked.cumFilledLots = Math.min(amount, amount(instrument, order.path("filled_amount")));
        final double tick = instrument.priceGrid().toDouble(1);
        tracked.notionalTicksLots = tick > 0 ? order.path("average_price").asDouble(0) / tick * tracked.cumFilledLots : 0;
        byLabel.put(label, tracked);
    }

    /** A STATUS report of an order object (answers to open-order queries), or null if it is not ours. */
    ExecutionReport status(final JsonNode order, final long nowMs) {
        final ClientOrderId id = ClientOrderId.parseOrNull(order.path("label").asText(""));
        final Instrument instrument = instrument(order.path("instrument_name").asText(""));
        if (id == null || instrument == null) {
            return null;
        }
        final long amount = amount(instrument, order.path("amount"));
        return new ExecutionReport(id, order.path("order_id").asText(null), instrument, ExecType.STATUS,
            price(instrument, order), amount, 0, 0, Math.min(amount, amount(instrument, order.path("filled_amount"))),
            null, order.path("order_state").asText(""), order.path("last_update_timestamp").asLong(nowMs));
    }

    Instrument instrument(final String nativeName) {
        final int index = registry.indexOfNative(Venue.DERIBIT, nativeName);
        return index < 0 ? null : registry.instrument(index);
    }

    private static long price(final Instrument instrument, final JsonNode order) {
        final JsonNode price = order.path("price");
        if (!price.isNumber()) {
            return 0; // "market_price"
        }
        final long ticks = instrument.priceGrid().toUnits(new BigDecimal(price.asText()));
        if (ticks < 0) {
            throw new IllegalArgumentException(instrument.nativeName() + ": order price " + price.asText()
                + " is off the tick grid " + instrument.priceGrid());
        }
        return ticks;
    }

    static long amount(final Instrument instrument, final JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        final long lots = instrument.amountGrid().toUnits(new BigDecimal(value.asText()).stripTrailingZeros());
        if (lots < 0) {
            throw new IllegalArgumentException(instrument.nativeName() + ": amount " + value.asText()
                + " is off the lot grid " + instrument.amountGrid());
        }
        return lots;
    }
}
