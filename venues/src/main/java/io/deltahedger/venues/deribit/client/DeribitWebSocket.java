package io.deltahedger.venues.deribit.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The Netty side of a Deribit session: one WebSocket connection at a time to {@code ws://} or {@code wss://}
 * {@code host:port/ws/api/v2}. The I/O thread only copies frames into {@link InboundFrames} and never runs session
 * logic; {@link #send} may be called from the session thread (Netty hands the write to its event loop).
 *
 * <p>{@code wss://} runs TLS with SNI and HTTPS host-name verification, trusting the JDK's trust store or the PEM
 * file the configuration names; a certificate that does not verify fails the connection like any other connect
 * error. Not thread-safe except where stated.
 */
final class DeribitWebSocket implements AutoCloseable {
    /** Largest frame accepted (a full raw book snapshot of BTC-PERPETUAL is ~100 KiB). */
    static final int MAX_FRAME_BYTES = 1024 * 1024;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final InboundFrames inbound;
    /** For wss:// endpoints, built once: TLS contexts are expensive. Null for ws://. */
    private final SslContext tls;
    private volatile Channel channel;
    /** Set by the I/O thread when it could not queue a CLOSED frame (ring full); the session checks it. */
    private volatile int closedWithoutFrame = -1;

    /**
     * @throws IllegalArgumentException naming the file when {@code trustedCertificates} is not a PEM file of
     *                                  certificates (checked here, at start-up, not at the first connect).
     */
    DeribitWebSocket(final InboundFrames inbound, final URI uri, final Path trustedCertificates) {
        this.inbound = inbound;
        this.tls = "wss".equals(uri.getScheme()) ? newTlsContext(trustedCertificates) : null;
    }

    /**
     * Starts connecting (asynchronous). The outcome arrives as an OPENED or CLOSED frame tagged with
     * {@code generation}.
     */
    void connect(final URI uri, final int generation, final int connectTimeoutMs) {
        final boolean secure = "wss".equals(uri.getScheme());
        final int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        final SslContext tlsContext = secure ? tls : null;
        final Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs)
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(final SocketChannel ch) {
                    if (tlsContext != null) {
                        ch.pipeline().addLast(verifyingHandler(tlsContext, ch, uri.getHost(), port));
                    }
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65_536),
                        new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(uri,
                            WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), MAX_FRAME_BYTES)),
                        new FrameHandler(generation));
                }
            });
        final ChannelFuture future = bootstrap.connect(uri.getHost(), port);
        channel = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess()) {
                publishClosed(generation, "connect to " + uri + " failed: " + f.cause());
            }
        });
    }

    private static SslContext newTlsContext(final Path trustedCertificates) {
        try {
            final SslContextBuilder builder = SslContextBuilder.forClient();
            if (trustedCertificates != null) {
                builder.trustManager(trustedCertificates.toFile());
            }
            return builder.build();
        } catch (final SSLException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("cannot set up TLS with trustedCertificates=" + trustedCertificates
                + " (" + ex.getMessage() + "): give a PEM file of the CA certificates to trust, or none for the "
                + "JDK's trust store", ex);
        }
    }

    /** A TLS handler with SNI for {@code host} that also checks the certificate names {@code host} (HTTPS rules). */
    private static SslHandler verifyingHandler(final SslContext context, final SocketChannel ch, final String host,
                                               final int port) {
        final SslHandler handler = context.newHandler(ch.alloc(), host, port);
        final SSLParameters parameters = handler.engine().getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        handler.engine().setSSLParameters(parameters);
        return handler;
    }

    /** Sends one JSON text frame; false if there is no open connection. Callable from the session thread. */
    boolean send(final String json) {
        final Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return false;
        }
        ch.writeAndFlush(new TextWebSocketFrame(json));
        return true;
    }

    /** Closes the current connection, if any; a CLOSED frame follows. */
    void disconnect() {
        final Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /** The generation whose CLOSED frame could not be queued, or -1. */
    int closedWithoutFrame() {
        return closedWithoutFrame;
    }

    @Override
    public void close() {
        disconnect();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void publishClosed(final int generation, final String reason) {
        final byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        final int offset = inbound.claim(text.length);
        if (offset < 0) {
            closedWithoutFrame = generation;
            return;
        }
        System.arraycopy(text, 0, inbound.array(), offset, text.length);
        inbound.publish(InboundFrames.Kind.CLOSED, generation, text.length);
    }

    /** I/O thread: copies frames into the ring. */
    private final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final int generation;
        private boolean closedPublished;

        FrameHandler(final int generation) {
            this.generation = generation;
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                if (inbound.claim(0) < 0) {
                    ctx.close();
                    return;
                }
                inbound.publish(InboundFrames.Kind.OPENED, generation, 0);
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame msg) {
            if (!(msg instanceof TextWebSocketFrame)) {
                return; // pings are answered by the protocol handler; Deribit sends no binary frames
            }
            final ByteBuf content = msg.content();
            final int length = content.readableBytes();
            final int offset = inbound.claim(length);
            if (offset < 0) {
                // the session thread is not keeping up: dropping a frame would corrupt state, so drop the connection
                closeOnce("inbound queue full (session thread not polling fast enough); reconnecting to resync");
                ctx.close();
                return;
            }
            content.getBytes(content.readerIndex(), inbound.array(), offset, length);
            inbound.publish(InboundFrames.Kind.TEXT, generation, length);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception {
            closeOnce("connection closed by the peer or the network");
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
            closeOnce("connection error: " + cause);
            ctx.close();
        }

        private void closeOnce(final String reason) {
            if (!closedPublished) {
                closedPublished = true;
                publishClosed(generation, reason);
            }
        }
    }

}
