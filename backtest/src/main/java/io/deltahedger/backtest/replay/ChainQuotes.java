package io.deltahedger.backtest.replay;

import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.instrument.OptionType;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.TickerField;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The latest options_chain figures of every option of one coin (mark in coin, mark IV per 1.00, the venue's delta, the
 * forward), by registry index: what the book rule chooses from and the book is marked at. Replay thread only.
 */
final class ChainQuotes
{
    private final InstrumentRegistry registry;
    private final String coin;
    private final double[] delta;
    private final double[] mark;
    private final double[] iv;
    private final double[] forward;
    /** Per registry index: an option on the coin (decided once, not per event). */
    private final boolean[] coinOption;
    private long firstQuoteMs = Long.MIN_VALUE;

    ChainQuotes(final InstrumentRegistry registry, final String coin)
    {
        this.registry = registry;
        this.coin = coin;
        final int n = registry.size();
        delta = new double[n];
        mark = new double[n];
        iv = new double[n];
        forward = new double[n];
        coinOption = new boolean[n];
        for (int i = 0; i < n; i++)
        {
            final Instrument instrument = registry.instrument(i);
            coinOption[i] = instrument.kind() == InstrumentKind.OPTION && instrument.underlying().equals(coin);
        }
        Arrays.fill(mark, Double.NaN);
        Arrays.fill(iv, Double.NaN);
        Arrays.fill(delta, Double.NaN);
        Arrays.fill(forward, Double.NaN);
    }

    /** Records an option ticker of the coin; returns whether the event was one. */
    boolean observe(final MarketDataEvent e, final long t)
    {
        final int i = e.instrumentIndex();
        if (!coinOption[i])
        {
            return false;
        }
        if (e.has(TickerField.MARK_PRICE) && e.markPrice() >= 0)
        {
            mark[i] = e.markPrice();
            if (firstQuoteMs == Long.MIN_VALUE)
            {
                firstQuoteMs = t;
            }
        }
        delta[i] = e.has(TickerField.GREEKS) ? e.delta() : Double.NaN;
        iv[i] = e.has(TickerField.MARK_IV) ? e.markIv() : Double.NaN;
        forward[i] = e.has(TickerField.UNDERLYING_PRICE) ? e.underlyingPrice() : Double.NaN;
        return true;
    }

    /** Replay time of the first option quote, or {@code Long.MIN_VALUE}. */
    long firstQuoteMs()
    {
        return firstQuoteMs;
    }

    double mark(final int i)
    {
        return mark[i];
    }

    double iv(final int i)
    {
        return iv[i];
    }

    double forward(final int i)
    {
        return forward[i];
    }

    /** Whether an option has a positive mark, a positive mark IV and a delta. */
    boolean usable(final int i)
    {
        return mark[i] > 0 && iv[i] > 0 && Double.isFinite(delta[i]);
    }

    /**
     * The strangle of the nearest quoted monthly expiry after t: {call, put} registry indices whose venue deltas are
     * closest to {@code +target} and {@code -target}, or null when there is none yet.
     */
    int[] strangle(final long t, final double target)
    {
        long expiry = Long.MAX_VALUE;
        for (int i = 0; i < registry.size(); i++)
        {
            final Instrument o = registry.instrument(i);
            if (o.kind() == InstrumentKind.OPTION && o.underlying().equals(coin) && o.expiryEpochMs() > t
                && o.expiryEpochMs() < expiry && isMonthly(o.expiryEpochMs()) && usable(i))
            {
                expiry = o.expiryEpochMs();
            }
        }
        if (expiry == Long.MAX_VALUE)
        {
            return null;
        }
        final int call = closest(expiry, OptionType.CALL, target);
        final int put = closest(expiry, OptionType.PUT, -target);
        return call < 0 || put < 0 ? null : new int[] {call, put};
    }

    private int closest(final long expiry, final OptionType type, final double target)
    {
        int best = -1;
        for (int i = 0; i < registry.size(); i++)
        {
            final Instrument o = registry.instrument(i);
            if (o.kind() == InstrumentKind.OPTION && o.underlying().equals(coin) && o.expiryEpochMs() == expiry
                && o.optionType() == type && usable(i)
                && (best < 0 || Math.abs(delta[i] - target) < Math.abs(delta[best] - target)))
            {
                best = i;
            }
        }
        return best;
    }

    /** Whether an expiry (08:00 UTC) falls on the last Friday of its month: Deribit's monthly expiries. */
    static boolean isMonthly(final long expiryMs)
    {
        final LocalDate day = Instant.ofEpochMilli(expiryMs).atOffset(ZoneOffset.UTC).toLocalDate();
        return day.getDayOfWeek() == DayOfWeek.FRIDAY && day.plusDays(7).getMonth() != day.getMonth();
    }
}
