package io.deltahedger.agent;

import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalHeader;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deltahedger verify} through {@code Main.execute} on a journal written by the real writer. */
class VerifyCommandTest
{
    /** 2026-11-20T06:00:00Z. */
    private static final long NOW_MS = 1_795_154_400_000L;
    private static final ChainSigner SIGNER = ChainSigner.generate(new Random(42));

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        return Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Header, market, snapshot, one approved group; returns the journal file. */
    private Path writeJournal()
    {
        final Instrument perpetual = new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD",
            "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
            new BigDecimal("10"), 0, null, null);
        final MarginBook book = new MarginBook(1, 4);
        final int account = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        final int perp = book.addInstrument(account, perpetual);
        final GateConfig config = GateConfig.defaults();
        final MarginGate gate = new MarginGate(book, config);
        try (JournalWriter writer = JournalWriter.open(dir, SIGNER, JournalWriterConfig.defaults()))
        {
            writer.appendHeader(NOW_MS, JournalHeader.capture("cli-test", book, config));
            book.onMark(perp, 96_000);
            book.onIndex(book.underlyingOf(perp), 96_000);
            writer.appendMarket(NOW_MS, perp, JournalEntry.Market.HAS_MARK | JournalEntry.Market.HAS_INDEX, 96_000, 0,
                96_000);
            final AccountSnapshot snapshot = new AccountSnapshot(Venue.DERIBIT, "BTC", NOW_MS, 1.0, 1.0, 0.9, 0.1, 0.05,
                List.of(new Position(perpetual, 500, 95_000, 96_000, 0.1, 0.05, 0.0005, 0)));
            book.onAccount(account, snapshot);
            writer.appendAccount(NOW_MS, account, snapshot);
            final LegGroup legs = new LegGroup(4).add(account, perp, Side.SELL, 100, 95_990);
            final GateVerdict verdict = new GateVerdict();
            assertTrue(gate.evaluate(legs, NOW_MS + 10, verdict));
            writer.appendGroup(NOW_MS + 10, 1, 0, legs);
            writer.appendVerdict(NOW_MS + 10, 1, NOW_MS + 10, legs, verdict);
            writer.appendGroupDone(NOW_MS + 20, 1, "COMPLETED");
            return writer.currentFile();
        }
    }

    @Test
    void aCleanJournalDirectoryVerifiesWithExitCodeZero()
    {
        writeJournal();
        assertEquals(0, run("verify", "--signer", SIGNER.address(), dir.toString()), err.toString());
        assertTrue(out.toString().contains("journal: 1 file, 7 records"), out.toString());
        assertTrue(out.toString().contains("margin verdicts re-evaluated: 1"), out.toString());
        assertTrue(out.toString().contains("OK: the chain is intact"), out.toString());
    }

    @Test
    void aTamperedJournalExitsOneAndNamesTheRecord() throws Exception
    {
        final Path file = writeJournal();
        final byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 200] ^= 0x04;
        Files.write(file, bytes);
        assertEquals(1, run("verify", file.toString()), err.toString());
        assertTrue(out.toString().contains("FAILED"), out.toString());
        assertTrue(out.toString().contains(file.getFileName() + " seq "), out.toString());
    }

    @Test
    void aJournalSignedByAnotherKeyExitsOne()
    {
        writeJournal();
        final String other = ChainSigner.generate(new Random(7)).address();
        assertEquals(1, run("verify", "--signer", other, dir.toString()));
        assertTrue(out.toString().contains("not by the expected signer " + other), out.toString());
    }

    @Test
    void aMissingJournalIsAUsageErrorNamingThePath()
    {
        final Path missing = dir.resolve("journal-20261121.dhj");
        assertEquals(2, run("verify", missing.toString()));
        assertTrue(err.toString().contains("journal " + missing + " does not exist: pass journal-YYYYMMDD.dhj files"),
            err.toString());
    }

    @Test
    void aDirectoryWithoutJournalFilesIsAUsageError()
    {
        assertEquals(2, run("verify", dir.toString()));
        assertTrue(err.toString().contains("holds no journal files: expected files named journal-YYYYMMDD.dhj"),
            err.toString());
    }

    @Test
    void aMalformedSignerAddressIsAUsageError()
    {
        writeJournal();
        assertEquals(2, run("verify", "--signer", "0x12", dir.toString()));
        assertTrue(err.toString().contains("--signer: signer address '0x12' must be an Ethereum address"), err.toString());
    }

    @Test
    void noJournalArgumentIsAUsageError()
    {
        assertEquals(2, run("verify"));
        assertTrue(err.toString().contains("JOURNAL"), err.toString());
    }
}
