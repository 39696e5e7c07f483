package io.deltahedger.backtest.venue;

import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.CancelRequest;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.SendResult;
import io.deltahedger.venues.order.TimeInForce;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.deltahedger.venues.order.ExecType.ACK;
import static io.deltahedger.venues.order.ExecType.CANCELED;
import static io.deltahedger.venues.order.ExecType.FILL;
import static io.deltahedger.venues.order.ExecType.PARTIAL_FILL;
import static io.deltahedger.venues.order.ExecType.REJECTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedVenueTest
{
    private static final Venue BN = Venue.BINANCE_USDM;
    private static final long[][] BIDS = {{299_995, 4_000}, {299_990, 5_000}};
    private static final long[][] ASKS = {{300_000, 2_000}, {300_005, 3_000}, {300_010, 5_000}};

    private final VenueFixture f = new VenueFixture();
    private final Instrument usdt = VenueFixture.btcUsdt();

    private SimulatedVenue binanceWithBook(final long latencyMs, final boolean queue)
    {
        final SimulatedVenue venue = f.binance(latencyMs, queue);
        venue.onMarketData(f.snapshot(BN, f.usdt, BIDS, ASKS));
        return venue;
    }

    private OrderRequest ioc(final Side side, final long priceTicks, final long lots)
    {
        return OrderRequest.limit(f.nextId(), usdt, side, priceTicks, lots, TimeInForce.IOC);
    }

    private OrderRequest gtc(final Side side, final long priceTicks, final long lots, final boolean postOnly)
    {
        return new OrderRequest(f.nextId(), usdt, side, OrderType.LIMIT, TimeInForce.GTC, priceTicks, lots, postOnly, false);
    }

    @Test
    void iocBuyWalksTheAsksLevelByLevelStopsAtItsLimitAndCancelsTheRest()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        assertEquals(SendResult.SENT, venue.place(ioc(Side.BUY, 300_005, 8_000)));
        assertTrue(f.reports.isEmpty(), "nothing happens before the venue's time advances to the arrival");
        venue.advanceTo(f.clock.epochMs());

        assertEquals(List.of(ACK, PARTIAL_FILL, PARTIAL_FILL, CANCELED), f.types());
        assertEquals(300_000, f.reports.get(1).lastFillPriceTicks());
        assertEquals(2_000, f.reports.get(1).lastFillLots());
        assertEquals(300_005, f.reports.get(2).lastFillPriceTicks());
        assertEquals(3_000, f.reports.get(2).lastFillLots());
        assertEquals(5_000, f.last().cumFilledLots());
        assertEquals(5_000, venue.positionLots(usdt));
        assertEquals(VenueFixture.T0, f.last().venueTimestampMs());
    }

    @Test
    void marketSellWalksTheBidsWithoutALimitAndFillsCompletely()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(OrderRequest.market(f.nextId(), usdt, Side.SELL, 6_000));
        venue.advanceTo(f.clock.epochMs());

        assertEquals(List.of(ACK, PARTIAL_FILL, FILL), f.types());
        assertEquals(299_990, f.last().lastFillPriceTicks());
        assertEquals(2_000, f.last().lastFillLots());
        assertEquals(-6_000, venue.positionLots(usdt));
    }

    @Test
    void latencyMeansTheBookAtArrivalCountsNotTheBookAtSend()
    {
        final SimulatedVenue venue = binanceWithBook(50, false);
        venue.place(ioc(Side.BUY, 300_010, 1_000));
        f.clock.advanceMs(20);
        venue.onMarketData(f.change(BN, f.usdt, Side.SELL, 300_000, 0));
        f.clock.advanceMs(29);
        venue.advanceTo(f.clock.epochMs());
        assertTrue(f.reports.isEmpty(), "the order is still in flight at 49 ms");
        f.clock.advanceMs(1);
        venue.advanceTo(f.clock.epochMs());

        assertEquals(List.of(ACK, FILL), f.types());
        assertEquals(300_005, f.last().lastFillPriceTicks(), "the best ask was pulled while the order was in flight");
        assertEquals(VenueFixture.T0 + 50, f.last().venueTimestampMs());
    }

    @Test
    void withoutABookChangeInFlightTheSameOrderFillsAtTheOldBest()
    {
        final SimulatedVenue venue = binanceWithBook(50, false);
        venue.place(ioc(Side.BUY, 300_010, 1_000));
        f.clock.advanceMs(50);
        venue.advanceTo(f.clock.epochMs());
        assertEquals(300_000, f.last().lastFillPriceTicks());
    }

    @Test
    void liquidityTakenInAnInstantIsNotTakenAgainUntilTheBookUpdatesThatLevel()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(ioc(Side.BUY, 300_000, 2_000));
        venue.place(ioc(Side.BUY, 300_000, 2_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, FILL, ACK, CANCELED), f.types());
        assertEquals(0, f.last().cumFilledLots(), "the second order found the level already taken");

        f.reports.clear();
        f.clock.advanceMs(1);
        venue.onMarketData(f.change(BN, f.usdt, Side.SELL, 300_000, 1_500));
        venue.place(ioc(Side.BUY, 300_000, 2_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, PARTIAL_FILL, CANCELED), f.types());
        assertEquals(1_500, f.reports.get(1).lastFillLots(), "the update replaced the level with what is really there");
    }

    @Test
    void fillOrKillThatCannotFillWithinItsLimitIsCancelledWithoutFills()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(OrderRequest.limit(f.nextId(), usdt, Side.BUY, 300_005, 5_001, TimeInForce.FOK));
        venue.place(OrderRequest.limit(f.nextId(), usdt, Side.BUY, 300_005, 5_000, TimeInForce.FOK));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, CANCELED, ACK, PARTIAL_FILL, FILL), f.types());
        assertEquals(5_000, venue.positionLots(usdt));
    }

    @Test
    void postOnlyThatWouldCrossIsRejectedAndOneThatDoesNotRests()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(gtc(Side.BUY, 300_000, 1_000, true));
        venue.place(gtc(Side.BUY, 299_995, 1_000, true));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(REJECTED, ACK), f.types());
        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, f.reports.get(0).rejectReason());
        assertEquals(1, venue.openOrderCount());
    }

    @Test
    void gtcThatCrossesTakesWhatItCanAndRestsTheRest()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(gtc(Side.BUY, 300_000, 3_000, false));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, PARTIAL_FILL), f.types());
        assertEquals(1, venue.openOrderCount());
        venue.requestOpenOrders();
        venue.advanceTo(f.clock.epochMs());
        final ExecutionReport status = f.openOrders.get(0).get(0);
        assertEquals(ExecType.STATUS, status.type());
        assertEquals(1_000, status.leavesLots());
    }

    @Test
    void restingOrderWithoutQueuePositionFillsFromTheFirstTradeAtItsPrice()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(gtc(Side.BUY, 299_995, 3_000, false));
        venue.advanceTo(f.clock.epochMs());
        f.clock.advanceMs(10);
        venue.onMarketData(f.trade(BN, f.usdt, Side.SELL, 299_995, 2_000));
        assertEquals(List.of(ACK, PARTIAL_FILL), f.types());
        assertEquals(2_000, f.last().lastFillLots());
        assertEquals(299_995, f.last().lastFillPriceTicks());
        venue.onMarketData(f.trade(BN, f.usdt, Side.BUY, 299_995, 2_000));
        assertEquals(2, f.reports.size(), "a buyer's trade does not fill a resting buy");
    }

    @Test
    void restingOrderWithQueuePositionWaitsForTheSizeAheadThenFillsAndATradeThroughSkipsTheQueue()
    {
        final SimulatedVenue venue = binanceWithBook(0, true);
        venue.place(gtc(Side.BUY, 299_995, 3_000, false));
        venue.advanceTo(f.clock.epochMs());
        f.clock.advanceMs(10);
        venue.onMarketData(f.trade(BN, f.usdt, Side.SELL, 299_995, 2_000));
        assertEquals(List.of(ACK), f.types(), "4,000 lots were ahead; 2,000 of them traded");
        venue.onMarketData(f.trade(BN, f.usdt, Side.SELL, 299_995, 3_000));
        assertEquals(List.of(ACK, PARTIAL_FILL), f.types());
        assertEquals(1_000, f.last().lastFillLots(), "the last 2,000 ahead traded first");
        venue.onMarketData(f.trade(BN, f.usdt, Side.SELL, 299_990, 5_000));
        assertEquals(List.of(ACK, PARTIAL_FILL, FILL), f.types());
        assertEquals(2_000, f.last().lastFillLots());
        assertEquals(299_995, f.last().lastFillPriceTicks(), "a passive fill is at the order's price");
        assertEquals(0, venue.openOrderCount());
    }

    @Test
    void queueAheadShrinksWhenTheBookShowsTheLevelShrinking()
    {
        final SimulatedVenue venue = binanceWithBook(0, true);
        venue.place(gtc(Side.BUY, 299_995, 1_000, false));
        venue.advanceTo(f.clock.epochMs());
        venue.onMarketData(f.change(BN, f.usdt, Side.BUY, 299_995, 500));
        venue.onMarketData(f.trade(BN, f.usdt, Side.SELL, 299_995, 1_000));
        assertEquals(List.of(ACK, PARTIAL_FILL), f.types());
        assertEquals(500, f.last().lastFillLots(), "only 500 were left ahead after the cancels the book showed");
    }

    @Test
    void takerPaysTheTakerFeeAndMakerEarnsTheRebateOnNotional()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(ioc(Side.BUY, 300_000, 2_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(2 * 30_000.0 * 5e-4, venue.feesPaid(), 1e-9, "5 bps of 60,000 USDT");
        venue.place(gtc(Side.SELL, 300_020, 1_000, true));
        venue.advanceTo(f.clock.epochMs());
        venue.onMarketData(f.trade(BN, f.usdt, Side.BUY, 300_020, 1_000));
        assertEquals(30.0 - 30_002.0 * 1e-4, venue.feesPaid(), 1e-9, "the maker fill earned 1 bp of 30,002 USDT");
        assertEquals(-(30.0 - 3.0002), f.ledger.summary().fees(), 1e-9, "the ledger heard the same fees");
    }

    @Test
    void inverseFeesAreBpsOfTheCoinNotional()
    {
        final SimulatedVenue venue = f.deribit(0);
        venue.onMarketData(f.snapshot(Venue.DERIBIT, f.perp, new long[][] {{59_990, 1_000}}, new long[][] {{60_000, 1_000}}));
        venue.place(OrderRequest.market(f.nextId(), VenueFixture.btcPerpetual(), Side.BUY, 300));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(3_000.0 / 30_000.0 * 5e-4, venue.feesPaid(), 1e-15, "5 bps of 0.1 BTC");
    }

    @Test
    void longPaysPositiveFundingAndShortReceivesItAtTheDataFundingTime()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(ioc(Side.BUY, 300_000, 1_000));
        venue.advanceTo(f.clock.epochMs());
        final long fundingAt = VenueFixture.T0 + 60_000;
        f.event.clear();
        f.event.header(BN, io.deltahedger.venues.marketdata.MarketDataType.TICKER, f.usdt, f.clock.epochMs());
        f.event.markPrice(31_000.0);
        f.event.currentFunding(0.0001);
        f.event.nextFundingTimeMs(fundingAt);
        venue.onMarketData(f.event);
        venue.advanceTo(fundingAt - 1);
        assertEquals(0.0, venue.fundingReceived());
        venue.advanceTo(fundingAt);
        assertEquals(-1.0 * 31_000.0 * 0.0001, venue.fundingReceived(), 1e-12, "a long pays mark x size x rate");
        assertEquals(venue.fundingReceived(), f.ledger.summary().funding(), 1e-12);

        venue.place(OrderRequest.market(f.nextId(), usdt, Side.SELL, 3_000));
        venue.advanceTo(fundingAt);
        venue.advanceTo(fundingAt + SimulatedVenueConfig.EIGHT_HOURS_MS);
        assertEquals(-3.1 + 2.0 * 31_000.0 * 0.0001, venue.fundingReceived(), 1e-12,
            "8 h later (no new funding time in the data) the 2 BTC short receives");
    }

    @Test
    void inverseLongPaysFundingInCoinOnTheEpochEightHourGrid()
    {
        final SimulatedVenue venue = f.deribit(0);
        final Instrument perp = VenueFixture.btcPerpetual();
        venue.onMarketData(f.snapshot(Venue.DERIBIT, f.perp, new long[][] {{59_990, 10_000}}, new long[][] {{60_000, 10_000}}));
        f.event.clear();
        f.event.header(Venue.DERIBIT, io.deltahedger.venues.marketdata.MarketDataType.TICKER, f.perp, f.clock.epochMs());
        f.event.markPrice(30_000.0);
        f.event.funding8h(0.0002);
        venue.onMarketData(f.event);
        venue.place(OrderRequest.market(f.nextId(), perp, Side.BUY, 300));
        venue.advanceTo(f.clock.epochMs());
        final long nextGrid = Math.floorDiv(VenueFixture.T0, SimulatedVenueConfig.EIGHT_HOURS_MS) * SimulatedVenueConfig.EIGHT_HOURS_MS
            + SimulatedVenueConfig.EIGHT_HOURS_MS;
        venue.advanceTo(nextGrid);
        assertEquals(-(3_000.0 / 30_000.0) * 0.0002, venue.fundingReceived(), 1e-15);
    }

    @Test
    void duplicateClientOrderIdIsRejectedEvenAfterTheFirstOrderFinished()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        final ClientOrderId id = f.nextId();
        venue.place(OrderRequest.limit(id, usdt, Side.BUY, 300_000, 1_000, TimeInForce.IOC));
        venue.advanceTo(f.clock.epochMs());
        venue.place(OrderRequest.limit(id, usdt, Side.BUY, 300_000, 1_000, TimeInForce.IOC));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, FILL, REJECTED), f.types());
        assertEquals(RejectReason.INVALID_REQUEST, f.last().rejectReason());
        assertTrue(f.last().text().contains("duplicate"), f.last().text());
        assertEquals(1_000, venue.positionLots(usdt), "the duplicate did not trade");
    }

    @Test
    void unknownInstrumentAmountBelowMinimumAndPriceOutsideBandAreRejectedWithTheirReasons()
    {
        final SimulatedVenue venue = new SimulatedVenue(new SimulatedVenueConfig(BN, "USDT", 1_000, 0, 0, 5, 0.125, false,
            0.05, SimulatedVenueConfig.EIGHT_HOURS_MS, new io.deltahedger.marginmonitor.model.RateMarginModel(0.02, 0.01)),
            f.registry, f.clock, f, SimulatedFillListener.NONE);
        venue.onMarketData(f.snapshot(BN, f.usdt, BIDS, ASKS));
        venue.place(OrderRequest.market(f.nextId(), VenueFixture.btcPerpetual(), Side.BUY, 10));
        venue.place(OrderRequest.limit(f.nextId(), usdt, Side.BUY, 330_000, 1_000, TimeInForce.IOC));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, f.reports.get(0).rejectReason());
        assertEquals(RejectReason.INVALID_PRICE, f.reports.get(1).rejectReason(), "33,000 is 10% above the 29,999.75 mid");
    }

    @Test
    void amountBelowTheVenuesMinimumIsRejected()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        final Instrument loose = new Instrument(BN, "BTCUSDT", usdt.kind(), "BTC", "USDT", "USDT", "BTC", usdt.style(),
            usdt.contractSize(), usdt.priceGrid(), DecimalGrid001.GRID, new BigDecimal("0.0001"), 0, null, null);
        venue.place(OrderRequest.limit(f.nextId(), loose, Side.BUY, 300_000, 5, TimeInForce.IOC));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.INVALID_AMOUNT, f.last().rejectReason());
    }

    /** A finer lot grid than the venue's, to send an amount the venue's minimum refuses. */
    private static final class DecimalGrid001
    {
        static final io.deltahedger.venues.instrument.DecimalGrid GRID = io.deltahedger.venues.instrument.DecimalGrid.of("0.0001");
    }

    @Test
    void cancelRemovesARestingOrderAndCancelOfAnUnknownIdIsRefused()
    {
        final SimulatedVenue venue = binanceWithBook(10, false);
        final OrderRequest order = gtc(Side.BUY, 299_990, 1_000, false);
        venue.place(order);
        venue.cancel(new CancelRequest(new ClientOrderId(999, 0, 0), usdt));
        f.clock.advanceMs(10);
        venue.cancel(new CancelRequest(order.clientOrderId(), usdt));
        venue.advanceTo(f.clock.epochMs());
        f.clock.advanceMs(10);
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, ExecType.CANCEL_REJECTED, CANCELED), f.types());
        assertEquals(RejectReason.ORDER_NOT_FOUND, f.reports.get(1).rejectReason());
        assertEquals(0, venue.openOrderCount());
    }

    @Test
    void cancelAllCancelsEveryRestingOrder()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(gtc(Side.BUY, 299_990, 1_000, false));
        venue.place(gtc(Side.SELL, 300_020, 1_000, false));
        venue.cancelAll(null);
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, ACK, CANCELED, CANCELED), f.types());
        assertEquals(0, venue.openOrderCount());
    }

    @Test
    void accountSnapshotHasEqualityOfEquityAndBalancePlusUnrealisedAndMarginFromTheDeribitModel()
    {
        final SimulatedVenue venue = f.deribit(5);
        final Instrument perp = VenueFixture.btcPerpetual();
        venue.onMarketData(f.snapshot(Venue.DERIBIT, f.perp, new long[][] {{59_990, 10_000}}, new long[][] {{60_000, 10_000}}));
        venue.place(OrderRequest.market(f.nextId(), perp, Side.BUY, 1_000));
        f.clock.advanceMs(5);
        venue.advanceTo(f.clock.epochMs());
        venue.onMarketData(f.ticker(Venue.DERIBIT, f.perp, 31_000.0, 30_990.0));
        venue.requestAccount();
        f.clock.advanceMs(5);
        venue.advanceTo(f.clock.epochMs());

        final AccountSnapshot account = f.accounts.get(0);
        assertEquals(VenueFixture.T0 + 10, account.timestampMs());
        final double fee = 10_000.0 / 30_000.0 * 5e-4;
        final double unrealised = 10_000.0 * (1 / 30_000.0 - 1 / 31_000.0);
        assertEquals(1.0 - fee, account.balance(), 1e-15);
        assertEquals(account.balance() + unrealised, account.equity(), 1e-15);
        final double n = 10_000.0 / 31_000.0;
        assertEquals(n * (0.01 + n * 0.00005), account.maintenanceMargin(), 1e-15, "hand-computed Deribit MM");
        assertEquals(DeribitStandardMarginModel.btc().maintenanceMargin(MarginInstrument.of(perp), 10_000.0, 31_000.0,
            30_990.0), account.maintenanceMargin(), 0.0, "the gate's model gives the same figure");
        assertEquals(n * (0.02 + n * 0.00005), account.initialMargin(), 1e-15);
        assertEquals(1_000, account.positions().get(0).sizeLots());
        assertEquals(30_000.0, account.positions().get(0).averagePrice(), 1e-9);
        assertEquals(unrealised, account.positions().get(0).unrealizedPnl(), 1e-15);
    }

    @Test
    void reducingAPositionRealisesAverageCostPnlIntoTheBalance()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(ioc(Side.BUY, 300_005, 4_000));
        venue.advanceTo(f.clock.epochMs());
        final double fees = venue.feesPaid();
        venue.onMarketData(f.snapshot(BN, f.usdt, new long[][] {{301_000, 10_000}}, new long[][] {{301_005, 10_000}}));
        venue.place(OrderRequest.market(f.nextId(), usdt, Side.SELL, 1_000));
        venue.advanceTo(f.clock.epochMs());
        final double average = (2 * 30_000.0 + 2 * 30_000.5) / 4;
        assertEquals(30_100.0 - average, venue.realisedPnl(), 1e-9);
        assertEquals(10_000.0 + venue.realisedPnl() - venue.feesPaid(), venue.balance(), 1e-9);
        assertTrue(venue.feesPaid() > fees);
    }

    @Test
    void reduceOnlyThatWouldGrowThePositionIsRejected()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.place(new OrderRequest(f.nextId(), usdt, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1_000, false, true));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.POSITION_LIMIT, f.last().rejectReason());
    }

    @Test
    void aggressiveOrderBeforeAnyBookIsRejectedAsRetryable()
    {
        final SimulatedVenue venue = f.binance(0, false);
        venue.place(ioc(Side.BUY, 300_000, 1_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.RETRYABLE, f.last().rejectReason());
    }

    @Test
    void timeGoingBackIsRefusedNamingBothTimes()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.advanceTo(VenueFixture.T0 + 100);
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> venue.advanceTo(VenueFixture.T0 + 99));
        assertTrue(e.getMessage().contains(String.valueOf(VenueFixture.T0 + 99)), e.getMessage());
    }

    @Test
    void eventsOfOtherVenuesAreIgnored()
    {
        final SimulatedVenue venue = f.binance(0, false);
        venue.onMarketData(f.snapshot(Venue.DERIBIT, f.perp, new long[][] {{59_990, 10}}, new long[][] {{60_000, 10}}));
        venue.place(ioc(Side.BUY, 300_000, 1_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.RETRYABLE, f.last().rejectReason());
    }
    @Test
    void aTransientlyCrossedSequenceLessBookRefusesTakersUntilItUncrosses()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        venue.onMarketData(f.change(BN, f.usdt, Side.BUY, 300_002, 1_000));
        venue.place(ioc(Side.BUY, 300_005, 1_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.RETRYABLE, f.last().rejectReason(), "bid 30,000.2 above ask 30,000.0");
        venue.onMarketData(f.change(BN, f.usdt, Side.BUY, 300_002, 0));
        venue.place(ioc(Side.BUY, 300_005, 1_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(FILL, f.last().type(), "the next change uncrossed it: trading resumes without a snapshot");
    }

    @Test
    void amendMovesARestingOrderAndLosesItsQueuePlaceButACrossingAmendIsRefused()
    {
        final SimulatedVenue venue = binanceWithBook(0, true);
        final OrderRequest order = gtc(Side.BUY, 299_995, 1_000, true);
        venue.place(order);
        venue.amend(new io.deltahedger.venues.order.AmendRequest(order.clientOrderId(), usdt, 300_000, 1_000));
        venue.amend(new io.deltahedger.venues.order.AmendRequest(order.clientOrderId(), usdt, 299_990, 2_000));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(ACK, ExecType.AMEND_REJECTED, ExecType.AMENDED), f.types());
        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, f.reports.get(1).rejectReason());
        assertEquals(299_990, f.last().priceTicks());
        assertEquals(2_000, f.last().amountLots());
        venue.onMarketData(f.trade(BN, f.usdt, Side.SELL, 299_990, 5_000));
        assertEquals(ExecType.AMENDED, f.last().type(), "the 5,000 shown at 29,999.0 were ahead: nothing left for us");
        venue.onMarketData(f.trade(BN, f.usdt, Side.SELL, 299_990, 1_500));
        assertEquals(PARTIAL_FILL, f.last().type());
        assertEquals(1_500, f.last().lastFillLots());
    }
    @Test
    void oneTradeFillsOurBestPricedRestingOrderFirst()
    {
        final SimulatedVenue venue = binanceWithBook(0, false);
        final OrderRequest worse = gtc(Side.SELL, 300_010, 1_000, true);
        final OrderRequest better = gtc(Side.SELL, 300_008, 1_000, true);
        venue.place(worse);
        venue.place(better);
        venue.advanceTo(f.clock.epochMs());
        venue.onMarketData(f.trade(BN, f.usdt, Side.BUY, 300_010, 1_500));
        assertEquals(List.of(ACK, ACK, FILL, PARTIAL_FILL), f.types());
        assertEquals(better.clientOrderId(), f.reports.get(2).clientOrderId(), "30,000.8 before 30,001.0");
        assertEquals(300_008, f.reports.get(2).lastFillPriceTicks());
        assertEquals(worse.clientOrderId(), f.last().clientOrderId());
        assertEquals(500, f.last().lastFillLots());
    }
    @Test
    void requestsSentFromInsideAListenerCallbackAreQueuedLikeAnyOther()
    {
        final SimulatedVenue[] holder = new SimulatedVenue[1];
        final VenueFixture reentrant = new VenueFixture()
        {
            private boolean sent;

            @Override
            public void onExecutionReport(final ExecutionReport report)
            {
                super.onExecutionReport(report);
                if (report.type() == FILL && !sent)
                {
                    sent = true;
                    holder[0].place(OrderRequest.market(nextId(), VenueFixture.btcUsdt(), Side.SELL, 1_000));
                    holder[0].cancelAll(null);
                }
            }
        };
        final SimulatedVenue venue = reentrant.binance(0, false);
        holder[0] = venue;
        venue.onMarketData(reentrant.snapshot(BN, reentrant.usdt, BIDS, ASKS));
        venue.place(new OrderRequest(reentrant.nextId(), usdt, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 299_990, 1_000,
            true, false));
        venue.place(OrderRequest.market(reentrant.nextId(), usdt, Side.BUY, 1_000));
        venue.advanceTo(reentrant.clock.epochMs());
        assertEquals(List.of(ACK, ACK, FILL, ACK, FILL, CANCELED), reentrant.types(),
            "the sell sent from the fill callback and the cancel-all ran after it, in order, at the same instant");
        assertEquals(0, venue.positionLots(usdt));
        assertEquals(0, venue.openOrderCount());
    }
    @Test
    void optionFeesAreBpsOfTheUnderlyingCappedAtAFractionOfThePremiumAndShortCallsCarryDeribitMargin()
    {
        final SimulatedVenue venue = f.deribit(0);
        final Instrument call = VenueFixture.btcCall();
        venue.onMarketData(f.ticker(Venue.DERIBIT, f.perp, 30_000.0, 30_000.0));
        venue.onMarketData(f.snapshot(Venue.DERIBIT, f.call, new long[][] {{100, 50}, {2, 50}}, new long[][] {{102, 50}}));
        venue.place(OrderRequest.market(f.nextId(), call, Side.SELL, 10));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(1.0 * 5e-4, venue.feesPaid(), 1e-15, "5 bps of 1 BTC underlying; below 12.5% of the 0.05 premium");

        venue.onMarketData(f.snapshot(Venue.DERIBIT, f.call, new long[][] {{2, 50}}, new long[][] {{4, 50}}));
        venue.place(OrderRequest.market(f.nextId(), call, Side.SELL, 10));
        venue.advanceTo(f.clock.epochMs());
        assertEquals(5e-4 + 0.125 * 1.0 * 0.001, venue.feesPaid(), 1e-15, "capped at 12.5% of the 0.001 premium");

        venue.onMarketData(f.ticker(Venue.DERIBIT, f.call, 0.02, 30_000.0));
        final AccountSnapshot account = venue.accountSnapshot(f.clock.epochMs());
        assertEquals(-20, venue.positionLots(call));
        assertEquals(2.0 * (0.075 + 0.02), account.maintenanceMargin(), 1e-15, "short call MM = c (0.075 + mark)");
        assertEquals(2.0 * (Math.max(0.15 - 30_000.0 / 30_000.0, 0.10) + 0.02), account.initialMargin(), 1e-15);
        assertEquals(1.0 * 0.05 + 1.0 * 0.001 - 2.0 * 0.02, account.positions().get(0).unrealizedPnl(), 1e-15);
    }
    @Test
    void aRefusedOrderDoesNotUseUpItsClientIdSoARetryableRefusalCanBeResent()
    {
        final SimulatedVenue venue = f.binance(0, false);
        final OrderRequest order = ioc(Side.BUY, 300_000, 1_000);
        venue.place(order);
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.RETRYABLE, f.last().rejectReason());
        venue.onMarketData(f.snapshot(BN, f.usdt, BIDS, ASKS));
        venue.place(order);
        venue.advanceTo(f.clock.epochMs());
        assertEquals(List.of(REJECTED, ACK, FILL), f.types());
        venue.place(order);
        venue.advanceTo(f.clock.epochMs());
        assertEquals(RejectReason.INVALID_REQUEST, f.last().rejectReason(), "once accepted, the id is used up");
    }
}
