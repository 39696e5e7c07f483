package io.deltahedger.hedger.engine;

import io.deltahedger.hedger.pipeline.HedgingPipeline;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.deltahedger.venues.deribit.client.DeribitMarketDataListener;
import io.deltahedger.venues.deribit.client.DeribitSession;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.VenueGateway;
import io.deltahedger.venues.order.VenueListener;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.SplittableRandom;

/**
 * One venue session of the engine and the translation of what it hears into the pipeline's terms: a
 * {@link DeribitSession} whose market data is published with the instrument index turned from the session's
 * {@link InstrumentRegistry} index into the margin-book instrument id of the connection's account in that instrument's
 * settlement currency (a table built once here), and whose account snapshots are published for the margin-book account
 * {@code "<connection name> <currency>"}, as are its execution reports (by the instrument's settlement currency) and
 * its connection states (for each of its accounts).
 *
 * <p>Threading: every method except {@link #connectionState()} runs on the engine's duty-cycle thread, which is the
 * thread that polls the session, so the session's callbacks arrive on it too; they only copy into the ring.
 * Market data of an instrument that is not registered on the matching account is dropped and counted
 * ({@link #unmappedEvents()}): subscribe only to instruments the book knows.
 */
public final class VenueConnection implements VenueListener, DeribitMarketDataListener
{
    private final ConnectionConfig config;
    private final DeribitSession session;
    private final String[] currencies;
    private final int[] accountIds;
    private final long[] snapshots;
    /** Per session registry index: the margin-book instrument id, or -1. */
    private final int[] marginId;
    private final MarketDataEvent scratch = new MarketDataEvent(64, 16);
    /** Margin-book id -> venue instrument of every delta-one instrument on this connection's accounts. */
    private final Map<Integer, Instrument> deltaOnes = new TreeMap<>();
    private HedgingPipeline pipeline;
    private ConnectionState state = ConnectionState.DOWN;
    private long unmappedEvents;
    private long executionReports;
    private volatile ConnectionStateEvent lastStateEvent;
    /** The last {@value #RECENT_STATES} state changes with their reasons, for operators (rare events: a lock is fine). */
    private final ArrayDeque<ConnectionStateEvent> recentStates = new ArrayDeque<>();
    private static final int RECENT_STATES = 32;
    private long foreignSnapshots;
    private volatile long published;
    private long foreignReports;
    private final OpenOrderReconciliation reconciliation;
    /** The account request sent once the reconciliation is done (the first snapshots then count). */
    private boolean askedAfterReconciliation;
    private long heldSnapshots;

    /**
     * Builds the session (not yet started) and the id tables. Reads the margin book, so call it before the book is
     * handed to a pipeline.
     *
     * @throws IllegalArgumentException naming the account when an account currency has no margin-book account
     */
    VenueConnection(final ConnectionConfig config, final MarginBook book, final long nowMs)
    {
        this.config = config;
        final List<String> currencyList = config.client().accountCurrencies();
        currencies = currencyList.toArray(new String[0]);
        accountIds = new int[currencies.length];
        snapshots = new long[currencies.length];
        for (int c = 0; c < currencies.length; c++)
        {
            final String name = config.accountName(currencies[c]);
            accountIds[c] = book.accountId(name);
            if (accountIds[c] < 0)
            {
                throw new IllegalArgumentException("connection " + config.name() + " follows currency " + currencies[c]
                    + " but the margin book has no account named '" + name + "': register it with "
                    + "MarginBook.addAccount(\"" + name + "\", Venue.DERIBIT, \"" + currencies[c] + "\", model)");
            }
            if (book.venue(accountIds[c]) != Venue.DERIBIT || !book.currency(accountIds[c]).equals(currencies[c]))
            {
                throw new IllegalArgumentException("margin-book account '" + name + "' is " + book.venue(accountIds[c])
                    + " " + book.currency(accountIds[c]) + ", but connection " + config.name() + " needs deribit "
                    + currencies[c]);
            }
        }
        final InstrumentRegistry registry = config.registry();
        marginId = new int[registry.size()];
        Arrays.fill(marginId, -1);
        for (int i = 0; i < registry.size(); i++)
        {
            final Instrument instrument = registry.instrument(i);
            final int c = currencyIndex(instrument.settlementCurrency());
            if (c >= 0)
            {
                marginId[i] = book.instrumentId(accountIds[c], instrument.canonicalId());
                if (marginId[i] >= 0 && instrument.kind() != InstrumentKind.OPTION)
                {
                    deltaOnes.put(marginId[i], instrument);
                }
            }
        }
        session = new DeribitSession(config.client(), registry, new SplittableRandom(config.seed()), nowMs, this, this);
        reconciliation = new OpenOrderReconciliation(config.name(), session.gateway());
    }

