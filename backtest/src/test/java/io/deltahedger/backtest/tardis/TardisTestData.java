package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.instrument.OptionType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Instruments of the test fixtures (specifications as Deribit's and Binance's instrument lists give them), access to
 * the hand-written fixtures under {@code src/test/resources/tardis}, and a seeded generator of large Tardis files.
 */
public final class TardisTestData
{
    public static final String PERPETUAL = "deribit:BTC-PERPETUAL";
    public static final String PUT = "deribit:BTC-9JUN20-9875-P";
    public static final String CALL = "deribit:BTC-9JUN20-9875-C";
    public static final String BINANCE = "binance-usdm:BTCUSDT";

    private TardisTestData()
    {
    }

    /** BTC-PERPETUAL (tick 0.5 USD, 10 USD lots), two BTC options (tick 0.0005 BTC, 0.1 BTC lots), Binance BTCUSDT. */
    public static InstrumentRegistry registry()
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        registry.register(new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD", "BTC",
            "USD", ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
            new BigDecimal("10"), 0, null, null));
        for (final OptionType type : OptionType.values())
        {
            registry.register(new Instrument(Venue.DERIBIT, "BTC-9JUN20-9875-" + (type == OptionType.CALL ? "C" : "P"),
                InstrumentKind.OPTION, "BTC", "BTC", "BTC", "BTC", ContractStyle.INVERSE, BigDecimal.ONE,
                DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"), new BigDecimal("0.1"), 1591689600000L,
                new BigDecimal("9875"), type));
        }
        registry.register(new Instrument(Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT",
            "BTC", ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.01"), DecimalGrid.of("0.001"),
            new BigDecimal("0.001"), 0, null, null));
        return registry;
    }

    /** A fixture's path (copied out of the classpath into {@code dir}, optionally gzipped). */
    public static Path fixture(final String name, final Path dir, final boolean gzip)
    {
        try (InputStream in = TardisTestData.class.getResourceAsStream("/tardis/" + name))
        {
            if (in == null)
            {
                throw new IllegalArgumentException("no test fixture " + name);
            }
            final Path file = dir.resolve(gzip ? name + ".gz" : name);
            try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file))
                : Files.newOutputStream(file))
            {
                in.transferTo(out);
            }
            return file;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text as a file, gzipped if the name ends in .gz. */
    public static Path write(final Path file, final String text)
    {
        try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file))
            : Files.newOutputStream(file))
        {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            return file;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a gzipped incremental_book_L2 file of BTC-PERPETUAL: a 40-level-a-side snapshot, then {@code groups}
     * change messages of 1 to 4 seeded rows that add, resize and remove levels within 30 ticks
     * of a fixed touch (the book stays a few dozen levels deep and never crosses), one message every 1 to 300 µs.
     *
     * @return the number of data rows written
     */
    public static long writeIncrementalBook(final Path file, final long groups, final long seed) throws IOException
    {
        return writeIncrementalBook(file, groups, Long.MAX_VALUE, seed);
    }

    /**
     * As {@link #writeIncrementalBook(Path, long, long)}, stopping after exactly {@code maxRows} data rows if that
     * comes first (the last message may be cut short).
     */
    public static long writeIncrementalBook(final Path file, final long groups, final long maxRows, final long seed)
        throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        long rows = 0;
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16))
        {
            w.write(TardisDataType.INCREMENTAL_BOOK_L2.header());
            w.write('\n');
            long local = 1_585_699_200_000_000L;
            final long midTicks = 12_842; // 6421 USD on the 0.5 tick
            long bestBid = midTicks;
            long bestAsk = midTicks + 1;
            for (int i = 0; i < 40; i++)
            {
                rows += writeL2(w, local, true, false, bestAsk + i, 10 + random.nextInt(5000));
                rows += writeL2(w, local, true, true, bestBid - i, 10 + random.nextInt(5000));
            }
            for (long g = 0; g < groups && rows < maxRows; g++)
            {
                local += 1 + random.nextInt(300);
                final int n = 1 + random.nextInt(4);
                for (int k = 0; k < n && rows < maxRows; k++)
                {
                    final boolean bid = random.nextBoolean();
                    final int depth = random.nextInt(30);
                    final long price = bid ? bestBid - depth : bestAsk + depth;
                    // Remove 1 in 4 (never the best, so the book never empties), else set a new size.
                    final long lots = depth > 0 && random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(5000);
                    rows += writeL2(w, local, false, bid, price, lots);
                }
            }
        }
        return rows;
    }

    private static int writeL2(final BufferedWriter w, final long localUs, final boolean snapshot, final boolean bid,
                               final long priceTicks, final long lots) throws IOException
    {
        w.write("deribit,BTC-PERPETUAL,");
        w.write(Long.toString(localUs - 4_000));
        w.write(',');
        w.write(Long.toString(localUs));
        w.write(snapshot ? ",true," : ",false,");
        w.write(bid ? "bid," : "ask,");
        w.write(Long.toString(priceTicks / 2));
        if ((priceTicks & 1) != 0)
        {
            w.write(".5");
        }
        w.write(',');
        w.write(Long.toString(lots * 10));
        w.write('\n');
        return 1;
    }

    /**
     * Writes a gzipped options_chain file: {@code rows} rows alternating the two registered options, with seeded
     * quotes, IVs and Greeks formatted as JavaScript prints them.
     */
    public static void writeOptionsChain(final Path file, final long rows, final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
            new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.US_ASCII), 1 << 16))
        {
            w.write(TardisDataType.OPTIONS_CHAIN.header());
            w.write('\n');
            long local = 1_591_574_400_000_000L;
            for (long r = 0; r < rows; r++)
            {
                local += 1 + random.nextInt(2000);
                final boolean put = (r & 1) == 0;
                final int bidTicks = 20 + random.nextInt(40);
                w.write("deribit,BTC-9JUN20-9875-");
                w.write(put ? "P," : "C,");
                w.write(Long.toString(local - 700));
                w.write(',');
                w.write(Long.toString(local));
                w.write(put ? ",put," : ",call,");
                w.write("9875,1591689600000000,");
                w.write(Double.toString(random.nextInt(1000) / 10.0));
                w.write(',');
                w.write(price(bidTicks + 3));
                w.write(',');
                w.write(price(bidTicks));
                w.write(',');
                w.write(Double.toString((1 + random.nextInt(300)) / 10.0));
                w.write(",55.91,");
                w.write(price(bidTicks + 6));
                w.write(",15,68.94,0.02210436,62.89,SYN.BTC-9JUN20,");
                w.write(Double.toString(9000 + random.nextInt(2000) / 100.0));
                w.write(put ? ",-0.61752," : ",0.38248,");
                w.write("0.00103,2.24964,-53.05655,-0.22796\n");
            }
        }
    }

    private static String price(final int ticks)
    {
        return new BigDecimal(ticks).multiply(new BigDecimal("0.0005")).stripTrailingZeros().toPlainString();
    }
}
