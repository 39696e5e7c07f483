package io.deltahedger.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/** Collects the problems of one file while it is read, so that all of them are reported at once. */
final class Problems
{
    private final List<ConfigProblem> list = new ArrayList<>();

    void add(final String path, final int line, final String problem, final String value, final String fix)
    {
        list.add(new ConfigProblem(path, line, problem, value, fix));
    }

    int count()
    {
        return list.size();
    }

    boolean isEmpty()
    {
        return list.isEmpty();
    }

    /** The problems in file order (problems without a line last, in the order found). */
    List<ConfigProblem> sorted()
    {
        final List<ConfigProblem> out = new ArrayList<>(list);
        out.sort(Comparator.comparingInt((ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
        return out;
    }

    /**
     * Builds a settings record from values the reader already checked (callers build only when their section had
     * no problem). Should its constructor still refuse them, through a check the reader does not repeat, the refusal
     * becomes a problem at the section instead of an escaping exception.
     */
    <T> T build(final String path, final int line, final Supplier<T> constructor, final T fallback)
    {
        try
        {
            return constructor.get();
        }
        catch (final IllegalArgumentException | NullPointerException ex)
        {
            add(path, line, String.valueOf(ex.getMessage()), null,
                "correct the values of " + (path.isEmpty() ? "the file" : path));
            return fallback;
        }
    }
}
