package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.session.CreditLimiter;

import java.util.ArrayDeque;

/**
 * Requests waiting for credits: two FIFO queues, one per Deribit credit pool, each drained only while its
 * {@link CreditLimiter} grants the request's cost. This is the client-side back-pressure that keeps the session under
 * the venue's limits: a request that does not fit now waits for a later duty cycle instead of drawing
 * {@code 10028 too_many_requests} (which would also end the session). Session thread only.
 */
final class Outbox {
    private final ClientRateLimits limits;
    private final ArrayDeque<Request> control = new ArrayDeque<>();
    private final ArrayDeque<Request> trading = new ArrayDeque<>();
    private final CreditLimiter nonMatching;
    private final CreditLimiter matching;

    Outbox(final ClientRateLimits limits, final long nowMs) {
        this.limits = limits;
        // one pair of pools for the session's lifetime: Deribit keeps an account's credits across connections
        nonMatching = new CreditLimiter(limits.nonMatchingPool(), limits.nonMatchingRefillPerSecond(), nowMs * 1_000_000L);
        matching = new CreditLimiter(limits.matchingPool(), limits.matchingRefillPerSecond(), nowMs * 1_000_000L);
    }

    void add(final Request request) {
        (request.matching ? trading : control).addLast(request);
    }

    /** Jumps the queue (answers to the venue's test_request must not wait behind a burst). */
    void addFirst(final Request request) {
        (request.matching ? trading : control).addFirst(request);
    }

    /** The next control request whose credits are available now (taken from the pool), or null. */
    Request pollControl(final long nowMs) {
        return poll(control, nonMatching, nowMs, false);
    }

    /** The next trading request whose credits are available now (taken from the pool), or null. */
    Request pollTrading(final long nowMs) {
        return poll(trading, matching, nowMs, true);
    }

    private Request poll(final ArrayDeque<Request> queue, final CreditLimiter pool, final long nowMs,
                         final boolean matchingPool) {
        final Request head = queue.peekFirst();
        if (head == null) {
            return null;
        }
        final long cost = matchingPool ? limits.matchingCost()
            : head.isSubscribe() ? limits.subscribeCost() : limits.nonMatchingCost();
        if (!pool.tryAcquire(cost, nowMs * 1_000_000L)) {
            return null;
        }
        return queue.pollFirst();
    }

    /** Drops queued control requests (they belong to a connection that is gone and are re-made on reconnect). */
    void clearControl() {
        control.clear();
    }

    int tradingQueued() {
        return trading.size();
    }

    int controlQueued() {
        return control.size();
    }

    /** Empties both pools, e.g. after the venue said too_many_requests: its view of our credits is authoritative. */
    void drain(final long nowMs) {
        nonMatching.drain(nowMs * 1_000_000L);
        matching.drain(nowMs * 1_000_000L);
    }
}
