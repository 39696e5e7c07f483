package io.deltahedger.venues.simulator.rpc;

import io.deltahedger.venues.session.CreditLimiter;
import io.netty.buffer.ByteBuf;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One client conversation: a WebSocket connection, or a single HTTP request. Holds what Deribit keeps per session:
 * the authenticated owner, subscriptions, heartbeat state, cancel-on-disconnect. Owned by the exchange thread; the
 * transport methods may be called only from it.
 */
public abstract class Session
{
    /** Owner id of a session that has not authenticated. */
    public static final long ANONYMOUS = -1;

    private static final java.util.concurrent.atomic.AtomicLong NEXT_ID = new java.util.concurrent.atomic.AtomicLong(1);

    private final long id = NEXT_ID.getAndIncrement();
    private final CreditLimiter nonMatchingCredits;
    private final CreditLimiter matchingCredits;
    private final Set<String> channels = new LinkedHashSet<>();
    private long ownerId = ANONYMOUS;
    private long tokenExpiryMs = Long.MAX_VALUE;
    private long heartbeatIntervalMs;
    private long nextHeartbeatMs;
    private boolean awaitingTestReply;
    private boolean cancelOnDisconnect;
    private boolean closed;
    /** A book notification held back by the reorder fault, sent after the next one. */
    private ByteBuf heldBookMessage;

    protected Session(final CreditLimiter nonMatchingCredits, final CreditLimiter matchingCredits)
    {
        this.nonMatchingCredits = nonMatchingCredits;
        this.matchingCredits = matchingCredits;
    }

    /** Writes one JSON text message; the buffer's ownership passes to the transport. */
    public abstract void send(ByteBuf json, boolean isError, int errorCode);

    /** Flushes what {@link #send} queued. */
    public abstract void flush();

    /** Closes the connection (after what is queued). */
    public abstract void close();

    public abstract boolean isWebSocket();

    public boolean isClosed()
    {
        return closed;
    }

    protected void markClosed()
    {
        closed = true;
        if (heldBookMessage != null)
        {
            heldBookMessage.release();
            heldBookMessage = null;
        }
    }

    /** Unique id of this connection (or HTTP request), > 0. */
    public long id()
    {
        return id;
    }

    /**
     * Holds a book notification back (reorder fault); the session owns the buffer until {@link #takeHeldBookMessage}.
     */
    public void holdBookMessage(final ByteBuf message)
    {
        if (heldBookMessage != null)
        {
            heldBookMessage.release();
        }
        heldBookMessage = message;
    }

    /**
     * @return the held-back book notification (ownership passes to the caller), or null.
     */
    public ByteBuf takeHeldBookMessage()
    {
        final ByteBuf held = heldBookMessage;
        heldBookMessage = null;
        return held;
    }

    public long ownerId()
    {
        return ownerId;
    }

    public boolean isAuthenticated(final long nowMs)
    {
        return ownerId != ANONYMOUS && nowMs < tokenExpiryMs;
    }

    public void authenticate(final long newOwnerId, final long expiryMs)
    {
        this.ownerId = newOwnerId;
        this.tokenExpiryMs = expiryMs;
    }

    public CreditLimiter nonMatchingCredits()
    {
        return nonMatchingCredits;
    }

    public CreditLimiter matchingCredits()
    {
        return matchingCredits;
    }

    public Set<String> channels()
    {
        return channels;
    }

    public long heartbeatIntervalMs()
    {
        return heartbeatIntervalMs;
    }

    public void heartbeat(final long intervalMs, final long nowMs)
    {
        this.heartbeatIntervalMs = intervalMs;
        this.nextHeartbeatMs = nowMs + intervalMs;
        this.awaitingTestReply = false;
    }

    public long nextHeartbeatMs()
    {
        return nextHeartbeatMs;
    }

    public void scheduleNextHeartbeat(final long nowMs)
    {
        nextHeartbeatMs = nowMs + heartbeatIntervalMs;
    }

    public boolean awaitingTestReply()
    {
        return awaitingTestReply;
    }

    public void awaitingTestReply(final boolean awaiting)
    {
        this.awaitingTestReply = awaiting;
    }

    public boolean cancelOnDisconnect()
    {
        return cancelOnDisconnect;
    }

    public void cancelOnDisconnect(final boolean enabled)
    {
        this.cancelOnDisconnect = enabled;
    }
}
