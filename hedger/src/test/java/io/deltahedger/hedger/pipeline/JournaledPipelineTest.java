package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.EngineCommand;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.GroupOutcome;
import io.deltahedger.hedger.execution.GroupState;
import io.deltahedger.hedger.execution.Reports;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.HashChain;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.JournalSummary;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.hedger.journal.VerificationReport;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.venues.connection.ConnectionState;
import io.deltahedger.venues.order.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real executing pipeline with a journal in a temp directory (docs/journal.md "Wiring into the pipeline"): what it
 * records, that {@link JournalVerifier} accepts it and re-evaluates every verdict, catches a forged one, that the same
 * events give the same bytes, that a restart continues the chain and the group ids, and that a journal that cannot
 * be written halts the pipeline before any order.
 */
@Timeout(60)
class JournaledPipelineTest
{
    private static final String AGENT = "hedger-test-1";
    private static final ChainSigner SIGNER = ChainSigner.generate(new Random(42));
    /** Signatures on the writer's thread, so the bytes do not depend on a background thread's timing. */
    private static final JournalWriterConfig INLINE = JournalWriterConfig.defaults().inline();

    @TempDir
    Path dir;

    private static ExecutionConfig config()
    {
        return ExecutionConfig.defaults().withFirstGroupId(100);
    }

    /** What a session left behind. */
    private record Run(List<OrderRequest> placed, List<GroupOutcome> groups, List<String> halts)
    {
    }

    /**
     * One event at a time where a GROUP_DONE comes back on the ring, so the ring order (and the journal) does not
     * depend on thread timing: a breach the gate blocks (100 USDT of equity), more equity, a breach it approves, its
     * fills, pause, resume, a policy change, a timer tick.
     */
    private static Run session(final Path directory, final StageThreading threading)
    {
        final JournalWriter writer = JournalWriter.open(directory, SIGNER, INLINE);
        try (ExecutionWorld w = new ExecutionWorld(config(), threading, null, p -> p.withJournal(writer, AGENT)))
        {
            w.calm(100);
            w.sync();
            w.clock.advanceMs(100);
            w.index(50_000);
            w.awaitGroups(1);
            w.clock.advanceMs(100);
            w.account(100_000);
            w.sync();
            w.index(50_010);
            final OrderRequest order = w.order(1);
            w.clock.advanceMs(5);
            w.report(Reports.ack(order, w.clock.epochMs()));
            w.report(Reports.fill(order, 1_000, 1_000, 500_090, w.clock.epochMs()));
            w.report(Reports.fill(order, 1_500, 2_500, 500_080, w.clock.epochMs()));
            w.awaitGroups(2);
            w.clock.advanceMs(100);
            w.command(EngineCommand.PAUSE);
            w.command(EngineCommand.RESUME);
            w.policy(ExecutionWorld.POLICY);
            w.timer();
            w.sync();
            return new Run(List.copyOf(w.gateway.placed()), List.copyOf(w.sink.groups), List.copyOf(w.halts));
        }
    }

    private static List<Path> files(final Path directory)
    {
        try
        {
            return JournalFormat.filesIn(directory);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JournalEntry> entries(final List<Path> files)
    {
        final List<JournalEntry> entries = new ArrayList<>();
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
                entries.add(reader.entry());
            }
        }
        return entries;
    }

    private static VerificationReport verify(final List<Path> files)
    {
        return new JournalVerifier(SIGNER.address()).verify(files);
    }

