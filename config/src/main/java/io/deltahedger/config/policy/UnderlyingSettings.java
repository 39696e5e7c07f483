package io.deltahedger.config.policy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one underlying is hedged ({@code underlyings.<coin>}).
 *
 * @param underlying the coin, upper case, e.g. {@code BTC}.
 * @param hedgeWith  candidate hedge instruments, in order of preference; at least one, each once.
 * @param policy     when and how much to hedge.
 */
public record UnderlyingSettings(String underlying, List<HedgeInstrument> hedgeWith, PolicySettings policy)
{
    /** An underlying coin code. */
    public static final Pattern COIN = Pattern.compile("[A-Z0-9]{2,10}");

    public UnderlyingSettings
    {
        if (underlying == null || !COIN.matcher(underlying).matches())
        {
            throw new IllegalArgumentException("underlying '" + underlying + "' must be an upper-case coin code, e.g. BTC");
        }
        hedgeWith = List.copyOf(hedgeWith);
        if (hedgeWith.isEmpty())
        {
            throw new IllegalArgumentException("underlyings." + underlying + ".hedge-with needs at least one instrument");
        }
        Objects.requireNonNull(policy, "underlyings." + underlying + ".policy");
    }
}
