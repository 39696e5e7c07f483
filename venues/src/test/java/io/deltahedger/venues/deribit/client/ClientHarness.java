package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.deltahedger.venues.deribit.DeribitCredentials;
import io.deltahedger.venues.deribit.DeribitInstruments;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.VenueListener;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.config.time.ManualClock;
import io.deltahedger.venues.simulator.SimulatorConfig;
import io.deltahedger.venues.simulator.book.SimOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * A manual-time simulator on loopback plus a {@link DeribitSession} against it, with everything the session
 * publishes recorded. The session runs on the test thread: {@link #pollUntil} polls it (with the simulator's clock
 * as the injected time) until a condition holds or a wall-clock deadline passes.
 *
 * <p>It also checks the book contract on every publication: a published change must continue the chain of the last
 * published book of its instrument (prev_change_id == last change_id) unless a snapshot came after an
 * invalidation. A violation is recorded in {@link #bookViolations}.
 */
final class ClientHarness implements AutoCloseable, VenueListener, DeribitMarketDataListener {
    /** 2026-01-05T00:00:00Z. */
    static final long START_MS = 1_767_571_200_000L;
    static final long OWNER = 1; // the simulator's only API key owns account 1

    final ManualClock clock = new ManualClock(START_MS);
    final ExchangeSimulator sim;
    final InstrumentRegistry registry = new InstrumentRegistry();
    final DeribitSession session;
    final Instrument perpetual;
    final int perpetualIndex;

    final List<ExecutionReport> reports = new ArrayList<>();
    final List<ConnectionStateEvent> states = new ArrayList<>();
    final List<AccountSnapshot> accounts = new ArrayList<>();
    final List<List<ExecutionReport>> openOrders = new ArrayList<>();
    final List<String> bookViolations = new ArrayList<>();
    final List<BookUpdate> invalidations = new ArrayList<>();
    long booksPublished;
    long snapshotsPublished;
    long marketData;
    double lastTickerMark;
    /** A copy of the last ticker event received (venue Greeks, IVs, marks). */
    final MarketDataEvent lastTicker = new MarketDataEvent();
    private final long[] lastPublished;
    private final boolean[] awaitingSnapshot;

    ClientHarness(final SimulatorConfig simConfig, final UnaryOperator<DeribitClientConfig> adjust) throws Exception {
        sim = ExchangeSimulator.start(simConfig, clock);
        final HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sim.httpUri() + "public/get_instruments?currency=BTC")).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
        for (final Instrument instrument : DeribitInstruments.parse(response.body()).instruments()) {
            registry.register(instrument);
        }
        perpetualIndex = registry.indexOfNative(Venue.DERIBIT, "BTC-PERPETUAL");
        perpetual = registry.instrument(perpetualIndex);
        lastPublished = new long[registry.size()];
        awaitingSnapshot = new boolean[registry.size()];
        Arrays.fill(awaitingSnapshot, true);
        final DeribitClientConfig config = adjust.apply(DeribitClientConfig.defaults(sim.webSocketUri(),
            new DeribitCredentials(simConfig.clientId(), SimulatorConfig.DEMO_CLIENT_SECRET),
            List.of("BTC-PERPETUAL"), List.of("BTC")));
        session = new DeribitSession(config, registry, new SplittableRandom(42), clock.epochMs(), this, this);
    }

    static SimulatorConfig simConfig() {
        return SimulatorConfig.defaults().withManualTime().withSeed(7);
    }

    void start() {
        session.start(clock.epochMs());
    }

    /** Polls the session on the test thread until the condition holds; fails after {@code wallMs}. */
    void pollUntil(final String what, final BooleanSupplier condition, final long wallMs) {
        final long deadline = System.nanoTime() + wallMs * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; phase " + session.phase() + ", states "
                    + states.stream().map(ConnectionStateEvent::state).toList() + ", reports " + reports);
            }
            if (session.poll(clock.epochMs()) == 0) {
                Thread.onSpinWait();
                sleep();
            }
        }
    }

    void awaitLive() {
        pollUntil("LIVE", () -> session.connectionState() == ConnectionState.LIVE, 10_000);
    }

    /** Polls until nothing has arrived for ~50 ms of wall time (everything sent on loopback has been handled). */
    void settle() {
        int idle = 0;
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (idle < 50 && System.nanoTime() < deadline) {
            if (session.poll(clock.epochMs()) == 0) {
                idle++;
                sleep();
            } else {
                idle = 0;
            }
        }
    }

    /** Moves simulator time in steps, letting the session handle what each step produced. */
    void advance(final long durationMs, final long stepMs) {
        for (long done = 0; done < durationMs; done += stepMs) {
            sim.advance(Math.min(stepMs, durationMs - done));
            settle();
        }
    }

    List<ExecutionReport> reportsOf(final ClientOrderId id) {
        return reports.stream().filter(r -> r.clientOrderId().equals(id)).toList();
    }

    List<ExecType> typesOf(final ClientOrderId id) {
        return reportsOf(id).stream().map(ExecutionReport::type).toList();
    }

    /** How many orders the simulator holds open under this label (exchange thread). */
    long simOpenOrders(final ClientOrderId id) {
        return sim.call(() -> sim.engine().openOrders(OWNER).stream().filter(o -> o.label.equals(id.text())).count());
    }

    /** All the simulator's open orders of the account (exchange thread). */
    List<SimOrder> simOpenOrders() {
        return sim.call(() -> List.copyOf(sim.engine().openOrders(OWNER)));
    }

    List<ConnectionState> stateSequence() {
        return states.stream().map(ConnectionStateEvent::state).toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(1);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void onExecutionReport(final ExecutionReport report) {
        reports.add(report);
    }

    @Override
    public void onOpenOrders(final Venue venue, final List<ExecutionReport> orders) {
        openOrders.add(orders);
    }

    @Override
    public void onAccount(final AccountSnapshot snapshot) {
        accounts.add(snapshot);
    }

    @Override
    public void onConnectionState(final ConnectionStateEvent event) {
        states.add(event);
    }

    @Override
    public void onBook(final L2Book book, final MarketDataEvent event) {
        final int i = book.instrumentIndex();
        booksPublished++;
        if (event.type() == MarketDataType.BOOK_SNAPSHOT) {
            snapshotsPublished++;
            awaitingSnapshot[i] = false;
        } else if (awaitingSnapshot[i]) {
            bookViolations.add("change " + event.sequence() + " published before a snapshot after an invalidation");
        } else if (event.prevSequence() != lastPublished[i]) {
            bookViolations.add("change " + event.prevSequence() + "->" + event.sequence() + " published across a gap"
                + " after " + lastPublished[i]);
        }
        lastPublished[i] = event.sequence();
    }

    @Override
    public void onBookInvalid(final int instrumentIndex, final BookUpdate reason) {
        invalidations.add(reason);
        awaitingSnapshot[instrumentIndex] = true;
    }

    @Override
    public void onMarketData(final MarketDataEvent event) {
        marketData++;
        if (event.type() == MarketDataType.TICKER && event.has(io.deltahedger.venues.marketdata.TickerField.MARK_PRICE)) {
            lastTickerMark = event.markPrice();
        }
        if (event.type() == MarketDataType.TICKER) {
            lastTicker.copyFrom(event);
        }
    }

    @Override
    public void close() {
        session.close(clock.epochMs());
        sim.close();
    }
}
