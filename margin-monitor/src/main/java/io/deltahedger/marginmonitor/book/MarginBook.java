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
 * <p>Names: every account has a unique name (by default {@code "<venue code> <currency>"}; give one with
 * {@link #addAccount(String, Venue, String, String, MarginModel)} when two accounts share a venue and currency, e.g. two
 * Deribit endpoints). An instrument is registered per account under the key {@code <account name>/<canonical id>}
 * ({@link #instrumentKey}), so the same canonical instrument may live on several accounts; a plain canonical id still
 * finds it while only one account holds it (docs/margin.md "Two accounts of one venue").
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
    /** Qualified key {@code <account name>/<canonical id>} -> instrument id. */
    private final Map<String, Integer> idByKey = new HashMap<>();
    /** Plain canonical id -> instrument id, or {@link #AMBIGUOUS} when several accounts hold it. */
    private final Map<String, Integer> idByCanonical = new HashMap<>();
    /** Per account: canonical id -> instrument id (snapshot positions are matched here). */
    private final Map<String, Integer>[] accountIdByCanonical;
    private final String[] accountName;

    private int underlyingCount;
    private final String[] underlyingName;
    private final double[] index;

    private long version;

    /** Separates an account name from a canonical id in an instrument key. */
    public static final char KEY_SEPARATOR = '/';
    private static final int AMBIGUOUS = -2;

    @SuppressWarnings("unchecked")
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
        accountIdByCanonical = new Map[maxAccounts];
        accountName = new String[maxAccounts];
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

    /**
     * Registers a venue account (one venue, one margin currency) margined by {@code model}, named
     * {@code "<venue code> <currency>"}; returns its id.
     */
    public int addAccount(final Venue venue, final String currency, final MarginModel model) {
        Objects.requireNonNull(venue, "venue");
        return addAccount(venue.code() + " " + currency, venue, currency, model);
    }

    /**
     * Registers a named venue account; returns its id. The name tells apart accounts of one venue and currency on
     * different endpoints or keys (e.g. {@code sim-a BTC}, {@code sim-b BTC}).
     *
     * @param name a unique account name without {@value #KEY_SEPARATOR}
     */
    public int addAccount(final String name, final Venue venue, final String currency, final MarginModel model) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(model, "model");
        if (currency == null || currency.isBlank()) {
            throw new IllegalArgumentException("account on " + venue.code() + " needs a margin currency, got '" + currency + "'");
        }
        if (name == null || name.isBlank() || name.indexOf(KEY_SEPARATOR) >= 0) {
            throw new IllegalArgumentException("account name must be non-blank and free of '" + KEY_SEPARATOR
                + "', got '" + name + "'; e.g. 'sim-a BTC'");
        }
        for (int a = 0; a < accountCount; a++) {
            if (accountName[a].equals(name)) {
                throw new IllegalArgumentException("account " + name + " is already registered as id " + a
                    + "; give accounts of the same venue and currency distinct names");
            }
        }
        if (accountCount == maxAccounts) {
            throw new IllegalStateException("margin book is full at " + maxAccounts + " accounts; raise maxAccounts");
        }
        final int id = accountCount++;
        this.accountName[id] = name;
        this.venue[id] = venue;
        this.currency[id] = currency;
        this.model[id] = model;
        accountInstruments[id] = new int[8];
        accountIdByCanonical[id] = new HashMap<>();
        version++;
        return id;
    }

    /** The id of a named account, or -1. */
    public int accountId(final String name) {
        for (int a = 0; a < accountCount; a++) {
            if (accountName[a].equals(name)) {
                return a;
            }
        }
        return -1;
    }

    /** The key an instrument is registered under on an account: {@code <account name>/<canonical id>}. */
    public String instrumentKey(final int accountId, final String canonicalId) {
        requireAccount(accountId);
        return accountName[accountId] + KEY_SEPARATOR + canonicalId;
    }

    /** The key of a registered instrument: {@code <account name>/<canonical id>}. */
    public String instrumentKey(final int instrumentId) {
        return accountName[accountOf[instrumentId]] + KEY_SEPARATOR + instrument[instrumentId].canonicalId();
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
        final String key = accountName[accountId] + KEY_SEPARATOR + resolved.canonicalId();
        if (idByKey.containsKey(key)) {
            throw new IllegalArgumentException(resolved.canonicalId() + " is already registered on account "
                + accountName[accountId] + " (as " + key + ")");
        }
        if (instrumentCount == maxInstruments) {
            throw new IllegalStateException("margin book is full at " + maxInstruments + " instruments; raise maxInstruments");
        }
        final int id = instrumentCount++;
        instrument[id] = resolved;
        this.venueInstrument[id] = venueInstrument;
        accountOf[id] = accountId;
        underlyingOf[id] = underlyingId(resolved.underlying());
        idByKey.put(key, id);
        idByCanonical.merge(resolved.canonicalId(), id, (a, b) -> AMBIGUOUS);
        accountIdByCanonical[accountId].put(resolved.canonicalId(), id);
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

    /**
     * The instrument id of a key {@code <account name>/<canonical id>}, or of a plain canonical id registered on one
     * account only; -1 if unknown.
     *
     * @throws IllegalArgumentException for a plain canonical id registered on several accounts (qualify it)
     */
    public int instrumentId(final String keyOrCanonicalId) {
        final Integer qualified = idByKey.get(keyOrCanonicalId);
        if (qualified != null) {
            return qualified;
        }
        final Integer id = idByCanonical.get(keyOrCanonicalId);
        if (id == null) {
            return -1;
        }
        if (id == AMBIGUOUS) {
            final StringBuilder accounts = new StringBuilder();
            for (int a = 0; a < accountCount; a++) {
                if (accountIdByCanonical[a].containsKey(keyOrCanonicalId)) {
                    accounts.append(accounts.length() == 0 ? "" : ", ").append(accountName[a]);
                }
            }
            throw new IllegalArgumentException(keyOrCanonicalId + " is registered on several accounts (" + accounts
                + "): name it as <account name>" + KEY_SEPARATOR + keyOrCanonicalId);
        }
        return id;
    }

    /** The id of a canonical instrument on one account, or -1. */
    public int instrumentId(final int accountId, final String canonicalId) {
        requireAccount(accountId);
        final Integer id = accountIdByCanonical[accountId].get(canonicalId);
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
            final Integer id = accountIdByCanonical[accountId].get(position.instrument().canonicalId());
            if (id == null) {
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

    /** The account's unique name (by default {@code "<venue code> <currency>"}). */
    public String accountName(final int accountId) {
        return accountName[accountId];
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
