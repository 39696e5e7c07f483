package io.deltahedger.config.book;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One position of the options book being hedged.
 *
 * @param instrument the canonical instrument id, {@code <venue code>:<native name>}, e.g.
 *                   {@code deribit:BTC-27DEC24-60000-C} (docs/venues.md).
 * @param contracts  signed contracts (negative: short), in the instrument's amount unit (coin for Deribit
 *                   options); not zero.
 */
public record BookPosition(String instrument, BigDecimal contracts)
{
    /** {@code <venue code>:<native name>}: a lower-case code, a colon, then no blanks. */
    public static final Pattern CANONICAL_ID = Pattern.compile("[a-z0-9][a-z0-9-]*:\\S+");

    public BookPosition
    {
        if (instrument == null || !CANONICAL_ID.matcher(instrument).matches())
        {
            throw new IllegalArgumentException("book instrument '" + instrument
                + "' must be a canonical id <venue code>:<native name>, e.g. deribit:BTC-27DEC24-60000-C");
        }
        Objects.requireNonNull(contracts, "book contracts of " + instrument);
        if (contracts.signum() == 0)
        {
            throw new IllegalArgumentException("book contracts of " + instrument + " must not be 0: remove the line");
        }
    }

    @Override
    public String toString()
    {
        return instrument + " " + contracts.toPlainString();
    }
}
