package io.deltahedger.venues.deribit.client;

/**
 * One JSON-RPC request of a {@link DeribitSession}: queued in the {@link Outbox} until its credit pool allows it,
 * then sent and kept by id until its reply (or its timeout). Session thread only.
 */
final class Request {
    /** What the reply means to the session. */
    enum Kind {
        AUTH, REFRESH, SET_HEARTBEAT, SUBSCRIBE, RESUBSCRIBE, UNSUBSCRIBE, TEST,
        PLACE, CANCEL, EDIT, CANCEL_ALL,
        LABEL_QUERY, ORDER_STATE, OPEN_ORDERS, ACCOUNT_SUMMARY, POSITIONS
    }

    final Kind kind;
    final String method;
    final String paramsJson;
    /** Whether it draws on the matching-engine pool (buy, sell, edit, cancel*). */
    final boolean matching;
    long id;
    long sentMs;
    /** The order it is about (PLACE, CANCEL, EDIT, LABEL_QUERY, ORDER_STATE), else null. */
    OrderTracker.Tracked order;
    /** Part of the reconnect reconciliation (the session goes LIVE when all of these are answered). */
    boolean reconcile;
    /** Collects multi-request answers (open orders, account), else null. */
    Object aggregate;
    /** The account currency it is about, else null. */
    String currency;

    Request(final Kind kind, final String method, final String paramsJson) {
        this.kind = kind;
        this.method = method;
        this.paramsJson = paramsJson;
        this.matching = method.equals("private/buy") || method.equals("private/sell") || method.equals("private/edit")
            || method.startsWith("private/cancel");
    }

    boolean isSubscribe() {
        return method.endsWith("/subscribe");
    }

    String toJson() {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
    }
}
