package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.Reports;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.JournalSummary;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.hedger.journal.VerificationReport;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.order.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A de-risking cut is journaled like any group: GROUP (underlying -1), each ORDER before it is placed, GROUP_DONE. */
@Timeout(30)
class JournaledDeRiskTest
{
    private static final ChainSigner SIGNER = ChainSigner.generate(new Random(7));

    @TempDir
    Path dir;

    @Test
    void aCutIsJournaledAsAGroupWithItsReduceOnlyOrderAndItsEndAndTheJournalVerifies() throws IOException
    {
        final JournalWriter writer = JournalWriter.open(dir, SIGNER, JournalWriterConfig.defaults().inline());
        final OrderRequest cut;
        try (DeRiskWorld w = new DeRiskWorld(true, true, p -> p.withJournal(writer, "hedger-derisk-test")))
        {
            w.open(40_000, -2_500, 600, 450);
            w.clock.advanceMs(100);
            w.market(40_040);
            cut = w.order(w.binanceGateway, 1);
            w.clock.advanceMs(5);
            w.binanceReport(Reports.fill(cut, cut.amountLots(), cut.amountLots(), cut.priceTicks(), w.clock.epochMs()));
            w.awaitGroups(1);
            w.sync();
            assertEquals(List.of(), w.halts);
        }

        final List<Path> files = JournalFormat.filesIn(dir);
        final List<JournalEntry> records = new ArrayList<>();
        try (JournalReader reader = new JournalReader(files, new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path file, final long offset, final String why)
            {
                throw new AssertionError(file + " @" + offset + ": " + why);
            }
        }))
        {
            while (reader.next())
            {
                if (reader.entry().type() != RecordType.CHAIN_SIGNATURE)
                {
                    records.add(reader.entry());
                }
            }
        }
        final List<RecordType> types = records.stream().map(JournalEntry::type).toList();
        final int g = types.indexOf(RecordType.GROUP);
        assertTrue(g > 0, types::toString);
        final JournalEntry.Group group = (JournalEntry.Group)records.get(g);
        assertEquals(-1, group.underlying(), "a de-risking group hedges no underlying");
        assertEquals(cut.clientOrderId().groupId(), group.groupId());
        assertEquals(1, group.legs().size());
        assertEquals(Side.BUY, group.legs().get(0).side());
        assertEquals(cut.amountLots(), group.legs().get(0).lots());
        assertEquals(RecordType.ORDER, types.get(g + 1), "the order right after its group, before it was placed");
        final JournalEntry.Order order = (JournalEntry.Order)records.get(g + 1);
        assertEquals(cut.clientOrderId(), order.clientOrderId());
        assertTrue(order.reduceOnly());
        assertTrue(records.contains(new JournalEntry.GroupDone(group.groupId(), "COMPLETE")), records::toString);

        final VerificationReport report = new JournalVerifier(SIGNER.address()).verify(files);
        assertTrue(report.ok(), report.render());
        final JournalSummary summary = JournalSummary.scan(files);
        assertEquals(group.groupId(), summary.maxGroupId());
        assertEquals(List.of(), summary.openGroups());
    }
}
