package io.deltahedger.backtest.replay;

import io.deltahedger.greeks.math.StandardNormal;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.OptionType;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Writes a journal the way a live agent hedging a BTC options book on Deribit writes it, at the venue's cadence: a
 * HEADER (one Deribit BTC account with BTC-PERPETUAL and the book's options), the account's snapshot holding the
 * options (written short), then every 100 ms a BTC-PERPETUAL book change of a few levels (book.BTC-PERPETUAL.100ms)
 * and a perpetual ticker with mark, index, best bid and ask and funding (ticker.BTC-PERPETUAL.100ms), and every
 * second each option's ticker (mark, mark IV, delta, underlying), spread over the second; each ticker followed by
 * the MARKET record the live pipeline writes for it, and an ACCOUNT snapshot every 5 s. The index follows a seeded
 * GBM; the same arguments write the same bytes.
 *
 * <p>For tests and the replay benchmark: a live journal of hours with a desk-sized book, without waiting hours.
 */
public final class LiveLikeJournal
{
    /** 2026-01-05T00:00:00Z, a Monday. */
    public static final long T0 = 1_767_571_200_000L;
    private static final String EXPIRY = "27FEB26";
    /** 2026-02-27T08:00:00Z. */
    private static final long EXPIRY_MS = 1_772_179_200_000L;
    private static final double TICK = 0.5;
    private static final int DEPTH = 25;

    private LiveLikeJournal()
    {
    }

    /** What was written. */
    public record Written(List<BookSource.Position> book, long marketDataRecords)
    {
    }

    /**
     * @param options        options in the book (a call and a put on each strike, strikes 0.5% apart around 60,000),
     *                       written 1 BTC each
     * @param seconds        journal length
     * @param levelsPerSide  levels per side in each perpetual book change (besides the crossed ones it removes)
     */
    public static Written write(final Path directory, final int options, final long seconds, final int levelsPerSide,
                                final long seed)
    {
        final MarginBook book = new MarginBook(2, options + 1);
        final int account = book.addAccount("deribit BTC", Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final Instrument perp = DeribitNames.instrument("BTC-PERPETUAL");
        final int perpId = book.addInstrument(account, perp);
        final Instrument[] option = new Instrument[options];
        final int[] optionId = new int[options];
        final List<BookSource.Position> positions = new ArrayList<>();
        final List<Position> held = new ArrayList<>();
        for (int k = 0; k < options; k++)
        {
            // a call and a put per strike, strikes 0.5% apart around 60,000 (a 500-option book spans about 32,000-112,000)
            final long strike = 100 * Math.round(600 * Math.exp(0.005 * ((k / 2) - (options - 1) / 4)));
            option[k] = DeribitNames.instrument("BTC-" + EXPIRY + "-" + strike + (k % 2 == 0 ? "-C" : "-P"));
            optionId[k] = book.addInstrument(account, option[k]);
            positions.add(new BookSource.Position(option[k].nativeName(), -1.0));
            held.add(new Position(option[k], -10, 0.02, 0.02, 0, 0, 0, 0)); // 10 lots of 0.1 BTC
        }
        final double[] shocks = {-0.1, 0.0, 0.1};
        final GateConfig gate = new GateConfig(0.8, 120_000, shocks, shocks, 1_000);
        final SplittableRandom random = new SplittableRandom(seed);
        final MarketDataEvent e = new MarketDataEvent(2 * DEPTH + 8, 4);
        long written = 0;
        try (JournalWriter writer = JournalWriter.open(directory, ChainSigner.generate(new Random(seed)),
            new JournalWriterConfig(50_000, 3_600_000L, 1 << 20, false, false)))
        {
            writer.appendHeader(T0, JournalHeader.capture("live-like", book, gate));
            writer.appendAccount(T0, account, snapshot(T0, held));
            double index = 60_000;
            long bid = (long)Math.floor(index / TICK) - 1;
            long ask = bid + 2;
            long sequence = 1;
            e.clear();
            e.header(Venue.DERIBIT, MarketDataType.BOOK_SNAPSHOT, perpId, T0);
            e.sequence(sequence);
            for (int j = 0; j < DEPTH; j++)
            {
                e.bids().add(bid - j, 1_000 + random.nextInt(50_000));
                e.asks().add(ask + j, 1_000 + random.nextInt(50_000));
            }
            writer.appendMarketData(T0, e);
            written++;
            final double stepVol = 0.6 * Math.sqrt(0.1 / (365.0 * 86_400.0));
            for (long step = 1; step <= seconds * 10; step++)
            {
                final long t = T0 + step * 100;
                index *= Math.exp(stepVol * gaussian(random));
                final long newBid = (long)Math.floor(index / TICK) - 1;
                final long newAsk = newBid + 2;
                // book change: remove what the move crossed, then refresh the top levels of each side
                e.clear();
                e.header(Venue.DERIBIT, MarketDataType.BOOK_CHANGE, perpId, t);
                e.prevSequence(sequence);
                e.sequence(++sequence);
                for (long p = newBid + 1; p <= bid; p++)
                {
                    e.bids().add(p, 0);
                }
                for (long p = ask; p < newAsk; p++)
                {
                    e.asks().add(p, 0);
                }
                for (int j = 0; j < levelsPerSide; j++)
                {
                    e.bids().add(newBid - j, 1_000 + random.nextInt(50_000));
                    e.asks().add(newAsk + j, 1_000 + random.nextInt(50_000));
                }
                bid = newBid;
                ask = newAsk;
                writer.appendMarketData(t, e);
                written++;
                // perpetual ticker
                final double mark = index * (1 + 0.0001 * (random.nextDouble() - 0.5));
                e.clear();
                e.header(Venue.DERIBIT, MarketDataType.TICKER, perpId, t);
                e.markPrice(mark);
                e.indexPrice(index);
                e.bestBid(bid, 20_000);
                e.bestAsk(ask, 20_000);
                e.currentFunding(0.00001);
                e.funding8h(0.0001);
                writer.appendMarketData(t, e);
                writer.appendMarket(t, perpId, JournalEntry.Market.HAS_MARK | JournalEntry.Market.HAS_INDEX, mark, 0,
                    index);
                written++;
                // each option once a second, spread over it
                for (int k = 0; k < options; k++)
                {
                    if (step % 10 == k % 10)
                    {
                        written += optionTicker(writer, e, option[k], optionId[k], index, t);
                    }
                }
                if (step % 50 == 0)
                {
                    writer.appendAccount(t, account, snapshot(t, held));
                }
            }
        }
        return new Written(positions, written);
    }

    private static int optionTicker(final JournalWriter writer, final MarketDataEvent e, final Instrument option,
                                    final int id, final double index, final long t)
    {
        final double k = option.strike().doubleValue();
        final double years = (EXPIRY_MS - t) / (365.0 * 86_400_000.0);
        final double vol = 0.6 + 0.1 * Math.abs(Math.log(k / index));
        final double sd = vol * Math.sqrt(years);
        final double d1 = (Math.log(index / k) + 0.5 * sd * sd) / sd;
        final double d2 = d1 - sd;
        final boolean call = option.optionType() == OptionType.CALL;
        final double usd = call ? index * cdf(d1) - k * cdf(d2) : k * cdf(-d2) - index * cdf(-d1);
        final double coin = Math.max(usd / index, 0.0001);
        final double step = option.priceGrid().step().doubleValue();
        e.clear();
        e.header(Venue.DERIBIT, MarketDataType.TICKER, id, t);
        e.markPrice(coin);
        e.markIv(vol);
        e.underlyingPrice(index);
        e.indexPrice(index);
        e.greeks(call ? cdf(d1) : cdf(d1) - 1, 0.00002, 50, -20, 1);
        e.bestBid(Math.max(1, Math.round(coin / step) - 2), 100);
        e.bestAsk(Math.round(coin / step) + 2, 100);
        writer.appendMarketData(t, e);
        writer.appendMarket(t, id, JournalEntry.Market.HAS_MARK | JournalEntry.Market.HAS_VOLATILITY
            | JournalEntry.Market.HAS_INDEX, coin, vol, index);
        return 1;
    }

    private static AccountSnapshot snapshot(final long t, final List<Position> held)
    {
        return new AccountSnapshot(Venue.DERIBIT, "BTC", t, 10, 10, 9, 0.5, 0.3, held);
    }

    private static double gaussian(final SplittableRandom random)
    {
        double u;
        double v;
        double s;
        do
        {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }

    private static double cdf(final double x)
    {
        return StandardNormal.cdf(x);
    }
}
