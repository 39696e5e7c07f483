package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.account.Position;
import io.deltahedger.venues.simulator.book.OrderBook;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.market.InstrumentCatalog;
import io.deltahedger.venues.simulator.market.Market;
import io.deltahedger.venues.simulator.market.MarketMaker;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;
import io.deltahedger.venues.simulator.rpc.RpcError;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random trading against the market maker while the market moves: the books never stay crossed, futures are
 * zero-sum between owners, open-order bookkeeping equals what rests in the books, and every coin in the user's
 * balance is explained by realised PnL and fees of the reported executions.
 */
class TradingEnginePropertyTest
{
    private static final long USER = 1;
    private static final long START_MS = 1_767_571_200_000L;

    @Property(seed = "314159", tries = 60)
    void accountingFollowsTheReportedExecutions(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) final long seed)
    {
        final long[] now = {START_MS};
        final List<UnderlyingSpec> underlyings = List.of(UnderlyingSpec.btc());
        final List<SimInstrument> instruments = InstrumentCatalog.create(underlyings, START_MS);
        final SplittableRandom random = new SplittableRandom(seed);
        final Market market = new Market(underlyings, instruments, random.split(), START_MS);
        final List<Execution> executions = new ArrayList<>();
        final TradingEngine engine = new TradingEngine(instruments, underlyings, market.marks(), market.indexPrices(),
            market.options().underlyingPrices(), () -> now[0], new EngineListener()
            {
                public void onOrderUpdated(final SimOrder order)
                {
                }

                public void onExecution(final Execution execution)
                {
                    executions.add(execution);
                }
            });
        engine.openAccounts(USER, false);
        final List<MarketMaker> makers = new ArrayList<>();
        for (final SimInstrument instrument : instruments)
        {
            makers.add(instrument.isOption()
                ? MarketMaker.forOption(instrument, engine, random.split())
                : new MarketMaker(instrument, engine, random.split(), 5, 1.0, 0.5, 20_000));
        }
        final List<Long> placed = new ArrayList<>();
        for (int step = 0; step < 80; step++)
        {
            final int action = random.nextInt(4);
            final int index = random.nextInt(instruments.size());
            if (action == 0)
            {
                now[0] += 100;
                market.advanceTo(now[0]);
                for (int i = 0; i < makers.size(); i++)
                {
                    makers.get(i).requote(market.fairPrice(i));
                }
            }
            else if (action == 3 && !placed.isEmpty())
            {
                try
                {
                    engine.cancel(USER, placed.get(random.nextInt(placed.size())));
                }
                catch (final RpcError notOpen)
                {
                    assertEquals(RpcError.NOT_OPEN_ORDER, notOpen.code());
                }
            }
            else
            {
                final OrderBook book = engine.book(index);
                final boolean buy = random.nextBoolean();
                final boolean marketOrder = action == 1;
                final long reference = book.bestPriceTicks(!buy) == Long.MIN_VALUE ? 1 : book.bestPriceTicks(!buy);
                final long price = Math.max(1, reference + (buy ? 1 : -1) * (random.nextInt(21) - 10));
                try
                {
                    placed.add(engine.place(USER, new OrderRequest(index, buy, marketOrder, 1 + random.nextInt(300),
                        price, "good_til_cancelled", false, false, false, "")).orderId);
                }
                catch (final RpcError refused)
                {
                    assertTrue(refused.code() == 10005 || refused.code() == 10007 || refused.code() == 10009,
                        "only price band or funds refusals expected, got " + refused.code());
                }
            }
            checkInvariants(engine, instruments, executions);
        }
        assertTrue(executions.stream().anyMatch(e -> e.taker().ownerId == USER || e.maker().ownerId == USER),
            "the run traded");
    }

    private static void checkInvariants(final TradingEngine engine, final List<SimInstrument> instruments,
        final List<Execution> executions)
    {
        final Account user = engine.account(USER, "BTC");
        final Account maker = engine.account(TradingEngine.MARKET_MAKER, "BTC");
        double cashFlows = 0;
        double fees = 0;
        for (final Execution e : executions)
        {
            for (final boolean asMaker : new boolean[] {true, false})
            {
                final SimOrder own = asMaker ? e.maker() : e.taker();
                if (own.ownerId != USER)
                {
                    continue;
                }
                fees += asMaker ? e.makerFee() : e.takerFee();
                if (e.instrument().isOption())
                {
                    // Option premiums change hands in cash at the fill.
                    final double premium = e.instrument().amount(e.lots()) * e.instrument().price(e.priceTicks());
                    cashFlows += own.buy ? -premium : premium;
                }
                else
                {
                    cashFlows += asMaker ? e.makerPnl() : e.takerPnl();
                }
            }
        }
        assertEquals(10.0 + cashFlows - fees, user.balance(), 1e-9,
            "balance = initial + futures realised PnL - option premiums paid + received - fees");
        assertEquals(fees, user.feesPaid(), 1e-12);
        for (final SimInstrument instrument : instruments)
        {
            final int index = instrument.index();
            final Position position = user.position(index);
            assertEquals(0, position.sizeLots() + maker.position(index).sizeLots(), "positions are zero-sum");
            final OrderBook book = engine.book(index);
            final long bid = book.bestPriceTicks(true);
            final long ask = book.bestPriceTicks(false);
            assertTrue(bid == Long.MIN_VALUE || ask == Long.MIN_VALUE || bid < ask, "book not crossed");
            long restingBuys = 0;
            long restingSells = 0;
            for (final SimOrder order : engine.openOrders(USER))
            {
                if (order.instrumentIndex == index)
                {
                    assertTrue(order.isResting(), "open user orders rest in the book");
                    restingBuys += order.buy ? order.remainingLots() : 0;
                    restingSells += order.buy ? 0 : order.remainingLots();
                }
            }
            assertEquals(restingBuys, position.openBuyLots(), "open buy lots tracked for margin");
            assertEquals(restingSells, position.openSellLots(), "open sell lots tracked for margin");
        }
    }
}
