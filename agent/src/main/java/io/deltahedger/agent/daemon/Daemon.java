package io.deltahedger.agent.daemon;

import io.deltahedger.agent.control.ApiToken;
import io.deltahedger.agent.control.ControlServer;
import io.deltahedger.config.DeltahedgerConfig;
import io.deltahedger.config.book.BookPosition;
import io.deltahedger.config.book.BookSource;
import io.deltahedger.config.policy.HedgeInstrument;
import io.deltahedger.config.policy.UnderlyingSettings;
import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.config.time.EpochClock;
import io.deltahedger.config.venue.VenueSettings;
import io.deltahedger.config.venue.VenueType;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.hedger.engine.ConnectionConfig;
import io.deltahedger.hedger.engine.DemoBook;
import io.deltahedger.hedger.engine.DeribitRest;
import io.deltahedger.hedger.engine.EngineConfig;
import io.deltahedger.hedger.engine.HedgingEngine;
import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.ExecutionLimits;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalWriter;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The long-running agent ({@code deltahedger run}): builds the engine from the configuration, starts embedded
 * simulators for {@code type: simulator} venues, connects and waits until every venue is live and reconciled, then
 * serves the control plane. One instance per process; {@link #close()} is the graceful shutdown.
 *
 * <p>Composition order: secrets, simulators, instrument lists, margin book, options book, policies and routes,
 * engine (connect, reconcile, hedge), control plane. A failure at any step closes what was started and throws with
 * the step and the fix; nothing is left running.
 */
public final class Daemon implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** The embedded simulator's one API key owns this account (docs/simulator.md). */
    static final long SIMULATOR_OWNER = 1;
    /** Coins written per wing of the demo's short strangles. */
    static final Map<String, Double> DEMO_COINS_PER_LEG = Map.of("BTC", 0.5, "ETH", 5.0);
    /** Who the graceful shutdown's commands are journaled as. */
    static final String ACTOR_SHUTDOWN = "shutdown";
    /** The agent id recorded in the journal's header. */
    static final String AGENT_ID = "deltahedger";
    private static final DateTimeFormatter RUN_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DeltahedgerConfig config;
    private final List<ExchangeSimulator> simulators;
    private final HedgingEngine engine;
    private final EngineTelemetry telemetry;
    private final ControlServer server;
    private final String token;
    private final boolean generatedToken;
    private final Path journalDirectory;
    private final String journalSigner;
    private volatile boolean closed;

    private Daemon(final DeltahedgerConfig config, final List<ExchangeSimulator> simulators, final HedgingEngine engine,
                   final EngineTelemetry telemetry, final ControlServer server, final String token,
                   final boolean generatedToken, final Path journalDirectory, final String journalSigner)
    {
        this.journalDirectory = journalDirectory;
        this.journalSigner = journalSigner;
        this.config = config;
        this.simulators = simulators;
        this.engine = engine;
        this.telemetry = telemetry;
        this.server = server;
        this.token = token;
        this.generatedToken = generatedToken;
    }

    /**
     * Starts the agent and returns once it hedges and its control plane listens.
     *
     * @param config       the configuration
     * @param httpPort     overrides {@code control.port} when not null (0: any free port)
     * @param environment  where {@code env:} references are looked up
     * @param clock        the engine's clock
     * @throws IllegalStateException naming the step that failed and how to fix it
     */
    public static Daemon start(final DeltahedgerConfig config, final Integer httpPort,
                               final Function<String, String> environment, final EpochClock clock)
    {
        final List<AutoCloseable> started = new ArrayList<>();
        try
        {
            return assemble(config, httpPort, environment, clock, started);
        }
        catch (final RuntimeException e)
        {
            for (int i = started.size() - 1; i >= 0; i--)
            {
                try
                {
                    started.get(i).close();
                }
                catch (final Exception closing)
                {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static Daemon assemble(final DeltahedgerConfig config, final Integer httpPort,
                                   final Function<String, String> environment, final EpochClock clock,
                                   final List<AutoCloseable> started)
    {
        // 0. secrets: every reference resolves now, or nothing starts (the API token may be generated for loopback)
        final SecretReference tokenRef = config.control().token();
        final List<String> missing = new ArrayList<>(config.unresolvableSecrets(environment));
        final String tokenPath = "control.token";
        // a token is generated only for a loopback-only control plane; anywhere else the operator must choose one
        final boolean generateToken = config.control().loopbackOnly() && missing.removeIf(m -> m.startsWith(tokenPath));
        if (!missing.isEmpty())
        {
            throw new IllegalStateException("cannot start: these secrets do not resolve: " + missing
                + ". Set the environment variables or create the files they name");
        }
        final String token = generateToken ? ApiToken.generate(new SecureRandom()) : tokenRef.resolve(environment).reveal();
        final ApiToken apiToken = ApiToken.of(token);

        // 1. venues: embedded simulators first, then each venue's instrument list over its public HTTP API
        final List<ExchangeSimulator> simulators = new ArrayList<>();
        final Map<String, ExchangeSimulator> simulatorOf = new LinkedHashMap<>();
        final Map<String, URI> endpoint = new LinkedHashMap<>();
        final Map<String, DeribitCredentials> credentials = new LinkedHashMap<>();
        for (final VenueSettings v : config.venues().values())
        {
            if (v.type() == VenueType.SIMULATOR && v.embedded())
            {
                final ExchangeSimulator sim = ExchangeSimulator.start(
                    SimulatorConfig.defaults().withPort(0).withSeed(v.simulatorSeed()), clock);
                started.add(sim);
                simulators.add(sim);
                simulatorOf.put(v.name(), sim);
                endpoint.put(v.name(), sim.webSocketUri());
                credentials.put(v.name(), new DeribitCredentials(SimulatorConfig.DEMO_CLIENT_ID,
                    SimulatorConfig.DEMO_CLIENT_SECRET));
                LOG.info("embedded simulator '{}' listening on {}", v.name(), sim.webSocketUri());
            }
            else
            {
                endpoint.put(v.name(), v.endpoint().orElseThrow());
                credentials.put(v.name(), new DeribitCredentials(
                    v.credentials().orElseThrow().clientId().resolve(environment).reveal(),
                    v.credentials().orElseThrow().clientSecret().resolve(environment).reveal()));
            }
        }
        // each venue's public HTTP API (an embedded simulator's own address, else derived from the endpoint)
        final Map<String, DeribitRest> rest = new LinkedHashMap<>();
        final Map<String, InstrumentRegistry> chain = new LinkedHashMap<>();
        for (final VenueSettings v : config.venues().values())
        {
            final ExchangeSimulator sim = simulatorOf.get(v.name());
            rest.put(v.name(), new DeribitRest(sim != null ? sim.httpUri() : httpApi(endpoint.get(v.name()))));
            chain.put(v.name(), rest.get(v.name()).instruments(v.currencies()));
        }

        // 2. the options book: the demo writes short strangles on an embedded simulator; a desk's book (inline or
        //    file) is what it already holds, on the first venue that lists each option
        final DemoBook demo;
        final String optionVenue;
        if (config.book() instanceof BookSource.Demo)
        {
            optionVenue = config.venues().keySet().iterator().next();
            final ExchangeSimulator optionSim = simulatorOf.get(optionVenue);
            if (optionSim == null)
            {
                throw new IllegalStateException("book: demo writes its options on an embedded simulator, but the first "
                    + "venue '" + optionVenue + "' is not one: list a 'type: simulator' venue first, or give your book");
            }
            final Map<String, Double> coins = new LinkedHashMap<>();
            for (final String u : config.underlyings().keySet())
            {
                final Double c = DEMO_COINS_PER_LEG.get(u);
                if (c == null)
                {
                    throw new IllegalStateException("underlyings." + u + ": the demo book writes BTC and ETH options only");
                }
                coins.put(u, c);
            }
            demo = DemoBook.shortStrangles(optionVenue, chain.get(optionVenue),
                rest.get(optionVenue)::optionQuote, clock.epochMs(), coins);
            demo.openOn(optionSim, SIMULATOR_OWNER, 0);
        }
        else
        {
            final List<BookPosition> positions = config.book() instanceof BookSource.Inline inline ? inline.positions()
                : ((BookSource.FromFile)config.book()).positions();
            String holder = null;
            final List<DemoBook.ShortOption> options = new ArrayList<>();
            for (final BookPosition p : positions)
            {
                final String nativeName = p.instrument().substring(p.instrument().indexOf(':') + 1);
                if (!p.instrument().startsWith(Venue.DERIBIT.code() + ":"))
                {
                    throw new IllegalStateException("book: " + p.instrument() + " is not a Deribit option; the venues "
                        + "this version trades speak Deribit's API: use deribit:<name>");
                }
                String venue = null;
                for (final String v : chain.keySet())
                {
                    if (chain.get(v).indexOfNative(Venue.DERIBIT, nativeName) >= 0)
                    {
                        venue = v;
                        break;
                    }
                }
                if (venue == null)
                {
                    throw new IllegalStateException("book: no configured venue lists " + p.instrument()
                        + " (expired, or its currency missing from venues.<name>.currencies)");
                }
                if (holder != null && !holder.equals(venue))
                {
                    throw new IllegalStateException("book: the options must all be held on one venue; "
                        + p.instrument() + " is listed first by '" + venue + "', earlier options by '" + holder + "'");
                }
                holder = venue;
                final InstrumentRegistry registry = chain.get(venue);
                final Instrument option = registry.instrument(registry.indexOfNative(Venue.DERIBIT, nativeName));
                final DemoBook.Quote quote = rest.get(venue).optionQuote(option);
                options.add(new DemoBook.ShortOption(option, p.contracts().doubleValue(), quote.markIv(), quote.delta()));
            }
            optionVenue = holder;
            demo = new DemoBook(holder, options);
        }
        for (final String u : config.underlyings().keySet())
        {
            if (!demo.underlyings().contains(u))
            {
                throw new IllegalStateException("underlyings." + u + ": the book holds no " + u + " options: remove the "
                    + "underlying or add its options to the book");
            }
        }
        for (final String u : demo.underlyings())
        {
            if (!config.underlyings().containsKey(u))
            {
                throw new IllegalStateException("book: it holds " + u + " options but underlyings." + u
                    + " is not configured: add how to hedge it (hedge-with and policy)");
            }
        }

        // 3. the margin book: one account per venue and currency, the options, every hedge instrument
        final MarginBook book = new MarginBook(4 * config.venues().size() + 4, 512);
        for (final VenueSettings v : config.venues().values())
        {
            DemoBook.addAccounts(book, v.name(), v.currencies());
        }
        demo.register(book);
        final Map<String, String> hedgeKeyVenue = new LinkedHashMap<>();
        final Map<String, Instrument> hedgeInstruments = new LinkedHashMap<>();
        final Map<String, Set<String>> booksPerVenue = new LinkedHashMap<>();
        final List<HedgeRoute> routes = new ArrayList<>();
        for (final UnderlyingSettings u : config.underlyings().values())
        {
            final List<HedgeCandidate> candidates = new ArrayList<>();
            for (final HedgeInstrument h : u.hedgeWith())
            {
                final InstrumentRegistry registry = chain.get(h.venue());
                final int index = registry.indexOfNative(Venue.DERIBIT, h.instrument());
                if (index < 0)
                {
                    throw new IllegalStateException("underlyings." + u.underlying() + ".hedge-with: venue '" + h.venue()
                        + "' lists no instrument '" + h.instrument() + "': use e.g. " + u.underlying() + "-PERPETUAL");
                }
                final Instrument instrument = registry.instrument(index);
                final String account = h.venue() + " " + instrument.settlementCurrency();
                final int accountId = book.accountId(account);
                if (accountId < 0)
                {
                    throw new IllegalStateException("underlyings." + u.underlying() + ".hedge-with: " + h.venue() + ":"
                        + h.instrument() + " settles in " + instrument.settlementCurrency() + ", which venues."
                        + h.venue() + ".currencies does not list: add it");
                }
                final String key = account + MarginBook.KEY_SEPARATOR + instrument.canonicalId();
                book.addInstrument(accountId, instrument);
                hedgeKeyVenue.put(key, h.venue());
                hedgeInstruments.putIfAbsent(instrument.canonicalId(), instrument);
                booksPerVenue.computeIfAbsent(h.venue(), k -> new LinkedHashSet<>()).add(instrument.nativeName());
                final VenueSettings venue = config.venue(h.venue());
                candidates.add(new HedgeCandidate(key, venue.fees().takerBps(), venue.fees().makerBps()));
            }
            final HedgePolicy policy = EngineSettings.policy(u.underlying(), u.policy());
            routes.add(new HedgeRoute(policy, candidates));
        }

        // 4. the portfolio: the options and one flat hedge position per hedge contract (fills on any venue move it)
        final List<DeltaOnePosition> hedges = new ArrayList<>();
        for (final Map.Entry<String, Instrument> e : hedgeInstruments.entrySet())
        {
            hedges.add(DemoBook.flatHedge(e.getKey(), e.getValue()));
        }
        final Portfolio portfolio = demo.portfolio(hedges);

        // 5. engine settings
        final ExecutionLimits limits = EngineSettings.limits(config, hedgeKeyVenue);
        final PipelineConfig pipelineConfig = EngineSettings.pipeline(config.pipeline(), config.execution(), routes, limits);
        final GateConfig gate = EngineSettings.gate(config.margin());
        final ExecutionConfig execution = EngineSettings.execution(config.execution(), config.execution().firstGroupId());
        final List<ConnectionConfig> connections = new ArrayList<>();
        for (final VenueSettings v : config.venues().values())
        {
            final List<String> bookChannels = new ArrayList<>(booksPerVenue.getOrDefault(v.name(), Set.of()));
            final List<String> tickers = new ArrayList<>(bookChannels);
            if (v.name().equals(optionVenue))
            {
                for (final String u : demo.underlyings())
                {
                    tickers.addAll(demo.optionNames(u));
                }
            }
            DeribitClientConfig client = DeribitClientConfig.defaults(endpoint.get(v.name()), credentials.get(v.name()),
                bookChannels, v.currencies()).withTickers(tickers);
            if (v.trustPem().isPresent())
            {
                client = client.withEndpoint(endpoint.get(v.name()), v.trustPem().get());
            }
            connections.add(new ConnectionConfig(v.name(), client, chain.get(v.name()), v.name().hashCode()));
        }
        final List<String> underlyingNames = new ArrayList<>();
        for (int u = 0; u < portfolio.underlyingCount(); u++)
        {
            underlyingNames.add(portfolio.underlying(u));
        }
        final List<String> accountNames = new ArrayList<>();
        for (int a = 0; a < book.accountCount(); a++)
        {
            accountNames.add(book.accountName(a));
        }
        final EngineTelemetry telemetry = new EngineTelemetry(underlyingNames, accountNames);

        // 6. the audit journal: with a configured signing key the directory's chain continues across restarts;
        //    without one (the demo) each run journals into its own directory under a key generated for it
        final JournalSettings js = config.journal();
        final ChainSigner signer;
        final Path journalDir;
        if (js.signingKey().isPresent())
        {
            signer = ChainSigner.fromSecret(js.signingKey().get().resolve(environment));
            journalDir = js.directory();
        }
        else
        {
            signer = ChainSigner.generate();
            journalDir = js.directory().resolve("run-" + RUN_STAMP.format(Instant.ofEpochMilli(clock.epochMs())));
        }
        try
        {
            Files.createDirectories(journalDir);
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("journal.directory: cannot create " + journalDir + ": " + e.getMessage()
                + ": choose a writable directory", e);
        }
        final JournalWriter journal = JournalWriter.open(journalDir, signer, EngineSettings.journal(js));
        LOG.info("journal in {}, chain signed by {}, market data {}", journalDir, signer.address(),
            js.marketData() ? "journaled (replayable)" : "not journaled (journal.market-data: false; not replayable)");

        // 7. the engine: connect, reconcile, hedge
        final HedgingEngine engine = new HedgingEngine(EngineConfig.defaults(), connections, book, portfolio,
            pipelineConfig, gate, execution, clock, telemetry,
            (stage, sequence, error) -> LOG.error("pipeline stage {} failed at sequence {}: new risk halted", stage,
                sequence, error), journal, AGENT_ID, EngineSettings.monitor(config.margin()),
            config.margin().deRisk().enabled());
        started.add(engine);
        engine.start();

        // 8. the control plane
        final int port = httpPort != null ? httpPort : config.control().port();
        if (!config.control().loopbackOnly())
        {
            LOG.warn("the control plane binds to {}: anyone who reaches that address and holds the token can steer "
                + "the hedger", config.control().bindAddress());
        }
        final ControlServer server = ControlServer.start(
            new EngineControlPlane(engine, telemetry, config, clock), apiToken, config.control().bindAddress(), port);
        started.add(server);
        return new Daemon(config, simulators, engine, telemetry, server, token, generateToken, journalDir,
            signer.address());
    }

    /** {@code https://host/api/v2/} of a Deribit WebSocket endpoint {@code wss://host/ws/api/v2}. */
    static URI httpApi(final URI webSocket)
    {
        final String scheme = "wss".equals(webSocket.getScheme()) ? "https" : "http";
        return URI.create(scheme + "://" + webSocket.getAuthority() + "/api/v2/");
    }

    /** The dashboard's address with the token in its fragment (never sent to a server by browsers). */
    public URI dashboardUri()
    {
        return server.uri().resolve("/#token=" + token);
    }

    /** The control plane's base address. */
    public URI controlUri()
    {
        return server.uri();
    }

    /** True when the token was generated at start (the environment did not set one). */
    public boolean generatedToken()
    {
        return generatedToken;
    }

    /** The API token (for the ready line and tests; never logged). */
    public String token()
    {
        return token;
    }

    /** Where this run journals. */
    public Path journalDirectory()
    {
        return journalDirectory;
    }

    /** The address of the key that signs this run's journal chain. */
    public String journalSigner()
    {
        return journalSigner;
    }

    public HedgingEngine engine()
    {
        return engine;
    }

    public EngineTelemetry telemetry()
    {
        return telemetry;
    }

    /** The embedded simulators, in venue order. */
    public List<ExchangeSimulator> simulators()
    {
        return simulators;
    }

    /**
     * Graceful shutdown: no new groups, groups in flight finish or are compensated (bounded by the group and
     * compensation deadlines), then the sessions close, the control plane stops and the simulators stop.
     */
    @Override
    public void close()
    {
        close(false);
    }

    /**
     * Graceful shutdown as {@link #close()}; with {@code cancelAll}, once the groups in flight have ended, every open
     * order on every venue account is cancelled too (the engine's KILL), including orders the desk placed by hand.
     */
    public synchronized void close(final boolean cancelAll)
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            engine.command(EngineCommand.PAUSE, ACTOR_SHUTDOWN);
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(
                3 * config.execution().groupDeadlineMs() + 2_000);
            while (!engine.status().openGroups().isEmpty() && System.nanoTime() < deadline)
            {
                Thread.sleep(20);
            }
            if (!engine.status().openGroups().isEmpty())
            {
                LOG.warn("shutting down with groups still open: {}", engine.status().openGroups());
            }
            if (cancelAll)
            {
                engine.command(EngineCommand.KILL, ACTOR_SHUTDOWN);
                final long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (!engine.status().killed() && System.nanoTime() < killDeadline)
                {
                    Thread.sleep(10);
                }
                Thread.sleep(200); // the sessions send the cancels on their next duty cycles
            }
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        catch (final RuntimeException e)
        {
            LOG.warn("could not pause the engine before shutting down: {}", e.toString());
        }
        finally
        {
            server.close();
            engine.close();
            for (final ExchangeSimulator sim : simulators)
            {
                sim.close();
            }
        }
    }
}
