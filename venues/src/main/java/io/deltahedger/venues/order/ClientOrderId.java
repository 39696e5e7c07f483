package io.deltahedger.venues.order;

/**
 * The client order id: the idempotency key of an order. Derived from the rebalancing group, the leg within it and
 * the attempt number, so a restarted agent that replays its journal computes the same id and finds the order it
 * already sent instead of sending it twice.
 *
 * <p>Text form {@code dh<group base36>-<leg>-<attempt>}, e.g. {@code dh2s-1-0}: at most 24 characters of
 * {@code [a-z0-9-]}, which fits Deribit's {@code label} (64), Binance's {@code newClientOrderId}
 * ({@code ^[.A-Z:/a-z0-9_-]{1,36}$}) and Bybit's {@code orderLinkId} (36). Hyperliquid wants a 16-byte cloid:
 * {@link #toCloid()} packs group (8 bytes), leg and attempt (4 each) into {@code 0x} + 32 hex digits.
 *
 * @param groupId the rebalancing group, unique per venue account over the account's lifetime (>= 0)
 * @param leg     the leg within the group, 0..999
 * @param attempt the attempt for that leg (a re-send after a reject or cancel is a new attempt), 0..9999
 */
public record ClientOrderId(long groupId, int leg, int attempt) {
    /** The longest {@link #text()} can be. */
    public static final int MAX_TEXT_LENGTH = 24;

    private static final String PREFIX = "dh";

    public ClientOrderId {
        if (groupId < 0) {
            throw new IllegalArgumentException("client order id groupId must be >= 0, got " + groupId);
        }
        if (leg < 0 || leg > 999) {
            throw new IllegalArgumentException("client order id leg must be 0..999, got " + leg);
        }
        if (attempt < 0 || attempt > 9999) {
            throw new IllegalArgumentException("client order id attempt must be 0..9999, got " + attempt
                + ": a leg retried this often should be stopped, not retried");
        }
    }

    /** The id of the next attempt of the same leg. */
    public ClientOrderId nextAttempt() {
        return new ClientOrderId(groupId, leg, attempt + 1);
    }

    /** The text form, see the class comment. */
    public String text() {
        return PREFIX + Long.toString(groupId, 36) + '-' + leg + '-' + attempt;
    }

    /** The Hyperliquid cloid form: {@code 0x} + 32 lower-case hex digits. */
    public String toCloid() {
        return String.format("0x%016x%08x%08x", groupId, leg, attempt);
    }

    /**
     * Parses {@link #text()} or {@link #toCloid()} output.
     *
     * @throws IllegalArgumentException naming the text if it is neither (e.g. an order placed by hand on the venue)
     */
    public static ClientOrderId parse(final String text) {
        try {
            if (text != null && text.startsWith("0x") && text.length() == 34) {
                return new ClientOrderId(Long.parseUnsignedLong(text.substring(2, 18), 16),
                    Integer.parseUnsignedInt(text.substring(18, 26), 16), Integer.parseUnsignedInt(text.substring(26), 16));
            }
            if (text != null && text.startsWith(PREFIX) && text.length() <= MAX_TEXT_LENGTH) {
                final int first = text.indexOf('-');
                final int second = text.indexOf('-', first + 1);
                if (first > PREFIX.length() && second > first + 1 && text.indexOf('-', second + 1) < 0) {
                    return new ClientOrderId(Long.parseLong(text.substring(PREFIX.length(), first), 36),
                        Integer.parseInt(text.substring(first + 1, second)), Integer.parseInt(text.substring(second + 1)));
                }
            }
        } catch (final NumberFormatException e) {
            // fall through to the explanation below
        }
        throw new IllegalArgumentException("'" + text + "' is not a deltahedger client order id (dh<group>-<leg>-<attempt>"
            + " or a 0x cloid); orders not placed by the agent have none");
    }

    /**
     * Like {@link #parse} but returns null for foreign ids, for venue replies that may carry orders placed by hand.
     */
    public static ClientOrderId parseOrNull(final String text) {
        try {
            return parse(text);
        } catch (final IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text();
    }
}
