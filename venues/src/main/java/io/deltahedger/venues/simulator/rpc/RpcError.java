package io.deltahedger.venues.simulator.rpc;

/**
 * A request the exchange refuses, carried to the envelope writer as Deribit's JSON-RPC error object
 * {@code {"code":..,"message":..,"data":{"reason":..,"param":..}}}. Thrown only while handling one request; it never
 * crosses the exchange thread.
 */
public final class RpcError extends RuntimeException
{
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int PARSE_ERROR = -32700;
    public static final int AUTHORIZATION_REQUIRED = 10000;
    public static final int QTY_TOO_LOW = 10002;
    public static final int ORDER_NOT_FOUND = 10004;
    public static final int NOT_ENOUGH_FUNDS = 10009;
    public static final int ALREADY_CLOSED = 10010;
    public static final int BOOK_CLOSED = 10012;
    public static final int INVALID_INSTRUMENT = 10020;
    public static final int INVALID_AMOUNT = 10021;
    public static final int INVALID_PRICE = 10023;
    public static final int TOO_MANY_REQUESTS = 10028;
    public static final int NOT_OWNER_OF_ORDER = 10029;
    public static final int PRICE_WRONG_TICK = 10043;
    public static final int LIQUIDATION_IN_PROGRESS = 10045;
    public static final int MATCHING_ENGINE_QUEUE_FULL = 10047;
    public static final int NOT_OPEN_ORDER = 11044;
    public static final int BAD_REQUEST = 11050;
    public static final int POST_ONLY_REJECT = 11054;
    public static final int INTERNAL_SERVER_ERROR = 11094;
    public static final int INVALID_CREDENTIALS = 13004;
    public static final int UNAUTHORIZED = 13009;

    private final int code;
    private final String reason;
    private final String param;

    /**
     * @param code    Deribit's error code.
     * @param message Deribit's error message token (e.g. {@code not_enough_funds}).
     * @param reason  a human explanation naming the thing, the value and the fix; null for none.
     * @param param   the offending parameter, or null.
     */
    public RpcError(final int code, final String message, final String reason, final String param)
    {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
        this.param = param;
    }

    public static RpcError invalidParam(final String param, final String reason)
    {
        return new RpcError(INVALID_PARAMS, "Invalid params", reason, param);
    }

    public static RpcError unauthorized(final String reason)
    {
        return new RpcError(UNAUTHORIZED, "unauthorized", reason, null);
    }

    public int code()
    {
        return code;
    }

    public String reason()
    {
        return reason;
    }

    public String param()
    {
        return param;
    }
}
