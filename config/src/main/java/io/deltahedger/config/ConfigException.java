package io.deltahedger.config;

import java.util.List;

/**
 * A configuration file that cannot be used, with every problem found in it (not only the first), each naming the
 * key path, the line, the value and the fix. The message lists them one per line, in file order.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<ConfigProblem> problems;

    public ConfigException(final String source, final List<ConfigProblem> problems)
    {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or source name) the problems were found in. */
    public String source()
    {
        return source;
    }

    /** Every problem found, in file order. */
    public List<ConfigProblem> problems()
    {
        return problems;
    }

    private static String message(final String source, final List<ConfigProblem> problems)
    {
        if (problems == null || problems.isEmpty())
        {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        final StringBuilder sb = new StringBuilder(256)
            .append(source).append(" has ").append(problems.size())
            .append(problems.size() == 1 ? " configuration error:" : " configuration errors:");
        for (final ConfigProblem p : problems)
        {
            sb.append("\n  ").append(p.render(source));
        }
        return sb.toString();
    }
}