    @Test
    void aJournaledSessionRecordsInputsDecisionsOrdersAndEndsInRingOrderAndVerifies()
    {
        final Run run = session(dir, StageThreading.SINGLE_THREAD);
        assertEquals(List.of(), run.halts());
        assertEquals(List.of(GroupState.BLOCKED, GroupState.COMPLETE), run.groups().stream().map(GroupOutcome::state).toList());

        final List<JournalEntry> all = entries(files(dir));
        final List<JournalEntry> withMarketData = all.stream()
            .filter(e -> e.type() != RecordType.CHAIN_SIGNATURE).toList();
        assertEquals(List.of(
                RecordType.HEADER,
                RecordType.CONTROL, RecordType.ACCOUNT,                                         // calm
                RecordType.MARKET_DATA, RecordType.MARKET, RecordType.MARKET_DATA, RecordType.MARKET,
                RecordType.MARKET_DATA, RecordType.MARKET,                                      // blocked breach
                RecordType.GROUP, RecordType.VERDICT, RecordType.GROUP_DONE,
                RecordType.ACCOUNT,
                RecordType.MARKET_DATA, RecordType.MARKET,                                      // approved breach
                RecordType.GROUP, RecordType.VERDICT, RecordType.ORDER,
                RecordType.REPORT, RecordType.REPORT, RecordType.REPORT, RecordType.GROUP_DONE,
                RecordType.CONTROL, RecordType.CONTROL, RecordType.CONTROL),                    // pause, resume, policy
            withMarketData.stream().map(JournalEntry::type).toList(), withMarketData::toString);
        // each market-data event in full, then what the gate gave the book; the rest indexed without the former
        final List<JournalEntry> records = withMarketData.stream()
            .filter(e -> e.type() != RecordType.MARKET_DATA).toList();
        assertEquals(AGENT, ((JournalEntry.Header)records.get(0)).header().agentId());
        assertEquals(new JournalEntry.Control("CONNECTION", "session:0", "LIVE"), records.get(1));
        assertEquals(new JournalEntry.Market(0, JournalEntry.Market.HAS_MARK, 40_000, 0, 0), records.get(3),
            "the ticker's mark, as the gate gave it to the book");
        assertEquals(new JournalEntry.Market(0, JournalEntry.Market.HAS_INDEX, 0, 0, 50_000), records.get(5));

        final JournalEntry.Verdict blocked = (JournalEntry.Verdict)records.get(7);
        assertEquals(100, blocked.groupId());
        assertFalse(blocked.approved());
        assertEquals(new JournalEntry.GroupDone(100, "BLOCKED"), records.get(8));
        final JournalEntry.Group group = (JournalEntry.Group)records.get(11);
        assertEquals(101, group.groupId());
        assertEquals(2_500, group.legs().get(0).lots());
        assertTrue(((JournalEntry.Verdict)records.get(12)).approved());

        final OrderRequest sent = run.placed().get(0);
        final JournalEntry.Order order = (JournalEntry.Order)records.get(13);
        assertEquals(sent.clientOrderId(), order.clientOrderId());
        assertEquals(sent.side(), order.side());
        assertEquals(sent.type(), order.orderType());
        assertEquals(sent.timeInForce(), order.timeInForce());
        assertEquals(sent.priceTicks(), order.priceTicks());
        assertEquals(sent.amountLots(), order.amountLots());
        assertEquals(sent.reduceOnly(), order.reduceOnly());
        assertEquals(0, order.accountId());
        assertEquals(new JournalEntry.GroupDone(101, "COMPLETE"), records.get(17));
        assertEquals(new JournalEntry.Control("PAUSE", "test-operator", ""), records.get(18));
        assertEquals(new JournalEntry.Control("RESUME", "test-operator", ""), records.get(19));
        assertEquals("POLICY", ((JournalEntry.Control)records.get(20)).action());

        final VerificationReport report = verify(files(dir));
        assertTrue(report.ok(), report.render());
        assertEquals(2, report.verdictsChecked(), "both gate evaluations re-evaluated");
        assertEquals(4, report.marketDataChecked(), "every market-data event decoded and its instrument registered");
        assertTrue(report.signaturesChecked() >= 1, report.render());
    }

    @Test
    void theSameEventsWriteTheSameJournalTwiceAndOnAThreadPerStage() throws IOException
    {
        final Path a = dir.resolve("a");
        final Path b = dir.resolve("b");
        final Path c = dir.resolve("c");
        session(a, StageThreading.SINGLE_THREAD);
        session(b, StageThreading.SINGLE_THREAD);
        session(c, StageThreading.THREAD_PER_STAGE);
        final List<Path> first = files(a);
        assertEquals(1, first.size());
        final byte[] bytes = Files.readAllBytes(first.get(0));
        assertArrayEquals(bytes, Files.readAllBytes(b.resolve(first.get(0).getFileName())), "same events, same bytes");
        assertArrayEquals(bytes, Files.readAllBytes(c.resolve(first.get(0).getFileName())),
            "a thread per stage journals from the execution stage, after the gate: the same records");
    }

