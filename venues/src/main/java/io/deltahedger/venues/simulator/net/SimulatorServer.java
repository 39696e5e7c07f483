package io.deltahedger.venues.simulator.net;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.simulator.auth.RateLimits;
import io.deltahedger.venues.simulator.rpc.RpcDispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The Netty side: one acceptor thread and ONE worker event loop, which is the exchange thread. Every connection is
 * registered on it, so the dispatcher, the engine and the feed are touched by that thread only.
 *
 * <p>Pipeline per connection: HTTP codec, aggregator (1 MiB), WebSocket upgrade at {@code /ws/api/v2} (other paths
 * fall through), then {@link ApiHandler}.
 */
public final class SimulatorServer implements AutoCloseable
{
    public static final String WEBSOCKET_PATH = "/ws/api/v2";
    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup exchange = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private Channel serverChannel;

    /** The exchange thread: submit work here to touch simulator state. */
    public EventLoop exchangeLoop()
    {
        return exchange.next();
    }

    /**
     * Binds and starts accepting.
     *
     * @param dispatcher created on demand after the exchange loop exists.
     * @return the bound address (the real port when 0 was asked for).
     */
    public InetSocketAddress bind(final String host, final int port, final Supplier<RpcDispatcher> dispatcher,
        final RateLimits rateLimits, final EpochClock clock, final SessionListener listener)
        throws InterruptedException
    {
        final RpcDispatcher rpc = dispatcher.get();
        final WebSocketServerProtocolConfig webSocketConfig = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(WEBSOCKET_PATH)
            .checkStartsWith(false)
            .maxFramePayloadLength(MAX_MESSAGE_BYTES)
            .handshakeTimeoutMillis(10_000)
            .build();
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(acceptor, exchange)
            .channel(NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                protected void initChannel(final SocketChannel channel)
                {
                    final ChannelPipeline pipeline = channel.pipeline();
                    pipeline.addLast(new HttpServerCodec());
                    pipeline.addLast(new HttpObjectAggregator(MAX_MESSAGE_BYTES));
                    pipeline.addLast(new WebSocketServerProtocolHandler(webSocketConfig));
                    pipeline.addLast(new ApiHandler(rpc, rateLimits, clock, listener));
                }
            });
        serverChannel = bootstrap.bind(host, port).sync().channel();
        return (InetSocketAddress)serverChannel.localAddress();
    }

    public void close()
    {
        if (serverChannel != null)
        {
            serverChannel.close().syncUninterruptibly();
        }
        acceptor.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        exchange.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
