package io.deltahedger.venues.simulator.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.simulator.auth.Authenticator;
import io.deltahedger.venues.session.CreditLimiter;
import io.deltahedger.venues.simulator.auth.RateLimits;
import io.deltahedger.venues.simulator.fault.FaultInjector;
import io.deltahedger.venues.simulator.feed.Feed;
import io.deltahedger.venues.simulator.market.Market;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;
import io.deltahedger.venues.simulator.trading.TradingEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deribit's JSON-RPC front door, shared by WebSocket and HTTP: parses the envelope, authenticates (session,
 * {@code access_token} parameter or HTTP {@code Authorization}), charges rate-limit credits, routes the method, writes
 * {@code {"jsonrpc","id","result"|"error","usIn","usOut","usDiff","testnet"}} and applies reply faults. Exchange
 * thread only.
 */
public final class RpcDispatcher
{
    /** The API version {@code public/test} and {@code public/hello} report. */
    public static final String VERSION = "1.2.26";

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonWriter writer = new JsonWriter();
    private final TradingEngine engine;
    private final Market market;
    private final Feed feed;
    private final Authenticator authenticator;
    private final FaultInjector faults;
    private final EpochClock clock;
    private final RateLimits rateLimits;
    private final ByteBufAllocator allocator;
    private final TradingMethods trading;
    private final Map<Long, CreditLimiter[]> ownerCredits = new HashMap<>();
    private final ArrayDeque<DelayedReply> delayedReplies = new ArrayDeque<>();

    private record DelayedReply(long dueMs, Session session, ByteBuf json, boolean isError, int errorCode)
    {
    }

    /** How an HTTP request authenticated itself (null fields when absent). */
    public record HttpAuth(String authorization, String httpMethod, String uri, String body)
    {
    }

    public RpcDispatcher(final TradingEngine engine, final Market market, final Feed feed, final Authenticator authenticator,
        final FaultInjector faults, final EpochClock clock, final RateLimits rateLimits,
        final ByteBufAllocator allocator, final String username)
    {
        this.engine = engine;
        this.market = market;
        this.feed = feed;
        this.authenticator = authenticator;
        this.faults = faults;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.allocator = allocator;
        this.trading = new TradingMethods(engine, market, username);
    }

    /**
     * Handles one WebSocket text message (a JSON-RPC request).
     */
    public void onWebSocketText(final Session session, final String text)
    {
        final JsonNode request;
        try
        {
            request = mapper.readTree(text);
        }
        catch (final Exception ex)
        {
            reply(session, null, new RpcError(RpcError.PARSE_ERROR, "Parse error", "request is not JSON: "
                + ex.getMessage(), null), clock.epochMs() * 1000);
            return;
        }
        if (request == null || !request.isObject())
        {
            reply(session, null, new RpcError(RpcError.BAD_REQUEST, "bad_request", "request must be a JSON object", null),
                clock.epochMs() * 1000);
            return;
        }
        final JsonNode id = request.get("id");
        final JsonNode method = request.get("method");
        handle(session, id == null || id.isNull() ? null : id.toString(),
            method == null ? null : method.asText(null), request.get("params"), null);
    }

    /**
     * Handles one HTTP request already split into its method name, params and authentication.
     */
    public void onHttpRequest(final Session session, final String idJson, final String method, final JsonNode params,
        final HttpAuth auth)
    {
        handle(session, idJson, method, params, auth);
    }

