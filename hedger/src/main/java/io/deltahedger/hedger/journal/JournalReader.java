package io.deltahedger.hedger.journal;

import io.deltahedger.venues.marketdata.MarketDataEvent;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.ValueIn;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams the frames of journal files in the given order, one at a time, with memory bounded by the largest record.
 * Each {@link #next()} exposes the current frame's file, offset, body and stored hash, and its decoded prefix
 * (sequence, type, time); {@link #entry()} decodes the payload. The reader checks framing only, not the chain (that
 * is {@link JournalVerifier}'s work): a file that is not a journal, a damaged length or a truncated frame is told to
 * the {@link Listener} and ends that file; reading continues with the next one. Single-threaded.
 */
public final class JournalReader implements AutoCloseable
{
    /** Told of file starts and of damage that stops a file. */
    public interface Listener
    {
        /** A file starts: its preamble's first sequence and the chain head it continues from. */
        default void onFile(final Path file, final long firstSeq, final byte[] previousHead)
        {
        }

        /**
         * The rest of {@code file} from {@code offset} cannot be read as frames ({@code why} says what was found).
         * {@code offset} is where the last complete frame ends.
         */
        default void onDamage(final Path file, final long offset, final String why)
        {
        }
    }

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final List<Path> files;
    private final Listener listener;
    private int fileIndex = -1;
    private InputStream in;
    private Path file;
    private long position;

    private byte[] body = new byte[4096];
    private Bytes<byte[]> bodyBytes = Bytes.wrapForRead(body);
    private BinaryWire wire = wire(bodyBytes);
    private final byte[] lengthBytes = new byte[4];
    private final byte[] storedHash = new byte[HashChain.HASH_LENGTH];
    private final byte[] preamble = new byte[JournalFormat.PREAMBLE_LENGTH];

    private final MarketDataDecoder marketData = new MarketDataDecoder();
    private int fileVersion;
    private long frameOffset;
    private int bodyLength;
    private long seq;
    private RecordType type;
    private long timeMs;
    private String prefixError;

    public JournalReader(final List<Path> files, final Listener listener)
    {
        this.files = List.copyOf(files);
        this.listener = listener;
    }

    private static BinaryWire wire(final Bytes<?> bytes)
    {
        return new BinaryWire(bytes, true, false, true, Integer.MAX_VALUE, "binary");
    }

    /**
     * Moves to the next complete frame.
     *
     * @return false when every file is read
     * @throws UncheckedIOException when a file cannot be read at all
     */
    public boolean next()
    {
        try
        {
            while (true)
            {
                if (in == null && !openNextFile())
                {
                    return false;
                }
                if (readFrame())
                {
                    return true;
                }
                closeFile();
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read journal file " + file + ": " + e.getMessage(), e);
        }
    }

    private boolean openNextFile() throws IOException
    {
        while (++fileIndex < files.size())
        {
            file = files.get(fileIndex);
            in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            position = 0;
            final int n = in.readNBytes(preamble, 0, preamble.length);
            position = n;
            final ByteBuffer b = ByteBuffer.wrap(preamble).order(ByteOrder.LITTLE_ENDIAN);
            if (n < preamble.length || b.getInt() != JournalFormat.MAGIC)
            {
                listener.onDamage(file, 0, n < preamble.length
                    ? "the file is shorter (" + n + " bytes) than a journal preamble (" + preamble.length + ")"
                    : "the file does not start with the journal magic DHJ1: not a deltahedger journal");
                closeFile();
                continue;
            }
            final int version = b.getInt();
            final String unreadable = JournalFormat.unreadableVersion(version);
            if (unreadable != null)
            {
                listener.onDamage(file, 0, unreadable);
                closeFile();
                continue;
            }
            fileVersion = version;
            final long firstSeq = b.getLong();
            final byte[] previous = new byte[HashChain.HASH_LENGTH];
            b.get(previous);
            listener.onFile(file, firstSeq, previous);
            return true;
        }
        return false;
    }

    private boolean readFrame() throws IOException
    {
        frameOffset = position;
        final int n = in.readNBytes(lengthBytes, 0, 4);
        if (n == 0)
        {
            return false;
        }
        if (n < 4)
        {
            listener.onDamage(file, frameOffset, "truncated: " + n + " bytes where a frame length (4) was expected");
            return false;
        }
        final int length = (lengthBytes[0] & 0xFF) | (lengthBytes[1] & 0xFF) << 8 | (lengthBytes[2] & 0xFF) << 16
            | (lengthBytes[3] & 0xFF) << 24;
        if (length <= 0 || length > JournalFormat.MAX_RECORD_LENGTH)
        {
            listener.onDamage(file, frameOffset, "frame length " + length + " is outside 1.."
                + JournalFormat.MAX_RECORD_LENGTH + ": the frame is damaged");
            return false;
        }
        if (length > body.length)
        {
            body = new byte[Math.max(length, body.length * 2)];
            bodyBytes = Bytes.wrapForRead(body);
            wire = wire(bodyBytes);
        }
        final int got = in.readNBytes(body, 0, length);
        final int gotHash = got < length ? 0 : in.readNBytes(storedHash, 0, HashChain.HASH_LENGTH);
        if (got < length || gotHash < HashChain.HASH_LENGTH)
        {
            listener.onDamage(file, frameOffset, "truncated: a frame of " + length + " bytes plus its hash starts here but "
                + "only " + (4 + got + gotHash) + " bytes of it remain");
            return false;
        }
        position += JournalFormat.FRAME_OVERHEAD + length;
        bodyLength = length;
        decodePrefix();
        return true;
    }

    private void decodePrefix()
    {
        prefixError = null;
        if (bodyLength >= MarketDataDecoder.PREFIX_LENGTH && (body[0] & 0xFF) == 0xA7 && (body[9] & 0xFF) == 0xA4
            && (body[11] & 0xFF) == 0xA7)
        {
            // what the writer always produces (int64, int8, int64 with fixed widths): read without Chronicle's ValueIn
            seq = (long)LONG.get(body, 1);
            final int code = body[10];
            timeMs = (long)LONG.get(body, 12);
            type = RecordType.ofCode(code);
            if (type == null)
            {
                prefixError = "unknown record type code " + code;
            }
            return;
        }
        bodyBytes.readPositionRemaining(0, bodyLength);
        try
        {
            final ValueIn v = wire.getValueIn();
            seq = v.int64();
            final int code = v.int8();
            timeMs = v.int64();
            type = RecordType.ofCode(code);
            if (type == null)
            {
                prefixError = "unknown record type code " + code;
            }

        }
        catch (final RuntimeException e)
        {
            type = null;
            prefixError = "the record prefix cannot be decoded (" + e.getClass().getSimpleName() + ")";
        }
    }

    /**
     * Decodes the current record's payload.
     *
     * @throws IllegalStateException naming the file and offset when the prefix or payload is not valid
     */
    public JournalEntry entry()
    {
        if (prefixError != null)
        {
            throw new IllegalStateException(prefixError);
        }
        if (type == RecordType.MARKET_DATA)
        {
            final MarketDataEvent event = new MarketDataEvent();
            final String invalid = decodeMarketData(event);
            if (invalid != null)
            {
                throw new IllegalStateException(invalid);
            }
            return new JournalEntry.MarketData(event);
        }
        try
        {
            bodyBytes.readPositionRemaining(0, bodyLength);
            final ValueIn v = wire.getValueIn();
            v.int64();
            v.int8();
            v.int64();
            final JournalEntry entry = RecordCodec.read(type, v);
            if (bodyBytes.readRemaining() != 0)
            {
                throw new IllegalStateException(trailing(type));
            }
            return entry;
        }
        catch (final IllegalStateException e)
        {
            throw e;
        }
        catch (final RuntimeException e)
        {
            throw new IllegalStateException("the " + type + " payload cannot be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes the current MARKET_DATA record into {@code target} (cleared first), allocating nothing once its level
     * and trade buffers have grown to the largest record: the fast path of a replay ({@code next()}, {@code type()},
     * {@code readMarketData}). {@link #entry()} gives the same event as an allocated value.
     *
     * @throws IllegalStateException naming the file, offset and sequence when the current record is not MARKET_DATA
     *                               or its payload is not valid (an unknown venue code, type name or side, a count out
     *                               of range, bytes that are not the expected values, bytes after the payload);
     *                               {@code target} then holds an unspecified partial event
     */
    public void readMarketData(final MarketDataEvent target)
    {
        if (type != RecordType.MARKET_DATA)
        {
            throw new IllegalStateException(where() + ": readMarketData needs a MARKET_DATA record, this one is "
                + (type == null ? "undecodable (" + prefixError + ")" : type.toString()));
        }
        final String why = decodeMarketData(target);
        if (why != null)
        {
            throw new IllegalStateException(where() + ": " + why);
        }
    }

    /**
     * Decodes the current record, known to be MARKET_DATA, into {@code target}.
     *
     * @return null, or why the record is not a valid MARKET_DATA (without the file and offset)
     */
    String decodeMarketData(final MarketDataEvent target)
    {
        if (fileVersion < JournalFormat.MARKET_DATA_SINCE_VERSION)
        {
            return notInThisVersion();
        }
        try
        {
            marketData.decode(body, bodyLength, target);
            return null;
        }
        catch (final IllegalArgumentException e)
        {
            return e.getMessage();
        }
        catch (final RuntimeException e)
        {
            // not expected (every read is bounds-checked); kept so that no damaged record escapes as another type
            return "the MARKET_DATA payload cannot be decoded (" + e + "): the record is damaged";
        }
    }

    /**
     * What is wrong when decoding did not end at the body's end. (Chronicle reads past the end of the bytes without
     * failing, so a payload cut short shows as a read position past the end.)
     */
    private String trailing(final RecordType what)
    {
        final long remaining = bodyBytes.readRemaining();
        return remaining > 0 ? remaining + " bytes follow the " + what + " payload"
            : "the " + what + " payload is cut short: the record is damaged";
    }

    private String notInThisVersion()
    {
        return "a MARKET_DATA record (type code 11) in a format version " + fileVersion + " file, which cannot hold one "
            + "(MARKET_DATA needs version " + JournalFormat.MARKET_DATA_SINCE_VERSION + "): the record or the file's "
            + "preamble is damaged";
    }

    private String where()
    {
        return "journal " + file + " @" + frameOffset + (type == null ? "" : " seq " + seq);
    }

    /** The format version of the current file's preamble. */
    public int formatVersion()
    {
        return fileVersion;
    }

    public Path file()
    {
        return file;
    }

    /** Byte offset of the current frame in its file. */
    public long offset()
    {
        return frameOffset;
    }

    /** Byte offset just past the current frame: where the next one starts. */
    public long endOffset()
    {
        return position;
    }

    public long seq()
    {
        return seq;
    }

    /** The record's type, or null when {@link #prefixError()} is set. */
    public RecordType type()
    {
        return type;
    }

    public long timeMs()
    {
        return timeMs;
    }

    /** Why the prefix could not be decoded, or null. */
    public String prefixError()
    {
        return prefixError;
    }

    /** The body bytes, valid in {@code [0, bodyLength())} until the next {@link #next()}. */
    public byte[] body()
    {
        return body;
    }

    public int bodyLength()
    {
        return bodyLength;
    }

    /** The hash stored after the body, valid until the next {@link #next()}. */
    public byte[] storedHash()
    {
        return storedHash;
    }

    private void closeFile() throws IOException
    {
        if (in != null)
        {
            in.close();
            in = null;
        }
    }

    @Override
    public void close()
    {
        try
        {
            closeFile();
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
