package io.deltahedger.config;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt keys and names: the closest known word within a small edit distance. */
final class KeySuggestions
{
    private KeySuggestions()
    {
    }

    /**
     * @return the closest of {@code known} to {@code typed}, or null when none is close: the same word up to case,
     * dashes and underscores ({@code ringSize}, {@code ring_size} for {@code ring-size}), or at most two edits
     * (one for words of up to four letters).
     */
    static String closest(final String typed, final Collection<String> known)
    {
        final String t = normal(typed);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String k : known)
        {
            final String n = normal(k);
            if (n.equals(t))
            {
                return k;
            }
            final int d = distance(t, n);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = k;
            }
        }
        final int allowed = t.length() <= 4 ? 1 : 2;
        return bestDistance <= allowed ? best : null;
    }

    private static String normal(final String s)
    {
        return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
    static int distance(final String a, final String b)
    {
        final int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++)
        {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++)
        {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
