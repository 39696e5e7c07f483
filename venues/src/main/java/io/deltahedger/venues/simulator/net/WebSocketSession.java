package io.deltahedger.venues.simulator.net;

import io.deltahedger.venues.session.CreditLimiter;
import io.deltahedger.venues.simulator.rpc.Session;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * A WebSocket connection at {@code /ws/api/v2}: every message is one text frame. Writes are queued on the channel
 * and flushed once per event, so a burst of notifications costs one syscall.
 */
final class WebSocketSession extends Session
{
    private final Channel channel;

    WebSocketSession(final Channel channel, final CreditLimiter nonMatching, final CreditLimiter matching)
    {
        super(nonMatching, matching);
        this.channel = channel;
    }

    public void send(final ByteBuf json, final boolean isError, final int errorCode)
    {
        if (isClosed() || !channel.isActive())
        {
            json.release();
            return;
        }
        channel.write(new TextWebSocketFrame(json), channel.voidPromise());
    }

    public void flush()
    {
        if (!isClosed())
        {
            channel.flush();
        }
    }

    public void close()
    {
        if (!isClosed())
        {
            markClosed();
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "closed by server")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    void onChannelClosed()
    {
        markClosed();
    }

    public boolean isWebSocket()
    {
        return true;
    }
}
