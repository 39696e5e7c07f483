package io.deltahedger.backtest.replay;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.OptionType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Deribit instruments from their names, for replays of Tardis files (which carry names, not specifications). Only the
 * coin-settled BTC and ETH instruments, with Deribit's documented specifications ({@code public/get_instruments}):
 *
 * <table>
 *   <caption>specifications</caption>
 *   <tr><th>name</th><th>contract</th><th>price grid</th><th>amount step = minimum</th></tr>
 *   <tr><td>{@code BTC-PERPETUAL}</td><td>10 USD, inverse</td><td>0.5 USD</td><td>10 USD</td></tr>
 *   <tr><td>{@code ETH-PERPETUAL}</td><td>1 USD, inverse</td><td>0.05 USD</td><td>1 USD</td></tr>
 *   <tr><td>{@code BTC-27DEC24} (future)</td><td>10 USD, inverse</td><td>0.5 USD (listed tick 2.5)</td><td>10 USD</td></tr>
 *   <tr><td>{@code ETH-27DEC24} (future)</td><td>1 USD, inverse</td><td>0.05 USD</td><td>1 USD</td></tr>
 *   <tr><td>{@code BTC-27DEC24-60000-C}</td><td>1 BTC, priced in BTC</td><td>0.0001 BTC</td><td>0.1 BTC</td></tr>
 *   <tr><td>{@code ETH-27DEC24-3000-P}</td><td>1 ETH, priced in ETH</td><td>0.0001 ETH</td><td>1 ETH</td></tr>
 * </table>
 *
 * <p>Price grids are the finest tick the venue uses for the instrument (options: 0.0001 below 0.005, 0.0005 above,
 * Deribit's {@code tick_size_steps}; futures: the perpetual's tick divides the listed one), so every recorded price is
 * on the grid. Expiries are 08:00 UTC of the named day. Other names (USDC-margined {@code BTC_USDC-...}, strikes with
 * a {@code d} decimal, unknown coins) are not recognised: {@link #instrument} returns null and the replay counts their
 * rows as unknown symbols.
 */
public final class DeribitNames
{
    private static final String[] MONTHS =
        {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final long EXPIRY_HOUR_MS = 8L * 3_600_000L;

    private DeribitNames()
    {
    }

    /** The instrument a Deribit name denotes, or null when it is not a recognised BTC or ETH name. */
    public static Instrument instrument(final String name)
    {
        if (name == null || name.isEmpty() || name.length() > Instrument.MAX_NATIVE_NAME_LENGTH)
        {
            return null;
        }
        final String[] parts = name.split("-", -1);
        final String coin = parts[0];
        final boolean btc = "BTC".equals(coin);
        if (!btc && !"ETH".equals(coin))
        {
            return null;
        }
        final BigDecimal usdContract = btc ? BigDecimal.TEN : BigDecimal.ONE;
        final DecimalGrid deltaOneTick = DecimalGrid.of(btc ? "0.5" : "0.05");
        final DecimalGrid usdLots = DecimalGrid.of(usdContract);
        if (parts.length == 2 && "PERPETUAL".equals(parts[1]))
        {
            return new Instrument(Venue.DERIBIT, name, InstrumentKind.PERPETUAL, coin, "USD", coin, "USD",
                ContractStyle.INVERSE, usdContract, deltaOneTick, usdLots, usdContract, 0, null, null);
        }
        final long expiry = parts.length >= 2 ? expiryMs(parts[1]) : -1;
        if (expiry < 0)
        {
            return null;
        }
        if (parts.length == 2)
        {
            return new Instrument(Venue.DERIBIT, name, InstrumentKind.FUTURE, coin, "USD", coin, "USD",
                ContractStyle.INVERSE, usdContract, deltaOneTick, usdLots, usdContract, expiry, null, null);
        }
        if (parts.length != 4 || !("C".equals(parts[3]) || "P".equals(parts[3])) || !isDigits(parts[2]))
        {
            return null;
        }
        final BigDecimal strike = new BigDecimal(parts[2]);
        if (strike.signum() <= 0)
        {
            return null;
        }
        final BigDecimal lot = btc ? new BigDecimal("0.1") : BigDecimal.ONE;
        return new Instrument(Venue.DERIBIT, name, InstrumentKind.OPTION, coin, coin, coin, coin, ContractStyle.INVERSE,
            BigDecimal.ONE, DecimalGrid.of("0.0001"), DecimalGrid.of(lot), lot, expiry, strike,
            "C".equals(parts[3]) ? OptionType.CALL : OptionType.PUT);
    }

    /** 08:00 UTC of a Deribit expiry code such as {@code 9JUN20} or {@code 27DEC24}, or -1. */
    static long expiryMs(final String code)
    {
        final int n = code.length();
        if (n < 6 || n > 7)
        {
            return -1;
        }
        final String day = code.substring(0, n - 5);
        final String month = code.substring(n - 5, n - 2).toUpperCase(Locale.ROOT);
        final String year = code.substring(n - 2);
        if (!isDigits(day) || !isDigits(year) || day.startsWith("0"))
        {
            return -1;
        }
        int m = -1;
        for (int i = 0; i < MONTHS.length; i++)
        {
            if (MONTHS[i].equals(month) && code.substring(n - 5, n - 2).equals(month))
            {
                m = i + 1;
            }
        }
        if (m < 0)
        {
            return -1;
        }
        try
        {
            final LocalDate date = LocalDate.of(2000 + Integer.parseInt(year), m, Integer.parseInt(day));
            return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + EXPIRY_HOUR_MS;
        }
        catch (final java.time.DateTimeException e)
        {
            return -1;
        }
    }

    private static boolean isDigits(final String s)
    {
        if (s.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < s.length(); i++)
        {
            if (s.charAt(i) < '0' || s.charAt(i) > '9')
            {
                return false;
            }
        }
        return true;
    }
}
