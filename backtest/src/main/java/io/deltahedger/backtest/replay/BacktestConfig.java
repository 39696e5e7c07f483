package io.deltahedger.backtest.replay;

import java.nio.file.Path;
import java.util.List;

/**
 * A historical backtest.
 *
 * @param data               the market data: Tardis files or the agent's journal
 * @param book               the options book ({@link BookSource.JournalAccounts} with a journal only; the
 *                           short-strangle rule with Tardis files only: a journal holds the book's options, not the chain)
 * @param coin               the hedged underlying (BTC or ETH): its perpetual must be in the data
 * @param bandCoin           the policy's fixed band half-width, coin, &gt; 0
 * @param latencyMs          order latency of the simulated venue, 0..60000 ms
 * @param strict             whether the first bad row is fatal
 * @param initialBalance     the simulated account's balance, coin, &gt; 0
 * @param accountIntervalMs  account snapshots from the simulated venue to the pipeline every this many ms of replay time
 * @param sampleIntervalMs   P&amp;L, delta and margin samples every this many ms of replay time
 * @param maxInputAgeMs      the stale-data guard's and the margin gate's maximum input age: at least the data's ticker
 *                           cadence (the shipped sample's perpetual ticker comes every minute)
 * @param title              the report's title
 */
public record BacktestConfig(
    ReplayData data,
    BookSource book,
    String coin,
    double bandCoin,
    long latencyMs,
    boolean strict,
    double initialBalance,
    long accountIntervalMs,
    long sampleIntervalMs,
    long maxInputAgeMs,
    String title)
{
    /** Default stale-data limit: two minutes, above the one-minute tickers of the shipped sample. */
    public static final long DEFAULT_MAX_INPUT_AGE_MS = 120_000;
    public static final long DEFAULT_ACCOUNT_INTERVAL_MS = 1_000;
    public static final long DEFAULT_SAMPLE_INTERVAL_MS = 60_000;

    public BacktestConfig
    {
        if (data == null)
        {
            throw new IllegalArgumentException("a backtest needs market data: Tardis files (--data FILE|DIR) or the agent's "
                + "journal (--journal DIR)");
        }
        if (book == null)
        {
            throw new IllegalArgumentException("a backtest needs an options book (--book FILE or --book-rule short-strangle)");
        }
        if (book instanceof BookSource.ShortStrangle && data instanceof ReplayData.AgentJournal)
        {
            throw new IllegalArgumentException("--book-rule needs the whole option chain, and a journal holds only the "
                + "options the agent's book held: give --book FILE, or leave the book out to take the journal's own");
        }
        if (book instanceof BookSource.JournalAccounts && !(data instanceof ReplayData.AgentJournal))
        {
            throw new IllegalArgumentException("the book from the journal's account snapshots needs a journal (--journal "
                + "DIR); for Tardis files give --book FILE or --book-rule short-strangle");
        }
        if (!"BTC".equals(coin) && !"ETH".equals(coin))
        {
            throw new IllegalArgumentException("backtest coin must be BTC or ETH, got '" + coin + "'");
        }
        if (!(bandCoin > 0 && Double.isFinite(bandCoin)))
        {
            throw new IllegalArgumentException("band must be a finite number of coins > 0, got " + bandCoin
                + " (e.g. 0.5coin)");
        }
        if (latencyMs < 0 || latencyMs > 60_000)
        {
            throw new IllegalArgumentException("latency must be 0..60000 ms, got " + latencyMs + " (e.g. 50)");
        }
        if (!(initialBalance > 0 && Double.isFinite(initialBalance)))
        {
            throw new IllegalArgumentException("initial balance must be finite and > 0 coin, got " + initialBalance);
        }
        if (accountIntervalMs <= 0 || sampleIntervalMs <= 0 || maxInputAgeMs <= 0)
        {
            throw new IllegalArgumentException("account interval, sample interval and max input age must be > 0 ms, got "
                + accountIntervalMs + ", " + sampleIntervalMs + ", " + maxInputAgeMs);
        }
        if (accountIntervalMs >= maxInputAgeMs)
        {
            throw new IllegalArgumentException("account interval " + accountIntervalMs + " ms must be below the max input"
                + " age " + maxInputAgeMs + " ms, or every snapshot would be stale");
        }
        title = title == null || title.isBlank() ? "historical backtest" : title;
    }

    /** A configuration with the defaults: 10 coin balance, 1 s account snapshots, 1 min samples, 2 min input age. */
    public static BacktestConfig of(final List<Path> files, final BookSource book, final String coin,
                                    final double bandCoin, final long latencyMs, final boolean strict)
    {
        return of(new ReplayData.TardisFiles(files), book, coin, bandCoin, latencyMs, strict);
    }

    /** As {@link #of(List, BookSource, String, double, long, boolean)} for any market data. */
    public static BacktestConfig of(final ReplayData data, final BookSource book, final String coin,
                                    final double bandCoin, final long latencyMs, final boolean strict)
    {
        return new BacktestConfig(data, book, coin, bandCoin, latencyMs, strict, 10.0, DEFAULT_ACCOUNT_INTERVAL_MS,
            DEFAULT_SAMPLE_INTERVAL_MS, DEFAULT_MAX_INPUT_AGE_MS, null);
    }

    /** A copy with another band (for sweeps). */
    public BacktestConfig withBandCoin(final double band)
    {
        return new BacktestConfig(data, book, coin, band, latencyMs, strict, initialBalance, accountIntervalMs,
            sampleIntervalMs, maxInputAgeMs, title);
    }
}
