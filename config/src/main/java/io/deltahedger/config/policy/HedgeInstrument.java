package io.deltahedger.config.policy;

import io.deltahedger.config.venue.VenueSettings;

import java.util.regex.Pattern;

/**
 * A candidate hedge instrument on one configured venue ({@code <venue name>:<native instrument name>}, e.g.
 * {@code deribit-main:BTC-PERPETUAL}).
 *
 * @param venue      a configured venue (account) name.
 * @param instrument the instrument's native name on that venue.
 */
public record HedgeInstrument(String venue, String instrument)
{
    /** A native instrument name: no blanks, no colon. */
    public static final Pattern INSTRUMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]*");

    public HedgeInstrument
    {
        if (venue == null || !VenueSettings.NAME.matcher(venue).matches())
        {
            throw new IllegalArgumentException("hedge-with venue '" + venue + "' is not a venue name");
        }
        if (instrument == null || !INSTRUMENT.matcher(instrument).matches())
        {
            throw new IllegalArgumentException("hedge-with instrument '" + instrument + "' is not an instrument name");
        }
    }

    @Override
    public String toString()
    {
        return venue + ":" + instrument;
    }
}
