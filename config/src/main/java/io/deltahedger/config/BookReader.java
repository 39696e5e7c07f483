package io.deltahedger.config;

import io.deltahedger.config.book.BookPosition;
import io.deltahedger.config.book.BookSource;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code book:}: {@code demo}, {@code file:PATH} (CSV or YAML) or an inline list of positions. */
final class BookReader
{
    static final String FIX = "use book: demo, book: file:positions.csv, or a list of {instrument: "
        + "deribit:BTC-27DEC24-60000-C, contracts: -10}";
    private static final String INSTRUMENT_FIX = "give a canonical id <venue code>:<native name>, e.g. "
        + "deribit:BTC-27DEC24-60000-C";
    private static final String CONTRACTS_FIX = "give signed contracts (negative for short), e.g. -10 or 2.5";
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    /** A book file larger than this is refused (a typo pointing at the wrong file). */
    static final long MAX_FILE_BYTES = 16L << 20;

    private BookReader()
    {
    }

    static BookSource read(final YamlMap root, final Path baseDir)
    {
        if (!root.require("book", FIX))
        {
            return BookSource.DEMO;
        }
        final Node node = root.node("book");
        if (node instanceof ScalarNode s)
        {
            final String text = s.getValue().trim();
            if ("demo".equals(text))
            {
                return BookSource.DEMO;
            }
            if (text.startsWith("file:") && text.length() > 5)
            {
                return fromFile(root, baseDir, text.substring(5).trim());
            }
            root.bad("book", "is neither demo, file:PATH nor a list of positions", text, FIX);
            return BookSource.DEMO;
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty())
        {
            root.bad("book", "must be demo, file:PATH or a non-empty list of positions", null, FIX);
            return BookSource.DEMO;
        }
        final Problems problems = root.problems();
        final int before = problems.count();
        final List<BookPosition> positions = positions(seq, "book", problems);
        return problems.count() == before ? new BookSource.Inline(positions) : BookSource.DEMO;
    }

    /** A list of {@code {instrument, contracts}} mappings, at {@code prefix[i]}. */
    private static List<BookPosition> positions(final SequenceNode seq, final String prefix, final Problems problems)
    {
        final List<BookPosition> positions = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++)
        {
            final int before = problems.count();
            final YamlMap p = YamlMap.of(prefix + "[" + i + "]", YamlMap.lineOf(items.get(i)), items.get(i), problems,
                "give {instrument: <canonical id>, contracts: <signed amount>}");
            final String instrument = p.require("instrument", INSTRUMENT_FIX) ? p.text("instrument", null, INSTRUMENT_FIX) : null;
            if (instrument != null && !BookPosition.CANONICAL_ID.matcher(instrument).matches())
            {
                p.bad("instrument", "is not a canonical instrument id", instrument, INSTRUMENT_FIX);
            }
            else if (instrument != null && !seen.add(instrument))
            {
                p.bad("instrument", "is listed twice", instrument, "merge the positions into one entry");
            }
            final BigDecimal contracts = p.require("contracts", CONTRACTS_FIX)
                ? p.decimal("contracts", null, Interval.finite(), CONTRACTS_FIX) : null;
            if (contracts != null && contracts.signum() == 0)
            {
                p.bad("contracts", "is 0", "0", "remove the position or give its signed contracts");
            }
            p.finish();
            if (problems.count() == before)
            {
                positions.add(new BookPosition(instrument, contracts));
            }
        }
        return positions;
    }

    private static BookSource fromFile(final YamlMap root, final Path baseDir, final String text)
    {
        final Path path = VenuesReader.resolvedOrNull(root, "book", baseDir, text);
        if (path == null)
        {
            return BookSource.DEMO;
        }
        final String content;
        try
        {
            if (Files.size(path) > MAX_FILE_BYTES)
            {
                root.bad("book", "file " + path + " is larger than 16 MB", text, "point book: file: at the positions file");
                return BookSource.DEMO;
            }
            content = Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            root.bad("book", "file " + path + " cannot be read (" + ex.getClass().getSimpleName() + ")", text,
                "check the path (relative paths start at the configuration file's directory) and its permissions");
            return BookSource.DEMO;
        }
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        final Problems fileProblems = new Problems();
        final List<BookPosition> positions;
        if (name.endsWith(".csv"))
        {
            positions = csv(content, fileProblems);
        }
        else if (name.endsWith(".yaml") || name.endsWith(".yml"))
        {
            positions = yaml(content, path.getFileName().toString(), fileProblems);
        }
        else
        {
            root.bad("book", "file " + path + " is neither .csv nor .yaml", text,
                "give a CSV file (instrument,contracts) ending in .csv or a YAML list ending in .yaml");
            return BookSource.DEMO;
        }
        for (final ConfigProblem p : fileProblems.sorted())
        {
            root.bad("book", path.getFileName() + (p.line() > 0 ? " line " + p.line() : "") + ": "
                + (p.path().isEmpty() ? "" : p.path() + " ") + p.problem(), p.value(), p.fix());
        }
        return fileProblems.isEmpty() ? new BookSource.FromFile(path, positions) : BookSource.DEMO;
    }

    /** CSV: {@code instrument,contracts} per line; an optional header; blank lines and {@code #} comments skipped. */
    static List<BookPosition> csv(final String content, final Problems problems)
    {
        final List<BookPosition> out = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final String[] lines = content.split("\r?\n", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++)
        {
            final String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#"))
            {
                continue;
            }
            final String[] f = line.split(",", -1);
            if (first && f.length == 2 && "instrument".equalsIgnoreCase(f[0].strip()))
            {
                first = false;
                continue;
            }
            first = false;
            final int lineNo = i + 1;
            if (f.length != 2)
            {
                problems.add("", lineNo, "has " + f.length + " fields instead of 2", line,
                    "write instrument,contracts, e.g. deribit:BTC-27DEC24-60000-C,-10");
                continue;
            }
            final String instrument = f[0].strip();
            final String amount = f[1].strip();
            boolean ok = true;
            if (!BookPosition.CANONICAL_ID.matcher(instrument).matches())
            {
                problems.add("instrument", lineNo, "is not a canonical instrument id", instrument, INSTRUMENT_FIX);
                ok = false;
            }
            else if (!seen.add(instrument))
            {
                problems.add("instrument", lineNo, "is listed twice", instrument, "merge the positions into one line");
                ok = false;
            }
            if (!DECIMAL.matcher(amount).matches() || new BigDecimal(amount.replace("+", "")).signum() == 0)
            {
                problems.add("contracts", lineNo, "is not a signed non-zero number", amount, CONTRACTS_FIX);
                ok = false;
            }
            if (ok)
            {
                out.add(new BookPosition(instrument, new BigDecimal(amount.replace("+", ""))));
            }
        }
        if (out.isEmpty() && problems.isEmpty())
        {
            problems.add("", 0, "lists no position", null, "write one instrument,contracts line per position");
        }
        return out;
    }

    private static List<BookPosition> yaml(final String content, final String fileName, final Problems problems)
    {
        final Node node = ConfigLoader.compose(content, fileName, problems);
        if (node == null)
        {
            if (problems.isEmpty())
            {
                problems.add("", 0, "is empty", null, "write a list of {instrument, contracts}");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty())
        {
            problems.add("", YamlMap.lineOf(node), "must be a non-empty list of {instrument, contracts}", null, FIX);
            return List.of();
        }
        return positions(seq, "", problems);
    }
}
