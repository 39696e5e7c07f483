package io.deltahedger.config;

import io.deltahedger.config.secret.SecretReference;
import io.deltahedger.config.time.Durations;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One YAML mapping being read into settings, at a key path. Each getter names the key it reads (so the map learns
 * its known keys), checks type and range, reports a problem with the key's path, line and value, and then returns
 * the default so reading goes on and every problem of the file is found in one pass. {@link #finish()} reports the
 * keys nobody asked for, with the closest known key as a suggestion.
 */
final class YamlMap
{
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

    private final String path;
    private final int line;
    private final Problems problems;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    private YamlMap(final String path, final int line, final Problems problems)
    {
        this.path = path;
        this.line = line;
        this.problems = problems;
    }

    /**
     * The mapping at {@code path}; a node that is not a mapping is reported and read as empty, so defaults apply.
     *
     * @param lineIfAbsent the line of the key that holds the mapping (reported for its missing keys), 0 to use the
     *                     mapping's first line.
     * @param node         the node, or null for an absent section (read as empty).
     */
    static YamlMap of(final String path, final int lineIfAbsent, final Node node, final Problems problems, final String fix)
    {
        if (node == null)
        {
            return new YamlMap(path, lineIfAbsent, problems);
        }
        final YamlMap map = new YamlMap(path, lineIfAbsent > 0 ? lineIfAbsent : lineOf(node), problems);
        if (!(node instanceof MappingNode mapping))
        {
            problems.add(path, lineOf(node), "must be a mapping of keys to values", shown(node), fix);
            return map;
        }
        for (final NodeTuple tuple : mapping.getValue())
        {
            final Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey))
            {
                problems.add(path, lineOf(keyNode), "has a key that is not a plain word", null,
                    "write keys as plain words, e.g. threshold: 0.8");
                continue;
            }
            final String key = scalarKey.getValue();
            final NodeTuple first = map.entries.putIfAbsent(key, tuple);
            if (first != null)
            {
                problems.add(map.pathOf(key), lineOf(keyNode), "is given twice (first on line "
                    + lineOf(first.getKeyNode()) + ")", null, "keep one of them");
            }
        }
        return map;
    }

    static int lineOf(final Node node)
    {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    String path()
    {
        return path;
    }

    int line()
    {
        return line;
    }

    Problems problems()
    {
        return problems;
    }

    String pathOf(final String key)
    {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The line of the key, or of this mapping's own key when the key is absent. */
    int lineOf(final String key)
    {
        final NodeTuple t = entries.get(key);
        return t == null ? line : lineOf(t.getKeyNode());
    }

    boolean has(final String key)
    {
        asked.add(key);
        return entries.containsKey(key);
    }

    /** The value node, or null when absent. */
    Node node(final String key)
    {
        asked.add(key);
        final NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    /** Every key present, in file order, all taken as known (for maps keyed by names, such as venues). */
    List<String> names()
    {
        asked.addAll(entries.keySet());
        return new ArrayList<>(entries.keySet());
    }

    /** Reports {@code key is missing} unless present; returns whether present. */
    boolean require(final String key, final String fix)
    {
        if (has(key))
        {
            return true;
        }
        problems.add(pathOf(key), line, "is missing", null, fix);
        return false;
    }

    /** Reports a bad value of {@code key}. */
    void bad(final String key, final String problem, final String value, final String fix)
    {
        problems.add(pathOf(key), lineOf(key), problem, value, fix);
    }

    /** The sub-mapping at {@code key}, empty when absent (so its defaults apply). */
    YamlMap map(final String key, final String fix)
    {
        return of(pathOf(key), lineOf(key), node(key), problems, fix);
    }

    /**
     * The text of a scalar, or null when absent or not usable (reported).
     */
    String scalar(final String key, final String fix)
    {
        final Node n = node(key);
        if (n == null)
        {
            return null;
        }
        return scalarText(pathOf(key), n, fix);
    }

    private String scalarText(final String at, final Node n, final String fix)
    {
        if (!(n instanceof ScalarNode s))
        {
            problems.add(at, lineOf(n), "must be a single value, not a " + kind(n), null, fix);
            return null;
        }
        if (Tag.NULL.equals(s.getTag()) && (s.getValue().isEmpty() || "~".equals(s.getValue())
            || "null".equalsIgnoreCase(s.getValue())))
        {
            problems.add(at, lineOf(n), "has no value", null, fix + " (or delete the key to use the default)");
            return null;
        }
        return s.getValue().trim();
    }

    String text(final String key, final String dflt, final String fix)
    {
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        if (v.isEmpty())
        {
            bad(key, "is empty", null, fix);
            return dflt;
        }
        return v;
    }

    double number(final String key, final double dflt, final Interval range, final String fix)
    {
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        if (!NUMBER.matcher(v).matches())
        {
            bad(key, "is not a number", v, fix);
            return dflt;
        }
        final double d = Double.parseDouble(v) + 0.0; // -0.0 reads as 0.0, so equal files give equal settings
        if (!range.contains(d))
        {
            bad(key, range.mustBe(), v, fix);
            return dflt;
        }
        return d;
    }

    long whole(final String key, final long dflt, final long min, final long max, final String fix)
    {
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        return wholeText(pathOf(key), lineOf(key), v, dflt, min, max, fix);
    }

    private long wholeText(final String at, final int atLine, final String v, final long dflt, final long min,
        final long max, final String fix)
    {
        if (!WHOLE.matcher(v).matches())
        {
            problems.add(at, atLine, NUMBER.matcher(v).matches() ? "must be a whole number" : "is not a number", v, fix);
            return dflt;
        }
        final long n;
        try
        {
            n = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        }
        catch (final NumberFormatException ex)
        {
            problems.add(at, atLine, "must be in [" + min + ", " + max + "]", v, fix);
            return dflt;
        }
        if (n < min || n > max)
        {
            problems.add(at, atLine, max == Long.MAX_VALUE ? "must be >= " + min : "must be in [" + min + ", " + max + "]",
                v, fix);
            return dflt;
        }
        return n;
    }

    boolean flag(final String key, final boolean dflt, final String fix)
    {
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        if ("true".equals(v) || "false".equals(v))
        {
            return Boolean.parseBoolean(v);
        }
        bad(key, "must be true or false", v, fix);
        return dflt;
    }

    /** A duration ({@link Durations}) in ms within [minMs, maxMs]. */
    long durationMs(final String key, final long dflt, final long minMs, final long maxMs, final String fix)
    {
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        final long ms;
        try
        {
            ms = Durations.parseMs(v);
        }
        catch (final IllegalArgumentException ex)
        {
            bad(key, "is not a duration: it " + ex.getMessage(), v, fix);
            return dflt;
        }
        if (ms < minMs || ms > maxMs)
        {
            bad(key, maxMs == Long.MAX_VALUE
                ? "must be at least " + Durations.format(minMs)
                : "must be between " + Durations.format(minMs) + " and " + Durations.format(maxMs), v, fix);
            return dflt;
        }
        return ms;
    }

    /** One of a fixed set of words, each mapped to a value. */
    <E> E choice(final String key, final E dflt, final Map<String, E> words)
    {
        final String fix = "use one of " + String.join(", ", words.keySet());
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        final E e = words.get(v);
        if (e == null)
        {
            final String near = KeySuggestions.closest(v, words.keySet());
            bad(key, "is not one of " + String.join(", ", words.keySet()), v,
                near == null ? fix : "did you mean " + near + "?");
            return dflt;
        }
        return e;
    }

    /** A decimal number (exact, for amounts on a lot grid). */
    BigDecimal decimal(final String key, final BigDecimal dflt, final Interval range, final String fix)
    {
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        if (!NUMBER.matcher(v).matches())
        {
            bad(key, "is not a number", v, fix);
            return dflt;
        }
        final BigDecimal d = new BigDecimal(v.startsWith("+") ? v.substring(1) : v);
        if (!range.contains(d.doubleValue()))
        {
            bad(key, range.mustBe(), v, fix);
            return dflt;
        }
        return d;
    }

    /**
     * A secret reference ({@code env:NAME} or {@code file:PATH}). Anything else may be a pasted secret: it is
     * refused without being shown. A relative {@code file:} path is resolved against {@code baseDir} when given.
     */
    SecretReference secret(final String key, final SecretReference dflt, final String what, final Path baseDir)
    {
        final String fix = "put the " + what + " in an environment variable and write env:NAME, or in a file only the"
            + " daemon can read and write file:PATH";
        final String v = scalar(key, fix);
        if (v == null)
        {
            return dflt;
        }
        if (!v.startsWith(SecretReference.Kind.ENV.prefix() + ":") && !v.startsWith(SecretReference.Kind.FILE.prefix() + ":"))
        {
            bad(key, "holds a literal secret (" + v.length() + " characters, not shown): secrets are taken only by "
                + "reference", null, fix);
            return dflt;
        }
        try
        {
            final SecretReference ref = SecretReference.parse(v);
            if (ref.kind() == SecretReference.Kind.ENV && !ref.location().matches("[A-Za-z_][A-Za-z0-9_]*"))
            {
                bad(key, "names an environment variable that cannot exist", v,
                    "use letters, digits and underscores, e.g. env:DELTAHEDGER_API_TOKEN");
                return dflt;
            }
            if (ref.kind() == SecretReference.Kind.FILE && baseDir != null)
            {
                return new SecretReference(ref.kind(), baseDir.resolve(ref.location()).normalize().toString());
            }
            return ref;
        }
        catch (final IllegalArgumentException ex)
        {
            bad(key, "is an incomplete secret reference", v, fix);
            return dflt;
        }
    }

    /** A list of words, each checked against {@code element} (a regular expression). */
    List<String> words(final String key, final List<String> dflt, final Pattern element, final String fix)
    {
        final Node n = node(key);
        if (n == null)
        {
            return dflt;
        }
        if (!(n instanceof SequenceNode seq))
        {
            bad(key, "must be a list, e.g. [a, b]", shown(n), fix);
            return dflt;
        }
        final List<String> out = new ArrayList<>();
        final List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++)
        {
            final String at = pathOf(key) + "[" + i + "]";
            final String v = scalarText(at, items.get(i), fix);
            if (v == null)
            {
                continue;
            }
            if (!element.matcher(v).matches())
            {
                problems.add(at, lineOf(items.get(i)), "is not valid here", v, fix);
            }
            else if (out.contains(v))
            {
                problems.add(at, lineOf(items.get(i)), "is listed twice", v, "list each once");
            }
            else
            {
                out.add(v);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A list of numbers, each in {@code range}. */
    List<Double> numbers(final String key, final List<Double> dflt, final Interval range, final String fix)
    {
        final Node n = node(key);
        if (n == null)
        {
            return dflt;
        }
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty())
        {
            bad(key, "must be a non-empty list of numbers, e.g. [-0.1, 0, 0.1]", shown(n), fix);
            return dflt;
        }
        final int before = problems.count();
        final List<Double> out = new ArrayList<>();
        final List<Node> items = seq.getValue();
        for (int i = 0; i < items.size(); i++)
        {
            final String at = pathOf(key) + "[" + i + "]";
            final String v = scalarText(at, items.get(i), fix);
            if (v == null)
            {
                continue;
            }
            if (!NUMBER.matcher(v).matches())
            {
                problems.add(at, lineOf(items.get(i)), "is not a number", v, fix);
                continue;
            }
            final double d = Double.parseDouble(v) + 0.0;
            if (!range.contains(d))
            {
                problems.add(at, lineOf(items.get(i)), range.mustBe(), v, fix);
                continue;
            }
            out.add(d);
        }
        return problems.count() == before ? List.copyOf(out) : dflt;
    }

    /** Reports every key present that no getter asked for, suggesting the closest known key. */
    void finish()
    {
        for (final Map.Entry<String, NodeTuple> e : entries.entrySet())
        {
            if (!asked.contains(e.getKey()))
            {
                final String near = KeySuggestions.closest(e.getKey(), asked);
                final String known = asked.isEmpty() ? "none" : String.join(", ", asked);
                problems.add(pathOf(e.getKey()), lineOf(e.getValue().getKeyNode()), "is not a known key", null,
                    near != null
                        ? "did you mean " + pathOf(near) + "?"
                        : "remove it; the keys allowed here are: " + known);
            }
        }
    }

    static String kind(final Node n)
    {
        return n instanceof MappingNode ? "mapping" : n instanceof SequenceNode ? "list" : "value";
    }

    static String shown(final Node n)
    {
        return n instanceof ScalarNode s ? s.getValue() : "a " + kind(n);
    }
}
