package io.deltahedger.venues.marketdata;

import io.deltahedger.venues.Venue;

/**
 * One normalised market-data message, pre-allocated and reused (a Disruptor ring slot, or a decoder's scratch
 * event). A decoder {@link #clear() clears} it and fills the fields of its {@link #type()}; nothing is allocated per
 * message in steady state.
 *
 * <p>Units: prices on the instrument's tick grid are long ticks, amounts long lots of its amount step (see
 * {@link io.deltahedger.venues.instrument.Instrument}). Prices that are not on the grid (mark, index, underlying,
 * settlement) are doubles in the quote currency. Implied vols are fractions (0.6289 for Deribit's 62.89 percent).
 * Greeks are the venue's own, in the venue's units (Deribit: delta per option, gamma per 1 USD, vega in USD per
 * vol point, theta in USD per day, rho in USD per rate point). Funding rates are fractions per period.
 *
 * <p>Threading: one writer at a time (the decoder or the ring's publisher); readers see it after the usual
 * ring hand-off.
 */
public final class MarketDataEvent {
    /** {@link #sequence()} / {@link #prevSequence()} when the venue sent none. */
    public static final long NO_SEQUENCE = Long.MIN_VALUE;

    private Venue venue;
    private MarketDataType type = MarketDataType.NONE;
    private int instrumentIndex = -1;
    private long venueTimestampMs;
    private long sequence = NO_SEQUENCE;
    private long prevSequence = NO_SEQUENCE;

    private final Levels bids;
    private final Levels asks;
    private final Trades trades;

    private long presentFields;
    private long bestBidTicks;
    private long bestBidLots;
    private long bestAskTicks;
    private long bestAskLots;
    private long lastPriceTicks;
    private double markPrice;
    private double indexPrice;
    private double settlementPrice;
    private double underlyingPrice;
    private double markIv;
    private double bidIv;
    private double askIv;
    private double delta;
    private double gamma;
    private double vega;
    private double theta;
    private double rho;
    private double openInterest;
    private double currentFunding;
    private double funding8h;
    private double interestRate;
    private long nextFundingTimeMs;

    /** An event with room for 64 levels a side and 16 trades before it first grows. */
    public MarketDataEvent() {
        this(64, 16);
    }

    public MarketDataEvent(final int levelsPerSide, final int tradeCapacity) {
        bids = new Levels(levelsPerSide);
        asks = new Levels(levelsPerSide);
        trades = new Trades(tradeCapacity);
    }

    /** Resets to {@link MarketDataType#NONE}, keeping the buffers. */
    public void clear() {
        venue = null;
        type = MarketDataType.NONE;
        instrumentIndex = -1;
        venueTimestampMs = 0;
        sequence = NO_SEQUENCE;
        prevSequence = NO_SEQUENCE;
        bids.clear();
        asks.clear();
        trades.clear();
        presentFields = 0;
        bestBidTicks = bestBidLots = bestAskTicks = bestAskLots = lastPriceTicks = 0;
        markPrice = indexPrice = settlementPrice = underlyingPrice = 0;
        markIv = bidIv = askIv = 0;
        delta = gamma = vega = theta = rho = 0;
        openInterest = currentFunding = funding8h = interestRate = 0;
        nextFundingTimeMs = 0;
    }

    /**
     * Makes this event an exact copy of {@code other} (e.g. publishing a decoder's scratch event into a ring slot).
     * Allocation-free once this event's buffers are as large as the other's.
     */
    public void copyFrom(final MarketDataEvent other) {
        venue = other.venue;
        type = other.type;
        instrumentIndex = other.instrumentIndex;
        venueTimestampMs = other.venueTimestampMs;
        sequence = other.sequence;
        prevSequence = other.prevSequence;
        bids.copyFrom(other.bids);
        asks.copyFrom(other.asks);
        trades.copyFrom(other.trades);
        presentFields = other.presentFields;
        bestBidTicks = other.bestBidTicks;
        bestBidLots = other.bestBidLots;
        bestAskTicks = other.bestAskTicks;
        bestAskLots = other.bestAskLots;
        lastPriceTicks = other.lastPriceTicks;
        markPrice = other.markPrice;
        indexPrice = other.indexPrice;
        settlementPrice = other.settlementPrice;
        underlyingPrice = other.underlyingPrice;
        markIv = other.markIv;
        bidIv = other.bidIv;
        askIv = other.askIv;
        delta = other.delta;
        gamma = other.gamma;
        vega = other.vega;
        theta = other.theta;
        rho = other.rho;
        openInterest = other.openInterest;
        currentFunding = other.currentFunding;
        funding8h = other.funding8h;
        interestRate = other.interestRate;
        nextFundingTimeMs = other.nextFundingTimeMs;
    }

    /** Sets the header fields common to every type. */
    public MarketDataEvent header(final Venue venue, final MarketDataType type, final int instrumentIndex,
                                  final long venueTimestampMs) {
        this.venue = venue;
        this.type = type;
        this.instrumentIndex = instrumentIndex;
        this.venueTimestampMs = venueTimestampMs;
        return this;
    }

    public Venue venue() {
        return venue;
    }

    public MarketDataType type() {
        return type;
    }

    public void type(final MarketDataType type) {
        this.type = type;
    }

    /** The instrument's dense index in the {@link io.deltahedger.venues.instrument.InstrumentRegistry}. */
    public int instrumentIndex() {
        return instrumentIndex;
    }

