package io.deltahedger.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The YAML words of an enum's constants, in declaration order. */
final class Words
{
    private Words()
    {
    }

    static <E> Map<String, E> of(final E[] values, final Function<E, String> word)
    {
        final Map<String, E> out = new LinkedHashMap<>();
        for (final E e : values)
        {
            out.put(word.apply(e), e);
        }
        return out;
    }
}
