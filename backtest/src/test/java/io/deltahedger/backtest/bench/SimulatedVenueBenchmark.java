package io.deltahedger.backtest.bench;

import io.deltahedger.backtest.pnl.PnlLedger;
import io.deltahedger.backtest.venue.SimulatedFillListener;
import io.deltahedger.backtest.venue.SimulatedVenue;
import io.deltahedger.backtest.venue.SimulatedVenueConfig;
import io.deltahedger.config.time.ManualClock;
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
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.TimeInForce;
import io.deltahedger.venues.order.VenueListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The simulated venue's steady state: replayed book changes and trades while two orders rest away from the market
 * (what almost every replayed event costs; expected 0 B/op), the P&amp;L ledger's fill and mark (0 B/op), and a whole
 * IOC round trip (request, arrival, two-level walk, reports: allocates by design, reports are records).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SimulatedVenueBenchmark
{
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final MarketDataEvent change = new MarketDataEvent();
    private final MarketDataEvent trade = new MarketDataEvent();
    private final MarketDataEvent snapshot = new MarketDataEvent();
    private SimulatedVenue venue;
    private Instrument instrument;
    private PnlLedger ledger;
    private int ledgerId;
    private long tick;
    private long groupId;

    @Setup(Level.Trial)
    public void setUp()
    {
        instrument = new Instrument(Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
            ContractStyle.LINEAR, new BigDecimal("0.001"), DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null);
        final InstrumentRegistry registry = new InstrumentRegistry();
        final int index = registry.register(instrument);
        ledger = new PnlLedger("USDT");
        ledgerId = ledger.addInstrument(instrument, PnlLedger.Book.HEDGE);
        final VenueListener quiet = new VenueListener()
        {
            @Override
            public void onExecutionReport(final ExecutionReport report)
            {
            }

            @Override
            public void onOpenOrders(final Venue v, final List<ExecutionReport> orders)
            {
            }

            @Override
            public void onAccount(final AccountSnapshot snapshot)
            {
            }

            @Override
            public void onConnectionState(final ConnectionStateEvent event)
            {
            }
        };
        venue = new SimulatedVenue(new SimulatedVenueConfig(Venue.BINANCE_USDM, "USDT", 1e12, 0, -1, 5, 0.125, true, 0,
            SimulatedVenueConfig.EIGHT_HOURS_MS, new RateMarginModel(0.02, 0.01)), registry, clock, quiet,
            SimulatedFillListener.NONE);
        snapshot.header(Venue.BINANCE_USDM, MarketDataType.BOOK_SNAPSHOT, index, clock.epochMs());
        for (int i = 0; i < 25; i++)
        {
            snapshot.bids().add(299_995 - i, 1_000 + i);
            snapshot.asks().add(300_000 + i, 1_000 + i);
        }
        venue.onMarketData(snapshot);
        venue.place(OrderRequest.limit(new ClientOrderId(++groupId, 0, 0), instrument, Side.BUY, 290_000, 1_000,
            TimeInForce.GTC));
        venue.place(OrderRequest.limit(new ClientOrderId(++groupId, 0, 0), instrument, Side.SELL, 310_000, 1_000,
            TimeInForce.GTC));
        venue.advanceTo(clock.epochMs());
        change.header(Venue.BINANCE_USDM, MarketDataType.BOOK_CHANGE, index, clock.epochMs());
        change.asks().add(300_003, 500);
        trade.header(Venue.BINANCE_USDM, MarketDataType.TRADES, index, clock.epochMs());
        trade.trades().add(299_995, 10, Side.SELL, 1, clock.epochMs());
        ledger.onMark(ledgerId, 30_000.0);
    }

    /** One replayed book change while orders rest: overlay release, queue refresh, book update. */
    @Benchmark
    public long bookChange()
    {
        clock.advanceMs(1);
        change.asks().clear();
        change.asks().add(300_003, 500 + (++tick & 255));
        venue.onMarketData(change);
        return venue.openOrderCount();
    }

    /** One replayed trade that does not reach our resting orders. */
    @Benchmark
    public long tradeAwayFromOurOrders()
    {
        clock.advanceMs(1);
        venue.onMarketData(trade);
        return venue.openOrderCount();
    }

    /** The ledger's per-fill and per-mark work. */
    @Benchmark
    public double ledgerFillAndMark()
    {
        final double side = (++tick & 1) == 0 ? 1 : -1;
        ledger.onFill(ledgerId, clock.epochMs(), side * 0.01, 30_000.5, 30_000.0, 0.15);
        ledger.onMark(ledgerId, 30_000.0 + (tick & 7));
        return ledger.totalPnl();
    }

    /** The ledger hearing a fill from a venue (the {@code SimulatedFillListener} path, looked up by instrument). */
    @Benchmark
    public double ledgerFillFromVenue()
    {
        final double side = (++tick & 1) == 0 ? 1 : -1;
        ledger.onFill(Venue.BINANCE_USDM, instrument, clock.epochMs(), side * 0.01, 30_000.5, 30_000.0, 0.15, false);
        return ledger.totalPnl();
    }

    /** A whole IOC round trip: place, arrival, a walk of two levels, four reports; the book is reset after. */
    @Benchmark
    public long iocRoundTrip()
    {
        clock.advanceMs(1);
        venue.onMarketData(snapshot);
        venue.place(OrderRequest.limit(new ClientOrderId(++groupId, 0, 0), instrument, (groupId & 1) == 0 ? Side.BUY
            : Side.SELL, (groupId & 1) == 0 ? 300_001 : 299_994, 1_500, TimeInForce.IOC));
        venue.advanceTo(clock.epochMs());
        return venue.positionLots(instrument);
    }
}