    private void handle(final Session session, final String idJson, final String method, final JsonNode paramsNode,
        final HttpAuth httpAuth)
    {
        final long nowMs = clock.epochMs();
        final long usIn = nowMs * 1000;
        List<String> subscribed = null;
        try
        {
            if (method == null || method.isEmpty())
            {
                throw new RpcError(RpcError.METHOD_NOT_FOUND, "Method not found", "request has no method", "method");
            }
            final Params params = new Params(paramsNode);
            final long ownerId = authenticate(session, params, httpAuth, nowMs);
            charge(session, ownerId, method, nowMs);
            if (method.startsWith("private/") && ownerId == Session.ANONYMOUS)
            {
                throw RpcError.unauthorized(method + " needs authentication: call public/auth first or pass access_token");
            }
            if (isOrderEntry(method) && faults.rejectOrder())
            {
                throw new RpcError(RpcError.MATCHING_ENGINE_QUEUE_FULL, "matching_engine_queue_full",
                    "order rejected by fault injection", null);
            }
            final ByteBuf buf = beginReply(idJson);
            try
            {
                subscribed = route(session, ownerId, method, params, nowMs);
                endReply(usIn);
            }
            catch (final RuntimeException ex)
            {
                buf.release();
                throw ex;
            }
            finally
            {
                writer.wrap(null);
            }
            if (isOrderEntry(method) && session.isWebSocket() && faults.closeAfterOrder())
            {
                // the order stands; the client loses its reply and its connection in the middle of it
                buf.release();
                session.close();
                return;
            }
            deliver(session, buf, false, 0);
            if (subscribed != null && !subscribed.isEmpty())
            {
                feed.sendSnapshots(session, subscribed);
            }
        }
        catch (final RpcError error)
        {
            reply(session, idJson, error, usIn);
            if (error.code() == RpcError.TOO_MANY_REQUESTS && session.isWebSocket())
            {
                session.close();
            }
        }
        feed.flush();
    }

    /**
     * Sends replies whose injected delay has passed. Called on every market tick.
     */
    public void releaseDelayedReplies(final long nowMs)
    {
        while (!delayedReplies.isEmpty() && delayedReplies.peekFirst().dueMs() <= nowMs)
        {
            final DelayedReply delayed = delayedReplies.pollFirst();
            if (delayed.session().isClosed())
            {
                delayed.json().release();
                continue;
            }
            delayed.session().send(delayed.json(), delayed.isError(), delayed.errorCode());
            delayed.session().flush();
        }
    }

    /**
     * Sends a heartbeat notification ({@code type} heartbeat or test_request) on a WebSocket session.
     */
    public void sendHeartbeat(final Session session, final String type)
    {
        final ByteBuf buf = allocator.buffer(96);
        writer.wrap(buf).beginObject()
            .name("jsonrpc").string("2.0")
            .name("method").string("heartbeat")
            .name("params").beginObject().name("type").string(type).endObject()
            .endObject();
        writer.wrap(null);
        session.send(buf, false, 0);
        session.flush();
    }

