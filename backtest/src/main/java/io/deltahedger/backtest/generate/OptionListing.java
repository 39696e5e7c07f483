package io.deltahedger.backtest.generate;

import io.deltahedger.backtest.synthetic.PathRandom;
import io.deltahedger.greeks.pricing.OptionType;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which options are listed when, a simplified Deribit calendar: expiries at 08:00 UTC on the next {@value #DAILIES}
 * days, the next {@value #WEEKLIES} Fridays and the last Friday of the next {@value #MONTHLIES} months that have not
 * expired. An expiry's strikes are fixed when it is first listed: the forward times {@code exp(z vol sqrt(T))} for
 * z from -2.5 to 2.5 in steps of 0.5, snapped to a round step (1, 2 or 5 times a power of ten, about 1.25% of the
 * spot: 1000 USD for BTC near 60,000), a call and a put on each. Expired options leave the chain.
 */
final class OptionListing
{
    static final int DAILIES = 2;
    static final int WEEKLIES = 2;
    static final int MONTHLIES = 2;
    private static final long EXPIRY_HOUR_UTC = 8;
    private static final double[] STRIKE_Z = {-2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5};

    /** Listed expiries (epoch ms) to their options, ascending. */
    private final TreeMap<Long, List<ListedOption>> listed = new TreeMap<>();
    private final String currency;
    private final PathRandom random;

    OptionListing(final String currency, final PathRandom random)
    {
        this.currency = currency;
        this.random = random;
    }

    /** The expiry (epoch ms) list the calendar gives at {@code nowMillis}, ascending and distinct. */
    static List<Long> expiriesAt(final long nowMillis)
    {
        final ZonedDateTime now = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC);
        final TreeSet<Long> out = new TreeSet<>();
        LocalDate day = now.toLocalDate();
        int dailies = 0;
        while (dailies < DAILIES)
        {
            final long expiry = at0800(day);
            if (expiry > nowMillis)
            {
                out.add(expiry);
                dailies++;
            }
            day = day.plusDays(1);
        }
        LocalDate friday = now.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        int weeklies = 0;
        while (weeklies < WEEKLIES)
        {
            final long expiry = at0800(friday);
            if (expiry > nowMillis)
            {
                out.add(expiry);
                weeklies++;
            }
            friday = friday.plusWeeks(1);
        }
        LocalDate month = now.toLocalDate().withDayOfMonth(1);
        int monthlies = 0;
        while (monthlies < MONTHLIES)
        {
            final long expiry = at0800(month.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY)));
            if (expiry > nowMillis)
            {
                out.add(expiry);
                monthlies++;
            }
            month = month.plusMonths(1);
        }
        return new ArrayList<>(out);
    }

    /**
     * Updates the listing to {@code nowMillis}: drops expired options and lists new expiries with strikes around the
     * forward. {@code atmVol} gives an expiry's strike range.
     */
    void update(final long nowMillis, final double spot, final double rate, final AtmVol atmVol)
    {
        listed.headMap(nowMillis, true).clear();
        for (final long expiry : expiriesAt(nowMillis))
        {
            if (!listed.containsKey(expiry))
            {
                final double years = MarketGenerator.years(expiry - nowMillis);
                final double forward = spot * Math.exp(rate * years);
                listed.put(expiry, list(expiry, forward, atmVol.at(years) * Math.sqrt(years), spot));
            }
        }
    }

    /** The options listed, by expiry then strike then call before put. */
    Iterable<List<ListedOption>> byExpiry()
    {
        return listed.values();
    }

    private List<ListedOption> list(final long expiry, final double forward, final double stdDev, final double spot)
    {
        final double step = strikeStep(spot * 0.0125);
        final TreeSet<Double> strikes = new TreeSet<>();
        for (final double z : STRIKE_Z)
        {
            final double strike = Math.rint(forward * Math.exp(z * stdDev) / step) * step;
            if (strike > 0)
            {
                strikes.add(strike);
            }
        }
        final String date = expiryName(expiry);
        final List<ListedOption> options = new ArrayList<>();
        for (final double strike : strikes)
        {
            for (final OptionType type : OptionType.values())
            {
                final String symbol = currency + "-" + date + "-" + strikeName(strike) + "-"
                    + (type == OptionType.CALL ? "C" : "P");
                final double openInterest = Math.rint(1 + random.nextOpenUnit() * 2_000) / 10.0;
                options.add(new ListedOption(symbol, type, strike, expiry, "SYN." + currency + "-" + date,
                    openInterest));
            }
        }
        return options;
    }

    /** The smallest of 1, 2, 5 times a power of ten that is at least {@code target}. */
    static double strikeStep(final double target)
    {
        final double power = Math.pow(10, Math.floor(Math.log10(target)));
        for (final double multiple : new double[] {1, 2, 5, 10})
        {
            if (multiple * power >= target * (1 - 1e-12))
            {
                return multiple * power;
            }
        }
        return 10 * power;
    }

    /** Deribit's date in instrument names: day without a leading zero, month, two-digit year: 9JUN20, 27DEC24. */
    static String expiryName(final long expiryMillis)
    {
        final LocalDate date = Instant.ofEpochMilli(expiryMillis).atZone(ZoneOffset.UTC).toLocalDate();
        return date.getDayOfMonth() + date.getMonth().name().substring(0, 3).toUpperCase(Locale.ROOT)
            + String.format(Locale.ROOT, "%02d", date.getYear() % 100);
    }

    /** A strike in an instrument name: 60000, or with a 'd' as the decimal mark for fractional strikes (8d6). */
    static String strikeName(final double strike)
    {
        return Decimal.append(new StringBuilder(), strike, 8).toString().replace('.', 'd');
    }

    private static long at0800(final LocalDate day)
    {
        return day.atStartOfDay(ZoneOffset.UTC).plusHours(EXPIRY_HOUR_UTC).toInstant().toEpochMilli();
    }

    /** The at-the-money vol per year for an expiry {@code years} away, from the market's variance. */
    interface AtmVol
    {
        double at(double years);
    }
}
