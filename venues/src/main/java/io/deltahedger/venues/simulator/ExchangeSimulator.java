package io.deltahedger.venues.simulator;

import io.deltahedger.config.time.ManualClock;

import io.deltahedger.config.time.EpochClock;

import io.deltahedger.venues.simulator.auth.Authenticator;
import io.deltahedger.venues.simulator.fault.FaultConfig;
import io.deltahedger.venues.simulator.fault.FaultInjector;
import io.deltahedger.venues.simulator.feed.Feed;
import io.deltahedger.venues.simulator.market.InstrumentCatalog;
import io.deltahedger.venues.simulator.market.Market;
import io.deltahedger.venues.simulator.market.MarketMaker;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.net.SessionListener;
import io.deltahedger.venues.simulator.net.SimulatorServer;
import io.deltahedger.venues.simulator.rpc.RpcDispatcher;
import io.deltahedger.venues.simulator.rpc.Session;
import io.deltahedger.venues.simulator.trading.Liquidator;
import io.deltahedger.venues.simulator.trading.TradingEngine;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded Deribit-compatible exchange: start it, point a Deribit client at {@link #webSocketUri()} or
 * {@link #httpUri()}, and trade. All state lives on one exchange thread (the server's single worker event loop);
 * the public methods here hand work to it and wait, so they may be called from any thread.
 *
 * <p>Time: in real-time mode the market steps every {@code tickIntervalMs} on a wall-clock schedule; in manual mode
 * (tests) it steps only in {@link #advance(long)}, which moves the {@link ManualClock} tick by tick.
 */
public final class ExchangeSimulator implements AutoCloseable
{
    private static final long CALL_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimulator.class);

    private final SimulatorConfig config;
    private final EpochClock clock;
    private final SimulatorServer server = new SimulatorServer();
    private final List<SimInstrument> instruments;
    private final Market market;
    private final TradingEngine engine;
    private final Liquidator liquidator;
    private final Feed feed;
    private final FaultInjector faults;
    private final RpcDispatcher dispatcher;
    private final List<MarketMaker> marketMakers = new ArrayList<>();
    private final List<Session> webSocketSessions = new ArrayList<>();
    private final InetSocketAddress address;
    private ScheduledFuture<?> ticker;
    private long ticks;
    private long tickFailures;

    private ExchangeSimulator(final SimulatorConfig config, final EpochClock clock) throws InterruptedException
    {
        this.config = config;
        this.clock = clock;
        final long startMs = clock.epochMs();
        final SplittableRandom root = new SplittableRandom(config.seed());
        // 1. instruments named for the start date, and the market (index processes, marks) behind them
        this.instruments = InstrumentCatalog.create(config.underlyings(), startMs);
        this.market = new Market(config.underlyings(), instruments, root.split(), startMs);
        // 2. fault injection, drawn from its own stream so enabling it does not move the market
        this.faults = new FaultInjector(config.faults(), root.split());
        // 3. the feed listens to the engine; the engine matches, books fills and margins accounts
        final Feed[] feedHolder = new Feed[1];
        this.engine = new TradingEngine(instruments, config.underlyings(), market.marks(), market.indexPrices(),
            market.options().underlyingPrices(), clock,
            new io.deltahedger.venues.simulator.trading.EngineListener()
            {
                public void onOrderUpdated(final io.deltahedger.venues.simulator.book.SimOrder order)
                {
                    feedHolder[0].onOrderUpdated(order);
                }

                public void onExecution(final io.deltahedger.venues.simulator.trading.Execution execution)
                {
                    feedHolder[0].onExecution(execution);
                }
            });
        this.liquidator = new Liquidator(engine);
        this.feed = new Feed(engine, market, clock, faults, PooledByteBufAllocator.DEFAULT);
        feedHolder[0] = feed;
        // 4. resting liquidity on every book
        for (final SimInstrument instrument : instruments)
        {
            marketMakers.add(instrument.isOption()
                ? MarketMaker.forOption(instrument, engine, root.split())
                : new MarketMaker(instrument, engine, root.split(), config.bookLevels(),
                    config.halfSpreadBps(), config.levelStepBps(), config.maxLevelUsd()));
        }
        // 5. the JSON-RPC front door: authentication, rate limits, methods
        final Authenticator authenticator = new Authenticator(config.clientId(), config.clientSecret(), 1,
            config.tokenLifetimeMs(), root.split());
        this.dispatcher = new RpcDispatcher(engine, market, feed, authenticator, faults, clock, config.rateLimits(),
            PooledByteBufAllocator.DEFAULT, config.clientId());
        // 6. initial quotes, then the network
        requoteAll();
        feed.flush();
        this.address = server.bind(config.host(), config.port(), () -> dispatcher, config.rateLimits(), clock,
            new SessionListener()
            {
                public void onOpened(final Session session)
                {
                    webSocketSessions.add(session);
                }

                public void onClosed(final Session session)
                {
                    onSessionClosed(session);
                }
            });
    }

    /**
     * Starts a simulator.
     *
     * @param clock in manual-time mode it must be a {@link ManualClock}.
     */
    public static ExchangeSimulator start(final SimulatorConfig config, final EpochClock clock)
    {
        if (!config.realTime() && !(clock instanceof ManualClock))
        {
            throw new IllegalArgumentException("manual-time mode needs a ManualClock so advance() can move time; got "
                + clock.getClass().getName());
        }
        try
        {
            final ExchangeSimulator simulator = new ExchangeSimulator(config, clock);
            if (config.realTime())
            {
                simulator.ticker = simulator.server.exchangeLoop().scheduleAtFixedRate(simulator::tick,
                    config.tickIntervalMs(), config.tickIntervalMs(), TimeUnit.MILLISECONDS);
            }
            return simulator;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the simulator", ex);
        }
    }

    public SimulatorConfig config()
    {
        return config;
    }

    public String host()
    {
        return address.getHostString();
    }

    /** The bound port (the real one when 0 was configured). */
    public int port()
    {
        return address.getPort();
    }

    /** {@code ws://host:port/ws/api/v2}. */
    public URI webSocketUri()
    {
        return URI.create("ws://" + host() + ":" + port() + SimulatorServer.WEBSOCKET_PATH);
    }

    /** {@code http://host:port/api/v2/}: append a method such as {@code public/get_instruments}. */
    public URI httpUri()
    {
        return URI.create("http://" + host() + ":" + port() + "/api/v2/");
    }

    public List<SimInstrument> instruments()
    {
        return instruments;
    }

    /** Market steps run so far. */
    public long ticks()
    {
        return call(() -> ticks);
    }

    /**
     * Manual-time mode: moves the clock forward in steps of {@code tickIntervalMs}, running one market tick per step
     * (a remainder moves the clock without a tick). Returns after the ticks ran and their messages were written.
     */
    public void advance(final long durationMs)
    {
        if (config.realTime())
        {
            throw new IllegalStateException("advance() is for manual-time mode; this simulator runs in real time");
        }
        if (durationMs < 0)
        {
            throw new IllegalArgumentException("durationMs must be >= 0 but was " + durationMs);
        }
        final ManualClock manual = (ManualClock)clock;
        call(() ->
        {
            long remaining = durationMs;
            while (remaining >= config.tickIntervalMs())
            {
                manual.advanceMs(config.tickIntervalMs());
                remaining -= config.tickIntervalMs();
                tick();
            }
            manual.advanceMs(remaining);
            return null;
        });
    }

    /** Replaces the fault configuration (same seeded stream continues). */
    public void configureFaults(final FaultConfig newFaults)
    {
        call(() ->
        {
            faults.configure(newFaults);
            return null;
        });
    }

    /**
     * Moves an index at once by a relative amount (-0.3 = a 30 % crash) and runs a tick at the current time, so
     * quotes follow, marks move and liquidations happen.
     */
    public void shockIndex(final String currency, final double relativeMove)
    {
        call(() ->
        {
            market.shockIndex(currency, relativeMove);
            runTickWork();
            return null;
        });
    }

    /** Book notifications written to clients so far (after faults). */
    public long bookMessagesSent()
    {
        return call(feed::bookMessagesSent);
    }

    /**
     * Runs a task on the exchange thread and waits for it, for tests that inspect or adjust state directly.
     */
    public <T> T call(final Callable<T> task)
    {
        if (server.exchangeLoop().inEventLoop())
        {
            try
            {
                return task.call();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        try
        {
            return server.exchangeLoop().submit(task).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the exchange thread", ex);
        }
        catch (final ExecutionException ex)
        {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
        }
        catch (final TimeoutException ex)
        {
            throw new IllegalStateException("exchange thread did not answer within " + CALL_TIMEOUT_SECONDS + " s", ex);
        }
    }

    /** The engine, for tests running on the exchange thread through {@link #call}. */
    public TradingEngine engine()
    {
        return engine;
    }

    public Market market()
    {
        return market;
    }

    public void close()
    {
        if (ticker != null)
        {
            ticker.cancel(false);
        }
        server.close();
    }

    private void tick()
    {
        ticks++;
        try
        {
            market.advanceTo(clock.epochMs());
            runTickWork();
        }
        catch (final RuntimeException ex)
        {
            // A bug, not a verdict: count it and log the first one, and keep the market running (a scheduled task
            // that throws would never run again).
            if (tickFailures++ == 0)
            {
                LOG.error("market tick {} failed; further failures are only counted", ticks, ex);
            }
        }
    }

    /** Market ticks that failed with an unexpected exception (0 in a healthy run). */
    public long tickFailures()
    {
        return call(() -> tickFailures);
    }

    private void runTickWork()
    {
        final long now = clock.epochMs();
        engine.optionExpiry().settleExpired();
        requoteAll();
        liquidator.liquidateUnderwaterAccounts();
        feed.flush();
        feed.publishTickers();
        dispatcher.releaseDelayedReplies(now);
        for (final Session session : new ArrayList<>(webSocketSessions))
        {
            if (session.isClosed())
            {
                continue;
            }
            if (faults.closeConnection())
            {
                session.close();
                continue;
            }
            heartbeat(session, now);
        }
    }

    private void heartbeat(final Session session, final long now)
    {
        if (session.heartbeatIntervalMs() <= 0 || faults.heartbeatsStopped() || now < session.nextHeartbeatMs())
        {
            return;
        }
        if (session.awaitingTestReply())
        {
            // Deribit closes a connection that did not answer the last test_request within the interval.
            session.close();
            return;
        }
        dispatcher.sendHeartbeat(session, "test_request");
        session.awaitingTestReply(true);
        session.scheduleNextHeartbeat(now);
    }

    private void requoteAll()
    {
        for (int i = 0; i < marketMakers.size(); i++)
        {
            if (clock.epochMs() < instruments.get(i).expirationMs())
            {
                marketMakers.get(i).requote(market.fairPrice(i));
            }
        }
    }

    private void onSessionClosed(final Session session)
    {
        webSocketSessions.remove(session);
        feed.remove(session);
        if (session.cancelOnDisconnect() && session.ownerId() != Session.ANONYMOUS)
        {
            engine.cancelAllOfConnection(session.ownerId(), session.id());
            feed.flush();
        }
    }
}
