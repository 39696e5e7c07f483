package io.deltahedger.backtest.pnl;

import io.deltahedger.backtest.venue.SimulatedFillListener;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The P&amp;L attribution of one backtest in one currency (the settlement currency of what it holds: BTC for a Deribit
 * coin-margined book, USDT for a Binance one; instruments settling in another currency are refused, so nothing is
 * silently converted).
 *
 * <p><b>Accounting.</b> Cash-flow accounting per instrument: a fill of signed amount {@code q} at price {@code p} adds
 * {@code -value(q, p)} to the instrument's cash ({@link ValueConvention}); its mark-to-market P&amp;L is
 * {@code cash + value(position, mark)}. Slippage of a fill is {@code -(value(q, p) - value(q, mid))}: what trading
 * away from the mid cost. The instrument's P&amp;L net of slippage (as if every trade were done at mid) is its book's
 * component, {@link Book#OPTIONS} or {@link Book#HEDGE}. Fees and funding are their own components. The components sum
 * to the total, which is also the sum of the instruments' mark-to-market P&amp;L minus fees plus funding (the
 * equity change an account would show); a property test checks both against an independent average-cost ledger.
 *
 * <p><b>Statistics</b> ({@link #sample}): the cumulative components over time, the maximum drawdown of the total, the
 * hedged book's daily P&amp;L (options + hedge, costs excluded, so cost and hedging error are separate axes of the
 * cost-versus-error frontier) per complete UTC day, and from those the hedging error. Also the worst maintenance
 * margin ratio per venue ({@link #onMarginRatio}), the net delta against its band ({@link #onNetDelta}), turnover,
 * and counts of fills, orders and groups.
 *
 * <p>Deterministic; allocation-free per fill, mark and sample in steady state (primitive arrays indexed by the id
 * {@link #addInstrument} returns; the series grow by doubling). Single writer: the replay thread.
 */
public final class PnlLedger implements SimulatedFillListener
{
    /** Which book an instrument's P&amp;L belongs to. */
    public enum Book
    {
        OPTIONS,
        HEDGE
    }

    /** Columns of {@link #pnlSeries()}. */
    public static final int TOTAL = 0;
    public static final int OPTIONS = 1;
    public static final int HEDGE = 2;
    public static final int FEES = 3;
    public static final int SLIPPAGE = 4;
    public static final int FUNDING = 5;
    /** Columns of {@link #deltaSeries()}. */
    public static final int DELTA = 0;
    public static final int BAND_LOW = 1;
    public static final int BAND_HIGH = 2;

    private static final long DAY_MS = 86_400_000L;

    private final String currency;
    private final Map<String, Integer> idByName = new HashMap<>();
    private final Map<Instrument, Integer> idByInstrument = new IdentityHashMap<>();
    private String[] names = new String[8];
    private Book[] books = new Book[8];
    private ValueConvention[] conventions = new ValueConvention[8];
    private double[] cash = new double[8];
    private double[] slippageCost = new double[8];
    private double[] position = new double[8];
    private double[] mark = new double[8];
    private double[] lastPrice = new double[8];
    private int count;

    private double feesPaid;
    private double fundingReceived;
    private double hedgeTurnover;
    private double optionsTurnover;
    private long fills;
    private long orders;
    private long groups;

    private final SeriesBuffer pnl = new SeriesBuffer(6, 1024);
    private final SeriesBuffer delta = new SeriesBuffer(3, 1024);
    private final SeriesBuffer[] margin = new SeriesBuffer[Venue.values().length];
    private final double[] worstMargin = new double[Venue.values().length];
    private final long[] worstMarginAtMs = new long[Venue.values().length];
    private double peak = Double.NEGATIVE_INFINITY;
    private double maxDrawdown;

    private long currentDay = Long.MIN_VALUE;
    private double dayStartHedged;
    private double lastHedged;
    private double[] dailyPnl = new double[64];
    private int days;
    private long lastSampleMs = Long.MIN_VALUE;
    /** Options, hedge and slippage as last added up ({@link #addUpComponents}). */
    private final double[] components = new double[3];
    private static final int OPTIONS_PART = 0;
    private static final int HEDGE_PART = 1;
    private static final int SLIPPAGE_PART = 2;

    /** @param currency the currency of every amount given to and reported by this ledger (BTC, USDT) */
    public PnlLedger(final String currency)
    {
        if (currency == null || currency.isBlank())
        {
            throw new IllegalArgumentException("P&L ledger needs a currency (e.g. BTC, USDT), got '" + currency + "'");
        }
        this.currency = currency;
        Arrays.fill(worstMargin, Double.NaN);
    }

    public String currency()
    {
        return currency;
    }

    /**
     * Registers a venue instrument in a book; its id is what {@link #onFill(int, long, double, double, double, double)}
     * and {@link #onMark} take. Re-registering the same instrument in the same book returns its id.
     *
     * @throws IllegalArgumentException if it settles in another currency than the ledger's, or is registered in the
     *                                  other book
     */
    public int addInstrument(final Instrument instrument, final Book book)
    {
        if (!instrument.settlementCurrency().equals(currency))
        {
            throw new IllegalArgumentException(instrument.canonicalId() + " settles in " + instrument.settlementCurrency()
                + " but this P&L ledger is in " + currency + "; keep one ledger per settlement currency");
        }
        return add(instrument.canonicalId(), ValueConvention.of(instrument), book);
    }

    /** Registers a position by name and value convention (e.g. an options book read from a file). */
    public int add(final String name, final ValueConvention convention, final Book book)
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(book, "book");
        final Integer existing = idByName.get(name);
        if (existing != null)
        {
            if (books[existing] != book || conventions[existing] != convention)
            {
                throw new IllegalArgumentException(name + " is already in the " + books[existing] + " book as "
                    + conventions[existing] + "; an instrument belongs to one book");
            }
            return existing;
        }
        if (count == names.length)
        {
            final int n = count * 2;
            names = Arrays.copyOf(names, n);
            books = Arrays.copyOf(books, n);
            conventions = Arrays.copyOf(conventions, n);
            cash = Arrays.copyOf(cash, n);
            slippageCost = Arrays.copyOf(slippageCost, n);
            position = Arrays.copyOf(position, n);
            mark = Arrays.copyOf(mark, n);
            lastPrice = Arrays.copyOf(lastPrice, n);
        }
        final int id = count++;
        names[id] = name;
        books[id] = book;
        conventions[id] = convention;
        idByName.put(name, id);
        return id;
    }

    /** The id of a registered name (a canonical instrument id), or -1. */
    public int idOf(final String name)
    {
        final Integer id = idByName.get(name);
        return id == null ? -1 : id;
    }

    /**
     * A fill (or an option position taken from a file or rule: pass the mark as price and mid, fee 0).
     *
     * @param signedAmount amount in the instrument's amount currency, positive bought, non-zero and finite
     * @param price        fill price in the quote currency, finite and &gt; 0
     * @param midPrice     mid when it filled, finite and &gt; 0
     * @param fee          fee paid in the ledger's currency (negative: rebate), finite
     */
    public void onFill(final int id, final long timeMs, final double signedAmount, final double price,
                       final double midPrice, final double fee)
    {
        requireId(id);
        if (!(signedAmount != 0 && Double.isFinite(signedAmount)) || !(price > 0 && Double.isFinite(price))
            || !(midPrice > 0 && Double.isFinite(midPrice)) || !Double.isFinite(fee))
        {
            throw new IllegalArgumentException("fill of " + names[id] + " at " + timeMs + " needs a finite non-zero amount,"
                + " price and mid > 0 and a finite fee, got " + signedAmount + " @ " + price + " mid " + midPrice + " fee "
                + fee);
        }
        final ValueConvention convention = conventions[id];
        final double atFill = convention.value(signedAmount, price);
        cash[id] -= atFill;
        slippageCost[id] += atFill - convention.value(signedAmount, midPrice);
        position[id] += signedAmount;
        lastPrice[id] = price;
        feesPaid += fee;
        fills++;
        if (books[id] == Book.HEDGE)
        {
            hedgeTurnover += Math.abs(atFill);
        }
        else
        {
            optionsTurnover += Math.abs(atFill);
        }
    }

    /**
     * Closes a position at its settlement value (an option's expiry): the whole position trades at
     * {@code settlementPrice} in the quote currency, which may be 0 (an option expiring worthless), without fee and
     * without slippage (settlement is not a trade against a book); the mark becomes the settlement price. Not counted
     * as a fill or turnover. A flat position is left as it is.
     *
     * @throws IllegalArgumentException if the price is negative or not finite
     */
    public void onSettlement(final int id, final long timeMs, final double settlementPrice)
    {
        requireId(id);
        if (!(settlementPrice >= 0 && Double.isFinite(settlementPrice)))
        {
            throw new IllegalArgumentException("settlement of " + names[id] + " at " + timeMs + " needs a finite price >= 0,"
                + " got " + settlementPrice);
        }
        if (conventions[id] != ValueConvention.LINEAR && !(settlementPrice > 0))
        {
            throw new IllegalArgumentException("settlement of the inverse " + names[id] + " at " + timeMs
                + " needs a price > 0, got " + settlementPrice);
        }
        final double amount = position[id];
        if (amount != 0)
        {
            cash[id] += conventions[id].value(amount, settlementPrice);
            position[id] = 0;
        }
        mark[id] = settlementPrice;
        lastPrice[id] = settlementPrice;
    }

    /** The mark of an instrument in its quote currency, finite and &gt; 0; positions are valued at it. */
    public void onMark(final int id, final double markPrice)
    {
        requireId(id);
        if (!(markPrice > 0 && Double.isFinite(markPrice)))
        {
            throw new IllegalArgumentException("mark of " + names[id] + " must be finite and > 0, got " + markPrice
                + "; skip marks the data does not have");
        }
        mark[id] = markPrice;
    }

    /** A funding payment received (negative: paid), in the ledger's currency. */
    public void onFundingPayment(final long timeMs, final double payment)
    {
        if (!Double.isFinite(payment))
        {
            throw new IllegalArgumentException("funding payment at " + timeMs + " must be finite, got " + payment);
        }
        fundingReceived += payment;
    }

    @Override
    public void onFill(final Venue venue, final Instrument instrument, final long timeMs, final double signedAmount,
                       final double price, final double midPrice, final double fee, final boolean maker)
    {
        onFill(requireName(instrument), timeMs, signedAmount, price, midPrice, fee);
    }

    @Override
    public void onFunding(final Venue venue, final Instrument instrument, final long timeMs, final double positionAmount,
                          final double markPrice, final double rate, final double payment)
    {
        requireName(instrument);
        onFundingPayment(timeMs, payment);
    }

    private int requireName(final Instrument instrument)
    {
        // By identity first: a venue passes the same Instrument object on every fill, and canonicalId() builds a string.
        Integer id = idByInstrument.get(instrument);
        if (id == null)
        {
            id = idByName.get(instrument.canonicalId());
            if (id == null)
            {
                throw new IllegalStateException(instrument.canonicalId() + " filled but is not registered in the P&L"
                    + " ledger; register every traded instrument with addInstrument before the replay");
            }
            idByInstrument.put(instrument, id);
        }
        return id;
    }

    private void requireId(final int id)
    {
        if (id < 0 || id >= count)
        {
            throw new IllegalArgumentException("no instrument has P&L ledger id " + id + "; ids run 0.." + (count - 1));
        }
    }

    /** One order sent (for the counts). */
    public void onOrder()
    {
        orders++;
    }

    /** One rebalancing group started (for the counts). */
    public void onGroup()
    {
        groups++;
    }

    /**
     * A maintenance-margin ratio sample of a venue account ({@code AccountSnapshot.maintenanceMarginUsage()}: 1.0 is
     * liquidation). +infinity (margin against no equity) is kept as the worst and charted at the top.
     */
    public void onMarginRatio(final Venue venue, final long timeMs, final double ratio)
    {
        if (!(ratio >= 0))
        {
            throw new IllegalArgumentException(venue.code() + " margin ratio must be >= 0, got " + ratio);
        }
        final int v = venue.ordinal();
        if (margin[v] == null)
        {
            margin[v] = new SeriesBuffer(1, 1024);
        }
        margin[v].add(timeMs);
        margin[v].set(0, ratio);
        if (Double.isNaN(worstMargin[v]) || ratio > worstMargin[v])
        {
            worstMargin[v] = ratio;
            worstMarginAtMs[v] = timeMs;
        }
    }

    /** A net delta sample against the policy's band (same units, e.g. coin). */
    public void onNetDelta(final long timeMs, final double netDelta, final double bandLow, final double bandHigh)
    {
        if (!Double.isFinite(netDelta) || !Double.isFinite(bandLow) || !Double.isFinite(bandHigh) || bandLow > bandHigh)
        {
            throw new IllegalArgumentException("net delta sample at " + timeMs + " needs finite values and low <= high, got "
                + netDelta + " in [" + bandLow + ", " + bandHigh + "]");
        }
        delta.add(timeMs);
        delta.set(DELTA, netDelta);
        delta.set(BAND_LOW, bandLow);
        delta.set(BAND_HIGH, bandHigh);
    }

    /**
     * Records the P&amp;L components at {@code timeMs} (call at the cadence the report should have, e.g. every minute
     * of replay time and at the end), updating the drawdown and the daily P&amp;L.
     *
     * @throws IllegalArgumentException if time goes back
     */
    public void sample(final long timeMs)
    {
        if (timeMs < lastSampleMs)
        {
            throw new IllegalArgumentException("P&L samples must not go back in time: " + timeMs + " after " + lastSampleMs);
        }
        lastSampleMs = timeMs;
        addUpComponents();
        final double options = components[OPTIONS_PART];
        final double hedge = components[HEDGE_PART];
        final double slippage = components[SLIPPAGE_PART];
        final double total = options + hedge + slippage - feesPaid + fundingReceived;
        pnl.add(timeMs);
        pnl.set(TOTAL, total);
        pnl.set(OPTIONS, options);
        pnl.set(HEDGE, hedge);
        pnl.set(FEES, -feesPaid);
        pnl.set(SLIPPAGE, slippage);
        pnl.set(FUNDING, fundingReceived);
        peak = Math.max(peak, total);
        maxDrawdown = Math.max(maxDrawdown, peak - total);
        final double hedged = options + hedge;
        final long day = Math.floorDiv(timeMs, DAY_MS);
        if (currentDay == Long.MIN_VALUE)
        {
            currentDay = day;
            dayStartHedged = 0.0;
        }
        else if (day > currentDay)
        {
            if (days == dailyPnl.length)
            {
                dailyPnl = Arrays.copyOf(dailyPnl, days * 2);
            }
            dailyPnl[days++] = lastHedged - dayStartHedged;
            dayStartHedged = lastHedged;
            currentDay = day;
        }
        lastHedged = hedged;
    }

    /** Mark-to-market P&amp;L of instrument {@code id}: cash + value of the position at the mark (else last price). */
    private double markToMarket(final int id)
    {
        final double q = position[id];
        if (q == 0)
        {
            return cash[id];
        }
        final double price = mark[id] > 0 ? mark[id] : lastPrice[id];
        return cash[id] + conventions[id].value(q, price);
    }

    /**
     * The equity change computed without the attribution: the instruments' mark-to-market P&amp;L minus fees plus
     * funding. Equals {@link #summary()}'s total up to double rounding.
     */
    public double totalPnl()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += markToMarket(i);
        }
        return sum - feesPaid + fundingReceived;
    }

    /**
     * Adds up the options and hedge books at their marks (slippage added back: it is a component of its own) and the
     * slippage against mid, into {@link #components}.
     */
    private void addUpComponents()
    {
        double options = 0;
        double hedge = 0;
        double slippage = 0;
        for (int i = 0; i < count; i++)
        {
            final double component = markToMarket(i) + slippageCost[i];
            if (books[i] == Book.OPTIONS)
            {
                options += component;
            }
            else
            {
                hedge += component;
            }
            slippage -= slippageCost[i];
        }
        components[OPTIONS_PART] = options;
        components[HEDGE_PART] = hedge;
        components[SLIPPAGE_PART] = slippage;
    }

    /** The components as of now (not of the last sample) and the statistics over the samples so far. */
    public PnlSummary summary()
    {
        addUpComponents();
        final double options = components[OPTIONS_PART];
        final double hedge = components[HEDGE_PART];
        final double slippage = components[SLIPPAGE_PART];
        final double total = options + hedge + slippage - feesPaid + fundingReceived;
        return new PnlSummary(total, options, hedge, -feesPaid, slippage, fundingReceived, hedgingError(), days,
            maxDrawdown, hedgeTurnover, optionsTurnover, fills, orders, groups);
    }

    /** Sample standard deviation of the complete days' hedged P&amp;L; 0 with fewer than two days. */
    public double hedgingError()
    {
        if (days < 2)
        {
            return 0.0;
        }
        double mean = 0;
        for (int i = 0; i < days; i++)
        {
            mean += dailyPnl[i];
        }
        mean /= days;
        double squares = 0;
        for (int i = 0; i < days; i++)
        {
            final double d = dailyPnl[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (days - 1));
    }

    /** The complete days' hedged P&amp;L, oldest first. */
    public double[] dailyHedgedPnl()
    {
        return Arrays.copyOf(dailyPnl, days);
    }

    /** The sampled components: columns {@link #TOTAL} .. {@link #FUNDING}. */
    public SeriesBuffer pnlSeries()
    {
        return pnl;
    }

    /** The net delta samples: columns {@link #DELTA}, {@link #BAND_LOW}, {@link #BAND_HIGH}. */
    public SeriesBuffer deltaSeries()
    {
        return delta;
    }

    /** The margin ratio samples of a venue (one column), or null if none. */
    public SeriesBuffer marginSeries(final Venue venue)
    {
        return margin[venue.ordinal()];
    }

    /** The worst (highest) margin ratio seen on a venue; 0 if none was given ({@link #marginSeries} is then null). */
    public double worstMarginRatio(final Venue venue)
    {
        final double worst = worstMargin[venue.ordinal()];
        return Double.isNaN(worst) ? 0.0 : worst;
    }

    /** When the worst margin ratio of a venue was seen. */
    public long worstMarginRatioAtMs(final Venue venue)
    {
        return worstMarginAtMs[venue.ordinal()];
    }

    /** The signed position of an instrument, in its amount currency. */
    public double position(final int id)
    {
        requireId(id);
        return position[id];
    }
}