    @Test
    void aForgedVerdictWithAValidChainAndSignaturesIsCaughtOnlyByReEvaluation() throws IOException
    {
        session(dir, StageThreading.SINGLE_THREAD);
        final Path file = files(dir).get(0);
        final long forgedSeq = forgeApprovedVerdict(file, 101);

        final JournalEntry.Verdict forged = entries(List.of(file)).stream()
            .filter(e -> e instanceof JournalEntry.Verdict v && v.groupId() == 101)
            .map(e -> (JournalEntry.Verdict)e).findFirst().orElseThrow();
        assertFalse(forged.approved(), "the forgery says the gate blocked group 101");
        assertEquals(GateReason.BLOCKED_THRESHOLD, forged.reason());

        final VerificationReport report = verify(List.of(file));
        assertFalse(report.ok());
        assertEquals(1, report.failures().size(), report.render());
        final VerificationReport.Failure failure = report.failures().get(0);
        assertEquals(forgedSeq, failure.seq(), report.render());
        assertTrue(failure.why().contains("re-evaluating its legs"), failure.why());
        assertTrue(failure.why().contains("gives approved (APPROVED)"), failure.why());
    }

    @Test
    void aRestartContinuesTheChainAndTheGroupIdsSoClientOrderIdsNeverRepeat()
    {
        final Run first = session(dir, StageThreading.SINGLE_THREAD);
        assertEquals(101, first.placed().get(0).clientOrderId().groupId());
        final JournalSummary before = JournalSummary.scan(files(dir));
        assertEquals(101, before.maxGroupId());
        assertEquals(List.of(), before.openGroups());

        // a new engine on the same directory, configured from group 100 again as after a plain restart
        final JournalWriter writer = JournalWriter.open(dir, SIGNER, INLINE);
        final OrderRequest order;
        try (ExecutionWorld w = new ExecutionWorld(config(), StageThreading.SINGLE_THREAD, null,
            p -> p.withJournal(writer, AGENT)))
        {
            w.clock.advanceMs(1_000);
            w.calm(100_000);
            w.sync();
            w.clock.advanceMs(100);
            w.index(50_000);
            order = w.order(1);
            assertEquals(List.of(), w.halts);
        }
        assertEquals(102, order.clientOrderId().groupId(), "above every group id the journal used");

        final List<JournalEntry> all = entries(files(dir));
        final int secondHeader = lastIndexOf(all, RecordType.HEADER);
        assertTrue(secondHeader > 0, "the restart appended its own HEADER");
        assertEquals(before.lastSeq() + 1, secondHeader, "the restart's HEADER continues the sequence (and the chain)");
        final JournalSummary after = JournalSummary.scan(files(dir));
        assertEquals(102, after.maxGroupId());
        assertEquals(1, after.openGroups().size(), "group 102 was in flight when the session closed");
        final VerificationReport report = verify(files(dir));
        assertTrue(report.ok(), report.render());
        assertEquals(3, report.verdictsChecked());
    }

    @Test
    void aJournalThatCannotBeWrittenHaltsThePipelineAndNoOrderIsSent() throws IOException
    {
        final JournalWriter writer = JournalWriter.open(dir, SIGNER, INLINE);
        try (ExecutionWorld w = new ExecutionWorld(config(), StageThreading.SINGLE_THREAD, null,
            p -> p.withJournal(writer, AGENT)))
        {
            w.calm(100_000);
            w.sync();
            // the next UTC day's file cannot be created: a directory already has its name
            final long tomorrow = JournalFormat.epochDay(w.clock.epochMs()) + 1;
            Files.createDirectory(dir.resolve(JournalFormat.fileName(tomorrow)));
            w.clock.advanceMs(86_400_000L);
            w.calm(100_000);
            w.clock.advanceMs(100);
            w.index(50_000);
            assertEquals(PipelineResult.HALTED, w.lastDecision().result(), "the breach is refused, not planned");
            assertTrue(w.pipeline.halted());
            assertTrue(w.pipeline.journalFailed());
            assertEquals(1, w.halts.size(), w.halts::toString);
            assertTrue(w.halts.get(0).startsWith("journal: java.io.UncheckedIOException: cannot start journal file"),
                w.halts.get(0));
            assertEquals(List.of(), w.sink.groups);
            assertEquals(List.of(), w.gateway.placed(), "never trade without the journal");
        }
    }

