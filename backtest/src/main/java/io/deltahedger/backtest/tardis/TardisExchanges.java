package io.deltahedger.backtest.tardis;

import io.deltahedger.venues.Venue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps Tardis exchange ids (the {@code exchange} column, https://api.tardis.dev/v1/exchanges) to the venues the
 * agent trades. Only exchanges with a venue here are understood; a row of any other exchange is a bad row.
 */
final class TardisExchanges
{
    private static final byte[][] IDS = {
        ascii("deribit"),
        ascii("binance-futures"),
        ascii("bybit"),
        ascii("bybit-options"),
        ascii("hyperliquid"),
    };
    private static final Venue[] VENUES = {
        Venue.DERIBIT,
        Venue.BINANCE_USDM,
        Venue.BYBIT,
        Venue.BYBIT,
        Venue.HYPERLIQUID,
    };

    private TardisExchanges()
    {
    }

    /** The venue of the exchange id in {@code buf[from, to)}, or null if Tardis's id is not one mapped here. */
    static Venue venueOf(final byte[] buf, final int from, final int to)
    {
        for (int i = 0; i < IDS.length; i++)
        {
            if (Arrays.equals(buf, from, to, IDS[i], 0, IDS[i].length))
            {
                return VENUES[i];
            }
        }
        return null;
    }

    /** The Tardis ids understood, for messages. */
    static String known()
    {
        final StringBuilder sb = new StringBuilder();
        for (final byte[] id : IDS)
        {
            sb.append(sb.length() == 0 ? "" : ", ").append(new String(id, StandardCharsets.US_ASCII));
        }
        return sb.toString();
    }

    private static byte[] ascii(final String s)
    {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