    /** The venue instrument of every delta-one margin-book instrument on this connection's accounts (for execution). */
    Map<Integer, Instrument> deltaOneInstruments()
    {
        return deltaOnes;
    }

    /** Wires the publishing side (the engine does this once the pipeline exists). */
    void attach(final HedgingPipeline target)
    {
        this.pipeline = target;
    }

    void start(final long nowMs)
    {
        session.start(nowMs);
    }

    /** The session's duty cycle. @return work done */
    int poll(final long nowMs)
    {
        return session.poll(nowMs);
    }

    void close(final long nowMs)
    {
        session.close(nowMs);
    }

    /**
     * The crash stand-in's side ({@link HedgingEngine#crash}): nothing more reaches the pipeline and the socket is
     * dropped; nothing is cancelled, orders the session had not sent yet are never sent.
     */
    void abandon(final long nowMs)
    {
        pipeline = null;
        session.close(nowMs);
    }

    /**
     * The start-up reconciliation's duty cycle ({@link OpenOrderReconciliation}); once it is done, asks for the
     * accounts at once (their snapshots are the first the pipeline gets, see {@link #onAccount}).
     *
     * @return work done
     */
    int reconcile(final long nowMs)
    {
        if (!reconciliation.done())
        {
            return reconciliation.advance(nowMs, session.connectionState());
        }
        if (!askedAfterReconciliation && session.gateway().requestAccount() == io.deltahedger.venues.order.SendResult.SENT)
        {
            askedAfterReconciliation = true;
            return 1;
        }
        return 0;
    }

    /** True once no open order of a previous run is left on this venue (duty-cycle thread). */
    boolean reconciled()
    {
        return reconciliation.done();
    }

    /** What the start-up reconciliation still waits for (duty-cycle thread). */
    String reconciliationWaitingFor()
    {
        return reconciliation.waitingFor();
    }

    /** Orders of previous runs the start-up reconciliation cancelled (duty-cycle thread). */
    public long ordersCancelledAtStartUp()
    {
        return reconciliation.cancelled();
    }

    /**
     * Account snapshots held back during the start-up reconciliation (they may predate the cancels of a previous
     * run's orders, so they must not seed the positions).
     */
    public long snapshotsHeldBack()
    {
        return heldSnapshots;
    }

    /** The connection's name. */
    public String name()
    {
        return config.name();
    }

    /** The venue of the session (Deribit). */
    public Venue venue()
    {
        return Venue.DERIBIT;
    }

    /** The margin-book account ids of this connection, in the order of its account currencies. */
    public int[] accountIds()
    {
        return accountIds.clone();
    }

    /** The margin-book account of a currency of this connection, or -1. */
    public int accountId(final String currency)
    {
        final int c = currencyIndex(currency);
        return c < 0 ? -1 : accountIds[c];
    }

    /** The trading interface (orders of every account of this connection). */
    public VenueGateway gateway()
    {
        return session.gateway();
    }

    /** The session (duty-cycle thread only). */
    public DeribitSession session()
    {
        return session;
    }

    /** The session's connection state (any thread). */
    public ConnectionState connectionState()
    {
        return session.connectionState();
    }

    /** Account snapshots received for the currency (duty-cycle thread). */
    public long snapshotsReceived(final String currency)
    {
        final int c = currencyIndex(currency);
        return c < 0 ? 0 : snapshots[c];
    }

    /**
     * True once every account of the connection has reported at least once after the start-up reconciliation
     * (duty-cycle thread).
     */
    public boolean allAccountsReported()
    {
        for (final long n : snapshots)
        {
            if (n == 0)
            {
                return false;
            }
        }
        return true;
    }

    /** Events this connection has put on the ring (market data, accounts, reports, states); any thread. */
    public long published()
    {
        return published;
    }

