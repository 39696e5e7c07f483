package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code wss://}: the client against the simulator behind a TLS-terminating relay on loopback, as a venue gateway
 * behind a TLS front end. The relay's certificates are made by the JDK's own keytool for each run.
 */
class DeribitTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;
    private static SslContext localhostTls;
    private static Path localhostCa;
    private static SslContext otherHostTls;
    private static Path otherHostCa;

    @BeforeAll
    static void makeCertificates() throws Exception {
        localhostTls = serverTls("localhost", "dns:localhost,ip:127.0.0.1");
        localhostCa = dir.resolve("localhost.pem");
        otherHostTls = serverTls("other", "dns:venue.example");
        otherHostCa = dir.resolve("other.pem");
    }

    @Test
    @Timeout(30)
    void goesLiveOverTlsWhenTheGatewayCertificateIsTrusted() throws Exception {
        final List<TlsRelay> relays = new ArrayList<>();
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> {
            final TlsRelay relay = new TlsRelay(localhostTls, c.uri().getPort());
            relays.add(relay);
            return c.withEndpoint(URI.create("wss://localhost:" + relay.port() + "/ws/api/v2"), localhostCa);
        })) {
            h.start();
            h.awaitLive();
            h.pollUntil("first book snapshot over TLS", () -> h.snapshotsPublished > 0, 5_000);
            assertEquals(BookState.VALID, h.session.book(h.perpetualIndex).state());
            assertNull(h.session.authFailure());
            assertTrue(relays.get(0).bytesRelayed() > 0, "the traffic went through the TLS relay");
        } finally {
            relays.forEach(TlsRelay::close);
        }
    }

    @Test
    @Timeout(30)
    void neverGoesLiveWithACertificateItDoesNotTrust() throws Exception {
        assertNeverLive(localhostTls, null); // a self-made certificate is not in the JDK's trust store
    }

    @Test
    @Timeout(30)
    void neverGoesLiveWhenTheCertificateNamesAnotherHost() throws Exception {
        assertNeverLive(otherHostTls, otherHostCa); // trusted CA, but issued for venue.example, not localhost
    }

    @Test
    void aTrustFileThatIsNotPemIsRefusedAtStartUp() throws Exception {
        final Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new DeribitWebSocket(new InboundFrames(4096), URI.create("wss://localhost:1/ws/api/v2"), notPem));
        assertTrue(e.getMessage().contains("not.pem") && e.getMessage().contains("PEM"), e.getMessage());
    }

    @Test
    void trustFileOnlyAppliesToWss() {
        final DeribitClientConfig plain = DeribitClientConfig.defaults(URI.create("ws://localhost:1/ws/api/v2"),
            new io.deltahedger.venues.deribit.DeribitCredentials("id", "secret"), List.of(), List.of());
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> plain.withEndpoint(URI.create("ws://localhost:1/ws/api/v2"), localhostCa));
        assertTrue(e.getMessage().contains("wss://"), e.getMessage());
    }

    private static void assertNeverLive(final SslContext serverTls, final Path trusted) throws Exception {
        final List<TlsRelay> relays = new ArrayList<>();
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> {
            final TlsRelay relay = new TlsRelay(serverTls, c.uri().getPort());
            relays.add(relay);
            return c.withEndpoint(URI.create("wss://localhost:" + relay.port() + "/ws/api/v2"), trusted);
        })) {
            h.start();
            h.pollUntil("the failed TLS handshake to end the connection attempt",
                () -> h.states.stream().anyMatch(s -> s.state() == ConnectionState.RECONNECTING
                    || s.state() == ConnectionState.DOWN), 10_000);
            assertTrue(h.states.stream().map(ConnectionStateEvent::state).noneMatch(s -> s == ConnectionState.LIVE),
                "never LIVE: " + h.states);
            assertNotEquals(ConnectionState.LIVE, h.session.connectionState());
        } finally {
            relays.forEach(TlsRelay::close);
        }
    }

    /** A PKCS12 key pair for {@code cn} with these subject alternative names, its certificate exported as PEM. */
    private static SslContext serverTls(final String name, final String subjectAltNames) throws Exception {
        final Path keyStore = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
            "-ext", "SAN=" + subjectAltNames, "-validity", "2", "-storetype", "PKCS12", "-keystore",
            keyStore.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keyStore.toString(), "-storepass",
            new String(PASSWORD), "-file", dir.resolve(name + ".pem").toString());
        final KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD);
        }
        final KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        return SslContextBuilder.forServer(keys).build();
    }

    private static void keytool(final String... args) throws Exception {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), "keytool " + args[0] + ": " + output);
    }

    /** Terminates TLS on 127.0.0.1 and relays the plain bytes to the simulator's port. */
    private static final class TlsRelay implements AutoCloseable {
        private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        private final Channel server;
        private volatile long bytesRelayed;

        TlsRelay(final SslContext tls, final int targetPort) {
            server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(final SocketChannel ch) {
                        ch.pipeline().addLast(tls.newHandler(ch.alloc()), new Frontend(targetPort));
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
        }

        int port() {
            return ((InetSocketAddress) server.localAddress()).getPort();
        }

        long bytesRelayed() {
            return bytesRelayed;
        }

        @Override
        public void close() {
            server.close().syncUninterruptibly();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }

        private final class Frontend extends ChannelInboundHandlerAdapter {
            private final int targetPort;
            private final List<Object> pending = new ArrayList<>();
            private Channel backend;

            Frontend(final int targetPort) {
                this.targetPort = targetPort;
            }

            @Override
            public void channelActive(final ChannelHandlerContext ctx) {
                final Channel front = ctx.channel();
                final ChannelFuture connect = new Bootstrap().group(front.eventLoop()).channel(NioSocketChannel.class)
                    .handler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(final ChannelHandlerContext backCtx, final Object msg) {
                            front.writeAndFlush(msg);
                        }

                        @Override
                        public void channelInactive(final ChannelHandlerContext backCtx) {
                            front.close();
                        }
                    }).connect("127.0.0.1", targetPort);
                backend = connect.channel();
                connect.addListener(f -> {
                    if (!f.isSuccess()) {
                        front.close();
                        return;
                    }
                    pending.forEach(backend::write);
                    pending.clear();
                    backend.flush();
                });
            }

            @Override
            public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
                if (msg instanceof io.netty.buffer.ByteBuf) {
                    bytesRelayed += ((io.netty.buffer.ByteBuf) msg).readableBytes();
                }
                if (backend.isActive()) {
                    backend.writeAndFlush(msg);
                } else if (backend.isOpen()) {
                    pending.add(msg);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }

            @Override
            public void channelInactive(final ChannelHandlerContext ctx) {
                if (backend != null) {
                    backend.close();
                }
            }

            @Override
            public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
                ctx.close(); // a refused handshake ends up here: the client's failure is what the tests check
            }
        }
    }
}
