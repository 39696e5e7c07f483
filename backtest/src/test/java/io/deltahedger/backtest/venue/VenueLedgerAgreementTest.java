package io.deltahedger.backtest.venue;

import io.deltahedger.backtest.pnl.PnlSummary;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OpenOrders;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.TimeInForce;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The venue's account (average-cost ledger: balance + unrealised) and the P&amp;L ledger fed by its fills (cash-flow
 * attribution) are two independent accountings of the same random session: they must agree. And the venues module's
 * {@link OpenOrders} (what the execution stage keeps) follows the venue's reports to the same set of open orders.
 */
class VenueLedgerAgreementTest
{
    @Property(seed = "6006", tries = 60)
    void venueEquityChangeEqualsTheAttributedTotal(@ForAll final long scenarioSeed)
    {
        final SplittableRandom random = new SplittableRandom(scenarioSeed);
        final VenueFixture f = new VenueFixture();
        final SimulatedVenue venue = f.binance(random.nextInt(0, 30), random.nextBoolean());
        final Instrument usdt = VenueFixture.btcUsdt();
        final int ledgerId = f.ledger.idOf(usdt.canonicalId());
        final OpenOrders tracker = new OpenOrders();
        long mid = 300_000;
        double mark = 30_000.0;
        for (int step = 0; step < 200; step++)
        {
            f.clock.advanceMs(random.nextInt(1, 2_000_000));
            final int action = random.nextInt(10);
            if (action < 3)
            {
                mid += random.nextInt(-200, 201);
                final long spread = random.nextInt(1, 20);
                venue.onMarketData(f.snapshot(Venue.BINANCE_USDM, f.usdt,
                    new long[][] {{mid - spread, random.nextInt(1, 3_000)}, {mid - spread - 5, random.nextInt(1, 9_000)}},
                    new long[][] {{mid + spread, random.nextInt(1, 3_000)}, {mid + spread + 5, random.nextInt(1, 9_000)}}));
            }
            else if (action < 5)
            {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long lots = random.nextInt(1, 6_000);
                final OrderRequest request = random.nextBoolean() ? OrderRequest.market(f.nextId(), usdt, side, lots)
                    : new OrderRequest(f.nextId(), usdt, side, OrderType.LIMIT,
                        random.nextBoolean() ? TimeInForce.IOC : TimeInForce.GTC,
                        mid + (side == Side.BUY ? -1 : 1) * random.nextInt(-10, 30), lots, false, false);
                tracker.onSubmitted(request, f.clock.epochMs());
                venue.place(request);
            }
            else if (action < 7)
            {
                venue.onMarketData(f.trade(Venue.BINANCE_USDM, f.usdt, random.nextBoolean() ? Side.BUY : Side.SELL,
                    mid + random.nextInt(-30, 31), random.nextInt(1, 5_000)));
            }
            else
            {
                mark = (mid + random.nextInt(-10, 11)) * 0.1;
                f.event.clear();
                f.event.header(Venue.BINANCE_USDM, MarketDataType.TICKER, f.usdt, f.clock.epochMs());
                f.event.markPrice(mark);
                f.event.currentFunding(random.nextDouble(-0.001, 0.001));
                venue.onMarketData(f.event);
                f.ledger.onMark(ledgerId, mark);
            }
            venue.advanceTo(f.clock.epochMs());
            for (final ExecutionReport report : f.reports)
            {
                tracker.onReport(report);
            }
            f.reports.clear();
        }
        assertEquals(venue.openOrderCount() + venue.inFlightCount(), tracker.size(),
            "the execution stage's own order book-keeping agrees with the venue: every report was a legal transition");
        final AccountSnapshot account = venue.accountSnapshot(f.clock.epochMs());
        final PnlSummary summary = f.ledger.summary();
        final double scale = 1 + Math.abs(summary.hedge()) + summary.hedgeTurnover() * 1e-6;
        if (venue.positionLots(usdt) != 0 && !(account.positions().get(0).markPrice() == mark))
        {
            f.ledger.onMark(ledgerId, account.positions().get(0).markPrice());
        }
        assertEquals(venue.feesPaid(), -f.ledger.summary().fees(), 1e-9 * scale);
        assertEquals(venue.fundingReceived(), f.ledger.summary().funding(), 1e-9 * scale);
        assertEquals(account.equity() - 10_000.0, f.ledger.summary().total(), 1e-8 * scale,
            "venue equity change vs attributed total");
        assertEquals(venue.positionLots(usdt) * 0.001, f.ledger.position(ledgerId), 1e-9);
    }
}
