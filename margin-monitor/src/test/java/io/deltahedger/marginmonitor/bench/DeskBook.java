package io.deltahedger.marginmonitor.bench;

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
import java.util.SplittableRandom;

/**
 * The margin benchmarks' desk: a Deribit BTC account holding 100 seeded options (calls and puts, strikes 30,000 to
 * 79,000) and a short BTC-PERPETUAL, with its maintenance margin just under its 200 BTC equity, and a Binance USDT-M
 * account with a BTCUSDT perpetual; index and marks at 50,000.
 *
 * @param book    the margin book, marked and with both snapshots applied
 * @param deribit the Deribit account id
 * @param binance the Binance account id
 * @param perp    BTC-PERPETUAL's instrument id
 * @param usdt    BTCUSDT's instrument id
 * @param btc     the BTC underlying id
 */
record DeskBook(MarginBook book, int deribit, int binance, int perp, int usdt, int btc)
{
    static DeskBook create()
    {
        final SplittableRandom random = new SplittableRandom(20261121L);
        final MarginBook book = new MarginBook(2, 128);
        final int deribit = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int binance = book.addAccount(Venue.BINANCE_USDM, "USDT", Fixtures.binanceModel());
        final List<Instrument> instruments = new ArrayList<>();
        instruments.add(Fixtures.deribitPerpetual());
        final int perp = book.addInstrument(deribit, instruments.get(0));
        for (int k = 0; k < 50; k++) {
            for (final OptionType type : OptionType.values()) {
                final Instrument option = Fixtures.deribitOption(30_000 + 1_000L * k, type);
                instruments.add(option);
                book.addInstrument(deribit, option);
            }
        }
        final int usdt = book.addInstrument(binance, Fixtures.binancePerpetual());
        final int btc = book.underlyingId("BTC");
        book.onIndex(btc, 50_000);
        book.onMark(perp, 50_000);
        book.onMark(usdt, 50_000);
        final List<Position> positions = new ArrayList<>();
        double mm = 0;
        for (int i = 1; i < instruments.size(); i++) {
            final MarginInstrument inst = book.instrument(i);
            final double vol = 0.5 + 0.3 * random.nextDouble();
            final double mark = InverseOptionPricer.DEFAULT.presentValue(inst.optionType(), 50_000, inst.strike(),
                (inst.expiryEpochMs() - Fixtures.NOW_MS) / Portfolio.MILLIS_PER_YEAR, vol, 0);
            book.onVolatility(i, vol);
            book.onMark(i, mark);
            final long lots = random.nextLong(-50, 51);
            positions.add(new Position(instruments.get(i), lots, mark, mark, 0, 0, 0, 0));
            mm += book.model(deribit).maintenanceMargin(inst, lots * inst.lotSize(), mark, 50_000);
        }
        positions.add(new Position(instruments.get(0), -5_000, 50_000, 50_000, 0, 0, 0, 0));
        book.onAccount(deribit, new AccountSnapshot(Venue.DERIBIT, "BTC", Fixtures.NOW_MS, 200, 200, 200, 0, mm + 0.01,
            positions));
        book.onAccount(binance, new AccountSnapshot(Venue.BINANCE_USDM, "USDT", Fixtures.NOW_MS, 100_000, 100_000,
            100_000, 0, 0, List.of()));
        return new DeskBook(book, deribit, binance, perp, usdt, btc);
    }
}
