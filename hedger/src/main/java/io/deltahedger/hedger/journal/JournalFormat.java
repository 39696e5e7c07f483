package io.deltahedger.hedger.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The journal's file layout (docs/journal.md).
 *
 * <pre>
 *   file     = preamble frame*
 *   preamble = "DHJ1" | int32 format version | int64 first sequence | 32-byte chain head before it   (48 bytes)
 *   frame    = int32 body length | body (Chronicle field-less binary wire) | 32-byte hash
 *   hash     = SHA-256(previous hash || body)
 * </pre>
 * Integers are little-endian. One file per UTC day of the records' times, named {@code journal-YYYYMMDD.dhj}; the
 * chain runs on across files, and a file's preamble repeats the head it continues from.
 */
public final class JournalFormat
{
    /**
     * The version written in preambles and HEADER records. 2 added MARKET_DATA (record type 11); nothing else
     * changed, so version 1 files read as before.
     */
    public static final int FORMAT_VERSION = 2;
    /** The oldest version this build reads. */
    public static final int OLDEST_READABLE_VERSION = 1;
    /** The first version that may hold MARKET_DATA records. */
    static final int MARKET_DATA_SINCE_VERSION = 2;
    /** The bytes every journal file starts with. */
    public static final int MAGIC = 0x314A4844; // "DHJ1" little-endian
    public static final int PREAMBLE_LENGTH = 4 + 4 + 8 + HashChain.HASH_LENGTH;
    /** Frame overhead around a body: length and hash. */
    public static final int FRAME_OVERHEAD = 4 + HashChain.HASH_LENGTH;
    /** The largest body a reader accepts; a larger length field means a damaged frame. */
    public static final int MAX_RECORD_LENGTH = 16 << 20;
    /** The longest list (legs, positions, instruments) a record may hold. */
    public static final int MAX_LIST_LENGTH = 1 << 20;
    public static final String EXTENSION = ".dhj";

    private static final long MS_PER_DAY = 86_400_000L;
    private static final Pattern FILE_NAME = Pattern.compile("journal-\\d{8}\\.dhj");

    private JournalFormat()
    {
    }

    /** The UTC day (days since 1970-01-01) of an epoch-ms time. */
    public static long epochDay(final long epochMs)
    {
        return Math.floorDiv(epochMs, MS_PER_DAY);
    }

    /** {@code journal-YYYYMMDD.dhj} for a UTC day. */
    public static String fileName(final long epochDay)
    {
        final LocalDate date = LocalDate.ofEpochDay(epochDay);
        return String.format("journal-%04d%02d%02d%s", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), EXTENSION);
    }

    /** Whether a file name is a journal file's. */
    public static boolean isJournalFileName(final String name)
    {
        return FILE_NAME.matcher(name).matches();
    }

    /** The journal files of a directory in chain order (by name, which is by day). */
    public static List<Path> filesIn(final Path directory) throws IOException
    {
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory))
        {
            for (final Path p : stream)
            {
                if (Files.isRegularFile(p) && isJournalFileName(p.getFileName().toString()))
                {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * Why a file's or HEADER's {@code version} cannot be read by this build, or null when it can.
     */
    static String unreadableVersion(final int version)
    {
        if (version > FORMAT_VERSION)
        {
            return "format version " + version + " is newer than this build reads (" + OLDEST_READABLE_VERSION + ".."
                + FORMAT_VERSION + "): read it with a newer deltahedger";
        }
        if (version < OLDEST_READABLE_VERSION)
        {
            return "format version " + version + " is not a deltahedger journal version (" + OLDEST_READABLE_VERSION
                + ".." + FORMAT_VERSION + "): the file is damaged";
        }
        return null;
    }

    /** A preamble for a file whose first record has {@code firstSeq} and continues from {@code previousHead}. */
    static ByteBuffer preamble(final long firstSeq, final byte[] previousHead)
    {
        final ByteBuffer b = ByteBuffer.allocate(PREAMBLE_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(FORMAT_VERSION).putLong(firstSeq).put(previousHead);
        return b.flip();
    }
}
