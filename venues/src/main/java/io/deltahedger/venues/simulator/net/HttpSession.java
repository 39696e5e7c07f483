package io.deltahedger.venues.simulator.net;

import io.deltahedger.venues.session.CreditLimiter;
import io.deltahedger.venues.simulator.rpc.RpcError;
import io.deltahedger.venues.simulator.rpc.Session;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * One HTTP request to {@code /api/v2/{method}}: the reply is the JSON-RPC envelope as the response body, status 200
 * for a result, 429 for {@code too_many_requests} and 400 for any other error.
 */
final class HttpSession extends Session
{
    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private boolean replied;

    HttpSession(final ChannelHandlerContext ctx, final boolean keepAlive, final CreditLimiter nonMatching,
        final CreditLimiter matching)
    {
        super(nonMatching, matching);
        this.ctx = ctx;
        this.keepAlive = keepAlive;
    }

    public void send(final ByteBuf json, final boolean isError, final int errorCode)
    {
        if (replied || !ctx.channel().isActive())
        {
            json.release();
            return;
        }
        replied = true;
        final HttpResponseStatus status = !isError ? HttpResponseStatus.OK
            : errorCode == RpcError.TOO_MANY_REQUESTS ? HttpResponseStatus.TOO_MANY_REQUESTS : HttpResponseStatus.BAD_REQUEST;
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, json);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, json.readableBytes());
        if (keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
        markClosed();
    }

    public void flush()
    {
        ctx.flush();
    }

    public void close()
    {
        if (!replied)
        {
            replied = true;
            ctx.close();
        }
        markClosed();
    }

    public boolean isWebSocket()
    {
        return false;
    }
}