    public void instrumentIndex(final int instrumentIndex) {
        this.instrumentIndex = instrumentIndex;
    }

    /** The venue's timestamp of the message, epoch milliseconds. */
    public long venueTimestampMs() {
        return venueTimestampMs;
    }

    public void venueTimestampMs(final long venueTimestampMs) {
        this.venueTimestampMs = venueTimestampMs;
    }

    /** The book sequence (Deribit {@code change_id}, Binance {@code u}) or {@link #NO_SEQUENCE}. */
    public long sequence() {
        return sequence;
    }

    public void sequence(final long sequence) {
        this.sequence = sequence;
    }

    /** The sequence this change follows (Deribit {@code prev_change_id}, Binance {@code pu}) or {@link #NO_SEQUENCE}. */
    public long prevSequence() {
        return prevSequence;
    }

    public void prevSequence(final long prevSequence) {
        this.prevSequence = prevSequence;
    }

    /** Bid levels of a book snapshot or change. */
    public Levels bids() {
        return bids;
    }

    /** Ask levels of a book snapshot or change. */
    public Levels asks() {
        return asks;
    }

    /** Trades of a {@link MarketDataType#TRADES} event. */
    public Trades trades() {
        return trades;
    }

    /** Whether the venue sent a ticker field. */
    public boolean has(final TickerField field) {
        return (presentFields & field.bit) != 0;
    }

    /**
     * The ticker fields the venue sent, as a bit mask: bit {@code f.ordinal()} for each present {@link TickerField}
     * {@code f} (what {@link #has} tests). For recording an event exactly; the setters set these bits.
     */
    public long presentFields() {
        return presentFields;
    }

    private void present(final TickerField field) {
        presentFields |= field.bit;
    }

    public void bestBid(final long priceTicks, final long sizeLots) {
        bestBidTicks = priceTicks;
        bestBidLots = sizeLots;
        present(TickerField.BEST_BID);
    }

    public void bestAsk(final long priceTicks, final long sizeLots) {
        bestAskTicks = priceTicks;
        bestAskLots = sizeLots;
        present(TickerField.BEST_ASK);
    }

    public long bestBidTicks() {
        return bestBidTicks;
    }

    public long bestBidLots() {
        return bestBidLots;
    }

    public long bestAskTicks() {
        return bestAskTicks;
    }

    public long bestAskLots() {
        return bestAskLots;
    }

    public void lastPriceTicks(final long ticks) {
        lastPriceTicks = ticks;
        present(TickerField.LAST_PRICE);
    }

    public long lastPriceTicks() {
        return lastPriceTicks;
    }

    public void markPrice(final double value) {
        markPrice = value;
        present(TickerField.MARK_PRICE);
    }

    public double markPrice() {
        return markPrice;
    }

    public void indexPrice(final double value) {
        indexPrice = value;
        present(TickerField.INDEX_PRICE);
    }

    public double indexPrice() {
        return indexPrice;
    }

    public void settlementPrice(final double value) {
        settlementPrice = value;
        present(TickerField.SETTLEMENT_PRICE);
    }

    public double settlementPrice() {
        return settlementPrice;
    }

    public void underlyingPrice(final double value) {
        underlyingPrice = value;
        present(TickerField.UNDERLYING_PRICE);
    }

    public double underlyingPrice() {
        return underlyingPrice;
    }

    /** Mark implied volatility as a fraction. */
    public void markIv(final double fraction) {
        markIv = fraction;
        present(TickerField.MARK_IV);
    }

    public double markIv() {
        return markIv;
    }

    public void bidIv(final double fraction) {
        bidIv = fraction;
        present(TickerField.BID_IV);
    }

    public double bidIv() {
        return bidIv;
    }

    public void askIv(final double fraction) {
        askIv = fraction;
        present(TickerField.ASK_IV);
    }

    public double askIv() {
        return askIv;
    }

    /** The venue's Greeks, in the venue's units (see the class comment). */
    public void greeks(final double delta, final double gamma, final double vega, final double theta, final double rho) {
        this.delta = delta;
        this.gamma = gamma;
        this.vega = vega;
        this.theta = theta;
        this.rho = rho;
        present(TickerField.GREEKS);
    }

    public double delta() {
        return delta;
    }

    public double gamma() {
        return gamma;
    }

    public double vega() {
        return vega;
    }

    public double theta() {
        return theta;
    }

    public double rho() {
        return rho;
    }

    public void openInterest(final double value) {
        openInterest = value;
        present(TickerField.OPEN_INTEREST);
    }

    public double openInterest() {
        return openInterest;
    }

    /** Current funding rate (fraction). */
    public void currentFunding(final double value) {
        currentFunding = value;
        present(TickerField.CURRENT_FUNDING);
    }

    public double currentFunding() {
        return currentFunding;
    }

    /** Funding rate over 8 hours (fraction). */
    public void funding8h(final double value) {
        funding8h = value;
        present(TickerField.FUNDING_8H);
    }

    public double funding8h() {
        return funding8h;
    }

    public void interestRate(final double value) {
        interestRate = value;
        present(TickerField.INTEREST_RATE);
    }

    public double interestRate() {
        return interestRate;
    }

    /** Next funding time of a {@link MarketDataType#FUNDING} event, epoch ms (0 if the venue sent none). */
    public void nextFundingTimeMs(final long value) {
        nextFundingTimeMs = value;
    }

    public long nextFundingTimeMs() {
        return nextFundingTimeMs;
    }
}
