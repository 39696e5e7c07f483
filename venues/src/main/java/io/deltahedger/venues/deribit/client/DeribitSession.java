package io.deltahedger.venues.deribit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.connection.ConnectionStateTracker;
import io.deltahedger.venues.deribit.DeribitError;
import io.deltahedger.venues.deribit.DeribitMarketDataDecoder;
import io.deltahedger.venues.deribit.DeribitSigner;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.VenueListener;
import io.deltahedger.venues.session.LivenessDetector;
import io.deltahedger.venues.session.ReconnectBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One Deribit WebSocket session as an explicit state machine polled by a duty cycle with the time passed in (Artio's
 * {@code Session.poll} style). The Netty I/O thread only copies frames into {@link InboundFrames}; everything else
 * (decoding, books, orders, timers) happens in {@link #poll(long)} on the one thread that calls it.
 *
 * <p>Lifecycle: {@code CONNECTING -> AUTHENTICATING} (client_signature: the secret never leaves) {@code ->
 * SUBSCRIBING} (set_heartbeat, then books and user channels) {@code -> RECONCILING} (every order we sent that is not
 * finished is looked up by order id or label; account and positions re-read) {@code -> LIVE}. A dropped connection
 * or a liveness time-out invalidates every book, waits a jittered exponential back-off and starts again; refused
 * credentials end in {@code DOWN} (see {@link #authFailure()}).
 *
 * <p>Orders are never re-sent by the session: a request whose reply never came is resolved by querying its label,
 * and an order in flight when the connection dropped is found by the reconciliation, so nothing is lost or
 * duplicated. Rate limits are kept by the {@link Outbox} (queue and send later).
 */
public final class DeribitSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeribitSession.class);
    private static final int TOO_MANY_REQUESTS = 10028;

    /** The session's own phases (finer than {@link ConnectionState}). */
    public enum Phase {
        IDLE, CONNECTING, AUTHENTICATING, SUBSCRIBING, RECONCILING, LIVE, BACKING_OFF, DOWN
    }

    private final DeribitClientConfig config;
    private final InstrumentRegistry registry;
    private final RandomGenerator random;
    private final VenueListener venueListener;
    private final ObjectMapper mapper = new ObjectMapper();
    private final DeribitSigner signer;
    /** 4 MiB: seconds of a busy raw book feed, and at least twice the largest frame Netty accepts. */
    private final InboundFrames inbound = new InboundFrames(4 * 1024 * 1024);
    private final DeribitWebSocket socket;
    private final BookSubscriptions books;
    private final ConnectionStateTracker tracker;
    private final ReconnectBackoff backoff;
    private final Outbox outbox;
    private final OrderTracker orders;
    private final DeribitGateway gateway;
    private final Requests requests;
    private final Map<Long, Request> inFlight = new HashMap<>();
    private LivenessDetector liveness;
    private Phase phase = Phase.IDLE;
    private volatile ConnectionState connectionState = ConnectionState.DOWN;
    private int generation;
    private long nextRequestId = 1;
    private long reconnectAtMs;
    private long refreshAtMs = Long.MAX_VALUE;
    private String refreshToken;
    private boolean refreshing;
    private int reconcileOutstanding;
    private AuthFailure authFailure;
    private long reconnects;
    private long lostReplies;
    private long messageErrors;
    private long lastPollMs;

    /**
     * @param config             validated configuration (credentials resolved by reference)
     * @param registry           the Deribit instruments; every book channel's instrument must be registered
     * @param random             seeded source of reconnect jitter and auth nonces
     * @param nowMs              the injected clock's time now, epoch ms
     * @param venueListener      execution reports, open orders, accounts, connection states (session thread)
     * @param marketDataListener books and market data (session thread)
     */
    public DeribitSession(final DeribitClientConfig config, final InstrumentRegistry registry,
                          final RandomGenerator random, final long nowMs, final VenueListener venueListener,
                          final DeribitMarketDataListener marketDataListener) {
        this.config = config;
        this.registry = registry;
        this.random = random;
        this.venueListener = venueListener;
        this.signer = new DeribitSigner(config.credentials());
        this.tracker = new ConnectionStateTracker(Venue.DERIBIT, "deribit", config.heartbeatIntervalSeconds() * 1500L,
            event -> {
                connectionState = event.state();
                venueListener.onConnectionState(event);
            });
        this.backoff = new ReconnectBackoff(config.reconnectInitialDelayMs() * 1_000_000L,
            config.reconnectMaxDelayMs() * 1_000_000L, random);
        this.outbox = new Outbox(config.limits(), nowMs);
        this.orders = new OrderTracker(registry, venueListener::onExecutionReport);
        this.gateway = new DeribitGateway(this, config.commandQueueCapacity());
        this.requests = new Requests(this, orders, outbox, config.accountCurrencies());
        this.books = new BookSubscriptions(config, registry, marketDataListener, requests, outbox);
        this.socket = new DeribitWebSocket(inbound, config.uri(), config.trustedCertificates());
        this.liveness = newLiveness(nowMs);
        this.lastPollMs = nowMs;
    }

    /** The trading interface of this session (Deribit behind the unified layer). */
    public DeribitGateway gateway() {
        return gateway;
    }

    /** Starts connecting; the rest happens in {@link #poll(long)}. */
    public void start(final long nowMs) {
        if (phase != Phase.IDLE) {
            throw new IllegalStateException("session already started (phase " + phase + ")");
        }
        connect(nowMs);
    }

    /**
     * The duty cycle: handles every frame the I/O thread handed over, then the timers (liveness, token refresh,
     * request time-outs, reconnect back-off), then sends what the credit pools allow.
     *
     * @param nowMs the injected clock's time, epoch ms
     * @return work done (frames handled + requests sent + state changes), 0 when idle
     */
    public int poll(final long nowMs) {
        lastPollMs = nowMs;
        int work = 0;
        while (inbound.peek()) {
            try {
                if (inbound.generation == generation) {
                    work++;
                    switch (inbound.kind) {
                        case OPENED -> onOpened(nowMs);
                        case TEXT -> onText(inbound.array(), inbound.offset, inbound.length, nowMs);
                        case CLOSED -> onClosed(nowMs, new String(inbound.array(), inbound.offset, inbound.length,
                            java.nio.charset.StandardCharsets.UTF_8));
                        default -> {
                        }
                    }
                }
            } finally {
                inbound.release();
            }
        }
        if (socket.closedWithoutFrame() == generation && isConnected()) {
            onClosed(nowMs, "connection closed (inbound queue was full)");
        }
        work += onTimers(nowMs);
        work += send(nowMs);
        return work;
    }

    private int onTimers(final long nowMs) {
        if (phase == Phase.BACKING_OFF && nowMs >= reconnectAtMs) {
            connect(nowMs);
            return 1;
        }
        if (!isConnected() || phase == Phase.CONNECTING) {
            return 0;
        }
        int work = tracker.poll(nowMs);
        switch (liveness.poll(nowMs * 1_000_000L)) {
            case PROBE -> outbox.addFirst(requests.test());
            case TIMED_OUT -> {
                drop(nowMs, "no message from Deribit for " + (nowMs - liveness.lastReceivedNs() / 1_000_000L)
                    + " ms (liveness timeout " + config.livenessTimeoutMs() + " ms)");
                return work + 1;
            }
            case ALIVE -> {
            }
        }
        if (phase == Phase.LIVE) {
            work += books.resubscribeStuck(nowMs);
        }
        if (refreshToken != null && !refreshing && nowMs >= refreshAtMs && phase != Phase.AUTHENTICATING) {
            refreshing = true;
            outbox.addFirst(requests.refresh(refreshToken));
            work++;
        }
        // requests whose reply never came
        Iterator<Request> it = inFlight.values().iterator();
        List<Request> expired = null;
        while (it.hasNext()) {
            final Request request = it.next();
            if (nowMs - request.sentMs >= config.requestTimeoutMs()) {
                it.remove();
                if (expired == null) {
                    expired = new ArrayList<>();
                }
                expired.add(request);
            }
        }
        if (expired != null) {
            for (final Request request : expired) {
                work++;
                lostReplies++;
                if (!onReplyLost(request, nowMs)) {
                    drop(nowMs, "no reply to " + request.method + " within " + config.requestTimeoutMs() + " ms");
                    return work;
                }
            }
        }
        return work;
    }

    /** @return true if the loss is resolved without dropping the connection */
    private boolean onReplyLost(final Request request, final long nowMs) {
        switch (request.kind) {
            case PLACE, CANCEL, EDIT -> {
                // never re-send: find out what the venue did by the order's label first
                final OrderTracker.Tracked order = request.order;
                if (request.kind != Request.Kind.PLACE || order.awaitingReply) {
                    outbox.add(requests.labelQuery(order, false));
                }
                return true;
            }
            case TEST, CANCEL_ALL, OPEN_ORDERS, ACCOUNT_SUMMARY, POSITIONS, RESUBSCRIBE, UNSUBSCRIBE -> {
                if (request.aggregate instanceof Requests.Aggregate aggregate) {
                    aggregate.fail();
                }
                return !request.reconcile;
            }
            case LABEL_QUERY, ORDER_STATE -> {
                if (!request.reconcile) {
                    outbox.add(requests.labelQuery(request.order, false));
                    return true;
                }
                return false;
            }
            default -> {
                return false; // auth, subscription, heartbeat set-up: the connection's state is unknown, start again
            }
        }
    }

    private int send(final long nowMs) {
        if (!isConnected() || phase == Phase.CONNECTING) {
            return 0;
        }
        int work = 0;
        Request request;
        while ((request = outbox.pollControl(nowMs)) != null) {
            transmit(request, nowMs);
            work++;
        }
        if (phase != Phase.LIVE) {
            return work;
        }
        // take trading commands while the matching queue is short; beyond it callers are back-pressured
        Object command;
        while (outbox.tradingQueued() < config.commandQueueCapacity() && (command = gateway.poll()) != null) {
            requests.onCommand(command, nowMs);
        }
        while ((request = outbox.pollControl(nowMs)) != null) {
            transmit(request, nowMs);
            work++;
        }
        while ((request = outbox.pollTrading(nowMs)) != null) {
            transmit(request, nowMs);
            work++;
        }
        return work;
    }

    private void transmit(final Request request, final long nowMs) {
        request.id = nextRequestId++;
        request.sentMs = nowMs;
        if (!socket.send(request.toJson())) {
            if (request.matching) {
                outbox.addFirst(request); // not sent: it goes out after the reconnect (never sent twice)
            }
            return;
        }
        inFlight.put(request.id, request);
        if (request.kind == Request.Kind.PLACE) {
            request.order.awaitingReply = true;
            request.order.sent = true;
        }
    }

    private void connect(final long nowMs) {
        generation++;
        phase = Phase.CONNECTING;
        tracker.onConnecting(nowMs);
        socket.connect(config.uri(), generation, config.connectTimeoutMs());
    }

    private void onOpened(final long nowMs) {
        phase = Phase.AUTHENTICATING;
        liveness = newLiveness(nowMs);
        refreshToken = null;
        refreshing = false;
        outbox.addFirst(requests.auth(signer, nowMs, random));
    }

    private void onClosed(final long nowMs, final String reason) {
        if (!isConnected() && phase != Phase.CONNECTING) {
            return;
        }
        disconnected(nowMs, reason);
    }

    /** Drops the connection on our side (liveness, lost control reply) and schedules the reconnect. */
    private void drop(final long nowMs, final String reason) {
        LOG.warn("Deribit session dropping the connection: {}", reason);
        socket.disconnect();
        disconnected(nowMs, reason);
    }

    private void disconnected(final long nowMs, final String reason) {
        generation++; // frames of the old connection still in the ring are ignored
        tracker.onDisconnected(nowMs, reason);
        books.onDisconnected();
        // replies that will never come: PLACE requests are reconciled by label after the reconnect
        inFlight.clear();
        outbox.clearControl();
        refreshToken = null;
        refreshAtMs = Long.MAX_VALUE;
        if (phase == Phase.DOWN) {
            return;
        }
        reconnects++;
        phase = Phase.BACKING_OFF;
        reconnectAtMs = nowMs + backoff.nextDelayNs() / 1_000_000L;
        LOG.info("Deribit session disconnected ({}); reconnecting in {} ms", reason, reconnectAtMs - nowMs);
    }

    private void onText(final byte[] bytes, final int offset, final int length, final long nowMs) {
        liveness.onMessageReceived(nowMs * 1_000_000L);
        tracker.onMessage(nowMs);
        if (books.onFrame(bytes, offset, length, nowMs) != DeribitMarketDataDecoder.Result.NOT_MARKET_DATA) {
            return; // market data (published), or dropped and counted by the decoder
        }
        final JsonNode message;
        try {
            message = mapper.readTree(bytes, offset, length);
        } catch (final IOException e) {
            LOG.warn("Deribit sent a frame that is not JSON ({} bytes); ignored", length);
            return;
        }
        try {
            onMessage(message, nowMs);
        } catch (final RuntimeException e) {
            // a reply or notification we cannot interpret (e.g. a price off the tick grid): count it, log it once
            // per 1000, and go on; the order it concerns is reconciled by label on its request time-out
            if (messageErrors++ % 1000 == 0) {
                LOG.error("Deribit message not understood ({} so far): {}", messageErrors, e.toString());
            }
        }
    }

    private void onMessage(final JsonNode message, final long nowMs) {
        if (message.has("id") && (message.has("result") || message.has("error"))) {
            final Request request = inFlight.remove(message.get("id").asLong());
            if (request != null) {
                onReply(request, message, nowMs);
            }
            return;
        }
        final String method = message.path("method").asText("");
        if ("heartbeat".equals(method)) {
            if ("test_request".equals(message.path("params").path("type").asText())) {
                outbox.addFirst(requests.test());
            }
            return;
        }
        if ("subscription".equals(method)) {
            final String channel = message.path("params").path("channel").asText("");
            final JsonNode data = message.path("params").path("data");
            if (channel.startsWith("user.orders.")) {
                if (data.isArray()) {
                    for (final JsonNode order : data) {
                        orders.onOrder(order, null, false, nowMs);
                    }
                } else {
                    orders.onOrder(data, null, false, nowMs);
                }
            } else if (channel.startsWith("user.trades.")) {
                for (final JsonNode trade : data) {
                    orders.onTrade(trade, nowMs);
                }
            }
        }
    }

    private void onReply(final Request request, final JsonNode reply, final long nowMs) {
        final JsonNode error = reply.get("error");
        if (error != null) {
            onError(request, error.path("code").asInt(), error.path("message").asText(""), nowMs);
            return;
        }
        final JsonNode result = reply.get("result");
        switch (request.kind) {
            case AUTH, REFRESH -> {
                refreshToken = result.path("refresh_token").asText(null);
                final long expiresMs = result.path("expires_in").asLong(0) * 1000L;
                refreshAtMs = nowMs + Math.max(1_000L, expiresMs - config.tokenRefreshMarginMs());
                refreshing = false;
                if (request.kind == Request.Kind.AUTH && phase == Phase.AUTHENTICATING) {
                    phase = Phase.SUBSCRIBING;
                    outbox.add(requests.setHeartbeat(config.heartbeatIntervalSeconds()));
                    outbox.add(requests.subscribe(allChannels(), Request.Kind.SUBSCRIBE));
                    books.onSubscribed(nowMs);
                }
            }
            case SUBSCRIBE -> {
                if (result.size() < allChannels().size()) {
                    LOG.warn("Deribit subscribed only {} of the channels asked: {}", result, allChannels());
                }
                startReconciliation(nowMs);
            }
            case PLACE, EDIT -> orders.onOrder(result.path("order"), result.path("trades"), false, nowMs);
            case CANCEL -> {
                if (result.isObject()) {
                    orders.onOrder(result, null, false, nowMs);
                } else if (result.asInt(0) == 0 && request.order != null && !request.order.terminal) {
                    orders.onRefused(request.order, ExecType.CANCEL_REJECTED, RejectReason.ORDER_NOT_OPEN,
                        "no open order labelled " + request.order.label(), nowMs);
                }
            }
            case LABEL_QUERY -> onLabelQuery(request, result, nowMs);
            case ORDER_STATE -> orders.onOrder(result, null, true, nowMs);
            case OPEN_ORDERS, ACCOUNT_SUMMARY, POSITIONS -> ((Requests.Aggregate) request.aggregate)
                .onResult(request, result, nowMs);
            default -> {
            }
        }
        if (request.reconcile) {
            reconcileDone(nowMs);
        }
    }

    private void onLabelQuery(final Request request, final JsonNode result, final long nowMs) {
        final OrderTracker.Tracked order = request.order;
        if (result.isArray() && !result.isEmpty()) {
            for (final JsonNode found : result) {
                orders.onOrder(found, null, true, nowMs);
            }
            return;
        }
        if (order.terminal) {
            return;
        }
        if (order.venueOrderId != null) {
            // not open any more: ask its final state by id
            final Request state = requests.orderState(order);
            state.reconcile = request.reconcile;
            if (state.reconcile) {
                reconcileOutstanding++;
            }
            outbox.add(state);
            return;
        }
        // no reply, no notification, no order of that label open or closed: the venue never booked it
        orders.onNotPlaced(order, "no reply and no order labelled " + order.label()
            + " on Deribit: not placed (send again as the next attempt)", nowMs);
    }

    private void onError(final Request request, final int code, final String message, final long nowMs) {
        final RejectReason reason = DeribitError.classify(code, message);
        switch (request.kind) {
            case AUTH -> {
                authFailure = new AuthFailure(code, DeribitError.forCode(code), reason, message);
                LOG.error("Deribit refused authentication for client {}: {} {} ({})",
                    config.credentials().clientId(), code, message, reason);
                phase = Phase.DOWN;
                tracker.onDown(nowMs, "authentication refused: " + code + " " + message + " (" + reason + ")");
                socket.disconnect();
                generation++;
            }
            case REFRESH -> {
                refreshing = false;
                refreshToken = null;
                outbox.addFirst(requests.auth(signer, nowMs, random)); // refresh token refused: sign in again
            }
            case PLACE -> orders.onRefused(request.order, ExecType.REJECTED, reason, code + " " + message, nowMs);
            case CANCEL -> orders.onRefused(request.order, ExecType.CANCEL_REJECTED, reason, code + " " + message, nowMs);
            case EDIT -> orders.onRefused(request.order, ExecType.AMEND_REJECTED, reason, code + " " + message, nowMs);
            case OPEN_ORDERS, ACCOUNT_SUMMARY, POSITIONS, CANCEL_ALL, TEST, LABEL_QUERY, ORDER_STATE,
                 RESUBSCRIBE, UNSUBSCRIBE -> {
                LOG.warn("Deribit refused {}: {} {} ({})", request.method, code, message, reason);
                if (request.aggregate instanceof Requests.Aggregate aggregate) {
                    aggregate.fail();
                }
            }
            default -> {
                drop(nowMs, request.method + " refused: " + code + " " + message);
                return;
            }
        }
        if (code == TOO_MANY_REQUESTS) {
            outbox.drain(nowMs); // the venue's view of our credits is authoritative (it also closes the session)
        }
        if (request.reconcile && phase == Phase.RECONCILING) {
            reconcileDone(nowMs);
        }
    }

    private void startReconciliation(final long nowMs) {
        phase = Phase.RECONCILING;
        reconcileOutstanding = 0;
        for (final OrderTracker.Tracked order : orders.all()) {
            if (!order.terminal && order.sent) { // orders still waiting in the outbox go out after this
                final Request query = order.venueOrderId != null ? requests.orderState(order)
                    : requests.labelQuery(order, true);
                query.reconcile = true;
                reconcileOutstanding++;
                outbox.add(query);
            }
        }
        for (final Request request : requests.account(true)) {
            reconcileOutstanding++;
            outbox.add(request);
        }
        reconcileDone(nowMs, 0);
    }

    private void reconcileDone(final long nowMs) {
        reconcileDone(nowMs, 1);
    }

    private void reconcileDone(final long nowMs, final int answered) {
        reconcileOutstanding -= answered;
        if (phase == Phase.RECONCILING && reconcileOutstanding <= 0) {
            phase = Phase.LIVE;
            backoff.reset();
            tracker.onLive(nowMs);
        }
    }

    private List<String> allChannels() {
        final List<String> channels = new ArrayList<>(books.channels());
        for (final String name : config.tickerChannels()) {
            channels.add("ticker." + name + ".100ms");
        }
        for (final String currency : config.accountCurrencies()) {
            channels.add("user.orders.any." + currency + ".raw");
            channels.add("user.trades.any." + currency + ".raw");
        }
        return channels;
    }

    private LivenessDetector newLiveness(final long nowMs) {
        return new LivenessDetector(config.heartbeatIntervalSeconds() * 1_000_000_000L,
            config.livenessTimeoutMs() * 1_000_000L, nowMs * 1_000_000L);
    }

    private boolean isConnected() {
        return phase == Phase.CONNECTING || phase == Phase.AUTHENTICATING || phase == Phase.SUBSCRIBING
            || phase == Phase.RECONCILING || phase == Phase.LIVE;
    }

    /** The I/O-to-session hand-over ring (tests and benchmarks feed it as the I/O thread would). */
    InboundFrames inbound() {
        return inbound;
    }

    VenueListener venueListener() {
        return venueListener;
    }

    InstrumentRegistry registry() {
        return registry;
    }

    /** The connection state consumers see (readable from any thread). */
    public ConnectionState connectionState() {
        return connectionState;
    }

    /** The session's phase (session thread). */
    public Phase phase() {
        return phase;
    }

    /** The book of an instrument index; check its {@link L2Book#state()} before use. */
    public L2Book book(final int instrumentIndex) {
        return books.book(instrumentIndex);
    }

    /** Why authentication was refused, or null. */
    public AuthFailure authFailure() {
        return authFailure;
    }

    /** Reconnects so far. */
    public long reconnects() {
        return reconnects;
    }

    /** Requests whose reply did not come within the request time-out. */
    public long lostReplies() {
        return lostReplies;
    }

    /** Replies and notifications that could not be interpreted (logged, skipped). */
    public long messageErrors() {
        return messageErrors;
    }

    /** Frames the market-data decoder dropped, by kind. */
    public FrameErrorCounters frameErrors() {
        return books.errors();
    }

    /** Stops the session: closes the connection, publishes DOWN (at the time of the last poll). */
    @Override
    public void close() {
        close(lastPollMs);
    }

    /** Stops the session at {@code nowMs} of the injected clock. */
    public void close(final long nowMs) {
        phase = Phase.DOWN;
        generation++;
        socket.close();
        tracker.onDown(nowMs, "session closed");
    }
}
