package io.deltahedger.agent;

import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code deltahedger verify JOURNAL...}: checks a journal's hash chain, chain signatures and margin verdicts
 * (docs/journal.md) and prints the report. Exit 0 when everything holds, 1 when anything does not, 2 for usage errors.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
        "Verifies a deltahedger journal: the SHA-256 hash chain across its daily files, every secp256k1 chain "
            + "signature, and every recorded margin verdict re-evaluated from the recorded inputs.",
        "Lists each record that does not hold with its file, sequence and why.",
        "Exit codes: 0 all good, 1 a problem was found, 2 usage error."})
public final class VerifyCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "JOURNAL",
        description = "Journal files (journal-YYYYMMDD.dhj) in chain order, or directories holding them.")
    private List<Path> journals;

    @Option(names = "--signer", paramLabel = "0xADDRESS",
        description = "The Ethereum address every chain signature must recover to. Without it the address named by "
            + "the journal's HEADER is used, which proves integrity but not who wrote the journal.")
    private String signer;

    public Integer call()
    {
        final List<Path> files = new ArrayList<>();
        for (final Path journal : journals)
        {
            if (Files.isDirectory(journal))
            {
                final List<Path> inside;
                try
                {
                    inside = JournalFormat.filesIn(journal);
                }
                catch (final IOException e)
                {
                    throw new UncheckedIOException("cannot list journal directory " + journal + ": " + e.getMessage(), e);
                }
                if (inside.isEmpty())
                {
                    throw new CommandLine.ParameterException(spec.commandLine(), "directory " + journal
                        + " holds no journal files: expected files named journal-YYYYMMDD.dhj");
                }
                files.addAll(inside);
            }
            else if (Files.isRegularFile(journal))
            {
                files.add(journal);
            }
            else
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "journal " + journal + " does not exist: "
                    + "pass journal-YYYYMMDD.dhj files or the directory the agent writes them to");
            }
        }
        final JournalVerifier verifier;
        try
        {
            verifier = new JournalVerifier(signer);
        }
        catch (final IllegalArgumentException e)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--signer: " + e.getMessage());
        }
        final VerificationReport report = verifier.verify(files);
        final PrintWriter out = spec.commandLine().getOut();
        out.print(report.render());
        out.flush();
        return report.exitCode();
    }
}
