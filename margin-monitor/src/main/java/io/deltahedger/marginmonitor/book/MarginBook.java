package io.deltahedger.marginmonitor.book;

import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.model.MarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.Instrument;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the margin gate and monitor see: venue accounts (each with its margin model and last reported snapshot), the
 * instruments registered on them, positions in lots, and market data (instrument marks, underlying index prices,
 * option volatilities). Accounts, instruments and underlyings are dense int ids handed out at registration so the hot
 * path indexes arrays.
 *
 * <p>Registration allocates (startup); updates do not allocate except {@link #onAccount} walking the snapshot's
 * position list. Market data is stored as given: a missing or invalid value (NaN, non-positive mark) is not thrown on
 * but makes {@link #marketReady} false, so the gate refuses new risk rather than computing with it.
 *
 * <p>Single writer: the pipeline stage that owns the gate owns the book.
 */
public final class MarginBook {

    private final int maxAccounts;
    private final int maxInstruments;

    private int accountCount;
    private final Venue[] venue;
    private final String[] currency;
    private final MarginModel[] model;
    private final boolean[] hasSnapshot;
    private final long[] snapshotMs;
    private final double[] equity;
    private final double[] reportedMm;
    private final boolean[] unmodelledPositions;
    private final int[][] accountInstruments;
    private final int[] accountInstrumentCount;

    private int instrumentCount;
    private final MarginInstrument[] instrument;
    private final Instrument[] venueInstrument;
    private final int[] accountOf;
    private final int[] underlyingOf;
    private final long[] positionLots;
    private final double[] mark;
    private final double[] vol;
    private final long[] marketStamp;
    private final long[] indexStamp;
    private final long[] accountStamp;
    private final Map<String, Integer> idByCanonical = new HashMap<>();

    private int underlyingCount;
    private final String[] underlyingName;
    private final double[] index;

    private long version;

    public MarginBook(final int maxAccounts, final int maxInstruments) {
        if (maxAccounts < 1 || maxInstruments < 1) {
            throw new IllegalArgumentException("margin book needs maxAccounts >= 1 and maxInstruments >= 1, got "
                + maxAccounts + ", " + maxInstruments);
        }
        this.maxAccounts = maxAccounts;
        this.maxInstruments = maxInstruments;
        venue = new Venue[maxAccounts];
        currency = new String[maxAccounts];
        model = new MarginModel[maxAccounts];
        hasSnapshot = new boolean[maxAccounts];
        snapshotMs = new long[maxAccounts];
        equity = new double[maxAccounts];
        reportedMm = new double[maxAccounts];
        unmodelledPositions = new boolean[maxAccounts];
        accountInstruments = new int[maxAccounts][];
        accountInstrumentCount = new int[maxAccounts];
        instrument = new MarginInstrument[maxInstruments];
        venueInstrument = new Instrument[maxInstruments];
        accountOf = new int[maxInstruments];
        underlyingOf = new int[maxInstruments];
        positionLots = new long[maxInstruments];
        mark = new double[maxInstruments];
        vol = new double[maxInstruments];
        marketStamp = new long[maxInstruments];
        indexStamp = new long[maxInstruments];
        accountStamp = new long[maxAccounts];
        underlyingName = new String[maxInstruments];
        index = new double[maxInstruments];
        Arrays.fill(mark, Double.NaN);
        Arrays.fill(vol, Double.NaN);
        Arrays.fill(index, Double.NaN);
    }

    /** Registers a venue account (one venue, one margin currency) margined by {@code model}; returns its id. */
    public int addAccount(final Venue venue, final String currency, final MarginModel model) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(model, "model");
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("account on " + venue.code() + " needs a margin currency, got '" + currency + "'");
        }
        for (int a = 0; a < accountCount; a++) {
            if (this.venue[a] == venue && this.currency[a].equals(currency)) {
                throw new IllegalArgumentException("account " + venue.code() + " " + currency + " is already registered as id " + a);
            }
        }
        if (accountCount == maxAccounts) {
            throw new IllegalStateException("margin book is full at " + maxAccounts + " accounts; raise maxAccounts");
        }
        final int id = accountCount++;
        this.venue[id] = venue;
        this.currency[id] = currency;
        this.model[id] = model;
        accountInstruments[id] = new int[8];
        version++;
        return id;
    }

    /**
     * Registers an instrument on an account; returns its id.
     *
     * @throws IllegalArgumentException if the instrument is on another venue, settles in another currency, or the
     *                                  account's model cannot margin it
     */
    public int addInstrument(final int accountId, final Instrument venueInstrument) {
        requireAccount(accountId);
        if (venueInstrument.venue() != venue[accountId] || !venueInstrument.settlementCurrency().equals(currency[accountId])) {
            throw new IllegalArgumentException(venueInstrument.canonicalId() + " settles in "
                + venueInstrument.settlementCurrency() + " on " + venueInstrument.venue().code() + ", not in account "
                + accountName(accountId) + "; register it on the matching account");
        }
        final MarginInstrument resolved = MarginInstrument.of(venueInstrument);
        if (!model[accountId].supports(resolved)) {
            throw new IllegalArgumentException("the margin model of " + accountName(accountId) + " ("
                + model[accountId].getClass().getSimpleName() + ") cannot margin " + resolved.canonicalId() + " ("
                + resolved.kind() + (resolved.inverse() ? ", inverse" : ", linear") + "); configure a model that does");
        }
        if (idByCanonical.containsKey(resolved.canonicalId())) {
            throw new IllegalArgumentException(resolved.canonicalId() + " is already registered");
        }
        if (instrumentCount == maxInstruments) {
            throw new IllegalStateException("margin book is full at " + maxInstruments + " instruments; raise maxInstruments");
        }
        final int id = instrumentCount++;
        instrument[id] = resolved;
        this.venueInstrument[id] = venueInstrument;
        accountOf[id] = accountId;
        underlyingOf[id] = underlyingId(resolved.underlying());
        idByCanonical.put(resolved.canonicalId(), id);
        int[] list = accountInstruments[accountId];
        if (accountInstrumentCount[accountId] == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            accountInstruments[accountId] = list;
        }
        list[accountInstrumentCount[accountId]++] = id;
        version++;
        return id;
    }

    /** The id of an underlying (registering it on first use); index prices are set per underlying. */
    public int underlyingId(final String underlying) {
        for (int u = 0; u < underlyingCount; u++) {
            if (underlyingName[u].equals(underlying)) {
                return u;
            }
        }
        if (underlyingCount == underlyingName.length) {
            throw new IllegalStateException("margin book is full at " + underlyingName.length + " underlyings");
        }
        underlyingName[underlyingCount] = underlying;
        version++;
        return underlyingCount++;
    }

    /** The instrument id of a canonical id, or -1. */
    public int instrumentId(final String canonicalId) {
        final Integer id = idByCanonical.get(canonicalId);
        return id == null ? -1 : id;
    }

    /**
     * Takes a venue's account report as the new authority: equity, maintenance margin, receive time and the positions
     * of every instrument registered on the account (those absent from the snapshot are flat). A position in an
     * instrument not registered here marks the account as holding unmodelled positions: the gate then refuses new
     * risk on it (it cannot shock what it cannot price).
     */
    public void onAccount(final int accountId, final AccountSnapshot snapshot) {
        requireAccount(accountId);
        if (snapshot.venue() != venue[accountId] || !snapshot.currency().equals(currency[accountId])) {
            throw new IllegalArgumentException("snapshot of " + snapshot.venue().code() + " " + snapshot.currency()
                + " delivered to account " + accountName(accountId));
        }
        final int[] list = accountInstruments[accountId];
        for (int k = 0; k < accountInstrumentCount[accountId]; k++) {
            positionLots[list[k]] = 0;
        }
        boolean unmodelled = false;
        final int n = snapshot.positions().size();
        for (int p = 0; p < n; p++) {
            final Position position = snapshot.positions().get(p);
            final Integer id = idByCanonical.get(position.instrument().canonicalId());
            if (id == null || accountOf[id] != accountId) {
                unmodelled |= position.sizeLots() != 0;
            } else {
                positionLots[id] = position.sizeLots();
            }
        }
        unmodelledPositions[accountId] = unmodelled;
        hasSnapshot[accountId] = true;
        snapshotMs[accountId] = snapshot.timestampMs();
        equity[accountId] = snapshot.equity();
        reportedMm[accountId] = snapshot.maintenanceMargin();
        accountStamp[accountId] = ++version;
    }

    /** An instrument's mark in its quote currency (inverse options: coin per option). */
    public void onMark(final int instrumentId, final double markPrice) {
        mark[instrumentId] = markPrice;
        marketStamp[instrumentId] = ++version;
    }

    /** An option's volatility per 1.00 (0.65 for 65%), e.g. its mark IV. */
    public void onVolatility(final int instrumentId, final double volatility) {
        vol[instrumentId] = volatility;
        marketStamp[instrumentId] = ++version;
    }

    /** An underlying's index price, USD per coin. */
    public void onIndex(final int underlyingId, final double indexPrice) {
        index[underlyingId] = indexPrice;
        indexStamp[underlyingId] = ++version;
    }

    /**
     * Whether the instrument's market data is usable: a finite mark (&gt; 0 for delta-one, &gt;= 0 for options), a
     * finite positive index of its underlying, and for options a finite volatility &gt;= 0.
     */
    public boolean marketReady(final int instrumentId) {
        final double m = mark[instrumentId];
        final double s = index[underlyingOf[instrumentId]];
        if (!(s > 0 && s < Double.POSITIVE_INFINITY) || !(m >= 0 && m < Double.POSITIVE_INFINITY)) {
            return false;
        }
        if (instrument[instrumentId].isOption()) {
            final double v = vol[instrumentId];
            return v >= 0 && v < Double.POSITIVE_INFINITY;
        }
        return m > 0;
    }

    private void requireAccount(final int accountId) {
        if (accountId < 0 || accountId >= accountCount) {
            throw new IllegalArgumentException("unknown account id " + accountId + "; registered: 0.." + (accountCount - 1));
        }
    }

    public String accountName(final int accountId) {
        return venue[accountId].code() + " " + currency[accountId];
    }

    /** Incremented on every change; caches compare it. */
    public long version() {
        return version;
    }

    /**
     * The {@link #version()} at which the instrument's mark or volatility last changed, or its underlying's index,
     * whichever is later: a cache of values derived from its market data is current while this is unchanged.
     */
    public long marketStamp(final int instrumentId) {
        return Math.max(marketStamp[instrumentId], indexStamp[underlyingOf[instrumentId]]);
    }

    /** The {@link #version()} at which the account's snapshot (positions, equity, margin) last changed. */
    public long accountStamp(final int accountId) {
        return accountStamp[accountId];
    }

    public int maxAccounts() {
        return maxAccounts;
    }

    public int maxInstruments() {
        return maxInstruments;
    }

    public int accountCount() {
        return accountCount;
    }

    public int instrumentCount() {
        return instrumentCount;
    }

    public boolean isAccount(final int accountId) {
        return accountId >= 0 && accountId < accountCount;
    }

    public boolean isInstrument(final int instrumentId) {
        return instrumentId >= 0 && instrumentId < instrumentCount;
    }

    public Venue venue(final int accountId) {
        return venue[accountId];
    }

    public String currency(final int accountId) {
        return currency[accountId];
    }

    public MarginModel model(final int accountId) {
        return model[accountId];
    }

    public boolean hasSnapshot(final int accountId) {
        return hasSnapshot[accountId];
    }

    public long snapshotMs(final int accountId) {
        return snapshotMs[accountId];
    }

    /** Reported equity (Deribit margin balance under standard margin), in the account currency. */
    public double equity(final int accountId) {
        return equity[accountId];
    }

    /** Reported maintenance margin, in the account currency. */
    public double reportedMaintenanceMargin(final int accountId) {
        return reportedMm[accountId];
    }

    public boolean hasUnmodelledPositions(final int accountId) {
        return unmodelledPositions[accountId];
    }

    public int accountInstrumentCount(final int accountId) {
        return accountInstrumentCount[accountId];
    }

    public int accountInstrument(final int accountId, final int k) {
        return accountInstruments[accountId][k];
    }

    public MarginInstrument instrument(final int instrumentId) {
        return instrument[instrumentId];
    }

    /** The venue instrument as registered (its price grid turns book ticks into prices; routing reads it). */
    public Instrument venueInstrument(final int instrumentId) {
        return venueInstrument[instrumentId];
    }

    public int accountOf(final int instrumentId) {
        return accountOf[instrumentId];
    }

    public int underlyingOf(final int instrumentId) {
        return underlyingOf[instrumentId];
    }

    public long positionLots(final int instrumentId) {
        return positionLots[instrumentId];
    }

    /** Signed position in the instrument's amount currency. */
    public double positionAmount(final int instrumentId) {
        return positionLots[instrumentId] * instrument[instrumentId].lotSize();
    }

    public double mark(final int instrumentId) {
        return mark[instrumentId];
    }

    public double volatility(final int instrumentId) {
        return vol[instrumentId];
    }

    public double index(final int underlyingId) {
        return index[underlyingId];
    }
}
