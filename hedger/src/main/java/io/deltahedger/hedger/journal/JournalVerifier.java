package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.venues.marketdata.MarketDataEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a journal (docs/journal.md): the hash chain across files (each stored hash is {@code SHA-256(previous ||
 * body)}, sequences run on by one, each file's preamble continues the previous file), every CHAIN_SIGNATURE (it
 * covers the head before it and recovers to the expected signer), the journal ends signed, and every VERDICT
 * re-evaluates the same (a {@link BookReplay} rebuilt from the last HEADER and fed every MARKET and ACCOUNT before it),
 * and every MARKET_DATA decodes and names an instrument the last HEADER registered.
 *
 * <p>After a broken link the check re-synchronises on the stored hash and sequence, so one damaged record is reported
 * once and the rest is still checked. Memory is bounded by the largest record and the book; at most
 * {@link #MAX_LISTED_FAILURES} failures are listed.
 */
public final class JournalVerifier
{
    /**
     * How far back (in records) a signature may cover: background signing appends the signature a few records after
     * the head it signed. The verifier keeps this many heads (2 MiB).
     */
    public static final int SIGNATURE_WINDOW = 1 << 16;
    /** The most failures a report lists; further ones are counted in a note. */
    public static final int MAX_LISTED_FAILURES = 1_000;

    private final String expectedSigner;

    /**
     * @param expectedSigner the address every signature must recover to ({@code 0x} + 40 hex digits), or null to take
     *                       the address the first HEADER names (which proves integrity, but not authorship)
     */
    public JournalVerifier(final String expectedSigner)
    {
        this.expectedSigner = expectedSigner == null ? null : ChainSigner.normaliseAddress(expectedSigner);
    }

    /** Verifies the files in chain order (use {@link JournalFormat#filesIn} for a directory). */
    public VerificationReport verify(final List<Path> files)
    {
        final Run run = new Run();
        try (JournalReader reader = new JournalReader(files, run))
        {
            while (reader.next())
            {
                run.onRecord(reader);
            }
        }
        run.finish();
        final List<String> notes = new ArrayList<>(run.notes);
        if (run.unlisted > 0)
        {
            notes.add(run.unlisted + " more failures are not listed");
        }
        final String signer = expectedSigner != null ? expectedSigner + " as given"
            : run.signer != null ? run.signer + " named by the journal itself (pass the expected address to prove authorship)"
            : "none known";
        return new VerificationReport(files.size(), run.records, run.signatures, run.verdicts, run.marketData, signer,
            notes, run.failures);
    }

    private final class Run implements JournalReader.Listener
    {
        final HashChain chain = new HashChain();
        final byte[] computed = new byte[HashChain.HASH_LENGTH];
        final List<VerificationReport.Failure> failures = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        long unlisted;
        boolean started;
        long expectedSeq;
        long records;
        long signatures;
        long verdicts;
        long marketData;
        /** Instruments registered by the last HEADER, -1 before one. */
        int instruments = -1;
        final MarketDataEvent scratch = new MarketDataEvent();
        String signer = expectedSigner;
        BookReplay replay;
        String replayBroken;
        Path lastFile;
        long lastSeq = -1;
        long lastRecordSeq = -1;
        long coveredSeq = -1;
        final byte[][] heads = new byte[SIGNATURE_WINDOW][];
        final long[] headSeqs = new long[SIGNATURE_WINDOW];

        {
            Arrays.fill(headSeqs, -1);
        }

        /** The stored head after record {@code seq}, if it is still in the window. */
        byte[] headAfter(final long seq)
        {
            final int slot = (int)(seq & (SIGNATURE_WINDOW - 1));
            return seq >= 0 && headSeqs[slot] == seq ? heads[slot] : null;
        }

        void remember(final long seq, final byte[] stored)
        {
            final int slot = (int)(seq & (SIGNATURE_WINDOW - 1));
            if (heads[slot] == null)
            {
                heads[slot] = new byte[HashChain.HASH_LENGTH];
            }
            System.arraycopy(stored, 0, heads[slot], 0, HashChain.HASH_LENGTH);
            headSeqs[slot] = seq;
        }

        void fail(final Path file, final long offset, final long seq, final String why)
        {
            if (failures.size() < MAX_LISTED_FAILURES)
            {
                failures.add(new VerificationReport.Failure(file, offset, seq, why));
            }
            else
            {
                unlisted++;
            }
        }

        @Override
        public void onFile(final Path file, final long firstSeq, final byte[] previousHead)
        {
            if (!started)
            {
                started = true;
                if (firstSeq != 0)
                {
                    notes.add("the chain starts at sequence " + firstSeq + " in " + file.getFileName() + ": earlier files "
                        + "were not given and are not checked");
                }
            }
            else if (firstSeq != expectedSeq || !chain.headEquals(previousHead))
            {
                fail(file, 0, firstSeq, "the file continues the chain from sequence " + firstSeq + " and hash "
                    + HashChain.hex(previousHead) + ", but the files before it end at sequence " + expectedSeq
                    + " with hash " + HashChain.hex(chain.head()) + ": a file is missing, out of order or altered");
            }
            chain.reset(previousHead);
            expectedSeq = firstSeq;
        }

        @Override
        public void onDamage(final Path file, final long offset, final String why)
        {
            fail(file, offset, -1, why);
        }

        void onRecord(final JournalReader reader)
        {
            records++;
            final Path file = reader.file();
            final long offset = reader.offset();
            lastFile = file;
            chain.peek(reader.body(), 0, reader.bodyLength(), computed);
            final byte[] stored = reader.storedHash();
            final long seq = reader.type() == null ? -1 : reader.seq();
            if (!Arrays.equals(computed, stored))
            {
                fail(file, offset, seq, "hash mismatch: the stored hash " + HashChain.hex(stored) + " is not SHA-256 of the "
                    + "previous hash and this record (" + HashChain.hex(computed) + "): the record was altered, or a "
                    + "record before it was removed or reordered");
            }
            if (reader.type() == null)
            {
                fail(file, offset, -1, reader.prefixError());
                chain.reset(stored);
                expectedSeq++;
                return;
            }
            if (seq != expectedSeq)
            {
                fail(file, offset, seq, "sequence " + seq + " where " + expectedSeq + " was expected: a record was "
                    + (seq > expectedSeq ? "removed" : "duplicated or reordered"));
            }
            expectedSeq = seq + 1;
            lastSeq = seq;
            try
            {
                if (reader.type() == RecordType.MARKET_DATA)
                {
                    onMarketData(reader);
                }
                else
                {
                    onEntry(file, offset, seq, reader.entry());
                }
            }
            catch (final RuntimeException e)
            {
                fail(file, offset, seq, e.getMessage());
            }
            if (reader.type() != RecordType.CHAIN_SIGNATURE)
            {
                lastRecordSeq = seq;
            }
            remember(seq, stored);
            chain.reset(stored);
        }

        private void onEntry(final Path file, final long offset, final long seq, final JournalEntry entry)
        {
            if (entry instanceof JournalEntry.Header h)
            {
                onHeader(file, offset, seq, h);
            }
            else if (entry instanceof JournalEntry.Market m && replay != null)
            {
                replay.apply(m);
            }
            else if (entry instanceof JournalEntry.Account a && replay != null)
            {
                replay.apply(a);
            }
            else if (entry instanceof JournalEntry.Verdict v)
            {
                onVerdict(file, offset, seq, v);
            }
            else if (entry instanceof JournalEntry.ChainSignature s)
            {
                onSignature(file, offset, seq, s);
            }
        }

        /**
         * MARKET_DATA must decode and name an instrument the last HEADER registered. It does not feed the replayed
         * book: what the book was given is the MARKET record after it.
         */
        private void onMarketData(final JournalReader reader)
        {
            marketData++;
            final String invalid = reader.decodeMarketData(scratch);
            final int instrument = scratch.instrumentIndex();
            if (invalid != null)
            {
                fail(reader.file(), reader.offset(), reader.seq(), invalid);
            }
            else if (instruments < 0)
            {
                fail(reader.file(), reader.offset(), reader.seq(), "MARKET_DATA for instrument " + instrument
                    + " but no HEADER precedes it to register instruments");
            }
            else if (instrument < 0 || instrument >= instruments)
            {
                fail(reader.file(), reader.offset(), reader.seq(), "MARKET_DATA names instrument " + instrument
                    + ", which the HEADER does not register (its instruments are 0.." + (instruments - 1) + ")");
            }
        }

        private void onHeader(final Path file, final long offset, final long seq, final JournalEntry.Header h)
        {
            instruments = h.header().instruments().size();
            if (signer == null)
            {
                signer = ChainSigner.normaliseAddress(h.signerAddress());
            }
            else if (!signer.equals(ChainSigner.normaliseAddress(h.signerAddress())))
            {
                fail(file, offset, seq, "the HEADER names signer " + h.signerAddress() + ", not the expected " + signer);
            }
            try
            {
                replay = new BookReplay(h.header());
                replayBroken = null;
            }
            catch (final RuntimeException e)
            {
                replay = null;
                replayBroken = "the margin book of the HEADER at sequence " + seq + " cannot be rebuilt: " + e.getMessage();
                fail(file, offset, seq, replayBroken);
            }
        }

        private void onVerdict(final Path file, final long offset, final long seq, final JournalEntry.Verdict v)
        {
            verdicts++;
            if (v.approved() != v.reason().approved())
            {
                fail(file, offset, seq, "VERDICT of group " + v.groupId() + " records approved=" + v.approved()
                    + " with reason " + v.reason() + ": the two disagree");
            }
            if (replay == null)
            {
                fail(file, offset, seq, "VERDICT of group " + v.groupId() + " cannot be re-evaluated: "
                    + (replayBroken != null ? replayBroken : "no HEADER precedes it"));
                return;
            }
            final GateVerdict again = replay.evaluate(v);
            if (again.approved() != v.approved() || again.reason() != v.reason())
            {
                fail(file, offset, seq, "VERDICT of group " + v.groupId() + " records " + (v.approved() ? "approved" : "blocked")
                    + " (" + v.reason() + ") but re-evaluating its legs at " + v.evaluatedAtMs() + " ms on the recorded "
                    + "inputs gives " + (again.approved() ? "approved" : "blocked") + " (" + again.reason() + "): " + again);
            }
        }

        private void onSignature(final Path file, final long offset, final long seq, final JournalEntry.ChainSignature s)
        {
            signatures++;
            final byte[] head = s.coversSeq() < seq ? headAfter(s.coversSeq()) : null;
            if (head == null)
            {
                fail(file, offset, seq, "the signature covers sequence " + s.coversSeq() + ", which is not among the "
                    + SIGNATURE_WINDOW + " records before it");
            }
            else if (!Arrays.equals(head, s.headHash()))
            {
                fail(file, offset, seq, "the signature covers sequence " + s.coversSeq() + " with head "
                    + HashChain.hex(s.headHash()) + ", but the chain's head after that record is " + HashChain.hex(head));
            }
            else
            {
                coveredSeq = Math.max(coveredSeq, s.coversSeq());
            }
            final String recovered = ChainSigner.recoverAddress(s.headHash(), s.signature());
            if (signer == null)
            {
                signer = ChainSigner.normaliseAddress(s.signerAddress());
                notes.add("no HEADER before the first signature: checking against the address it names, " + signer);
            }
            if (recovered == null)
            {
                fail(file, offset, seq, "the signature recovers no public key: it is forged or damaged");
            }
            else if (!recovered.equals(signer))
            {
                fail(file, offset, seq, "the signature was made by " + recovered + ", not by the expected signer " + signer);
            }
        }

        void finish()
        {
            if (lastRecordSeq > coveredSeq)
            {
                fail(lastFile, -1, lastSeq, "records " + (coveredSeq + 1) + ".." + lastRecordSeq + " after the last chain "
                    + "signature are not signed: the journal was truncated, or its writer stopped without closing");
            }
        }
    }
}
