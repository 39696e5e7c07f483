package io.deltahedger.hedger.journal;

/**
 * How the writer batches, signs and syncs. Validated on construction.
 *
 * @param signEveryRecords  append a CHAIN_SIGNATURE after this many records since the last one, &gt;= 1 (each
 *                          signature costs 0.1-3 ms of secp256k1 work on the signer thread: on 2 cores, signing every
 *                          1,000 records at 300,000 records/s took a core's tenth from the pipeline and showed in its
 *                          p99.9; at most {@link JournalVerifier#SIGNATURE_WINDOW} so a background signature stays
 *                          within the verifier's window)
 * @param signEveryMs       ... or when this much record time has passed since the last one, &gt;= 1
 * @param bufferBytes       records are encoded into a heap buffer of this initial size and written to the file on
 *                          {@link JournalWriter#flush()} or when it fills, 4 KiB..1 GiB
 * @param forceOnFlush      whether {@link JournalWriter#flush()} also forces the file to the device (fsync); off
 *                          leaves durability to the OS page cache (survives a process crash, not a power loss)
 * @param signInBackground  sign on a background thread, so the writer never waits for secp256k1: the signature
 *                          record then lands a few records after the head it covers; off signs inline (deterministic
 *                          record positions, for tests and replays)
 * @param marketData        whether the pipeline journals every market-data event in full (MARKET_DATA, before the
 *                          MARKET record of what the margin book was given), so the journal can be replayed; off
 *                          keeps only MARKET (smaller journal, not replayable). Read by the pipeline, not the writer
 *                          ({@link JournalWriter#appendMarketData} always writes).
 */
public record JournalWriterConfig(int signEveryRecords, long signEveryMs, int bufferBytes, boolean forceOnFlush,
                                  boolean signInBackground, boolean marketData)
{
    public JournalWriterConfig
    {
        if (signEveryRecords < 1)
        {
            throw new IllegalArgumentException("journal signEveryRecords must be >= 1 (e.g. 1000), got " + signEveryRecords);
        }
        if (signEveryMs < 1)
        {
            throw new IllegalArgumentException("journal signEveryMs must be >= 1 (e.g. 1000), got " + signEveryMs);
        }
        if (bufferBytes < 4096 || bufferBytes > (1 << 30))
        {
            throw new IllegalArgumentException("journal bufferBytes must be in 4096..1073741824 (e.g. 1048576), got "
                + bufferBytes);
        }
    }

    /** As the full constructor, with market data journaled ({@code marketData} true). */
    public JournalWriterConfig(final int signEveryRecords, final long signEveryMs, final int bufferBytes,
                               final boolean forceOnFlush, final boolean signInBackground)
    {
        this(signEveryRecords, signEveryMs, bufferBytes, forceOnFlush, signInBackground, true);
    }

    /**
     * Sign every 50,000 records or every second of record time in the background, 1 MiB buffer, no fsync on flush,
     * market data journaled.
     */
    public static JournalWriterConfig defaults()
    {
        return new JournalWriterConfig(50_000, 1_000, 1 << 20, false, true, true);
    }

    /** The same settings signing inline, so signatures sit at deterministic positions. */
    public JournalWriterConfig inline()
    {
        return new JournalWriterConfig(signEveryRecords, signEveryMs, bufferBytes, forceOnFlush, false, marketData);
    }

    /** The same settings with market data journaled in full ({@code true}) or not. */
    public JournalWriterConfig withMarketData(final boolean journalMarketData)
    {
        return new JournalWriterConfig(signEveryRecords, signEveryMs, bufferBytes, forceOnFlush, signInBackground,
            journalMarketData);
    }
}
