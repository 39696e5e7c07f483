package io.deltahedger.venues.deribit;

import io.deltahedger.venues.order.RejectReason;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Deribit JSON-RPC error codes (venues.md 1.10, the long list shared by ccxt and the Rust deribit-base enum), each
 * with its wire name and {@link RejectReason}. {@link #forCode(int)} is an allocation-free binary search.
 *
 * <p>Deribit's newer docs page shows a short table that gives some codes other meanings (e.g. 10009
 * "invalid_argument"); because of that conflict {@link #classify(int, String)} trusts the message name
 * ({@code not_enough_funds}) before the code.
 */
public enum DeribitError {
    AUTHORIZATION_REQUIRED(10000, "authorization_required", RejectReason.AUTH),
    ERROR(10001, "error", RejectReason.OTHER),
    QTY_TOO_LOW(10002, "qty_too_low", RejectReason.INVALID_AMOUNT),
    ORDER_OVERLAP(10003, "order_overlap", RejectReason.OTHER),
    ORDER_NOT_FOUND(10004, "order_not_found", RejectReason.ORDER_NOT_FOUND),
    PRICE_TOO_LOW(10005, "price_too_low", RejectReason.INVALID_PRICE),
    PRICE_TOO_LOW_FOR_INDEX(10006, "price_too_low4idx", RejectReason.INVALID_PRICE),
    PRICE_TOO_HIGH(10007, "price_too_high", RejectReason.INVALID_PRICE),
    PRICE_TOO_HIGH_FOR_INDEX(10008, "price_too_high4idx", RejectReason.INVALID_PRICE),
    NOT_ENOUGH_FUNDS(10009, "not_enough_funds", RejectReason.INSUFFICIENT_MARGIN),
    ALREADY_CLOSED(10010, "already_closed", RejectReason.ORDER_NOT_OPEN),
    PRICE_NOT_ALLOWED(10011, "price_not_allowed", RejectReason.INVALID_PRICE),
    BOOK_CLOSED(10012, "book_closed", RejectReason.MARKET_CLOSED),
    PME_MAX_TOTAL_OPEN_ORDERS(10013, "pme_max_total_open_orders", RejectReason.POSITION_LIMIT),
    PME_MAX_FUTURE_OPEN_ORDERS(10014, "pme_max_future_open_orders", RejectReason.POSITION_LIMIT),
    PME_MAX_OPTION_OPEN_ORDERS(10015, "pme_max_option_open_orders", RejectReason.POSITION_LIMIT),
    PME_MAX_FUTURE_OPEN_ORDERS_SIZE(10016, "pme_max_future_open_orders_size", RejectReason.POSITION_LIMIT),
    PME_MAX_OPTION_OPEN_ORDERS_SIZE(10017, "pme_max_option_open_orders_size", RejectReason.POSITION_LIMIT),
    NON_PME_MAX_FUTURE_POSITION_SIZE(10018, "non_pme_max_future_position_size", RejectReason.POSITION_LIMIT),
    LOCKED_BY_ADMIN(10019, "locked_by_admin", RejectReason.AUTH),
    INVALID_OR_UNSUPPORTED_INSTRUMENT(10020, "invalid_or_unsupported_instrument", RejectReason.UNKNOWN_INSTRUMENT),
    INVALID_AMOUNT(10021, "invalid_amount", RejectReason.INVALID_AMOUNT),
    INVALID_PRICE(10023, "invalid_price", RejectReason.INVALID_PRICE),
    INVALID_ORDER_ID(10025, "invalid_order_id", RejectReason.ORDER_NOT_FOUND),
    PRICE_PRECISION_EXCEEDED(10026, "price_precision_exceeded", RejectReason.INVALID_PRICE),
    NON_INTEGER_CONTRACT_AMOUNT(10027, "non_integer_contract_amount", RejectReason.INVALID_AMOUNT),
    TOO_MANY_REQUESTS(10028, "too_many_requests", RejectReason.RATE_LIMITED),
    NOT_OWNER_OF_ORDER(10029, "not_owner_of_order", RejectReason.ORDER_NOT_FOUND),
    RETRY(10040, "retry", RejectReason.RETRYABLE),
    SETTLEMENT_IN_PROGRESS(10041, "settlement_in_progress", RejectReason.RETRYABLE),
    PRICE_WRONG_TICK(10043, "price_wrong_tick", RejectReason.INVALID_PRICE),
    CANNOT_CANCEL_LIQUIDATION_ORDER(10045, "cannot_cancel_liquidation_order", RejectReason.OTHER),
    CANNOT_EDIT_LIQUIDATION_ORDER(10046, "cannot_edit_liquidation_order", RejectReason.OTHER),
    MATCHING_ENGINE_QUEUE_FULL(10047, "matching_engine_queue_full", RejectReason.RETRYABLE),
    ALREADY_FILLED(11008, "already_filled", RejectReason.ORDER_NOT_OPEN),
    INVALID_ARGUMENTS(11029, "invalid_arguments", RejectReason.INVALID_REQUEST),
    NOT_OPEN_ORDER(11044, "not_open_order", RejectReason.ORDER_NOT_OPEN),
    BAD_REQUEST(11050, "bad_request", RejectReason.INVALID_REQUEST),
    SYSTEM_MAINTENANCE(11051, "system_maintenance", RejectReason.RETRYABLE),
    SUBSCRIBE_ERROR_UNSUBSCRIBED(11052, "subscribe_error_unsubscribed", RejectReason.OTHER),
    POST_ONLY_REJECT(11054, "post_only_reject", RejectReason.POST_ONLY_WOULD_CROSS),
    INVALID_CREDENTIALS(13004, "invalid_credentials", RejectReason.AUTH),
    UNAUTHORIZED(13009, "unauthorized", RejectReason.AUTH),
    FORBIDDEN(13021, "forbidden", RejectReason.AUTH),
    JSON_RPC_PARSE_ERROR(-32700, "parse_error", RejectReason.INVALID_REQUEST),
    JSON_RPC_INVALID_PARAMS(-32602, "invalid_params", RejectReason.INVALID_REQUEST),
    JSON_RPC_METHOD_NOT_FOUND(-32601, "method_not_found", RejectReason.INVALID_REQUEST),
    JSON_RPC_MISSING_PARAMS(-32000, "missing_params", RejectReason.INVALID_REQUEST);

    private static final DeribitError[] BY_CODE = values();
    private static final int[] CODES;
    private static final Map<String, DeribitError> BY_NAME = new HashMap<>();

    static {
        Arrays.sort(BY_CODE, Comparator.comparingInt(DeribitError::code));
        CODES = new int[BY_CODE.length];
        for (int i = 0; i < BY_CODE.length; i++) {
            CODES[i] = BY_CODE[i].code;
            BY_NAME.put(BY_CODE[i].wireName, BY_CODE[i]);
        }
    }

    private final int code;
    private final String wireName;
    private final RejectReason reason;

    DeribitError(final int code, final String wireName, final RejectReason reason) {
        this.code = code;
        this.wireName = wireName;
        this.reason = reason;
    }

    /** The JSON-RPC {@code error.code}. */
    public int code() {
        return code;
    }

    /** The name Deribit sends as {@code error.message}. */
    public String wireName() {
        return wireName;
    }

    /** The venue-neutral reason. */
    public RejectReason reason() {
        return reason;
    }

    /** The error with this code, or null if the code is not in the table. Allocation-free. */
    public static DeribitError forCode(final int code) {
        final int i = Arrays.binarySearch(CODES, code);
        return i >= 0 ? BY_CODE[i] : null;
    }

    /** The error with this wire name, or null. */
    public static DeribitError forWireName(final String message) {
        return message == null ? null : BY_NAME.get(message);
    }

    /**
     * The reason for an error reply: by the message name when it is a known one (see the class comment), else by the
     * code, else {@link RejectReason#OTHER}.
     */
    public static RejectReason classify(final int code, final String message) {
        final DeribitError byName = forWireName(message);
        if (byName != null) {
            return byName.reason;
        }
        final DeribitError byCode = forCode(code);
        return byCode != null ? byCode.reason : RejectReason.OTHER;
    }
}
