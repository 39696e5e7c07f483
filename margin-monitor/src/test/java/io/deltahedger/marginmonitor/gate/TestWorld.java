package io.deltahedger.marginmonitor.gate;

import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.OptionType;

import java.util.ArrayList;
import java.util.List;

/**
 * A Deribit BTC account (perpetual, future, options) and a Binance USDT account (BTCUSDT) on one book, with helpers to
 * publish positions and consistent marks (option marks = the inverse model value at the index and vol).
 */
final class TestWorld {

    final MarginBook book = new MarginBook(4, 256);
    final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
    final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", Fixtures.binanceModel());
    final int btc = book.underlyingId("BTC");
    final List<Instrument> venueInstruments = new ArrayList<>();
    final int perp;
    final int future;
    final int usdt;
    final List<Integer> options = new ArrayList<>();

    TestWorld(final long[] strikes) {
        perp = add(deribit, Fixtures.deribitPerpetual());
        future = add(deribit, Fixtures.deribitFuture());
        usdt = add(binance, Fixtures.binancePerpetual());
        for (final long strike : strikes) {
            options.add(add(deribit, Fixtures.deribitOption(strike, OptionType.CALL)));
            options.add(add(deribit, Fixtures.deribitOption(strike, OptionType.PUT)));
        }
    }

    private int add(final int account, final Instrument instrument) {
        final int id = book.addInstrument(account, instrument);
        venueInstruments.add(instrument);
        return id;
    }

    /** Index, delta-one marks at the index times (1 + basis), option marks at the model value for each vol. */
    void market(final double index, final double basis, final double vol, final long nowMs) {
        book.onIndex(btc, index);
        book.onMark(perp, index * (1 + basis));
        book.onMark(future, index * (1 + 2 * basis));
        book.onMark(usdt, index * (1 - basis));
        for (final int option : options) {
            book.onVolatility(option, vol);
            book.onMark(option, modelMark(option, index, vol, nowMs));
        }
    }

    double modelMark(final int option, final double index, final double vol, final long nowMs) {
        final MarginInstrument inst = book.instrument(option);
        return InverseOptionPricer.DEFAULT.presentValue(inst.optionType(), index, inst.strike(),
            (inst.expiryEpochMs() - nowMs) / Portfolio.MILLIS_PER_YEAR, vol, 0.0);
    }

    /** Model maintenance margin of these lots (indexed by instrument id) at current marks. */
    double modelMm(final int account, final long[] lots) {
        double mm = 0;
        for (int i = 0; i < book.instrumentCount(); i++) {
            if (book.accountOf(i) == account) {
                mm += book.model(account).maintenanceMargin(book.instrument(i), lots[i] * book.instrument(i).lotSize(), book.mark(i),
                    book.index(book.underlyingOf(i)));
            }
        }
        return mm;
    }

    /** Publishes a snapshot with these lots (indexed by instrument id, other accounts' ids ignored). */
    void snapshot(final int account, final long[] lots, final double equity, final double maintenanceMargin, final long atMs) {
        final List<Position> positions = new ArrayList<>();
        for (int i = 0; i < venueInstruments.size(); i++) {
            if (book.accountOf(i) == account && lots[i] != 0) {
                final double m = book.mark(i);
                positions.add(new Position(venueInstruments.get(i), lots[i], m, m, 0, 0, 0, 0));
            }
        }
        book.onAccount(account, new AccountSnapshot(book.venue(account), book.currency(account), atMs, equity, equity,
            equity, 0, maintenanceMargin, positions));
    }
}