    private List<String> route(final Session session, final long ownerId, final String method, final Params params,
        final long nowMs)
    {
        final JsonWriter w = writer;
        switch (method)
        {
            case "public/auth" -> auth(w, session, params, nowMs);
            case "public/test" ->
            {
                if ("exception".equals(params.optString("expected_result", null)))
                {
                    throw new RpcError(RpcError.INTERNAL_SERVER_ERROR, "internal_server_error",
                        "forced by expected_result=exception", null);
                }
                session.awaitingTestReply(false);
                w.beginObject().name("version").string(VERSION).endObject();
            }
            case "public/hello" -> w.beginObject().name("version").string(VERSION).endObject();
            case "public/get_time" -> w.number(nowMs);
            case "public/set_heartbeat" ->
            {
                requireWebSocket(session, method);
                final long interval = params.optLong("interval", -1);
                if (interval < 10)
                {
                    throw RpcError.invalidParam("interval", "interval must be at least 10 seconds but was " + interval);
                }
                session.heartbeat(interval * 1000, nowMs);
                w.string("ok");
            }
            case "public/disable_heartbeat" ->
            {
                session.heartbeat(0, nowMs);
                w.string("ok");
            }
            case "private/enable_cancel_on_disconnect", "private/disable_cancel_on_disconnect" ->
            {
                requireWebSocket(session, method);
                session.cancelOnDisconnect(method.startsWith("private/enable"));
                w.string("ok");
            }
            case "public/get_currencies" -> currencies(w);
            case "public/get_instruments" -> instruments(w, params, nowMs);
            case "public/get_instrument" -> DeribitJson.instrument(w, trading.instrument(params.requireString("instrument_name")));
            case "public/get_order_book" ->
            {
                final long depth = params.optLong("depth", 20);
                if (depth < 1 || depth > 10_000)
                {
                    throw RpcError.invalidParam("depth", "depth must be in [1, 10000] but was " + depth);
                }
                DeribitJson.ticker(w, engine, market, trading.instrument(params.requireString("instrument_name")), nowMs,
                    (int)depth);
            }
            case "public/ticker" ->
                DeribitJson.ticker(w, engine, market, trading.instrument(params.requireString("instrument_name")), nowMs, 0);
            case "public/get_index_price" -> indexPrice(w, params);
            case "public/subscribe", "private/subscribe" ->
            {
                requireWebSocket(session, method);
                final List<String> subscribed =
                    feed.subscribe(session, params.requireStringList("channels"), method.startsWith("private/"));
                stringArray(w, subscribed);
                return subscribed;
            }
            case "public/unsubscribe", "private/unsubscribe" ->
            {
                requireWebSocket(session, method);
                stringArray(w, feed.unsubscribe(session, params.requireStringList("channels")));
            }
            case "public/unsubscribe_all", "private/unsubscribe_all" ->
            {
                requireWebSocket(session, method);
                feed.unsubscribeAll(session);
                w.string("ok");
            }
            case "private/buy" -> trading.placeOrder(w, ownerId, session.id(), params, true);
            case "private/sell" -> trading.placeOrder(w, ownerId, session.id(), params, false);
            case "private/edit" -> trading.edit(w, ownerId, params);
            case "private/cancel" -> trading.cancel(w, ownerId, params);
            case "private/cancel_all" -> trading.cancelAll(w, ownerId, null, -1);
            case "private/cancel_all_by_currency" -> trading.cancelAll(w, ownerId, trading.requireCurrencyOrAny(params), -1);
            case "private/cancel_all_by_instrument" ->
                trading.cancelAll(w, ownerId, null, trading.instrument(params.requireString("instrument_name")).index());
            case "private/cancel_by_label" -> trading.cancelByLabel(w, ownerId, params);
            case "private/get_open_orders_by_label" ->
                trading.openOrders(w, ownerId, trading.requireCurrencyOrAny(params), -1, params.requireString("label"));
            case "private/get_open_orders_by_currency" ->
                trading.openOrders(w, ownerId, trading.requireCurrencyOrAny(params), -1, null);
            case "private/get_open_orders_by_instrument" ->
                trading.openOrders(w, ownerId, null, trading.instrument(params.requireString("instrument_name")).index(), null);
            case "private/get_order_state" -> trading.orderState(w, ownerId, params);
            case "private/get_order_state_by_label" ->
                trading.orderStatesByLabel(w, ownerId, trading.requireCurrencyOrAny(params), params.requireString("label"));
            case "private/get_positions" -> trading.positions(w, ownerId, params);
            case "private/get_position" -> trading.position(w, ownerId, params);
            case "private/get_account_summary" -> trading.accountSummary(w, ownerId, params);
            default -> throw new RpcError(RpcError.METHOD_NOT_FOUND, "Method not found",
                "method '" + method + "' is not provided by the simulator (see docs/simulator.md)", "method");
        }
        return null;
    }

