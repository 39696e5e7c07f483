package io.deltahedger.venues.simulator.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists the simulator's instruments for a start time, named as Deribit names them: per underlying a perpetual
 * ({@code BTC-PERPETUAL}), the next two weekly futures (Fridays 08:00 UTC at least a day away, e.g.
 * {@code BTC-6DEC24}) and the next quarterly future (last Friday of Mar/Jun/Sep/Dec, at least 14 days away).
 * Fees: perpetual maker 0 / taker 0.05 %; dated futures maker -0.01 % (rebate) / taker 0.05 %.
 *
 * <p>Options (see {@link OptionChain}) follow each underlying's futures when enabled.
 */
public final class InstrumentCatalog
{
    private static final DateTimeFormatter EXPIRY_NAME = DateTimeFormatter.ofPattern("dMMMyy", Locale.ENGLISH);
    private static final long DAY_MS = 24L * 3600 * 1000;

    private InstrumentCatalog()
    {
    }

    /** Futures and the option chain. */
    public static List<SimInstrument> create(final List<UnderlyingSpec> underlyings, final long startMs)
    {
        return create(underlyings, startMs, true);
    }

    /**
     * @param withOptions whether to list the option chain of every underlying after its futures.
     */
    public static List<SimInstrument> create(
        final List<UnderlyingSpec> underlyings, final long startMs, final boolean withOptions)
    {
        final List<SimInstrument> instruments = new ArrayList<>();
        final ZonedDateTime start = Instant.ofEpochMilli(startMs).atZone(ZoneOffset.UTC);
        long nextId = 100_001;
        for (final UnderlyingSpec spec : underlyings)
        {
            final int decimals = decimalsOf(spec.tickSize());
            instruments.add(new SimInstrument(instruments.size(), nextId++, spec.currency() + "-PERPETUAL", spec.currency(),
                Long.MAX_VALUE, "perpetual", spec.tickSize(), decimals, spec.contractSizeUsd(), 0.0, 0.0005, startMs));
            final ZonedDateTime firstWeekly = nextFriday(start.plusDays(1));
            final List<ZonedDateTime> expiries = new ArrayList<>(List.of(firstWeekly, firstWeekly.plusWeeks(1)));
            final ZonedDateTime quarterly = nextQuarterly(start.plusDays(14));
            if (!expiries.contains(quarterly))
            {
                expiries.add(quarterly);
            }
            for (final ZonedDateTime expiry : expiries)
            {
                final long expiryMs = expiry.toInstant().toEpochMilli();
                final String period = expiry.equals(quarterly) ? "month" : "week";
                instruments.add(new SimInstrument(instruments.size(), nextId++,
                    spec.currency() + "-" + EXPIRY_NAME.format(expiry).toUpperCase(Locale.ROOT), spec.currency(),
                    expiryMs, period, spec.tickSize(), decimals, spec.contractSizeUsd(), -0.0001, 0.0005,
                    startMs - 30 * DAY_MS));
            }
            if (withOptions)
            {
                nextId = OptionChain.add(instruments, spec, startMs, nextId);
            }
        }
        return List.copyOf(instruments);
    }

    static String expiryName(final ZonedDateTime expiry)
    {
        return EXPIRY_NAME.format(expiry).toUpperCase(Locale.ROOT);
    }

    private static ZonedDateTime nextFriday(final ZonedDateTime after)
    {
        ZonedDateTime candidate = after.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))
            .atTime(LocalTime.of(8, 0)).atZone(ZoneOffset.UTC);
        if (candidate.isBefore(after))
        {
            candidate = candidate.plusWeeks(1);
        }
        return candidate;
    }

    private static ZonedDateTime nextQuarterly(final ZonedDateTime after)
    {
        LocalDate month = after.toLocalDate().withDayOfMonth(1);
        while (true)
        {
            if (month.getMonthValue() % 3 == 0)
            {
                final ZonedDateTime expiry = month.with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY))
                    .atTime(LocalTime.of(8, 0)).atZone(ZoneOffset.UTC);
                if (!expiry.isBefore(after))
                {
                    return expiry;
                }
            }
            month = month.plusMonths(1);
        }
    }

    static int decimalsOf(final double tickSize)
    {
        for (int decimals = 0; decimals <= 8; decimals++)
        {
            final double scaled = tickSize * Math.pow(10, decimals);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-9)
            {
                return decimals;
            }
        }
        return 8;
    }
}
