package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.tardis.TardisDataType;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small generated market across a Deribit monthly expiry: 2026-01-30 (the last Friday of January) 06:00 to 10:00
 * UTC, the BTC index a deterministic wave around 60,000, the perpetual's top-5 book and ticker every 10 s, and an
 * options chain every 5 minutes listing the 30JAN26 (until it expires at 08:00) and 27FEB26 expiries, strikes 50,000
 * to 70,000, priced with Black-Scholes at 60% (coin marks = USD price / index, deltas N(d1) and N(d1) - 1).
 */
final class TwoExpiryMarket
{
    static final long START_MS = 1_769_752_800_000L; // 2026-01-30T06:00:00Z
    static final long EXPIRY_1_MS = 1_769_760_000_000L; // 2026-01-30T08:00:00Z
    static final long EXPIRY_2_MS = 1_772_179_200_000L; // 2026-02-27T08:00:00Z
    static final long END_MS = START_MS + 4 * 3_600_000L;
    static final long STEP_MS = 10_000;
    static final long LOCAL_DELAY_US = 5_000;
    static final double VOL = 0.6;

    private static final NormalDistribution N = new NormalDistribution(0, 1);

    private TwoExpiryMarket()
    {
    }

    /** The index at a time: a deterministic wave (about 2.5% amplitude, 50-minute period). */
    static double index(final long ms)
    {
        return 60_000 * (1 + 0.025 * Math.sin((ms - START_MS) / 3_000_000.0 * 2 * Math.PI));
    }

    /** Average of the ticker's index prints with local time in [expiry - 30 min, expiry): the settlement index. */
    static double settlementIndex()
    {
        double sum = 0;
        int n = 0;
        for (long t = START_MS; t < END_MS; t += STEP_MS)
        {
            final long local = t + LOCAL_DELAY_US / 1000;
            if (local >= EXPIRY_1_MS - 30 * 60_000 && local < EXPIRY_1_MS)
            {
                sum += round2(index(t));
                n++;
            }
        }
        return sum / n;
    }

    static List<Path> write(final Path dir) throws IOException
    {
        final Path ticker = dir.resolve("deribit_derivative_ticker_2026-01-30_BTC-PERPETUAL.csv");
        final Path book = dir.resolve("deribit_book_snapshot_5_2026-01-30_BTC-PERPETUAL.csv");
        final Path chain = dir.resolve("deribit_options_chain_2026-01-30_OPTIONS.csv");
        try (Writer w = Files.newBufferedWriter(ticker, StandardCharsets.US_ASCII);
             Writer b = Files.newBufferedWriter(book, StandardCharsets.US_ASCII);
             Writer c = Files.newBufferedWriter(chain, StandardCharsets.US_ASCII))
        {
            w.write(TardisDataType.DERIVATIVE_TICKER.header() + "\n");
            b.write(TardisDataType.BOOK_SNAPSHOT_5.header() + "\n");
            c.write(TardisDataType.OPTIONS_CHAIN.header() + "\n");
            for (long t = START_MS; t < END_MS; t += STEP_MS)
            {
                final double s = round2(index(t));
                final long us = t * 1000;
                final long local = us + LOCAL_DELAY_US;
                w.write(String.format(Locale.ROOT, "deribit,BTC-PERPETUAL,%d,%d,,0.00001,,1000000,,%.2f,%.2f%n", us,
                    local, s, s));
                final double bid = Math.floor(s * 2) / 2;
                final StringBuilder row = new StringBuilder("deribit,BTC-PERPETUAL," + us + "," + local);
                for (int l = 0; l < 5; l++)
                {
                    row.append(String.format(Locale.ROOT, ",%.1f,%d,%.1f,%d", bid + 0.5 + l * 0.5, 200_000, bid - l * 0.5,
                        200_000));
                }
                b.write(row.append('\n').toString());
                if (t % 300_000 == 0)
                {
                    options(c, t, s);
                }
            }
        }
        return List.of(book, ticker, chain);
    }

    private static void options(final Writer c, final long t, final double s) throws IOException
    {
        final List<String> rows = new ArrayList<>();
        for (final long expiry : new long[] {EXPIRY_1_MS, EXPIRY_2_MS})
        {
            if (t >= expiry)
            {
                continue;
            }
            final String code = expiry == EXPIRY_1_MS ? "30JAN26" : "27FEB26";
            final double years = Math.max(expiry - t, 60_000) / (365.0 * 86_400_000);
            for (int k = 50_000; k <= 70_000; k += 2_500)
            {
                for (final boolean call : new boolean[] {true, false})
                {
                    final double d1 = (Math.log(s / k) + 0.5 * VOL * VOL * years) / (VOL * Math.sqrt(years));
                    final double d2 = d1 - VOL * Math.sqrt(years);
                    final double usd = call ? s * N.cumulativeProbability(d1) - k * N.cumulativeProbability(d2)
                        : k * N.cumulativeProbability(-d2) - s * N.cumulativeProbability(-d1);
                    final double mark = Math.max(usd / s, 0.00005);
                    final double delta = call ? N.cumulativeProbability(d1) : N.cumulativeProbability(d1) - 1;
                    rows.add(String.format(Locale.ROOT,
                        "deribit,BTC-%s-%d-%s,%d,%d,%s,%d,%d,10,,,,,,,,%.8f,%.2f,SYN.BTC-%s,%.2f,%.5f,0.00001,10.0,-50.0,1.0%n",
                        code, k, call ? "C" : "P", t * 1000, t * 1000 + LOCAL_DELAY_US + 1, call ? "call" : "put", k,
                        expiry * 1000, mark, VOL * 100, code, s, delta));
                }
            }
        }
        for (final String r : rows)
        {
            c.write(r);
        }
    }

    static double round2(final double v)
    {
        return Math.round(v * 100) / 100.0;
    }
}