    private void auth(final JsonWriter w, final Session session, final Params params, final long nowMs)
    {
        final String grantType = params.requireString("grant_type");
        final Authenticator.Grant grant = switch (grantType)
        {
            case "client_credentials" -> authenticator.clientCredentials(
                params.requireString("client_id"), params.requireString("client_secret"), nowMs);
            case "client_signature" -> authenticator.clientSignature(params.requireString("client_id"),
                params.optLong("timestamp", -1), params.requireString("nonce"), params.optString("data", ""),
                params.requireString("signature"), nowMs);
            case "refresh_token" -> authenticator.refresh(params.requireString("refresh_token"), nowMs);
            default -> throw RpcError.invalidParam("grant_type",
                "grant_type must be client_credentials, client_signature or refresh_token but was '" + grantType + "'");
        };
        engine.openAccounts(grant.ownerId(), false);
        if (session.isWebSocket())
        {
            session.authenticate(grant.ownerId(), nowMs + grant.expiresInSeconds() * 1000);
        }
        w.beginObject();
        w.name("access_token").string(grant.accessToken());
        w.name("refresh_token").string(grant.refreshToken());
        w.name("expires_in").number(grant.expiresInSeconds());
        w.name("scope").string(params.optString("scope", "connection mainaccount trade:read_write wallet:read"
            + " account:read_write block_trade:read_write"));
        w.name("token_type").string("bearer");
        w.name("enabled_features").beginArray().endArray();
        if (params.has("state"))
        {
            w.name("state").string(params.optString("state", ""));
        }
        w.endObject();
    }

    private long authenticate(final Session session, final Params params, final HttpAuth httpAuth, final long nowMs)
    {
        final String token = params.optString("access_token", null);
        if (token != null)
        {
            return authenticator.ownerOfToken(token, nowMs);
        }
        if (httpAuth != null && httpAuth.authorization() != null)
        {
            final String header = httpAuth.authorization().trim();
            final int space = header.indexOf(' ');
            final String scheme = space < 0 ? header : header.substring(0, space);
            final String rest = space < 0 ? "" : header.substring(space + 1).trim();
            if ("bearer".equals(scheme.toLowerCase(Locale.ROOT)))
            {
                return authenticator.ownerOfToken(rest, nowMs);
            }
            if ("deri-hmac-sha256".equals(scheme.toLowerCase(Locale.ROOT)))
            {
                final long owner = authenticator.ownerOfHttpSignature(rest, httpAuth.httpMethod(), httpAuth.uri(),
                    httpAuth.body(), nowMs);
                engine.openAccounts(owner, false);
                return owner;
            }
            throw RpcError.unauthorized("Authorization scheme '" + scheme + "' is not supported; use Bearer or deri-hmac-sha256");
        }
        return session.isAuthenticated(nowMs) ? session.ownerId() : Session.ANONYMOUS;
    }

    private void charge(final Session session, final long ownerId, final String method, final long nowMs)
    {
        final CreditLimiter[] buckets = ownerId == Session.ANONYMOUS
            ? new CreditLimiter[] {session.nonMatchingCredits(), session.matchingCredits()}
            : ownerCredits.computeIfAbsent(ownerId, id -> new CreditLimiter[] {
                rateLimits.newNonMatchingPool(nowMs), rateLimits.newMatchingPool(nowMs)});
        final boolean matching = isMatchingEngine(method);
        final CreditLimiter bucket = matching ? buckets[1] : buckets[0];
        final long cost = matching ? rateLimits.matchingCost()
            : method.endsWith("/subscribe") ? rateLimits.subscribeCost() : rateLimits.nonMatchingCost();
        if (!RateLimits.tryCharge(bucket, cost, nowMs))
        {
            throw new RpcError(RpcError.TOO_MANY_REQUESTS, "too_many_requests", "credit pool exhausted (" + method
                + " costs " + cost + " credits); the session is closed, reconnect after the pool refills", null);
        }
    }

    private static boolean isMatchingEngine(final String method)
    {
        return method.equals("private/buy") || method.equals("private/sell") || method.equals("private/edit")
            || method.startsWith("private/cancel");
    }

    private static boolean isOrderEntry(final String method)
    {
        return method.equals("private/buy") || method.equals("private/sell") || method.equals("private/edit");
    }

    private static void requireWebSocket(final Session session, final String method)
    {
        if (!session.isWebSocket())
        {
            throw new RpcError(RpcError.BAD_REQUEST, "bad_request", method + " is available over WebSocket only", "method");
        }
    }

