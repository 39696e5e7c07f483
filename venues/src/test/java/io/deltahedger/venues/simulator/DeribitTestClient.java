package io.deltahedger.venues.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Deribit client as an outside program would write it: the JDK's own WebSocket client speaking JSON-RPC. Replies
 * are matched by id; notifications (subscriptions, heartbeats) are queued separately.
 */
final class DeribitTestClient implements AutoCloseable
{
    static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_MS = 5_000;

    private final WebSocket webSocket;
    private final BlockingQueue<JsonNode> replies = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final List<JsonNode> pendingReplies = new ArrayList<>();

    DeribitTestClient(final URI uri)
    {
        this.webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .join();
    }

    private final class Listener implements WebSocket.Listener
    {
        private final StringBuilder partial = new StringBuilder();

        public CompletionStage<?> onText(final WebSocket ws, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                try
                {
                    final JsonNode message = JSON.readTree(partial.toString());
                    (message.has("id") || message.has("error") || message.has("result") ? replies : notifications).add(message);
                }
                catch (final Exception ex)
                {
                    notifications.add(JSON.createObjectNode().put("unparseable", partial.toString()));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        public CompletionStage<?> onClose(final WebSocket ws, final int statusCode, final String reason)
        {
            closed.complete(statusCode);
            return null;
        }

        public void onError(final WebSocket ws, final Throwable error)
        {
            closed.complete(-1);
        }
    }

    /** Sends a request and returns its id. */
    long send(final String method, final ObjectNode params)
    {
        final long id = nextId.getAndIncrement();
        final ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        request.set("params", params == null ? JSON.createObjectNode() : params);
        webSocket.sendText(request.toString(), true).join();
        return id;
    }

    /** Sends a request and waits for its reply envelope (result or error). */
    JsonNode call(final String method, final ObjectNode params)
    {
        return awaitReply(send(method, params), WAIT_MS);
    }

    /** Sends a request and returns its result, failing if the reply is an error. */
    JsonNode result(final String method, final ObjectNode params)
    {
        final JsonNode reply = call(method, params);
        if (!reply.has("result"))
        {
            throw new AssertionError(method + " failed: " + reply);
        }
        return reply.get("result");
    }

    JsonNode awaitReply(final long id, final long timeoutMs)
    {
        final JsonNode reply = pollReply(id, timeoutMs);
        if (reply == null)
        {
            throw new AssertionError("no reply to request " + id + " within " + timeoutMs + " ms");
        }
        return reply;
    }

    /** @return the reply or null if none came in time. */
    JsonNode pollReply(final long id, final long timeoutMs)
    {
        for (final JsonNode pending : pendingReplies)
        {
            if (pending.path("id").asLong(-1) == id)
            {
                pendingReplies.remove(pending);
                return pending;
            }
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            final long left = deadline - System.nanoTime();
            final JsonNode reply;
            try
            {
                reply = replies.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            if (reply == null)
            {
                return null;
            }
            if (reply.path("id").asLong(-1) == id)
            {
                return reply;
            }
            pendingReplies.add(reply);
        }
    }

    JsonNode authenticate(final String clientId, final String secret)
    {
        return result("public/auth", JSON.createObjectNode().put("grant_type", "client_credentials")
            .put("client_id", clientId).put("client_secret", secret));
    }

    /** Next notification on the channel (skipping others), or fails after the wait. */
    JsonNode nextOn(final String channel)
    {
        final JsonNode message = pollOn(channel, WAIT_MS);
        if (message == null)
        {
            throw new AssertionError("no notification on " + channel + " within " + WAIT_MS + " ms");
        }
        return message;
    }

    JsonNode pollOn(final String channel, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true)
        {
            final long left = deadline - System.nanoTime();
            final JsonNode message;
            try
            {
                message = notifications.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            if (message == null)
            {
                return null;
            }
            if (channel.equals(message.path("params").path("channel").asText())
                || channel.equals(message.path("method").asText()))
            {
                return message;
            }
        }
    }

    /** Drains every queued notification now. */
    List<JsonNode> drainNotifications()
    {
        final List<JsonNode> drained = new ArrayList<>();
        notifications.drainTo(drained);
        return drained;
    }

    /** @return the close status code once the server closed the connection, or null if still open after the wait. */
    Integer awaitClosed(final long timeoutMs)
    {
        try
        {
            return closed.get(timeoutMs, TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            return null;
        }
    }

    static ObjectNode params()
    {
        return JSON.createObjectNode();
    }

    public void close()
    {
        webSocket.abort();
    }
}
