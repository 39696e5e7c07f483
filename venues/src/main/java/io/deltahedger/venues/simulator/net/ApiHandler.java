package io.deltahedger.venues.simulator.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.session.CreditLimiter;
import io.deltahedger.venues.simulator.auth.RateLimits;
import io.deltahedger.venues.simulator.rpc.RpcDispatcher;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The last handler of every connection: WebSocket text frames go to the dispatcher as JSON-RPC requests; plain HTTP
 * requests to {@code /api/v2/{method}} (GET with query parameters, POST with a JSON-RPC body) go to it as well.
 * Runs on the exchange thread (the single worker event loop), so it calls the dispatcher directly.
 */
final class ApiHandler extends SimpleChannelInboundHandler<Object>
{
    static final String HTTP_PREFIX = "/api/v2";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiHandler.class);

    private final ObjectMapper mapper = new ObjectMapper();
    private final RpcDispatcher dispatcher;
    private final RateLimits rateLimits;
    private final EpochClock clock;
    private final SessionListener listener;
    private WebSocketSession webSocket;
    private CreditLimiter httpNonMatching;
    private CreditLimiter httpMatching;

    ApiHandler(final RpcDispatcher dispatcher, final RateLimits rateLimits, final EpochClock clock,
        final SessionListener listener)
    {
        this.dispatcher = dispatcher;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.listener = listener;
    }

    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            final long now = clock.epochMs();
            webSocket = new WebSocketSession(ctx.channel(),
                rateLimits.newNonMatchingPool(now),
                rateLimits.newMatchingPool(now));
            listener.onOpened(webSocket);
        }
        super.userEventTriggered(ctx, event);
    }

    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (webSocket != null)
        {
            webSocket.onChannelClosed();
            listener.onClosed(webSocket);
            webSocket = null;
        }
        super.channelInactive(ctx);
    }

    protected void channelRead0(final ChannelHandlerContext ctx, final Object msg)
    {
        if (msg instanceof TextWebSocketFrame frame)
        {
            if (webSocket != null)
            {
                dispatcher.onWebSocketText(webSocket, frame.text());
            }
        }
        else if (msg instanceof WebSocketFrame)
        {
            // Binary and continuation frames carry nothing in Deribit's protocol; pings are answered by Netty.
            return;
        }
        else if (msg instanceof FullHttpRequest request)
        {
            onHttp(ctx, request);
        }
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // Malformed frames and resets land here; the connection is lost either way, so log at debug and close.
        LOG.debug("closing {} after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void onHttp(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        final QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        final String path = decoder.path();
        if (!path.equals(HTTP_PREFIX) && !path.startsWith(HTTP_PREFIX + "/"))
        {
            plain(ctx, HttpResponseStatus.NOT_FOUND, "no such path " + path + "; the API is at " + HTTP_PREFIX
                + "/{method} and the WebSocket at /ws/api/v2\n");
            return;
        }
        final String pathMethod = path.length() > HTTP_PREFIX.length() + 1 ? path.substring(HTTP_PREFIX.length() + 1) : null;
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        final long now = clock.epochMs();
        if (httpNonMatching == null)
        {
            // Anonymous HTTP requests on one connection share its pools (authenticated ones use the key's pools).
            httpNonMatching = rateLimits.newNonMatchingPool(now);
            httpMatching = rateLimits.newMatchingPool(now);
        }
        final HttpSession session = new HttpSession(ctx, keepAlive, httpNonMatching, httpMatching);
        final String body = request.content().toString(StandardCharsets.UTF_8);
        final RpcDispatcher.HttpAuth auth = new RpcDispatcher.HttpAuth(
            request.headers().get(HttpHeaderNames.AUTHORIZATION), request.method().name(), request.uri(), body);
        if (HttpMethod.GET.equals(request.method()))
        {
            final ObjectNode params = JsonNodeFactory.instance.objectNode();
            for (final Map.Entry<String, List<String>> entry : decoder.parameters().entrySet())
            {
                params.put(entry.getKey(), entry.getValue().get(entry.getValue().size() - 1));
            }
            dispatcher.onHttpRequest(session, null, pathMethod, params, auth);
        }
        else if (HttpMethod.POST.equals(request.method()))
        {
            final JsonNode envelope;
            try
            {
                envelope = body.isBlank() ? JsonNodeFactory.instance.objectNode() : mapper.readTree(body);
            }
            catch (final Exception ex)
            {
                plain(ctx, HttpResponseStatus.BAD_REQUEST, "POST body must be a JSON-RPC request: " + ex.getMessage() + "\n");
                return;
            }
            final JsonNode id = envelope.get("id");
            final JsonNode bodyMethod = envelope.get("method");
            final String method = bodyMethod != null && bodyMethod.isTextual() ? bodyMethod.textValue() : pathMethod;
            if (pathMethod != null && bodyMethod != null && !pathMethod.equals(method))
            {
                plain(ctx, HttpResponseStatus.BAD_REQUEST, "path method " + pathMethod + " and body method " + method
                    + " disagree\n");
                return;
            }
            dispatcher.onHttpRequest(session, id == null || id.isNull() ? null : id.toString(), method,
                envelope.get("params"), auth);
        }
        else
        {
            plain(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "use GET or POST\n");
        }
    }

    private static void plain(final ChannelHandlerContext ctx, final HttpResponseStatus status, final String text)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
            Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
