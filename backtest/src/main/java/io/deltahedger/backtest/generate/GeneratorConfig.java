package io.deltahedger.backtest.generate;

import io.deltahedger.backtest.synthetic.PriceModel;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link MarketGenerator} writes, validated on construction.
 *
 * @param model              price process of the index (the perpetual's and the options' underlying).
 * @param seed               the random seed: the same configuration and seed write the same bytes.
 * @param startDate          first UTC day generated.
 * @param days               number of UTC days, &gt;= 1.
 * @param currency           the coin, upper case: BTC gives BTC-PERPETUAL and BTC-27DEC24-60000-C.
 * @param spot               index price at the start, USD per coin, &gt; 0.
 * @param rate               USD rate per year giving each expiry's forward {@code F = S e^{rate T}} (the coin's own
 *                           rate, which discounts the inverse options, is taken as 0 as on Deribit).
 * @param skew               SSVI correlation rho of the smile, in (-1, 1) (negative: puts richer).
 * @param smileCurvature     SSVI eta (wing steepness), &gt; 0 and with {@code eta (1 + |rho|) <= 2} so the surface
 *                           has no butterfly arbitrage (Gatheral and Jacquier 2014).
 * @param stepMillis         time step of the simulated market, &gt;= 100 ms; every emitted row falls on this grid.
 * @param chainIntervalMillis options_chain snapshot interval (a multiple of the step).
 * @param bookIntervalMillis book_snapshot_25 interval for the perpetual (a multiple of the step).
 * @param tickerIntervalMillis derivative_ticker interval for the perpetual (a multiple of the step).
 * @param tradesPerMinute    expected perpetual trades per minute (Poisson), &gt;= 0.
 * @param perpetualTick      the perpetual's price tick in USD (Deribit BTC-PERPETUAL: 0.5), &gt; 0.
 * @param bookFormat         the perpetual's book files: book_snapshot_25, incremental_book_L2 or both.
 */
public record GeneratorConfig(
    PriceModel model, long seed, LocalDate startDate, int days, String currency, double spot, double rate,
    double skew, double smileCurvature, long stepMillis, long chainIntervalMillis, long bookIntervalMillis,
    long tickerIntervalMillis, double tradesPerMinute, double perpetualTick, BookFormat bookFormat)
{
    private static final Pattern CURRENCY = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    public GeneratorConfig
    {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(bookFormat, "bookFormat");
        Objects.requireNonNull(startDate, "startDate");
        if (startDate.getYear() < 2000 || startDate.getYear() > 2099)
        {
            throw new IllegalArgumentException("start date " + startDate + " must be in 2000..2099 (instrument names "
                + "carry a two-digit year)");
        }
        if (days < 1 || days > 3_660)
        {
            throw new IllegalArgumentException("days must be between 1 and 3660, got " + days);
        }
        Objects.requireNonNull(currency, "currency");
        if (!CURRENCY.matcher(currency).matches())
        {
            throw new IllegalArgumentException("currency '" + currency + "' must be 2 to 10 upper-case letters or "
                + "digits starting with a letter, e.g. BTC");
        }
        positive("spot", spot);
        if (!(Math.abs(rate) <= 1.0))
        {
            throw new IllegalArgumentException("rate must be within [-1, 1] per year, got " + rate);
        }
        if (!(Math.abs(skew) < 1.0))
        {
            throw new IllegalArgumentException("skew (SSVI rho) must be within (-1, 1), got " + skew);
        }
        if (!(smileCurvature > 0.0 && smileCurvature * (1.0 + Math.abs(skew)) <= 2.0))
        {
            throw new IllegalArgumentException("smile curvature (SSVI eta) must be > 0 with eta (1 + |rho|) <= 2 "
                + "for a surface free of butterfly arbitrage, got eta " + smileCurvature + " with rho " + skew);
        }
        if (stepMillis < 100 || stepMillis > 3_600_000)
        {
            throw new IllegalArgumentException("step must be between 100 ms and 1 h, got " + stepMillis + " ms");
        }
        multiple("options chain interval", chainIntervalMillis, stepMillis);
        multiple("book interval", bookIntervalMillis, stepMillis);
        multiple("ticker interval", tickerIntervalMillis, stepMillis);
        if (!(tradesPerMinute >= 0.0 && tradesPerMinute <= 6_000.0))
        {
            throw new IllegalArgumentException("trades per minute must be within [0, 6000], got " + tradesPerMinute);
        }
        positive("perpetual tick", perpetualTick);
        if (perpetualTick > spot / 100.0)
        {
            throw new IllegalArgumentException("perpetual tick " + perpetualTick + " is more than 1% of the spot "
                + spot + "; the book would have no room: use a smaller tick");
        }
    }

    /**
     * A configuration with Deribit-like defaults for BTC around {@code spot}: rate 0, skew -0.25, smile curvature 1,
     * 1 s steps, the chain every 5 minutes, book and ticker every 10 s, 30 trades a minute, tick 0.5, book snapshots.
     */
    public static GeneratorConfig defaults(final PriceModel model, final long seed, final LocalDate startDate,
        final int days, final double spot)
    {
        return new GeneratorConfig(model, seed, startDate, days, "BTC", spot, 0.0, -0.25, 1.0, 1_000, 300_000,
            10_000, 10_000, 30.0, 0.5, BookFormat.SNAPSHOT_25);
    }

    /** The same configuration with other output intervals (options chain, book, ticker) and trade rate. */
    public GeneratorConfig withIntervals(final long chainMillis, final long bookMillis, final long tickerMillis,
        final double tradesPerMinuteRate)
    {
        return new GeneratorConfig(model, seed, startDate, days, currency, spot, rate, skew, smileCurvature,
            stepMillis, chainMillis, bookMillis, tickerMillis, tradesPerMinuteRate, perpetualTick, bookFormat);
    }

    /** The same configuration with other perpetual book files. */
    public GeneratorConfig withBookFormat(final BookFormat format)
    {
        return new GeneratorConfig(model, seed, startDate, days, currency, spot, rate, skew, smileCurvature,
            stepMillis, chainIntervalMillis, bookIntervalMillis, tickerIntervalMillis, tradesPerMinute, perpetualTick,
            format);
    }

    private static void positive(final String name, final double value)
    {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    private static void multiple(final String name, final long interval, final long step)
    {
        if (interval < step || interval % step != 0 || interval > 86_400_000L)
        {
            throw new IllegalArgumentException(name + " must be a multiple of the " + step + " ms step and at most "
                + "one day, got " + interval + " ms");
        }
    }
}
