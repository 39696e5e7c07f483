package io.deltahedger.backtest.venue;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.AmendRequest;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.VenueGateway;
import io.deltahedger.venues.order.VenueListener;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One margin account on a simulated venue that trades against recorded L2 books, for backtests. The hedger's execution
 * stage talks to it through {@link VenueGateway} exactly as to a live adapter; replies come back through the
 * {@link VenueListener} stamped with replay time.
 *
 * <p><b>Time.</b> Every request is stamped with the injected replay clock when sent and <i>arrives</i>
 * {@link SimulatedVenueConfig#latencyMs()} later; it is executed against the book as it stands at arrival. Arrivals
 * (and perpetual funding times) are processed in time order by {@link #advanceTo(long)}, and by
 * {@link #onMarketData(MarketDataEvent)}, which first processes everything that arrives strictly before the event's
 * time and then applies the event (a request arriving in the same millisecond as a book update sees the update).
 * The replay driver, per event at time t: set the clock to t, {@code onMarketData}, run the pipeline (which may send),
 * then {@code advanceTo(t)} (for zero latency).
 *
 * <p><b>Matching.</b> Market, IOC and FOK orders, and the crossing part of a GTC limit, walk the opposite side level by
 * level from the best price, never past the limit, one fill report per level, taker fee. What they take is held in a
 * private overlay ({@link ConsumedLiquidity}) so a second order in the same instant cannot take it again; a book update
 * at a level (or a snapshot) replaces that level and releases the overlay there. The rest of an IOC/market order is
 * CANCELED; a FOK that cannot fill completely within its limit is CANCELED without fills. A GTC remainder rests:
 * passive orders fill only when a recorded trade prints at or through their price (maker fee, at the order's price); with
 * queue position on, the size that was at the price when the order arrived trades first (it shrinks when the book shows
 * the level shrinking, and is skipped by a trade through the price). One trade's size is shared among our orders best
 * price first, then in arrival order.
 *
 * <p><b>Refusals</b> (REJECTED with the venue-neutral reason): a client order id already used by an accepted order of
 * this account, open or finished (INVALID_REQUEST; a refused order does not use up its id), an instrument this account does not trade (UNKNOWN_INSTRUMENT), an amount below the venue's
 * minimum (INVALID_AMOUNT), a limit outside the price band around the mark (INVALID_PRICE), a post-only order that would
 * cross (POST_ONLY_WOULD_CROSS), a reduce-only order that would grow the position (POSITION_LIMIT), an aggressive order
 * when the book is not usable (RETRYABLE).
 *
 * <p><b>Ledger.</b> Balance = initial + realised P&amp;L - fees + funding; equity = balance + unrealised P&amp;L at the
 * mark (else mid, else last fill); initial and maintenance margin from the account's {@link
 * io.deltahedger.marginmonitor.model.MarginModel} per position, as the live gate computes them (open orders carry no
 * margin here). Perpetual funding is charged at the data's funding timestamps, or every
 * {@link SimulatedVenueConfig#fundingIntervalMs()} on the epoch grid: payment = -signed notional x rate (longs pay a
 * positive rate). Options and futures are not settled at expiry by the venue. Every fill and funding payment also goes to
 * the {@link SimulatedFillListener} (the P&amp;L ledger).
 *
 * <p>Threading: single-threaded (the replay thread); listeners are called synchronously on it, never from inside
 * {@link #place} and the other requests (they only queue), so a listener may send new requests from its callback:
 * they are queued behind what is in flight and arrive after the latency like any other. Allocation: reports, requests and resting orders allocate
 * (rare events); book updates and trades without our orders do not.
 */
public final class SimulatedVenue implements VenueGateway
{
    private final SimulatedVenueConfig config;
    private final EpochClock clock;
    private final VenueListener listener;
    private final SimInstrument[] byRegistryIndex;
    private final Map<String, SimInstrument> byCanonicalId = new HashMap<>();
    private final List<SimInstrument> instruments = new ArrayList<>();
    private final PendingQueue pending = new PendingQueue();
    private final Set<ClientOrderId> usedIds = new HashSet<>();
    private final Map<ClientOrderId, RestingOrder> open = new HashMap<>();
    private final List<RestingOrder> openInOrder = new ArrayList<>();

    private final List<SimInstrument> perpetuals = new ArrayList<>();
    private final VenueAccount account;
    private final Matcher matcher;
    private long lastTimeMs = Long.MIN_VALUE;
    private long nextVenueOrderId = 1;

    /**
     * @param config   the account
     * @param registry the instruments of the replay; this account trades those of its venue settling in its currency
     * @param clock    the replay clock (requests are stamped with it; market data is applied at its time)
     * @param listener where execution reports, open orders and account snapshots go
     * @param fills    where fills and funding go for accounting ({@link SimulatedFillListener#NONE} for none)
     * @throws IllegalArgumentException if the margin model cannot margin one of those instruments, or none is traded
     */
    public SimulatedVenue(final SimulatedVenueConfig config, final InstrumentRegistry registry, final EpochClock clock,
                          final VenueListener listener, final SimulatedFillListener fills)
    {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(fills, "fills");
        byRegistryIndex = new SimInstrument[registry.size()];
        final Map<String, double[]> indexByUnderlying = new HashMap<>();
        for (int i = 0; i < registry.size(); i++)
        {
            final Instrument instrument = registry.instrument(i);
            if (instrument.venue() != config.venue() || !instrument.settlementCurrency().equals(config.accountCurrency()))
            {
                continue;
            }
            final SimInstrument sim = new SimInstrument(instrument, i,
                indexByUnderlying.computeIfAbsent(instrument.underlying(), u -> new double[] {Double.NaN, 0}));
            if (!config.marginModel().supports(sim.marginInstrument))
            {
                throw new IllegalArgumentException("simulated " + name() + ": the margin model "
                    + config.marginModel().getClass().getSimpleName() + " cannot margin " + instrument.canonicalId()
                    + "; configure the model the live gate uses for this account");
            }
            byRegistryIndex[i] = sim;
            byCanonicalId.put(instrument.canonicalId(), sim);
            instruments.add(sim);
            if (sim.isPerpetual())
            {
                perpetuals.add(sim);
            }
        }
        if (instruments.isEmpty())
        {
            throw new IllegalArgumentException("simulated " + name() + ": the registry holds no " + config.venue().code()
                + " instrument settling in " + config.accountCurrency() + "; register the instruments before the venue");
        }
        account = new VenueAccount(config, fills, instruments, name());
        matcher = new Matcher(this, account);
    }

    private String name()
    {
        return config.venue().code() + " " + config.accountCurrency() + " account";
    }

    @Override
    public Venue venue()
    {
        return config.venue();
    }

    public SimulatedVenueConfig config()
    {
        return config;
    }

    // ---------------------------------------------------------------- requests: queued, executed at arrival

    @Override
    public SendResult place(final OrderRequest request)
    {
        return enqueue(PendingQueue.PLACE, Objects.requireNonNull(request, "request"));
    }

    @Override
    public SendResult cancel(final CancelRequest request)
    {
        return enqueue(PendingQueue.CANCEL, Objects.requireNonNull(request, "request"));
    }

    @Override
    public SendResult amend(final AmendRequest request)
    {
        return enqueue(PendingQueue.AMEND, Objects.requireNonNull(request, "request"));
    }

    @Override
    public SendResult cancelAll(final Instrument instrument)
    {
        return enqueue(PendingQueue.CANCEL_ALL, instrument);
    }

    @Override
    public SendResult requestOpenOrders()
    {
        return enqueue(PendingQueue.OPEN_ORDERS, null);
    }

    @Override
    public SendResult requestAccount()
    {
        return enqueue(PendingQueue.ACCOUNT, null);
    }

    private SendResult enqueue(final int kind, final Object payload)
    {
        pending.add(kind, clock.epochMs() + config.latencyMs(), payload);
        return SendResult.SENT;
    }

    // ---------------------------------------------------------------- time and market data

    /**
     * Processes every request arriving, and every funding time falling, at or before {@code nowMs}, in time order.
     *
     * @throws IllegalArgumentException if time runs backwards
     */
    public void advanceTo(final long nowMs)
    {
        moveTo(nowMs);
        process(nowMs);
    }

    /**
     * Applies one replayed market-data event at the clock's time: first processes what arrives strictly before it,
     * then updates the book (and releases our overlay at the changed levels), mark, index and funding state, or fills
     * resting orders from trades. Events of other venues or instruments are ignored, so a driver may give every event
     * to every venue.
     */
    public void onMarketData(final MarketDataEvent event)
    {
        final long nowMs = clock.epochMs();
        moveTo(nowMs);
        process(nowMs - 1);
        if (event.venue() != config.venue() || event.instrumentIndex() < 0 || event.instrumentIndex() >= byRegistryIndex.length)
        {
            return;
        }
        final SimInstrument sim = byRegistryIndex[event.instrumentIndex()];
        if (sim == null)
        {
            return;
        }
        switch (event.type())
        {
            case BOOK_SNAPSHOT, BOOK_CHANGE -> sim.applyBook(event);
            case TICKER, FUNDING, INDEX_PRICE -> sim.applyTicker(event);
            case TRADES -> matcher.onTrades(sim, event.trades(), nowMs);
            default ->
            {
            }
        }
    }

    private void moveTo(final long nowMs)
    {
        if (nowMs < lastTimeMs)
        {
            throw new IllegalArgumentException("simulated " + name() + ": replay time went back from " + lastTimeMs
                + " to " + nowMs + " ms; merge the replay's inputs by time");
        }
        if (lastTimeMs == Long.MIN_VALUE)
        {
            for (final SimInstrument sim : perpetuals)
            {
                if (sim.fundingDueMs == Long.MIN_VALUE)
                {
                    sim.fundingDueMs = Math.floorDiv(nowMs, config.fundingIntervalMs()) * config.fundingIntervalMs()
                        + config.fundingIntervalMs();
                }
            }
        }
        lastTimeMs = nowMs;
    }

    private void process(final long limitMs)
    {
        while (true)
        {
            final long arrival = pending.isEmpty() ? Long.MAX_VALUE : pending.peekTime();
            SimInstrument fundingDue = null;
            for (int i = 0, n = perpetuals.size(); i < n; i++)
            {
                final SimInstrument sim = perpetuals.get(i);
                if (sim.fundingDueMs != Long.MIN_VALUE
                    && (fundingDue == null || sim.fundingDueMs < fundingDue.fundingDueMs))
                {
                    fundingDue = sim;
                }
            }
            final long funding = fundingDue == null ? Long.MAX_VALUE : fundingDue.fundingDueMs;
            if (Math.min(arrival, funding) > limitMs)
            {
                return;
            }
            if (funding <= arrival)
            {
                account.chargeFunding(fundingDue, funding);
            }
            else
            {
                final int kind = pending.peekKind();
                final Object payload = pending.peekPayload();
                pending.remove();
                arrive(kind, payload, arrival);
            }
        }
    }

    private void arrive(final int kind, final Object payload, final long timeMs)
    {
        switch (kind)
        {
            case PendingQueue.PLACE -> matcher.place((OrderRequest) payload, timeMs);
            case PendingQueue.CANCEL -> cancelArrived((CancelRequest) payload, timeMs);
            case PendingQueue.AMEND -> matcher.amend((AmendRequest) payload, timeMs);
            case PendingQueue.CANCEL_ALL -> cancelAllArrived((Instrument) payload, timeMs);
            case PendingQueue.OPEN_ORDERS -> listener.onOpenOrders(config.venue(), openOrderReports(timeMs));
            case PendingQueue.ACCOUNT -> listener.onAccount(accountSnapshot(timeMs));
            default -> throw new IllegalStateException("unknown pending request kind " + kind);
        }
    }

    private void cancelArrived(final CancelRequest request, final long timeMs)
    {
        final RestingOrder order = open.get(request.clientOrderId());
        if (order == null)
        {
            final RejectReason reason = usedIds.contains(request.clientOrderId())
                ? RejectReason.ORDER_NOT_OPEN : RejectReason.ORDER_NOT_FOUND;
            report(new ExecutionReport(request.clientOrderId(), null, request.instrument(), ExecType.CANCEL_REJECTED, 0, 0,
                0, 0, 0, reason, "no open order with this client id", timeMs));
            return;
        }
        removeResting(order);
        report(order, ExecType.CANCELED, "cancelled by request", timeMs);
    }

    private void cancelAllArrived(final Instrument instrument, final long timeMs)
    {
        for (final RestingOrder order : new ArrayList<>(openInOrder))
        {
            if (instrument == null || order.instrument.instrument.canonicalId().equals(instrument.canonicalId()))
            {
                removeResting(order);
                report(order, ExecType.CANCELED, "cancel all", timeMs);
            }
        }
    }

    private List<ExecutionReport> openOrderReports(final long timeMs)
    {
        final List<ExecutionReport> reports = new ArrayList<>(openInOrder.size());
        for (final RestingOrder order : openInOrder)
        {
            reports.add(statusReport(order, ExecType.STATUS, "", timeMs));
        }
        return reports;
    }

    // ---------------------------------------------------------------- shared with the matcher

    SimInstrument instrumentOf(final Instrument instrument)
    {
        return byCanonicalId.get(instrument.canonicalId());
    }

    boolean clientIdUsed(final ClientOrderId id)
    {
        return usedIds.contains(id);
    }

    void useClientId(final ClientOrderId id)
    {
        usedIds.add(id);
    }

    String nextVenueOrderId()
    {
        return "sim-" + config.venue().code() + "-" + nextVenueOrderId++;
    }

    RestingOrder openOrder(final ClientOrderId id)
    {
        return open.get(id);
    }

    void addResting(final RestingOrder order)
    {
        order.instrument.resting.add(order);
        open.put(order.request.clientOrderId(), order);
        openInOrder.add(order);
    }

    void removeResting(final RestingOrder order)
    {
        order.instrument.resting.remove(order);
        open.remove(order.request.clientOrderId());
        openInOrder.remove(order);
    }

    void report(final ExecutionReport report)
    {
        listener.onExecutionReport(report);
    }

    private void report(final RestingOrder order, final ExecType type, final String text, final long timeMs)
    {
        report(statusReport(order, type, text, timeMs));
    }

    static ExecutionReport statusReport(final RestingOrder order, final ExecType type, final String text, final long timeMs)
    {
        return new ExecutionReport(order.request.clientOrderId(), order.venueOrderId, order.request.instrument(), type,
            order.priceTicks, order.amountLots, 0, 0, order.cumLots, null, text, timeMs);
    }

    static ExecutionReport fillReport(final RestingOrder order, final long lots, final long priceTicks, final boolean done,
                                      final long timeMs)
    {
        return new ExecutionReport(order.request.clientOrderId(), order.venueOrderId, order.request.instrument(),
            done ? ExecType.FILL : ExecType.PARTIAL_FILL, order.priceTicks, order.amountLots, priceTicks, lots,
            order.cumLots, null, "", timeMs);
    }

    // ---------------------------------------------------------------- the account

    /**
     * The account as the venue would report it at {@code timeMs}: balance, equity = balance + unrealised P&amp;L,
     * margins from the account's margin model at the marks and index, and the positions.
     *
     * @throws IllegalStateException if an option position must be margined before any index price was seen
     */
    public AccountSnapshot accountSnapshot(final long timeMs)
    {
        return account.snapshot(timeMs);
    }

    /** Wallet balance: initial + realised P&amp;L - fees + funding, in the account currency. */
    public double balance()
    {
        return account.balance;
    }

    /** Fees paid so far (negative: net rebates). */
    public double feesPaid()
    {
        return account.feesPaid;
    }

    /** Funding received so far (negative: paid). */
    public double fundingReceived()
    {
        return account.fundingReceived;
    }

    /** Realised P&amp;L of closed position parts so far. */
    public double realisedPnl()
    {
        return account.realisedPnl;
    }

    /** Funding times at which a position was held but no rate or price was known yet (nothing was charged). */
    public long fundingSkipped()
    {
        return account.fundingSkipped;
    }

    /** The signed position in lots. */
    public long positionLots(final Instrument instrument)
    {
        final SimInstrument sim = instrumentOf(instrument);
        return sim == null ? 0 : sim.positionLots;
    }

    /** The recorded book of an instrument (without our overlay), or null if this account does not trade it. */
    public L2Book book(final Instrument instrument)
    {
        final SimInstrument sim = instrumentOf(instrument);
        return sim == null ? null : sim.book;
    }

    /** How many orders rest on the venue. */
    public int openOrderCount()
    {
        return openInOrder.size();
    }

    /** How many requests are in flight (sent, not yet arrived). */
    public int inFlightCount()
    {
        return pending.size();
    }

    SimulatedVenueConfig cfg()
    {
        return config;
    }
}
