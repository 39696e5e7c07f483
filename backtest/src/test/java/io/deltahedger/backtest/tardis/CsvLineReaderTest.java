package io.deltahedger.backtest.tardis;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvLineReaderTest
{
    @Property(seed = "314159", tries = 200)
    void splitsLinesAndFieldsExactlyWhateverTheBufferAndReadSizes(@ForAll @IntRange(min = 0, max = 60) final int lines,
                                                                  @ForAll @IntRange(min = 1, max = 700) final int maxRead,
                                                                  @ForAll final long seed) throws IOException
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final StringBuilder text = new StringBuilder();
        final List<List<String>> expected = new ArrayList<>();
        for (int l = 0; l < lines; l++)
        {
            final List<String> fields = new ArrayList<>();
            final int n = 1 + random.nextInt(12);
            for (int f = 0; f < n; f++)
            {
                // Fields from empty to longer than the initial 256-byte buffer.
                final int length = random.nextInt(8) == 0 ? random.nextInt(600) : random.nextInt(12);
                final StringBuilder field = new StringBuilder();
                for (int c = 0; c < length; c++)
                {
                    field.append((char) ('a' + random.nextInt(26)));
                }
                fields.add(field.toString());
            }
            expected.add(fields);
            text.append(String.join(",", fields));
            if (l < lines - 1 || random.nextBoolean())
            {
                text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            }
        }
        final byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        final CsvLineReader reader = new CsvLineReader(new TrickleInputStream(bytes, maxRead, seed), 256);
        final List<List<String>> actual = new ArrayList<>();
        while (reader.next())
        {
            final List<String> fields = new ArrayList<>();
            for (int f = 0; f < reader.fieldCount(); f++)
            {
                fields.add(reader.fieldText(f));
            }
            actual.add(fields);
            assertEquals(actual.size(), reader.lineNumber());
        }
        assertEquals(expected, actual);
        assertFalse(reader.next());
    }

    @Test
    void countsFieldsBeyondTheRecordedMaximum() throws IOException
    {
        final String line = "x,".repeat(CsvLineReader.MAX_FIELDS + 4) + "x\n";
        final CsvLineReader reader = new CsvLineReader(new ByteArrayInputStream(line.getBytes(StandardCharsets.US_ASCII)));
        assertTrue(reader.next());
        assertEquals(CsvLineReader.MAX_FIELDS + 5, reader.fieldCount());
    }

    /** Returns at most {@code maxRead} bytes per read, a seeded random number of them. */
    private static final class TrickleInputStream extends InputStream
    {
        private final byte[] bytes;
        private final int maxRead;
        private final SplittableRandom random;
        private int position;

        TrickleInputStream(final byte[] bytes, final int maxRead, final long seed)
        {
            this.bytes = bytes;
            this.maxRead = maxRead;
            this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        }

        @Override
        public int read()
        {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(final byte[] b, final int off, final int len)
        {
            if (position >= bytes.length)
            {
                return -1;
            }
            final int n = Math.min(Math.min(len, 1 + random.nextInt(maxRead)), bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }
    }
}
