package io.deltahedger.venues.simulator.rpc;

import io.deltahedger.greeks.impliedvol.ImpliedVolatilityCalculator;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityResult;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.account.Position;
import io.deltahedger.venues.simulator.book.OrderBook;
import io.deltahedger.venues.simulator.market.OptionBoard;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.trading.TradingEngine;

/**
 * The option-only fields of Deribit's instrument, ticker, position and account-summary objects, in Deribit's units:
 * IV in percent, delta in coin per option, gamma per 1 USD, vega USD per vol point, theta USD per day, rho USD per
 * 1 % (see {@link OptionBoard}). Exchange thread only (one reusable implied-vol result per thread).
 */
final class OptionJson
{
    private static final int GREEK_DECIMALS = 8;
    private static final double MS_PER_YEAR = 365.0 * 24 * 3600 * 1000;
    /** One per exchange thread (several simulators may run in one JVM). */
    private static final ThreadLocal<ImpliedVolatilityResult> IV = ThreadLocal.withInitial(ImpliedVolatilityResult::new);

    private OptionJson()
    {
    }

    static void instrumentFields(final JsonWriter w, final SimInstrument instrument)
    {
        w.name("option_type").string(instrument.option().optionTypeName());
        w.name("strike").decimal(instrument.option().strike(), 8);
    }

    /** {@code bid_iv}, {@code ask_iv}, {@code mark_iv}, {@code underlying_price}, {@code underlying_index},
     * {@code interest_rate}, {@code greeks}. */
    static void tickerFields(final JsonWriter w, final OptionBoard board, final OrderBook book,
        final SimInstrument instrument, final long nowMs)
    {
        final int index = instrument.index();
        final double forward = board.underlyingPrices()[index];
        w.name("bid_iv").decimal(impliedVolPercent(book, true, instrument, forward, nowMs), 4);
        w.name("ask_iv").decimal(impliedVolPercent(book, false, instrument, forward, nowMs), 4);
        w.name("mark_iv").decimal(board.markIv(index), 4);
        w.name("underlying_price").decimal(forward, 4);
        w.name("underlying_index").string(instrument.option().underlyingIndex());
        w.name("interest_rate").decimal(0.0, 1);
        w.name("greeks").beginObject();
        w.name("delta").decimal(board.delta(index), GREEK_DECIMALS);
        w.name("gamma").decimal(board.gamma(index), 12);
        w.name("vega").decimal(board.vega(index), GREEK_DECIMALS);
        w.name("theta").decimal(board.theta(index), GREEK_DECIMALS);
        w.name("rho").decimal(board.rho(index), GREEK_DECIMALS);
        w.endObject();
    }

    /**
     * Position fields of an option: size in coin, prices in coin, and the position's Greeks (size x the ticker
     * Greeks; {@code delta} is the Black-Scholes delta, not premium-adjusted).
     */
    static void position(final JsonWriter w, final Account account, final SimInstrument instrument,
        final TradingEngine engine, final OptionBoard board)
    {
        final int index = instrument.index();
        final Position position = account.position(index);
        final double mark = engine.mark(index);
        final double size = position.size();
        final double floating = position.floatingPnl(mark);
        final double indexPrice = engine.indexPrice(index);
        w.beginObject();
        w.name("instrument_name").string(instrument.name());
        w.name("kind").string(instrument.kind());
        w.name("direction").string(position.sizeLots() > 0 ? "buy" : position.sizeLots() < 0 ? "sell" : "zero");
        w.name("size").decimal(size, 4);
        w.name("average_price").decimal(position.averagePrice(), 8);
        w.name("average_price_usd").decimal(position.averagePrice() * indexPrice, 4);
        w.name("mark_price").decimal(mark, 8);
        w.name("index_price").decimal(indexPrice, 4);
        w.name("settlement_price").decimal(mark, 8);
        w.name("delta").decimal(size * board.delta(index), DeribitJson.COIN_DECIMALS);
        w.name("gamma").decimal(size * board.gamma(index), DeribitJson.COIN_DECIMALS);
        w.name("vega").decimal(size * board.vega(index), DeribitJson.COIN_DECIMALS);
        w.name("theta").decimal(size * board.theta(index), DeribitJson.COIN_DECIMALS);
        w.name("initial_margin").decimal(account.positionInitialMargin(index, mark), DeribitJson.COIN_DECIMALS);
        w.name("maintenance_margin").decimal(account.positionMaintenanceMargin(index, mark), DeribitJson.COIN_DECIMALS);
        w.name("open_orders_margin").decimal(account.openOrdersMargin(index, mark), DeribitJson.COIN_DECIMALS);
        w.name("floating_profit_loss").decimal(floating, DeribitJson.COIN_DECIMALS);
        w.name("floating_profit_loss_usd").decimal(floating * indexPrice, 4);
        w.name("realized_profit_loss").decimal(position.realizedPnl(), DeribitJson.COIN_DECIMALS);
        w.name("total_profit_loss").decimal(floating + position.realizedPnl(), DeribitJson.COIN_DECIMALS);
        w.name("estimated_liquidation_price").nullValue();
        w.endObject();
    }

