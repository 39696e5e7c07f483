package io.deltahedger.hedger.routing;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Three BTC hedge venues as they list their perpetuals (reference venues.md): Deribit BTC-PERPETUAL (inverse, 10 USD
 * lots, 0.5 USD ticks, BTC account, Deribit standard margin), Binance BTCUSDT and Bybit BTCUSDT (linear, 0.001 BTC
 * lots, 0.1 USDT ticks, USDT accounts, tiered maintenance brackets), a margin book holding them and a planning view
 * fed with real market-data events.
 */
final class RoutingWorld
{
    static final List<MarginBracket> BRACKETS = List.of(
        new MarginBracket(0, 50_000, 0.004, 0, 0.008),
        new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
        new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02));

    final MarginBook book = new MarginBook(4, 16);
    final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
    final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(BRACKETS));
    final int bybit = book.addAccount(Venue.BYBIT, "USDT", new TieredMarginModel(BRACKETS));
    final Instrument deribitPerpSpec = new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC",
        "USD", "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
        new BigDecimal("10"), 0, null, null);
    final int deribitPerp = book.addInstrument(deribit, deribitPerpSpec);
    final int binancePerp = book.addInstrument(binance, linear(Venue.BINANCE_USDM, "0.001"));
    final int bybitPerp;
    final PlanningMarket market = new PlanningMarket(book);
    private final MarketDataEvent md = new MarketDataEvent();
    private long sequence = 1;

    RoutingWorld()
    {
        this("0.001");
    }

    /** @param bybitMinAmount Bybit BTCUSDT's minimum order in BTC */
    RoutingWorld(final String bybitMinAmount)
    {
        bybitPerp = book.addInstrument(bybit, linear(Venue.BYBIT, bybitMinAmount));
    }

    static Instrument linear(final Venue venue, final String minAmount)
    {
        return new Instrument(venue, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
            ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
            new BigDecimal(minAmount), 0, null, null);
    }

    double tick(final int instrument)
    {
        return book.venueInstrument(instrument).priceGrid().step().doubleValue();
    }

    /** A ticker carrying only the mark. */
    void mark(final int instrument, final double mark)
    {
        md.clear();
        md.header(book.venue(book.accountOf(instrument)), MarketDataType.TICKER, instrument, 0);
        md.markPrice(mark);
        market.onMarketData(md);
    }

    /**
     * A depth snapshot; {@code bids} and {@code asks} are {price, lots} pairs, prices in USD (turned into ticks of the
     * instrument's grid).
     */
    void snapshot(final int instrument, final double[][] bids, final double[][] asks)
    {
        md.clear();
        md.header(book.venue(book.accountOf(instrument)), MarketDataType.BOOK_SNAPSHOT, instrument, 0);
        md.sequence(sequence++);
        final double tick = tick(instrument);
        for (final double[] level : bids)
        {
            md.bids().add(Math.round(level[0] / tick), (long)level[1]);
        }
        for (final double[] level : asks)
        {
            md.asks().add(Math.round(level[0] / tick), (long)level[1]);
        }
        market.onMarketData(md);
    }

    /** A book change whose previous sequence does not chain: the book becomes invalid. */
    void gap(final int instrument)
    {
        md.clear();
        md.header(book.venue(book.accountOf(instrument)), MarketDataType.BOOK_CHANGE, instrument, 0);
        md.prevSequence(sequence + 1_000);
        md.sequence(sequence + 1_001);
        market.onMarketData(md);
    }

    /** An account report with a position in lots on the given instruments (pairs of instrument id, lots). */
    AccountSnapshot snapshot(final int account, final double equity, final double maintenanceMargin, final long... positions)
    {
        final List<Position> list = new ArrayList<>();
        for (int k = 0; k < positions.length; k += 2)
        {
            final int i = (int)positions[k];
            list.add(new Position(book.venueInstrument(i), positions[k + 1], 0, 0, 0, 0, 0, 0));
        }
        return new AccountSnapshot(book.venue(account), book.currency(account), 0, equity, equity, equity, 0,
            maintenanceMargin, list);
    }

    /** Reports the account to both the planning view and the margin book. */
    void account(final int account, final double equity, final double maintenanceMargin, final long... positions)
    {
        final AccountSnapshot s = snapshot(account, equity, maintenanceMargin, positions);
        market.onAccount(account, s);
        book.onAccount(account, s);
    }

    /** Rich accounts on all three venues, flat. */
    void richAccounts()
    {
        account(deribit, 100, 0);
        account(binance, 10_000_000, 0);
        account(bybit, 10_000_000, 0);
    }

    /** Marks every perpetual and the BTC index at {@code price} in the margin book (the gate's view). */
    void bookMarket(final double price)
    {
        book.onMark(deribitPerp, price);
        book.onMark(binancePerp, price);
        book.onMark(bybitPerp, price);
        book.onIndex(book.underlyingOf(binancePerp), price);
    }

    /** A planner over the given candidates with slippage 0.1% and threshold 0.8. */
    GroupPlanner planner(final ExecutionLimits limits, final HedgeCandidate... candidates)
    {
        return new GroupPlanner(book, market, List.of(candidates), limits, 0.001, 0.8);
    }

    static double[][] levels(final double... priceLots)
    {
        final double[][] out = new double[priceLots.length / 2][];
        for (int k = 0; k < out.length; k++)
        {
            out[k] = new double[] {priceLots[2 * k], priceLots[2 * k + 1]};
        }
        return out;
    }
}
