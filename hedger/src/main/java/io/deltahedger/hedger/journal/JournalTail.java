package io.deltahedger.hedger.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an existing journal ends, for a writer that continues it: the last file, the next sequence, the chain head,
 * the last record's time, the last non-signature record and the last sequence a signature covers, and where a torn
 * last frame starts (to cut it off). Reads every frame once; trusts the stored hashes (verification is separate).
 *
 * @param file          the last file
 * @param nextSeq       the sequence the next record takes
 * @param head          the stored hash of the last complete record (or the file's preamble head)
 * @param lastTimeMs    the last record's time, or {@link Long#MIN_VALUE}
 * @param lastRecordSeq the last record that is not a signature, or -1
 * @param coveredSeq    the last sequence a signature covers, or -1
 * @param tornAt        the offset of a torn last frame, or -1
 */
record JournalTail(Path file, long nextSeq, byte[] head, long lastTimeMs, long lastRecordSeq, long coveredSeq,
                   long tornAt)
{
    /**
     * The tail of the journal in {@code files} (chain order), or null when there are none. A last file whose preamble
     * a crash tore is deleted and the tail is looked for before it.
     *
     * @throws IllegalStateException naming the file and offset when a journal is damaged anywhere else
     */
    static JournalTail find(final Path directory, final List<Path> files) throws IOException
    {
        if (files.isEmpty())
        {
            return null;
        }
        final Path last = files.get(files.size() - 1);
        final long[] damageAt = {-1};
        final String[] damage = {null};
        final Path[] damagedFile = {null};
        final byte[] head = new byte[HashChain.HASH_LENGTH];
        final long[] state = {0, Long.MIN_VALUE, -1, -1}; // next seq, last time, last record, last covered
        try (JournalReader reader = new JournalReader(files, new JournalReader.Listener()
        {
            @Override
            public void onFile(final Path file, final long firstSeq, final byte[] previousHead)
            {
                if (file.equals(last))
                {
                    state[0] = firstSeq;
                    System.arraycopy(previousHead, 0, head, 0, head.length);
                }
            }

            @Override
            public void onDamage(final Path file, final long offset, final String why)
            {
                if (damagedFile[0] == null)
                {
                    damagedFile[0] = file;
                    damageAt[0] = offset;
                    damage[0] = why;
                }
            }
        }))
        {
            while (reader.next())
            {
                if (reader.type() == null)
                {
                    throw new IllegalStateException("journal " + reader.file() + " has an undecodable record at offset "
                        + reader.offset() + " (" + reader.prefixError() + "): run 'deltahedger verify " + directory
                        + "', then move the journal aside and start a new directory");
                }
                state[0] = reader.seq() + 1;
                state[1] = reader.timeMs();
                if (reader.type() == RecordType.CHAIN_SIGNATURE)
                {
                    state[3] = ((JournalEntry.ChainSignature)reader.entry()).coversSeq();
                }
                else
                {
                    state[2] = reader.seq();
                }
                System.arraycopy(reader.storedHash(), 0, head, 0, head.length);
            }
        }
        if (damagedFile[0] != null && damagedFile[0].equals(last) && damageAt[0] == 0
            && Files.size(last) < JournalFormat.PREAMBLE_LENGTH)
        {
            // The process died while starting a new day's file: nothing was in it yet. Drop it and look before it.
            Files.delete(last);
            return find(directory, files.subList(0, files.size() - 1));
        }
        if (damagedFile[0] != null && (!damagedFile[0].equals(last) || damageAt[0] == 0))
        {
            throw new IllegalStateException("journal file " + damagedFile[0] + " is damaged at offset " + damageAt[0] + " ("
                + damage[0] + "): run 'deltahedger verify " + directory + "', then move the journal aside and start a "
                + "new directory");
        }
        return new JournalTail(last, state[0], head, state[1], state[2], state[3], damageAt[0]);
    }

    /** The UTC day of a {@code journal-YYYYMMDD.dhj} file. */
    static long dayOf(final Path file)
    {
        final String name = file.getFileName().toString();
        return LocalDate.of(Integer.parseInt(name.substring(8, 12)), Integer.parseInt(name.substring(12, 14)),
            Integer.parseInt(name.substring(14, 16))).toEpochDay();
    }
}
