package io.deltahedger.config;

/**
 * One thing wrong in a configuration file, with everything needed to fix it.
 *
 * @param path    the key path, e.g. {@code venues.deribit-main.credentials.client-secret}; empty for the whole file.
 * @param line    the 1-based line in the file, 0 when unknown (a value built in code).
 * @param problem what is wrong, e.g. {@code must be in (0, 1]}.
 * @param value   the offending value as it may be shown, or null when there is none (a missing key) or it must not
 *                be shown (a literal secret).
 * @param fix     how to fix it, e.g. {@code give a margin ratio below liquidation (1.0), e.g. 0.8}.
 */
public record ConfigProblem(String path, int line, String problem, String value, String fix)
{
    /** The longest value shown in a message; longer ones are cut (a pasted blob is not repeated in full). */
    public static final int MAX_SHOWN_VALUE_CHARS = 60;

    public ConfigProblem
    {
        if (path == null || problem == null || problem.isBlank() || fix == null || fix.isBlank())
        {
            throw new IllegalArgumentException("a configuration problem needs a path, a problem and a fix");
        }
        if (line < 0)
        {
            throw new IllegalArgumentException("line must be >= 0 (0 when unknown), was " + line);
        }
        if (value != null && value.length() > MAX_SHOWN_VALUE_CHARS)
        {
            value = value.substring(0, MAX_SHOWN_VALUE_CHARS) + "...";
        }
    }

    /**
     * The message line, e.g.
     * {@code deltahedger.yaml:12: margin.threshold: must be in (0, 1], was 1.5. Fix: give a margin ratio ...}.
     *
     * @param source the file name the line number refers to.
     */
    public String render(final String source)
    {
        final StringBuilder sb = new StringBuilder(128).append(source);
        if (line > 0)
        {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (!path.isEmpty())
        {
            sb.append(path).append(": ");
        }
        sb.append(problem);
        if (value != null)
        {
            sb.append(", was '").append(value).append('\'');
        }
        return sb.append(". Fix: ").append(fix).toString();
    }
}
