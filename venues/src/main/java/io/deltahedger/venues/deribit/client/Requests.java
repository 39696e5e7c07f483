package io.deltahedger.venues.deribit.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.deribit.DeribitSigner;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.TimeInForce;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds the session's JSON-RPC requests in Deribit's names and units (prices and amounts written exactly from
 * ticks and lots), turns gateway commands into them, and gathers multi-request answers (open orders and accounts
 * over several currencies). Session thread only. Not a hot path: orders are a few per second at most.
 */
final class Requests {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Requests.class);
    private final DeribitSession session;
    private final OrderTracker orders;
    private final Outbox outbox;
    private final List<String> currencies;

    Requests(final DeribitSession session, final OrderTracker orders, final Outbox outbox,
             final List<String> currencies) {
        this.session = session;
        this.orders = orders;
        this.outbox = outbox;
        this.currencies = currencies;
    }

    Request auth(final DeribitSigner signer, final long nowMs, final RandomGenerator random) {
        return new Request(Request.Kind.AUTH, "public/auth", signer.authParamsJson(nowMs, DeribitSigner.newNonce(random), ""));
    }

    Request refresh(final String refreshToken) {
        return new Request(Request.Kind.REFRESH, "public/auth",
            "{\"grant_type\":\"refresh_token\",\"refresh_token\":" + quote(refreshToken) + "}");
    }

    Request setHeartbeat(final int intervalSeconds) {
        return new Request(Request.Kind.SET_HEARTBEAT, "public/set_heartbeat", "{\"interval\":" + intervalSeconds + "}");
    }

    Request test() {
        return new Request(Request.Kind.TEST, "public/test", "{}");
    }

    Request subscribe(final List<String> channels, final Request.Kind kind) {
        return new Request(kind, "private/subscribe", "{\"channels\":" + array(channels) + "}");
    }

    Request unsubscribe(final String channel) {
        return new Request(Request.Kind.UNSUBSCRIBE, "private/unsubscribe", "{\"channels\":" + array(List.of(channel)) + "}");
    }

    /**
     * Every order labelled as the order (the client order id) in the order's currency, open or closed: an IOC whose
     * reply was lost may have filled and closed already, and only its state tells that it was booked.
     */
    Request labelQuery(final OrderTracker.Tracked order, final boolean reconcile) {
        final Request request = new Request(Request.Kind.LABEL_QUERY, "private/get_order_state_by_label",
            "{\"currency\":" + quote(currencyOf(order.instrument)) + ",\"label\":" + quote(order.label()) + "}");
        request.order = order;
        request.reconcile = reconcile;
        return request;
    }

    Request orderState(final OrderTracker.Tracked order) {
        final Request request = new Request(Request.Kind.ORDER_STATE, "private/get_order_state",
            "{\"order_id\":" + quote(order.venueOrderId) + "}");
        request.order = order;
        return request;
    }

    /** Account summary and positions of every currency, answered together per currency. */
    List<Request> account(final boolean reconcile) {
        final List<Request> list = new ArrayList<>();
        for (final String currency : currencies) {
            final Aggregate aggregate = new AccountAggregate(currency);
            final Request summary = new Request(Request.Kind.ACCOUNT_SUMMARY, "private/get_account_summary",
                "{\"currency\":" + quote(currency) + "}");
            final Request positions = new Request(Request.Kind.POSITIONS, "private/get_positions",
                "{\"currency\":" + quote(currency) + "}");
            for (final Request request : List.of(summary, positions)) {
                request.aggregate = aggregate;
                request.reconcile = reconcile;
                request.currency = currency;
                list.add(request);
            }
        }
        return list;
    }

    /** A gateway command becomes a queued request (or an immediate refusal when it cannot be expressed). */
    void onCommand(final Object command, final long nowMs) {
        if (command instanceof OrderRequest order) {
            place(order, nowMs);
        } else if (command instanceof CancelRequest cancel) {
            cancel(cancel, nowMs);
        } else if (command instanceof AmendRequest amend) {
            amend(amend, nowMs);
        } else if (command instanceof DeribitGateway.CancelAll all) {
            outbox.add(all.instrument() == null
                ? new Request(Request.Kind.CANCEL_ALL, "private/cancel_all", "{}")
                : new Request(Request.Kind.CANCEL_ALL, "private/cancel_all_by_instrument",
                    "{\"instrument_name\":" + quote(all.instrument().nativeName()) + "}"));
        } else if (command == DeribitGateway.Query.ACCOUNT) {
            for (final Request request : account(false)) {
                outbox.add(request);
            }
        } else if (command == DeribitGateway.Query.OPEN_ORDERS) {
            final OpenOrdersAggregate aggregate = new OpenOrdersAggregate(currencies.size());
            for (final String currency : currencies) {
                final Request request = new Request(Request.Kind.OPEN_ORDERS, "private/get_open_orders_by_currency",
                    "{\"currency\":" + quote(currency) + "}");
                request.aggregate = aggregate;
                outbox.add(request);
            }
        }
    }

    private void place(final OrderRequest order, final long nowMs) {
        final OrderTracker.Tracked existing = orders.byLabel(order.clientOrderId().text());
        if (existing != null) {
            // idempotency: the same client order id is never sent twice
            session.venueListener().onExecutionReport(new ExecutionReport(order.clientOrderId(), existing.venueOrderId,
                order.instrument(), ExecType.REJECTED, order.priceTicks(), order.amountLots(), 0, 0, 0,
                RejectReason.INVALID_REQUEST, "client order id " + order.clientOrderId()
                + " was already sent; use nextAttempt() for a new order", nowMs));
            return;
        }
        final Instrument instrument = order.instrument();
        final StringBuilder params = new StringBuilder(256)
            .append("{\"instrument_name\":").append(quote(instrument.nativeName()))
            .append(",\"amount\":").append(instrument.amountGrid().format(order.amountLots()))
            .append(",\"type\":\"").append(order.type() == OrderType.MARKET ? "market" : "limit").append('"')
            .append(",\"label\":").append(quote(order.clientOrderId().text()))
            .append(",\"time_in_force\":\"").append(timeInForce(order.timeInForce())).append('"');
        if (order.type() == OrderType.LIMIT) {
            params.append(",\"price\":").append(instrument.priceGrid().format(order.priceTicks()));
        }
        if (order.postOnly()) {
            params.append(",\"post_only\":true,\"reject_post_only\":true");
        }
        if (order.reduceOnly()) {
            params.append(",\"reduce_only\":true");
        }
        params.append('}');
        final Request request = new Request(Request.Kind.PLACE,
            order.side() == io.deltahedger.venues.Side.BUY ? "private/buy" : "private/sell", params.toString());
        request.order = orders.onSent(order);
        outbox.add(request);
    }

    private void cancel(final CancelRequest cancel, final long nowMs) {
        final OrderTracker.Tracked order = orders.byLabel(cancel.clientOrderId().text());
        if (order == null || order.terminal) {
            session.venueListener().onExecutionReport(refusal(cancel.clientOrderId(), cancel.instrument(),
                ExecType.CANCEL_REJECTED, order == null ? RejectReason.ORDER_NOT_FOUND : RejectReason.ORDER_NOT_OPEN,
                order == null ? "no order with client order id " + cancel.clientOrderId() + " was sent by this session"
                    : "the order is already finished", nowMs));
            return;
        }
        final Request request = order.venueOrderId != null
            ? new Request(Request.Kind.CANCEL, "private/cancel", "{\"order_id\":" + quote(order.venueOrderId) + "}")
            : new Request(Request.Kind.CANCEL, "private/cancel_by_label", "{\"label\":"
                + quote(cancel.clientOrderId().text()) + ",\"currency\":" + quote(currencyOf(cancel.instrument())) + "}");
        request.order = order;
        outbox.add(request);
    }

    private void amend(final AmendRequest amend, final long nowMs) {
        final OrderTracker.Tracked order = orders.byLabel(amend.clientOrderId().text());
        if (order == null || order.venueOrderId == null || order.terminal) {
            session.venueListener().onExecutionReport(refusal(amend.clientOrderId(), amend.instrument(),
                ExecType.AMEND_REJECTED, order != null && order.terminal ? RejectReason.ORDER_NOT_OPEN
                    : RejectReason.ORDER_NOT_FOUND, order == null ? "no order with client order id "
                    + amend.clientOrderId() + " was sent by this session" : order.terminal
                    ? "the order is already finished" : "not yet acknowledged by Deribit; amend after the ACK", nowMs));
            return;
        }
        final Instrument instrument = amend.instrument();
        final Request request = new Request(Request.Kind.EDIT, "private/edit", "{\"order_id\":"
            + quote(order.venueOrderId) + ",\"amount\":" + instrument.amountGrid().format(amend.newAmountLots())
            + ",\"price\":" + instrument.priceGrid().format(amend.newPriceTicks()) + "}");
        request.order = order;
        outbox.add(request);
    }

    private static ExecutionReport refusal(final io.deltahedger.venues.order.ClientOrderId id, final Instrument instrument,
                                           final ExecType type, final RejectReason reason, final String text,
                                           final long nowMs) {
        return new ExecutionReport(id, null, instrument, type, 0, 0, 0, 0, 0, reason, text, nowMs);
    }

    static String currencyOf(final Instrument instrument) {
        return instrument.settlementCurrency();
    }

    private static String timeInForce(final TimeInForce tif) {
        return switch (tif) {
            case GTC -> "good_til_cancelled";
            case IOC -> "immediate_or_cancel";
            case FOK -> "fill_or_kill";
        };
    }

    /** JSON string of a value that needs no escaping (labels, names, tokens); refuses anything else. */
    static String quote(final String value) {
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (c < ' ' || c > '~' || c == '"' || c == '\\') {
                throw new IllegalArgumentException("value for a Deribit request has a character that needs escaping at "
                    + i + "; labels, names and tokens are printable ASCII without quotes");
            }
        }
        return '"' + value + '"';
    }

    private static String array(final List<String> values) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        return sb.append(']').toString();
    }

    /** Answers gathered over several requests. */
    abstract static class Aggregate {
        boolean failed;

        void fail() {
            failed = true;
        }

        abstract void onResult(Request request, JsonNode result, long nowMs);
    }

    /** Summary + positions of one currency -> one {@link AccountSnapshot}. */
    private final class AccountAggregate extends Aggregate {
        private final String currency;
        private JsonNode summary;
        private JsonNode positions;

        AccountAggregate(final String currency) {
            this.currency = currency;
        }

        @Override
        void onResult(final Request request, final JsonNode result, final long nowMs) {
            if (request.kind == Request.Kind.ACCOUNT_SUMMARY) {
                summary = result;
            } else {
                positions = result;
            }
            if (summary == null || positions == null || failed) {
                return;
            }
            final List<Position> list = new ArrayList<>();
            for (final JsonNode p : positions) {
                final Instrument instrument = orders.instrument(p.path("instrument_name").asText(""));
                if (instrument == null) {
                    continue; // not in this session's registry (e.g. options when only futures are registered)
                }
                final double size = p.path("size").asDouble();
                final long lots = OrderTracker.amount(instrument, new com.fasterxml.jackson.databind.node.TextNode(
                    new java.math.BigDecimal(p.path("size").asText()).abs().toPlainString()));
                list.add(new Position(instrument, size < 0 ? -lots : lots, p.path("average_price").asDouble(),
                    p.path("mark_price").asDouble(), p.path("initial_margin").asDouble(),
                    p.path("maintenance_margin").asDouble(), p.path("floating_profit_loss").asDouble(),
                    p.path("estimated_liquidation_price").asDouble(0)));
            }
            session.venueListener().onAccount(new AccountSnapshot(Venue.DERIBIT, currency, nowMs,
                summary.path("balance").asDouble(), summary.path("equity").asDouble(),
                summary.path("available_funds").asDouble(), summary.path("initial_margin").asDouble(),
                summary.path("maintenance_margin").asDouble(), list));
        }
    }

    /** Open orders of every currency -> one {@code onOpenOrders} call. */
    private final class OpenOrdersAggregate extends Aggregate {
        private final List<ExecutionReport> reports = new ArrayList<>();
        private int outstanding;

        OpenOrdersAggregate(final int requests) {
            outstanding = requests;
        }

        @Override
        void onResult(final Request request, final JsonNode result, final long nowMs) {
            for (final JsonNode order : result) {
                final ExecutionReport status = orders.status(order, nowMs);
                if (status != null) {
                    // ours, possibly from before a restart: track it so it can be cancelled and its end is reported
                    orders.adoptOpen(order);
                    reports.add(status);
                } else {
                    LOG.info("Deribit open order {} labelled '{}' on {} is not the agent's (no client order id): left "
                        + "alone", order.path("order_id").asText(""), order.path("label").asText(""),
                        order.path("instrument_name").asText(""));
                }
            }
            if (--outstanding == 0 && !failed) {
                session.venueListener().onOpenOrders(Venue.DERIBIT, List.copyOf(reports));
            }
        }
    }
}