    private void currencies(final JsonWriter w)
    {
        w.beginArray();
        for (final UnderlyingSpec spec : engine.underlyings())
        {
            w.beginObject();
            w.name("currency").string(spec.currency());
            w.name("currency_long").string(spec.currency());
            w.name("coin_type").string(spec.currency().equals("BTC") ? "BITCOIN" : "ETHER");
            w.name("min_confirmations").number(1);
            w.name("min_withdrawal_fee").decimal(0.0001, 8);
            w.name("withdrawal_fee").decimal(0.0001, 8);
            w.name("fee_precision").number(4);
            w.name("withdrawal_priorities").beginArray().endArray();
            w.endObject();
        }
        w.endArray();
    }

    private void instruments(final JsonWriter w, final Params params, final long nowMs)
    {
        final String currency = trading.requireCurrencyOrAny(params);
        final String kind = params.optString("kind", null);
        final boolean expired = params.optBoolean("expired", false);
        w.beginArray();
        if (kind == null || "future".equals(kind) || "option".equals(kind))
        {
            for (final SimInstrument instrument : engine.instruments())
            {
                // An option past expiry is settled and leaves the list (expired=true lists it again).
                if ((currency == null || currency.equals(instrument.currency()))
                    && (kind == null || kind.equals(instrument.kind()))
                    && expired == (nowMs >= instrument.expirationMs()))
                {
                    DeribitJson.instrument(w, instrument);
                }
            }
        }
        w.endArray();
    }

    private void indexPrice(final JsonWriter w, final Params params)
    {
        final String indexName = params.requireString("index_name");
        final String currency = indexName.endsWith("_usd") ? indexName.substring(0, indexName.length() - 4)
            .toUpperCase(Locale.ROOT) : "";
        final double value = market.indexValue(currency);
        if (Double.isNaN(value))
        {
            throw RpcError.invalidParam("index_name", "unknown index '" + indexName + "'; use e.g. btc_usd");
        }
        w.beginObject();
        w.name("index_price").decimal(value, 4);
        w.name("estimated_delivery_price").decimal(value, 4);
        w.endObject();
    }

    private static void stringArray(final JsonWriter w, final List<String> values)
    {
        w.beginArray();
        for (final String value : values)
        {
            w.string(value);
        }
        w.endArray();
    }

    private ByteBuf beginReply(final String idJson)
    {
        final ByteBuf buf = allocator.buffer(1024);
        writer.wrap(buf).beginObject().name("jsonrpc").string("2.0");
        if (idJson != null)
        {
            writer.name("id").rawValue(idJson);
        }
        writer.name("result");
        return buf;
    }

    private void endReply(final long usIn)
    {
        final long usOut = clock.epochMs() * 1000;
        writer.name("usIn").number(usIn).name("usOut").number(usOut).name("usDiff").number(usOut - usIn)
            .name("testnet").bool(true).endObject();
    }

    private void reply(final Session session, final String idJson, final RpcError error, final long usIn)
    {
        final ByteBuf buf = allocator.buffer(256);
        writer.wrap(buf).beginObject().name("jsonrpc").string("2.0");
        if (idJson != null)
        {
            writer.name("id").rawValue(idJson);
        }
        writer.name("error").beginObject().name("code").number(error.code()).name("message").string(error.getMessage());
        if (error.reason() != null || error.param() != null)
        {
            writer.name("data").beginObject();
            if (error.reason() != null)
            {
                writer.name("reason").string(error.reason());
            }
            if (error.param() != null)
            {
                writer.name("param").string(error.param());
            }
            writer.endObject();
        }
        writer.endObject();
        endReply(usIn);
        writer.wrap(null);
        deliver(session, buf, true, error.code());
    }

    private void deliver(final Session session, final ByteBuf buf, final boolean isError, final int errorCode)
    {
        if (faults.loseReply())
        {
            buf.release();
            if (!session.isWebSocket())
            {
                // An HTTP request must still end: a lost reply looks like a dropped connection to the client.
                session.close();
            }
            return;
        }
        final long delayMs = faults.replyDelayMs();
        if (delayMs > 0)
        {
            delayedReplies.addLast(new DelayedReply(clock.epochMs() + delayMs, session, buf, isError, errorCode));
            return;
        }
        session.send(buf, isError, errorCode);
        session.flush();
    }
}
