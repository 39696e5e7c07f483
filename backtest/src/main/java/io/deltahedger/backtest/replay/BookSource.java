package io.deltahedger.backtest.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where a historical backtest's options book comes from: a fixed list of positions, or a rule that rolls. */
public sealed interface BookSource
{
    /** One position of a fixed book: a Deribit option name and signed contracts (coins; negative written). */
    record Position(String instrument, double contracts)
    {
        public Position
        {
            if (instrument == null || instrument.isBlank())
            {
                throw new IllegalArgumentException("a book position needs an instrument name (e.g. BTC-30JAN26-70000-C)");
            }
            if (!(contracts != 0 && Double.isFinite(contracts)))
            {
                throw new IllegalArgumentException("book position " + instrument + ": contracts must be finite and non-zero"
                    + " (negative for written options), got " + contracts);
            }
        }
    }

    /** A fixed book, entered at the first mark of each option; options leave it when they expire (settled). */
    record Fixed(List<Position> positions) implements BookSource
    {
        public Fixed
        {
            if (positions == null || positions.isEmpty())
            {
                throw new IllegalArgumentException("a fixed options book needs at least one position");
            }
            positions = List.copyOf(positions);
        }

        /**
         * Reads a book file: one {@code instrument,contracts} line per position (e.g. {@code BTC-30JAN26-70000-C,-5});
         * blank lines and lines starting with {@code #} are ignored, as is a header line {@code instrument,contracts}.
         *
         * @throws IllegalArgumentException naming the file and line of a malformed line
         */
        public static Fixed read(final Path file) throws IOException
        {
            final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            final List<Position> positions = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++)
            {
                final String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.equals("instrument,contracts")))
                {
                    continue;
                }
                final String[] cells = line.split(",", -1);
                try
                {
                    if (cells.length != 2)
                    {
                        throw new IllegalArgumentException("expected 'instrument,contracts'");
                    }
                    positions.add(new Position(cells[0].strip(), Double.parseDouble(cells[1].strip())));
                }
                catch (final IllegalArgumentException e)
                {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": bad book line '" + line + "': "
                        + e.getMessage() + " (write e.g. BTC-30JAN26-70000-C,-5)", e);
                }
            }
            if (positions.isEmpty())
            {
                throw new IllegalArgumentException("book file " + file + " holds no position; write one "
                    + "'instrument,contracts' line per option, e.g. BTC-30JAN26-70000-C,-5");
            }
            return new Fixed(positions);
        }
    }

    /**
     * The options the desk held when the agent started: the option positions (on the backtest's coin) of each Deribit
     * account's first snapshot in the journal's first session. A journal backtest only ({@code --journal} without
     * {@code --book}).
     */
    record JournalAccounts() implements BookSource
    {
    }

    /**
     * The rule "short the {@code delta}-delta strangle of the nearest monthly expiry, rolled at expiry": the call whose
     * venue delta (options_chain {@code delta}) is closest to {@code +delta} and the put closest to {@code -delta}, on
     * the nearest Deribit monthly expiry (the last Friday of a month) after now, each written {@code coins} coins.
     * At expiry both settle and the rule writes the next monthly's strangle.
     */
    record ShortStrangle(String coin, double delta, double coins) implements BookSource
    {
        public ShortStrangle
        {
            if (!"BTC".equals(coin) && !"ETH".equals(coin))
            {
                throw new IllegalArgumentException("short-strangle coin must be BTC or ETH, got '" + coin + "'");
            }
            if (!(delta > 0 && delta < 0.5))
            {
                throw new IllegalArgumentException("short-strangle delta must be in (0, 0.5), got " + delta
                    + " (e.g. 0.25)");
            }
            if (!(coins > 0 && Double.isFinite(coins)))
            {
                throw new IllegalArgumentException("short-strangle coins must be finite and > 0, got " + coins
                    + " (e.g. 5)");
            }
        }
    }
}
