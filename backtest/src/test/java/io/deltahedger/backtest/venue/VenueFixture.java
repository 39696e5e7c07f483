package io.deltahedger.backtest.venue;

import io.deltahedger.backtest.pnl.PnlLedger;
import io.deltahedger.config.time.ManualClock;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.RateMarginModel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.connection.ConnectionStateEvent;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.VenueListener;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Instruments, a recording listener and market-data builders for the simulated venue's tests. */
class VenueFixture implements VenueListener
{
    static final long T0 = 1_700_000_000_000L;

    /** Binance BTCUSDT: linear, tick 0.1 USDT, lot 0.001 BTC. */
    static Instrument btcUsdt()
    {
        return new Instrument(Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
            ContractStyle.LINEAR, new BigDecimal("0.001"), DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
    }

    /** Deribit BTC-PERPETUAL: inverse, tick 0.5 USD, lot 10 USD. */
    static Instrument btcPerpetual()
    {
        return new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC", "USD",
            ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
            new BigDecimal("10"), 0, null, null);
    }

    /** Deribit BTC-27DEC24-60000-C: coin-settled call, tick 0.0005 BTC, lot 0.1 BTC. */
    static Instrument btcCall()
    {
        return new Instrument(Venue.DERIBIT, "BTC-27DEC24-60000-C", InstrumentKind.OPTION, "BTC", "BTC", "BTC", "BTC",
            ContractStyle.INVERSE, BigDecimal.ONE, DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"),
            new BigDecimal("0.1"), 1_735_286_400_000L, new BigDecimal("60000"),
            io.deltahedger.venues.instrument.OptionType.CALL);
    }

    final ManualClock clock = new ManualClock(T0);
    final InstrumentRegistry registry = new InstrumentRegistry();
    final int usdt = registry.register(btcUsdt());
    final int perp = registry.register(btcPerpetual());
    final int call = registry.register(btcCall());
    final List<ExecutionReport> reports = new ArrayList<>();
    final List<AccountSnapshot> accounts = new ArrayList<>();
    final List<List<ExecutionReport>> openOrders = new ArrayList<>();
    final PnlLedger ledger = new PnlLedger("USDT");
    final MarketDataEvent event = new MarketDataEvent();
    private long groupId;

    /** A Binance USDT account: maker -1 bps, taker 5 bps, 2%/1% rate margin, no band, queue position as given. */
    SimulatedVenue binance(final long latencyMs, final boolean queuePosition)
    {
        ledger.addInstrument(btcUsdt(), PnlLedger.Book.HEDGE);
        final SimulatedVenueConfig config = new SimulatedVenueConfig(Venue.BINANCE_USDM, "USDT", 10_000.0, latencyMs,
            -1.0, 5.0, 0.125, queuePosition, 0.0, SimulatedVenueConfig.EIGHT_HOURS_MS, new RateMarginModel(0.02, 0.01));
        return new SimulatedVenue(config, registry, clock, this, ledger);
    }

    /** A Deribit BTC account with the reference's standard margin and Deribit's fees. */
    SimulatedVenue deribit(final long latencyMs)
    {
        return new SimulatedVenue(SimulatedVenueConfig.deribit("BTC", 1.0, latencyMs, DeribitStandardMarginModel.btc()),
            registry, clock, this, SimulatedFillListener.NONE);
    }

    ClientOrderId nextId()
    {
        return new ClientOrderId(++groupId, 0, 0);
    }

    /** Book snapshot: levels as {price ticks, lots} pairs, best first. */
    MarketDataEvent snapshot(final Venue venue, final int instrument, final long[][] bids, final long[][] asks)
    {
        event.clear();
        event.header(venue, MarketDataType.BOOK_SNAPSHOT, instrument, clock.epochMs());
        for (final long[] level : bids)
        {
            event.bids().add(level[0], level[1]);
        }
        for (final long[] level : asks)
        {
            event.asks().add(level[0], level[1]);
        }
        return event;
    }

    /** Book change of one level (absolute size, 0 removes). */
    MarketDataEvent change(final Venue venue, final int instrument, final Side bookSide, final long price, final long lots)
    {
        event.clear();
        event.header(venue, MarketDataType.BOOK_CHANGE, instrument, clock.epochMs());
        (bookSide == Side.BUY ? event.bids() : event.asks()).add(price, lots);
        return event;
    }

    MarketDataEvent trade(final Venue venue, final int instrument, final Side taker, final long price, final long lots)
    {
        event.clear();
        event.header(venue, MarketDataType.TRADES, instrument, clock.epochMs());
        event.trades().add(price, lots, taker, 1, clock.epochMs());
        return event;
    }

    MarketDataEvent ticker(final Venue venue, final int instrument, final double mark, final double index)
    {
        event.clear();
        event.header(venue, MarketDataType.TICKER, instrument, clock.epochMs());
        event.markPrice(mark);
        event.indexPrice(index);
        return event;
    }

    List<ExecType> types()
    {
        final List<ExecType> types = new ArrayList<>();
        for (final ExecutionReport report : reports)
        {
            types.add(report.type());
        }
        return types;
    }

    ExecutionReport last()
    {
        return reports.get(reports.size() - 1);
    }

    @Override
    public void onExecutionReport(final ExecutionReport report)
    {
        reports.add(report);
    }

    @Override
    public void onOpenOrders(final Venue venue, final List<ExecutionReport> orders)
    {
        openOrders.add(orders);
    }

    @Override
    public void onAccount(final AccountSnapshot snapshot)
    {
        accounts.add(snapshot);
    }

    @Override
    public void onConnectionState(final ConnectionStateEvent event)
    {
    }
}
