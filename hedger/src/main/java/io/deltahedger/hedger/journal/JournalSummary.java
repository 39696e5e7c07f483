package io.deltahedger.hedger.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a restart needs from a journal, read in one pass: where the chain ends, the highest group id used (the next
 * group must take a higher one, so client order ids never repeat), and the groups that were started (GROUP) but never
 * ended (GROUP_DONE) with the orders sent for them, to reconcile with the venues by client order id.
 *
 * @param records    complete records read
 * @param lastSeq    the last record's sequence, -1 for an empty journal
 * @param maxGroupId the highest group id in a GROUP, ORDER, REPORT or GROUP_DONE record, -1 if none
 * @param openGroups the GROUP records without a later GROUP_DONE, in journal order
 * @param openOrders the ORDER records of those groups, in journal order
 */
public record JournalSummary(
    long records,
    long lastSeq,
    long maxGroupId,
    List<JournalEntry.Group> openGroups,
    List<JournalEntry.Order> openOrders)
{
    public JournalSummary
    {
        openGroups = List.copyOf(openGroups);
        openOrders = List.copyOf(openOrders);
    }

    /**
     * Scans the files (chain order). It trusts the files: run {@link JournalVerifier} for proof.
     *
     * @throws IllegalStateException if a file is damaged anywhere but a torn last frame of the last file
     */
    public static JournalSummary scan(final List<Path> files)
    {
        final Path last = files.isEmpty() ? null : files.get(files.size() - 1);
        final Map<Long, JournalEntry.Group> open = new LinkedHashMap<>();
        final List<JournalEntry.Order> orders = new ArrayList<>();
        long records = 0;
        long lastSeq = -1;
        long maxGroupId = -1;
        try (JournalReader reader = new JournalReader(files, new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path file, final long offset, final String why)
            {
                if (!file.equals(last) || offset == 0)
                {
                    throw new IllegalStateException("journal file " + file + " is damaged at offset " + offset + " (" + why
                        + "): run 'deltahedger verify' on the journal before recovering from it");
                }
            }
        }))
        {
            while (reader.next())
            {
                records++;
                lastSeq = reader.seq();
                final RecordType type = reader.type();
                if (type != RecordType.GROUP && type != RecordType.ORDER && type != RecordType.REPORT
                    && type != RecordType.GROUP_DONE)
                {
                    continue;
                }
                final JournalEntry entry = reader.entry();
                if (entry instanceof JournalEntry.Group g)
                {
                    open.put(g.groupId(), g);
                    maxGroupId = Math.max(maxGroupId, g.groupId());
                }
                else if (entry instanceof JournalEntry.Order o)
                {
                    orders.add(o);
                    maxGroupId = Math.max(maxGroupId, o.clientOrderId().groupId());
                }
                else if (entry instanceof JournalEntry.Report r)
                {
                    maxGroupId = Math.max(maxGroupId, r.clientOrderId().groupId());
                }
                else if (entry instanceof JournalEntry.GroupDone d)
                {
                    open.remove(d.groupId());
                    orders.removeIf(o -> o.clientOrderId().groupId() == d.groupId());
                    maxGroupId = Math.max(maxGroupId, d.groupId());
                }
            }
        }
        return new JournalSummary(records, lastSeq, maxGroupId, new ArrayList<>(open.values()), orders);
    }
}
