package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.ValueOut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * The single writer of a hash-chained, signed journal in one directory (docs/journal.md).
 *
 * <p>Each {@code append...} encodes one record (sequence, type, the caller's time, payload) on Chronicle Wire's binary
 * wire into a heap buffer, advances the SHA-256 chain over it and returns the record's sequence number. Nothing
 * reaches the file until {@link #flush()} (call it at the end of a Disruptor batch) or the buffer fills. After every
 * {@code signEveryRecords} records, or {@code signEveryMs} of record time, the head is signed: inline, or by default on
 * a background thread whose CHAIN_SIGNATURE (naming the sequence it covers) is appended at the first append after it
 * is ready. Before rolling to a new UTC day's file and on {@link #close()} everything is signed, so every complete
 * file and a cleanly closed journal end signed.
 *
 * <p>Time is the caller's (the event's injected-clock time), so a replay writes the same bytes. Files roll when a
 * record's UTC day is later than the current file's; a record whose time went back stays in the current file.
 *
 * <p>Opening a directory that holds a journal continues its chain: sequence and head from the last complete frame. A
 * torn last frame (a crash mid-write) is cut off, and a last file with a torn preamble (a crash while starting a
 * day's file) is removed; damage anywhere else refuses to open.
 *
 * <p>Not thread-safe: one owning thread (a pipeline stage). Appends of MARKET_DATA, MARKET, ACCOUNT, GROUP, VERDICT,
 * ORDER, REPORT, CONTROL and GROUP_DONE allocate nothing in steady state (they write primitives and existing strings); HEADER,
 * signatures and file rolls allocate. An I/O failure throws {@link UncheckedIOException}: the engine must stop taking risk
 * it cannot journal.
 */
public final class JournalWriter implements AutoCloseable
{
    private final Path directory;
    private final ChainSigner signer;
    private final JournalWriterConfig config;
    private final HashChain chain = new HashChain();
    private final Bytes<byte[]> bytes;
    private final BinaryWire wire;
    private final ValueOut out;
    private final byte[] hash = new byte[HashChain.HASH_LENGTH];
    private final byte[] zeroHash = new byte[HashChain.HASH_LENGTH];

    private FileChannel channel;
    private Path currentFile;
    private long currentDay = Long.MIN_VALUE;
    private final BackgroundSigner background;
    private long nextSeq;
    private long lastTimeMs = Long.MIN_VALUE;
    /** The last record that is not a signature, and the last one an appended signature covers. */
    private long lastRecordSeq = -1;
    private long coveredSeq = -1;
    private long recordsSinceRequest;
    private long lastRequestMs = Long.MIN_VALUE;
    private long frameStart;
    private byte[] viewArray;
    private ByteBuffer view;
    private boolean closed;

    private JournalWriter(final Path directory, final ChainSigner signer, final JournalWriterConfig config)
    {
        this.directory = directory;
        this.signer = signer;
        this.config = config;
        this.bytes = Bytes.allocateElasticOnHeap(config.bufferBytes());
        this.wire = new BinaryWire(bytes, true, false, true, Integer.MAX_VALUE, "binary");
        this.out = wire.getValueOut();
        this.background = config.signInBackground() ? new BackgroundSigner(signer) : null;
    }

    /**
     * Opens (creating it if needed) the journal in {@code directory}, continuing an existing chain.
     *
     * @throws UncheckedIOException     if the directory cannot be created or read
     * @throws IllegalStateException    if an existing journal is damaged before its last frame
     */
    public static JournalWriter open(final Path directory, final ChainSigner signer, final JournalWriterConfig config)
    {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(config, "config");
        final JournalWriter writer = new JournalWriter(directory, signer, config);
        try
        {
            Files.createDirectories(directory);
            writer.resume(JournalFormat.filesIn(directory));
        }
        catch (final IOException | RuntimeException e)
        {
            if (writer.background != null)
            {
                writer.background.close();
            }
            if (e instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new UncheckedIOException("cannot open journal directory " + directory + ": " + e.getMessage(),
                (IOException)e);
        }
        return writer;
    }

    private void resume(final List<Path> files) throws IOException
    {
        final JournalTail tail = JournalTail.find(directory, files);
        if (tail == null)
        {
            return;
        }
        chain.reset(tail.head());
        nextSeq = tail.nextSeq();
        lastTimeMs = tail.lastTimeMs();
        lastRecordSeq = tail.lastRecordSeq();
        coveredSeq = tail.coveredSeq();
        recordsSinceRequest = Math.max(0, lastRecordSeq - coveredSeq);
        lastRequestMs = tail.lastTimeMs();
        channel = FileChannel.open(tail.file(), StandardOpenOption.READ, StandardOpenOption.WRITE);
        if (tail.tornAt() > 0)
        {
            // A torn last frame: the process died mid-write; the frame was never complete, so it never counted.
            channel.truncate(tail.tornAt());
        }
        raisePreambleVersion(tail.file());
        channel.position(channel.size());
        currentFile = tail.file();
        currentDay = JournalTail.dayOf(tail.file());
    }

    /**
     * A file an older build started (its preamble says version 1) is continued by this build, which may append
     * records the old version has not (MARKET_DATA): its preamble's version is raised to this build's, so that a
     * reader knows what the file may hold and an old build refuses it instead of reporting unknown records. The
     * preamble is not part of the hash chain, so the chain and its signatures still hold.
     */
    private void raisePreambleVersion(final Path file) throws IOException
    {
        final ByteBuffer version = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        while (version.hasRemaining() && channel.read(version, 4 + version.position()) > 0)
        {
            // reads the int32 after the magic
        }
        if (version.hasRemaining())
        {
            throw new IllegalStateException("journal file " + file + " ends inside its preamble: run 'deltahedger verify "
                + directory + "'");
        }
        final int found = version.flip().getInt();
        if (found < JournalFormat.FORMAT_VERSION)
        {
            version.clear().putInt(JournalFormat.FORMAT_VERSION).flip();
            while (version.hasRemaining())
            {
                channel.write(version, 4 + version.position());
            }
        }
    }

    // ---------------------------------------------------------------- appends

    /** Appends a HEADER: a new engine session with this book setup. Allocates (startup). */
    public long appendHeader(final long timeMs, final JournalHeader header)
    {
        RecordCodec.writeHeader(begin(RecordType.HEADER, timeMs), signer.address(), header);
        return end(timeMs);
    }

    /**
     * Appends MARKET: what the margin book received for one instrument, exactly as received.
     *
     * @param fields which of mark, volatility and index are present ({@link JournalEntry.Market#HAS_MARK} etc.)
     */
    public long appendMarket(final long timeMs, final int instrumentId, final int fields, final double mark,
                             final double volatility, final double index)
    {
        RecordCodec.writeMarket(begin(RecordType.MARKET, timeMs), instrumentId, fields, mark, volatility, index);
        return end(timeMs);
    }

    /**
     * Appends MARKET_DATA: one market-data event exactly as the pipeline received it (every field, NaN included), so
     * a replay can feed the pipeline what it saw. Allocates nothing.
     *
     * @param event the event; its {@code instrumentIndex} is the margin-book instrument id
     */
    public long appendMarketData(final long timeMs, final MarketDataEvent event)
    {
        begin(RecordType.MARKET_DATA, timeMs);
        MarketDataCodec.write(bytes, event);
        return end(timeMs);
    }

    /** Appends ACCOUNT: a snapshot delivered to margin-book account {@code accountId}. */
    public long appendAccount(final long timeMs, final int accountId, final AccountSnapshot snapshot)
    {
        RecordCodec.writeAccount(begin(RecordType.ACCOUNT, timeMs), accountId, snapshot);
        return end(timeMs);
    }

    /** Appends GROUP: a trading decision's group id, underlying id and legs. */
    public long appendGroup(final long timeMs, final long groupId, final int underlying, final LegGroup legs)
    {
        RecordCodec.writeGroup(begin(RecordType.GROUP, timeMs), groupId, underlying, legs);
        return end(timeMs);
    }

    /**
     * Appends VERDICT: the gate's {@code verdict} on {@code legs} evaluated at {@code evaluatedAtMs}. For verification
     * to re-evaluate it, every MARKET and ACCOUNT the gate's book received before this evaluation must be appended
     * before it, and every evaluation of that gate must be appended (the gate reuses scenario values within its
     * revaluation interval).
     */
    public long appendVerdict(final long timeMs, final long groupId, final long evaluatedAtMs, final LegGroup legs,
                              final GateVerdict verdict)
    {
        RecordCodec.writeVerdict(begin(RecordType.VERDICT, timeMs), groupId, evaluatedAtMs, legs, verdict);
        return end(timeMs);
    }

    /** Appends ORDER: a new order sent on margin-book account {@code accountId}. */
    public long appendOrder(final long timeMs, final int accountId, final OrderRequest request)
    {
        RecordCodec.writeOrder(begin(RecordType.ORDER, timeMs), accountId, request);
        return end(timeMs);
    }

    /** Appends REPORT: an execution report received on margin-book account {@code accountId}. */
    public long appendReport(final long timeMs, final int accountId, final ExecutionReport report)
    {
        RecordCodec.writeReport(begin(RecordType.REPORT, timeMs), accountId, report);
        return end(timeMs);
    }

    /** Appends CONTROL: an engine command ({@code action}, e.g. an enum name), who asked, and an optional detail. */
    public long appendControl(final long timeMs, final CharSequence action, final CharSequence actor,
                              final CharSequence detail)
    {
        RecordCodec.writeControl(begin(RecordType.CONTROL, timeMs), action, actor, detail == null ? "" : detail);
        return end(timeMs);
    }

    /** Appends GROUP_DONE: group {@code groupId} ended in {@code state} (e.g. an enum name). */
    public long appendGroupDone(final long timeMs, final long groupId, final CharSequence state)
    {
        RecordCodec.writeGroupDone(begin(RecordType.GROUP_DONE, timeMs), groupId, state);
        return end(timeMs);
    }

    /**
     * Appends a CHAIN_SIGNATURE of the current head now, signing inline (no-op returning -1 when every record is
     * already covered). Allocates and costs a secp256k1 signature; the cadence in {@link JournalWriterConfig} does
     * this by itself, in the background when so configured.
     */
    public long sign(final long timeMs)
    {
        if (lastRecordSeq <= coveredSeq)
        {
            return -1;
        }
        final byte[] head = chain.head();
        final long seq = appendSignature(timeMs, nextSeq - 1, head, signer.sign(head));
        recordsSinceRequest = 0;
        lastRequestMs = timeMs;
        return seq;
    }

    private long appendSignature(final long timeMs, final long covers, final byte[] head, final byte[] signature)
    {
        final ValueOut o = begin(RecordType.CHAIN_SIGNATURE, timeMs, false);
        RecordCodec.writeSignature(o, covers, head, signer.address(), signature);
        final long seq = finish();
        coveredSeq = Math.max(coveredSeq, covers);
        return seq;
    }

    /** Journals a finished background signature, if any. */
    private void collectSignature(final long timeMs)
    {
        if (background != null && background.ready())
        {
            appendSignature(timeMs, background.coversSeq(), background.head(), background.signature());
            background.release();
        }
    }

    /** Before a roll or close: journal the pending background signature, then sign inline whatever is left. */
    private void signAll(final long timeMs)
    {
        if (background != null)
        {
            background.await(10_000);
            collectSignature(timeMs);
        }
        sign(timeMs);
    }

    // ---------------------------------------------------------------- framing

    private ValueOut begin(final RecordType type, final long timeMs)
    {
        return begin(type, timeMs, true);
    }

    private ValueOut begin(final RecordType type, final long timeMs, final boolean mayRoll)
    {
        if (closed)
        {
            throw new IllegalStateException("journal " + directory + " is closed; open a new writer");
        }
        if (mayRoll && (channel == null || JournalFormat.epochDay(timeMs) > currentDay))
        {
            roll(timeMs);
        }
        frameStart = bytes.writePosition();
        bytes.writeInt(0);
        RecordCodec.writePrefix(out, nextSeq, type, timeMs);
        return out;
    }

    private long end(final long timeMs)
    {
        final long seq = finish();
        lastTimeMs = timeMs;
        lastRecordSeq = seq;
        recordsSinceRequest++;
        if (lastRequestMs == Long.MIN_VALUE)
        {
            lastRequestMs = timeMs;
        }
        collectSignature(timeMs);
        if (recordsSinceRequest >= config.signEveryRecords() || timeMs - lastRequestMs >= config.signEveryMs())
        {
            if (background == null)
            {
                sign(timeMs);
            }
            else if (background.offer(nextSeq - 1, chain))
            {
                recordsSinceRequest = 0;
                lastRequestMs = timeMs;
            }
        }
        if (bytes.writePosition() >= config.bufferBytes())
        {
            flush();
        }
        return seq;
    }

    private long finish()
    {
        final int bodyStart = (int)frameStart + 4;
        final int length = (int)(bytes.writePosition() - bodyStart);
        if (length > JournalFormat.MAX_RECORD_LENGTH)
        {
            bytes.writePosition(frameStart);
            throw new IllegalArgumentException("a journal record of " + length + " bytes exceeds the maximum of "
                + JournalFormat.MAX_RECORD_LENGTH + "; split the book setup or raise the limit");
        }
        bytes.writeInt(frameStart, length);
        chain.advance(bytes.underlyingObject(), bodyStart, length, hash, 0);
        bytes.write(hash);
        return nextSeq++;
    }

    private void roll(final long timeMs)
    {
        try
        {
            if (channel != null)
            {
                signAll(lastTimeMs);
                flush();
                channel.close();
            }
            currentDay = JournalFormat.epochDay(timeMs);
            currentFile = directory.resolve(JournalFormat.fileName(currentDay));
            channel = FileChannel.open(currentFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            final ByteBuffer preamble = JournalFormat.preamble(nextSeq, nextSeq == 0 ? zeroHash : chain.head());
            while (preamble.hasRemaining())
            {
                channel.write(preamble);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot start journal file " + currentFile + ": " + e.getMessage(), e);
        }
    }

    /** Writes the buffered records to the current file (and forces them to the device if so configured). */
    public void flush()
    {
        final int length = (int)bytes.writePosition();
        if (length == 0 || channel == null)
        {
            return;
        }
        final byte[] array = bytes.underlyingObject();
        if (array != viewArray)
        {
            viewArray = array;
            view = ByteBuffer.wrap(array);
        }
        view.limit(length).position(0);
        try
        {
            while (view.hasRemaining())
            {
                channel.write(view);
            }
            if (config.forceOnFlush())
            {
                channel.force(false);
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("journal write to " + currentFile + " failed: " + e.getMessage(), e);
        }
        view.clear();
        bytes.clear();
    }

    /** Signs the head if anything is unsigned, flushes and closes the file. Idempotent. */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        try
        {
            if (channel != null)
            {
                signAll(lastTimeMs);
                flush();
                channel.force(true);
                channel.close();
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot close journal file " + currentFile + ": " + e.getMessage(), e);
        }
        finally
        {
            closed = true;
            if (background != null)
            {
                background.close();
            }
        }
    }

    /**
     * Moves the writer to another owning thread: the next call may come from a different thread than the last (the
     * caller must order the two, e.g. through {@code Thread.start} or a Disruptor sequence). Chronicle's buffers
     * check that one thread uses them; this resets that check.
     */
    public void handOver()
    {
        bytes.singleThreadedCheckReset();
    }

    /** The settings this writer was opened with. */
    public JournalWriterConfig config()
    {
        return config;
    }

    /** The directory this writer's journal lives in. */
    public Path directory()
    {
        return directory;
    }

    /** The sequence number the next record will get. */
    public long nextSeq()
    {
        return nextSeq;
    }

    /** A copy of the chain head after the last appended record. */
    public byte[] head()
    {
        return chain.head();
    }

    /** The file records currently go to, or null before the first append of a new journal. */
    public Path currentFile()
    {
        return currentFile;
    }

    public String signerAddress()
    {
        return signer.address();
    }
}
