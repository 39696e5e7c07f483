package io.deltahedger.backtest.replay;

import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The instrument registry of a replay, built from the names the Tardis files carry ({@link DeribitNames} gives each
 * recognised name Deribit's documented specification). Symbols are collected without decoding the data:
 * <ul>
 *   <li>a file named as Tardis names its downloads, {@code {exchange}_{data_type}_{YYYY-MM-DD}_{SYMBOL}.csv[.gz]}
 *       with a symbol other than {@code OPTIONS}, holds that one symbol (no scan);</li>
 *   <li>any other file (an {@code options_chain} file, which lists every option of the day, or a renamed file) is
 *       scanned once for its {@code symbol} column: a cheap pass compared with decoding, but a second read.</li>
 * </ul>
 * Names {@link DeribitNames} does not recognise are not registered, so their rows stay bad rows (unknown symbols) in
 * the replay. Instruments are registered in sorted name order, so the registry is the same for the same files.
 */
public final class ReplayInstruments
{
    private static final Pattern TARDIS_NAME =
        Pattern.compile("^deribit_([A-Za-z_0-9]+)_(\\d{4}-\\d{2}-\\d{2})_([A-Za-z0-9_.-]+)\\.csv(\\.gz)?$");

    private ReplayInstruments()
    {
    }

    /** Every recognised Deribit symbol of the files, registered in name order. */
    public static InstrumentRegistry scan(final Iterable<Path> files) throws IOException
    {
        final TreeSet<String> symbols = new TreeSet<>();
        for (final Path file : files)
        {
            collect(file, symbols);
        }
        final InstrumentRegistry registry = new InstrumentRegistry();
        for (final String symbol : symbols)
        {
            final Instrument instrument = DeribitNames.instrument(symbol);
            if (instrument != null)
            {
                registry.register(instrument);
            }
        }
        return registry;
    }

    private static void collect(final Path file, final TreeSet<String> symbols) throws IOException
    {
        final Matcher m = TARDIS_NAME.matcher(file.getFileName().toString());
        if (m.matches() && !"OPTIONS".equals(m.group(3)) && !"options_chain".equals(m.group(1)))
        {
            symbols.add(m.group(3));
            return;
        }
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 1 << 16))
        {
            final String header = reader.readLine();
            if (header == null || !header.startsWith("exchange,symbol,"))
            {
                return; // an empty file, or not a Tardis file: the reader reports it when the replay opens it
            }
            String last = "";
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                final int a = line.indexOf(',');
                final int b = a < 0 ? -1 : line.indexOf(',', a + 1);
                if (b < 0 || !line.startsWith("deribit,"))
                {
                    continue; // malformed or another exchange: the replay reports the row
                }
                if (!line.regionMatches(a + 1, last, 0, last.length()) || b - a - 1 != last.length())
                {
                    last = line.substring(a + 1, b);
                    symbols.add(last);
                }
            }
        }
    }

    /**
     * The files to replay: all, except {@code book_snapshot_25}/{@code book_snapshot_5} files (Tardis-named) of a
     * symbol and day for which an {@code incremental_book_L2} file is also given. Both describe the same book, and the
     * snapshot rows would break the incremental stream's sequence (the venue's and the pipeline's books would be
     * invalid until the next snapshot); the incremental file is the complete one.
     */
    public static java.util.List<Path> withoutRedundantSnapshots(final java.util.List<Path> files)
    {
        final java.util.Set<String> incremental = new java.util.HashSet<>();
        for (final Path file : files)
        {
            final Matcher m = TARDIS_NAME.matcher(file.getFileName().toString());
            if (m.matches() && "incremental_book_L2".equals(m.group(1)))
            {
                incremental.add(m.group(2) + "_" + m.group(3));
            }
        }
        final java.util.List<Path> kept = new java.util.ArrayList<>();
        for (final Path file : files)
        {
            final Matcher m = TARDIS_NAME.matcher(file.getFileName().toString());
            if (m.matches() && m.group(1).startsWith("book_snapshot_") && incremental.contains(m.group(2) + "_" + m.group(3)))
            {
                continue;
            }
            kept.add(file);
        }
        return kept;
    }
}