    /**
     * Account-summary option fields: {@code options_delta} (sum of size x Black-Scholes delta), gamma, vega, theta
     * (sums of size x the ticker Greeks), {@code options_value} (sum of size x mark, coin), {@code options_pl} and
     * the session split; and {@code delta_total} = futures size in coin + sum of size x (delta - mark), Deribit's net
     * transaction delta of the options.
     */
    static void accountFields(final JsonWriter w, final Account account, final TradingEngine engine,
        final OptionBoard board)
    {
        final double[] marks = engine.marks();
        double delta = 0.0;
        double netDelta = 0.0;
        double gamma = 0.0;
        double vega = 0.0;
        double theta = 0.0;
        for (final SimInstrument instrument : engine.instruments())
        {
            final int i = instrument.index();
            if (!instrument.isOption() || !account.isPositionIndex(i) || account.position(i).sizeLots() == 0)
            {
                continue;
            }
            final double size = account.position(i).size();
            delta += size * board.delta(i);
            netDelta += size * board.netDelta(i);
            gamma += size * board.gamma(i);
            vega += size * board.vega(i);
            theta += size * board.theta(i);
        }
        final double deltaTotal = account.futuresDelta(marks) + netDelta;
        final double floating = account.optionsFloatingPnl(marks);
        final double realized = account.optionsRealizedPnl();
        w.name("delta_total").decimal(deltaTotal, DeribitJson.COIN_DECIMALS);
        w.name("projected_delta_total").decimal(deltaTotal, DeribitJson.COIN_DECIMALS);
        w.name("options_delta").decimal(delta, DeribitJson.COIN_DECIMALS);
        w.name("options_gamma").decimal(gamma, DeribitJson.COIN_DECIMALS);
        w.name("options_vega").decimal(vega, DeribitJson.COIN_DECIMALS);
        w.name("options_theta").decimal(theta, DeribitJson.COIN_DECIMALS);
        w.name("options_value").decimal(account.optionsValue(marks), DeribitJson.COIN_DECIMALS);
        w.name("options_pl").decimal(floating + realized, DeribitJson.COIN_DECIMALS);
        w.name("options_session_rpl").decimal(realized, DeribitJson.COIN_DECIMALS);
        w.name("options_session_upl").decimal(floating, DeribitJson.COIN_DECIMALS);
    }

    /** The IV (percent) implied by the best price of a side, or 0 when the side is empty or no vol matches it. */
    private static double impliedVolPercent(final OrderBook book, final boolean bid, final SimInstrument instrument,
        final double forward, final long nowMs)
    {
        final long ticks = book.bestPriceTicks(bid);
        final double years = (instrument.expirationMs() - nowMs) / MS_PER_YEAR;
        if (ticks == Long.MIN_VALUE || years <= 0 || !(forward > 0))
        {
            return 0.0;
        }
        ImpliedVolatilityCalculator.DEFAULT.inverse(instrument.option().type(), forward, instrument.option().strike(),
            years, instrument.price(ticks), 0.0, IV.get());
        return IV.get().isSolved() ? IV.get().volatility() * OptionGreeks.VOL_POINTS_PER_UNIT : 0.0;
    }
}
