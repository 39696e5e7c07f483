package io.deltahedger.hedger.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link JournalVerifier} found.
 *
 * @param files             journal files read
 * @param records           complete frames read
 * @param signaturesChecked CHAIN_SIGNATURE records checked
 * @param verdictsChecked   VERDICT records re-evaluated
 * @param marketDataChecked MARKET_DATA records decoded and checked against the HEADER's instruments (0: the journal
 *                          holds no full market data and cannot be replayed)
 * @param signer            the address signatures were checked against, and where it came from
 * @param notes             facts that are not failures (e.g. the chain starts after sequence 0)
 * @param failures          every record or place that does not hold, in journal order
 */
public record VerificationReport(
    int files,
    long records,
    long signaturesChecked,
    long verdictsChecked,
    long marketDataChecked,
    String signer,
    List<String> notes,
    List<Failure> failures)
{
    /** Exit code when everything holds. */
    public static final int OK = 0;
    /** Exit code when anything does not hold. */
    public static final int FAILED = 1;

    /**
     * One thing that does not hold.
     *
     * @param file   the journal file
     * @param offset byte offset of the frame in the file, or -1 when not about one frame
     * @param seq    the record's sequence number, or -1 when unknown
     * @param why    what is wrong
     */
    public record Failure(Path file, long offset, long seq, String why)
    {
        @Override
        public String toString()
        {
            return (file == null ? "-" : file.getFileName().toString())
                + (seq >= 0 ? " seq " + seq : "")
                + (offset >= 0 ? " @" + offset : "")
                + ": " + why;
        }
    }

    public VerificationReport
    {
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    public boolean ok()
    {
        return failures.isEmpty();
    }

    /** {@link #OK} or {@link #FAILED}. */
    public int exitCode()
    {
        return ok() ? OK : FAILED;
    }

    /** The report as printed by {@code deltahedger verify}. */
    public String render()
    {
        final StringBuilder b = new StringBuilder();
        b.append("journal: ").append(files).append(files == 1 ? " file, " : " files, ").append(records).append(" records\n");
        b.append("chain signatures checked: ").append(signaturesChecked).append(" (signer ").append(signer).append(")\n");
        b.append("margin verdicts re-evaluated: ").append(verdictsChecked).append('\n');
        b.append("market-data events checked: ").append(marketDataChecked)
            .append(marketDataChecked == 0 ? " (none recorded: the journal cannot be replayed)\n" : "\n");
        for (final String note : notes)
        {
            b.append("note: ").append(note).append('\n');
        }
        if (failures.isEmpty())
        {
            b.append("OK: the chain is intact, every signature holds and every verdict re-evaluates the same\n");
        }
        else
        {
            b.append("FAILED: ").append(failures.size()).append(failures.size() == 1 ? " problem\n" : " problems\n");
            for (final Failure failure : failures)
            {
                b.append("  ").append(failure).append('\n');
            }
        }
        return b.toString();
    }
}