    @Test
    void aHeaderThatCannotBeWrittenRefusesToStart() throws IOException
    {
        final JournalWriter writer = JournalWriter.open(dir, SIGNER, INLINE);
        writer.close();
        final IllegalStateException e = assertThrows(IllegalStateException.class,
            () -> new ExecutionWorld(config(), StageThreading.SINGLE_THREAD, null, p -> p.withJournal(writer, AGENT)));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    @Test
    void theJournalIsGivenBeforeStartAndOnlyOnce()
    {
        final JournalWriter writer = JournalWriter.open(dir, SIGNER, INLINE);
        try (ExecutionWorld w = new ExecutionWorld(config(), StageThreading.SINGLE_THREAD, null,
            p -> p.withJournal(writer, AGENT)))
        {
            assertThrows(IllegalStateException.class, () -> w.pipeline.withJournal(writer, AGENT));
        }
        try (ExecutionWorld w = new ExecutionWorld(config()))
        {
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> w.pipeline.withJournal(JournalWriter.open(dir.resolve("other"), SIGNER, INLINE), AGENT));
            assertTrue(e.getMessage().contains("before start()"), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static int lastIndexOf(final List<JournalEntry> entries, final RecordType type)
    {
        for (int k = entries.size() - 1; k >= 0; k--)
        {
            if (entries.get(k).type() == type)
            {
                return k;
            }
        }
        return -1;
    }

    /**
     * What an insider holding the key can do: turn group {@code groupId}'s approved VERDICT into BLOCKED_THRESHOLD,
     * recompute every hash after it and re-sign every signature, so chain and signatures hold.
     *
     * @return the forged record's sequence
     */
    private static long forgeApprovedVerdict(final Path file, final long groupId) throws IOException
    {
        final byte[] original = Files.readAllBytes(file);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(original, 0, JournalFormat.PREAMBLE_LENGTH);
        final HashChain chain = new HashChain();
        chain.reset(Arrays.copyOfRange(original, 16, 48));
        final Map<Long, byte[]> headAfter = new HashMap<>();
        long forged = -1;
        try (JournalReader reader = new JournalReader(List.of(file), new JournalReader.Listener()
        {
        }))
        {
            while (reader.next())
            {
                byte[] body = Arrays.copyOf(reader.body(), reader.bodyLength());
                final JournalEntry entry = reader.entry();
                if (entry instanceof JournalEntry.Verdict v && v.groupId() == groupId)
                {
                    // BinaryWire: true is 0xB1, a short text is 0xE0 + its length then its bytes
                    body = replace(body, concat(new byte[] {(byte)0xB1, (byte)(0xE0 + 8)}, ascii("APPROVED")),
                        concat(new byte[] {(byte)0xB0, (byte)(0xE0 + 17)}, ascii("BLOCKED_THRESHOLD")));
                    forged = reader.seq();
                }
                else if (entry instanceof JournalEntry.ChainSignature s)
                {
                    final byte[] head = headAfter.get(s.coversSeq());
                    body = replace(body, s.headHash(), head);
                    body = replace(body, s.signature(), SIGNER.sign(head));
                }
                final byte[] hash = new byte[HashChain.HASH_LENGTH];
                chain.advance(body, 0, body.length, hash, 0);
                headAfter.put(reader.seq(), hash);
                out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).array());
                out.write(body);
                out.write(hash);
            }
        }
        if (forged < 0)
        {
            throw new AssertionError("no VERDICT of group " + groupId + " in " + file);
        }
        Files.write(file, out.toByteArray());
        return forged;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** {@code body} with its single occurrence of {@code what} replaced by {@code with}. */
    private static byte[] replace(final byte[] body, final byte[] what, final byte[] with)
    {
        int at = -1;
        for (int k = 0; k + what.length <= body.length; k++)
        {
            if (Arrays.equals(body, k, k + what.length, what, 0, what.length))
            {
                if (at >= 0)
                {
                    throw new AssertionError("the bytes to replace occur twice");
                }
                at = k;
            }
        }
        if (at < 0)
        {
            throw new AssertionError("the bytes to replace do not occur");
        }
        final byte[] out = new byte[body.length - what.length + with.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(with, 0, out, at, with.length);
        System.arraycopy(body, at + what.length, out, at + with.length, body.length - at - what.length);
        return out;
    }
}