    /** Market-data events dropped because their instrument is not in the margin book. */
    public long unmappedEvents()
    {
        return unmappedEvents;
    }

    /** Execution reports received (orders of this connection's accounts). */
    public long executionReports()
    {
        return executionReports;
    }

    /** Account snapshots of a currency the connection does not follow (dropped). */
    public long foreignSnapshots()
    {
        return foreignSnapshots;
    }

    /** Execution reports of an instrument settled in a currency the connection does not follow (dropped). */
    public long foreignReports()
    {
        return foreignReports;
    }

    /** The margin-book instrument id of a session registry index, or -1. */
    public int marginInstrumentId(final int registryIndex)
    {
        return registryIndex >= 0 && registryIndex < marginId.length ? marginId[registryIndex] : -1;
    }

    /** The session's last state change with its reason (null before the first), any thread. */
    public ConnectionStateEvent lastStateEvent()
    {
        return lastStateEvent;
    }

    /** The last state changes (at most 32), oldest first, with their reasons; any thread. */
    public List<ConnectionStateEvent> recentStates()
    {
        synchronized (recentStates)
        {
            return List.copyOf(recentStates);
        }
    }

    /** What the engine last heard about this session's state. */
    ConnectionState lastState()
    {
        return state;
    }

    private int currencyIndex(final String currency)
    {
        for (int c = 0; c < currencies.length; c++)
        {
            if (currencies[c].equals(currency))
            {
                return c;
            }
        }
        return -1;
    }

    private void publish(final MarketDataEvent event)
    {
        final int id = marginInstrumentId(event.instrumentIndex());
        if (id < 0 || pipeline == null)
        {
            unmappedEvents++;
            return;
        }
        scratch.copyFrom(event);
        scratch.instrumentIndex(id);
        pipeline.publishMarketData(scratch);
        published++;
    }

    @Override
    public void onBook(final L2Book book, final MarketDataEvent event)
    {
        publish(event);
    }

    @Override
    public void onBookInvalid(final int instrumentIndex, final BookUpdate reason)
    {
        // Nothing to publish: the stage keeps the time of the last valid book update, which ages into STALE_INPUT,
        // and the session resubscribes (a new snapshot follows).
    }

    @Override
    public void onMarketData(final MarketDataEvent event)
    {
        publish(event);
    }

    @Override
    public void onExecutionReport(final ExecutionReport report)
    {
        executionReports++;
        reconciliation.onReport(report);
        final int c = currencyIndex(report.instrument().settlementCurrency());
        if (c < 0 || pipeline == null)
        {
            foreignReports++;
            return;
        }
        pipeline.publishExecutionReport(accountIds[c], report);
        published++;
    }

    @Override
    public void onOpenOrders(final Venue venue, final List<ExecutionReport> openOrders)
    {
        // asked only at start-up; the session's own reconciliation covers its orders across reconnects
        reconciliation.onOpenOrders(openOrders);
    }

    @Override
    public void onAccount(final AccountSnapshot snapshot)
    {
        final int c = currencyIndex(snapshot.currency());
        if (c < 0 || pipeline == null)
        {
            foreignSnapshots++;
            return;
        }
        if (!reconciliation.done())
        {
            // the first snapshot published seeds the portfolio's hedge positions: it must come after every order of a
            // previous run has ended, so none of their fills is missed
            heldSnapshots++;
            return;
        }
        snapshots[c]++;
        pipeline.publishAccount(accountIds[c], snapshot);
        published++;
    }

    /** The session's state, published for every account of the connection (they share the session). */
    @Override
    public void onConnectionState(final ConnectionStateEvent event)
    {
        state = event.state();
        lastStateEvent = event;
        synchronized (recentStates)
        {
            if (recentStates.size() == RECENT_STATES)
            {
                recentStates.removeFirst();
            }
            recentStates.addLast(event);
        }
        if (pipeline != null)
        {
            for (final int accountId : accountIds)
            {
                pipeline.publishConnectionState(accountId, event.state());
                published++;
            }
        }
    }

    @Override
    public String toString()
    {
        final ConnectionStateEvent last = lastStateEvent;
        return "VenueConnection[" + config.name() + " " + config.client().uri() + ", " + state
            + (last == null || last.reason().isEmpty() ? "" : " (" + last.reason() + ")") + "]";
    }
}
