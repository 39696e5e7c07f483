package io.deltahedger.venues.deribit.client;

/**
 * The client's own copy of Deribit's credit-based limits (venues.md 1.9), enforced with
 * {@link io.deltahedger.venues.session.CreditLimiter}s before anything is sent, so the venue never answers
 * {@code 10028 too_many_requests} (which also ends the session). Two pools, as Deribit has: the matching engine
 * (buy, sell, edit, cancel*) and everything else (subscriptions cost more).
 *
 * @param nonMatchingCost            credits per non-matching request
 * @param nonMatchingPool            non-matching pool size
 * @param nonMatchingRefillPerSecond non-matching refill, credits per second
 * @param subscribeCost              credits per subscribe request (non-matching pool)
 * @param matchingCost               credits per matching-engine request
 * @param matchingPool               matching-engine pool size
 * @param matchingRefillPerSecond    matching-engine refill, credits per second
 */
public record ClientRateLimits(long nonMatchingCost, long nonMatchingPool, long nonMatchingRefillPerSecond,
                               long subscribeCost, long matchingCost, long matchingPool,
                               long matchingRefillPerSecond) {
    public ClientRateLimits {
        check("nonMatchingCost", nonMatchingCost, nonMatchingPool);
        check("subscribeCost", subscribeCost, nonMatchingPool);
        check("matchingCost", matchingCost, matchingPool);
        if (nonMatchingRefillPerSecond <= 0 || matchingRefillPerSecond <= 0) {
            throw new IllegalArgumentException("refill rates must be > 0 credits/s, got non-matching "
                + nonMatchingRefillPerSecond + ", matching " + matchingRefillPerSecond);
        }
    }

    private static void check(final String name, final long cost, final long pool) {
        if (cost <= 0 || cost > pool) {
            throw new IllegalArgumentException(name + " must be in (0, pool=" + pool + "], got " + cost
                + "; use the account's limits from Deribit (venues.md 1.9)");
        }
    }

    /**
     * Deribit's published defaults: non-matching 500 a request from 50,000 refilled at 10,000/s, subscribe 3,000;
     * matching engine 1,000 a request from 20,000 refilled at 5,000/s.
     */
    public static ClientRateLimits deribitDefaults() {
        return new ClientRateLimits(500, 50_000, 10_000, 3_000, 1_000, 20_000, 5_000);
    }
}
