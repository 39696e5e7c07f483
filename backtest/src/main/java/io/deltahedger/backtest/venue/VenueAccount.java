package io.deltahedger.backtest.venue;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger of a {@link SimulatedVenue}'s account: balance = initial + realised P&amp;L - fees + funding, positions
 * per instrument (in {@link SimInstrument}), fees, funding, and the account snapshot with margins from the account's
 * margin model. Every fill and funding payment is also handed to the {@link SimulatedFillListener}.
 */
final class VenueAccount
{
    private final SimulatedVenueConfig config;
    private final SimulatedFillListener fills;
    private final List<SimInstrument> instruments;
    private final String name;

    double balance;
    double feesPaid;
    double fundingReceived;
    double realisedPnl;
    long fundingSkipped;

    VenueAccount(final SimulatedVenueConfig config, final SimulatedFillListener fills, final List<SimInstrument> instruments,
                 final String name)
    {
        this.config = config;
        this.fills = fills;
        this.instruments = instruments;
        this.name = name;
        this.balance = config.initialBalance();
    }

    /** Books a fill: position, realised P&amp;L, fee; then tells the fill listener. */
    void book(final SimInstrument sim, final Side side, final long lots, final long priceTicks, final double mid,
              final boolean maker, final long timeMs)
    {
        final long signedLots = side == Side.BUY ? lots : -lots;
        final double price = sim.price(priceTicks);
        final double amount = sim.amount(signedLots);
        final double fee = fee(sim, amount, price, maker ? config.makerFeeBps() : config.takerFeeBps());
        final double realised = sim.applyFill(signedLots, price);
        realisedPnl += realised;
        feesPaid += fee;
        balance += realised - fee;
        fills.onFill(config.venue(), sim.instrument, timeMs, amount, price, mid > 0 ? mid : price, fee, maker);
    }

    /** bps of the notional in the settlement currency; options: of the underlying, capped at a fraction of the premium. */
    private double fee(final SimInstrument sim, final double amount, final double price, final double bps)
    {
        final double rate = bps / 10_000.0;
        if (!sim.instrument.isOption())
        {
            return rate * sim.convention.notional(amount, price);
        }
        final double premium = Math.abs(amount) * price;
        final double index = sim.underlyingIndex[0];
        final double underlyingNotional = sim.marginInstrument.inverse() ? Math.abs(amount)
            : index > 0 ? Math.abs(amount) * index : premium;
        final double capped = Math.min(Math.abs(rate) * underlyingNotional, config.optionFeeCapFraction() * premium);
        return Math.copySign(capped, rate);
    }

    /** Charges one funding period of a perpetual at {@code timeMs}: the account receives -signed notional x rate. */
    void chargeFunding(final SimInstrument sim, final long timeMs)
    {
        sim.lastFundingMs = timeMs;
        sim.fundingDueMs = timeMs + config.fundingIntervalMs();
        if (sim.positionLots == 0)
        {
            return;
        }
        final double mark = sim.valuationPrice();
        if (!sim.hasFundingRate || !(mark > 0))
        {
            fundingSkipped++;
            return;
        }
        final double amount = sim.amount(sim.positionLots);
        final double signedNotional = Math.signum(amount) * sim.convention.notional(amount, mark);
        final double payment = -signedNotional * sim.fundingRate;
        balance += payment;
        fundingReceived += payment;
        fills.onFunding(config.venue(), sim.instrument, timeMs, amount, mark, sim.fundingRate, payment);
    }

    /** See {@link SimulatedVenue#accountSnapshot(long)}. */
    AccountSnapshot snapshot(final long timeMs)
    {
        double unrealised = 0;
        double initial = 0;
        double maintenance = 0;
        final List<Position> positions = new ArrayList<>();
        for (final SimInstrument sim : instruments)
        {
            if (sim.positionLots == 0)
            {
                continue;
            }
            final double mark = sim.valuationPrice();
            final double index = sim.underlyingIndex[0];
            if (sim.instrument.isOption() && !(index > 0))
            {
                throw new IllegalStateException("simulated " + name + ": cannot margin " + sim.instrument.canonicalId()
                    + " without an index price of " + sim.instrument.underlying() + "; replay the underlying's ticker"
                    + " (index_price) before trading its options");
            }
            final double amount = sim.amount(sim.positionLots);
            final double upnl = sim.unrealised(mark);
            final double im = config.marginModel().initialMargin(sim.marginInstrument, amount, mark, index);
            final double mm = config.marginModel().maintenanceMargin(sim.marginInstrument, amount, mark, index);
            unrealised += upnl;
            initial += im;
            maintenance += mm;
            positions.add(new Position(sim.instrument, sim.positionLots, sim.averagePrice(), mark, im, mm, upnl, 0.0));
        }
        final double equity = balance + unrealised;
        return new AccountSnapshot(config.venue(), config.accountCurrency(), timeMs, balance, equity, equity - initial,
            initial, maintenance, positions);
    }
}
