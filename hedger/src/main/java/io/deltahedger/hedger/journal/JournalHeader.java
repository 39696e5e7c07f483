package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.marginmonitor.model.MarginModel;
import io.deltahedger.venues.Venue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a HEADER record holds besides the format version and signer: the agent's id and everything needed to rebuild
 * the margin book and gate that judged the session's groups, so {@code deltahedger verify} can re-evaluate every
 * verdict. Accounts and instruments are listed in id order: registering them in that order gives the same ids.
 *
 * @param agentId        who wrote the journal (free text, 1..64 printable characters)
 * @param maxAccounts    the book's account capacity
 * @param maxInstruments the book's instrument capacity
 * @param accounts       the accounts, account id = list index
 * @param instruments    the instruments, instrument id = list index
 * @param gate           the gate's settings
 */
public record JournalHeader(
    String agentId,
    int maxAccounts,
    int maxInstruments,
    List<AccountSetup> accounts,
    List<InstrumentSetup> instruments,
    GateConfig gate)
{
    /**
     * One account of the book.
     *
     * @param venue    its venue
     * @param currency its margin currency
     * @param model    its margin model: a {@code DeribitStandardMarginModel}, {@code RateMarginModel} or
     *                 {@code TieredMarginModel} (the kinds the journal can write)
     */
    public record AccountSetup(Venue venue, String currency, MarginModel model)
    {
        public AccountSetup
        {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(model, "model");
            MarginModels.kind(model);
        }
    }

    /**
     * One instrument of the book.
     *
     * @param accountId  the account it is registered on
     * @param instrument its margin facts
     */
    public record InstrumentSetup(int accountId, MarginInstrument instrument)
    {
        public InstrumentSetup
        {
            Objects.requireNonNull(instrument, "instrument");
        }
    }

    public JournalHeader
    {
        if (agentId == null || agentId.isEmpty() || agentId.length() > 64 || agentId.chars().anyMatch(c -> c < ' ' || c > '~'))
        {
            throw new IllegalArgumentException("journal agentId '" + agentId + "' must be 1..64 printable ASCII characters "
                + "(e.g. the host name and instance: 'hedger-ldn-1')");
        }
        if (maxAccounts < 1 || maxInstruments < 1)
        {
            throw new IllegalArgumentException("journal header needs maxAccounts and maxInstruments >= 1, got "
                + maxAccounts + ", " + maxInstruments);
        }
        accounts = List.copyOf(accounts);
        instruments = List.copyOf(instruments);
        Objects.requireNonNull(gate, "gate");
        if (accounts.size() > maxAccounts || instruments.size() > maxInstruments)
        {
            throw new IllegalArgumentException("journal header lists " + accounts.size() + " accounts and "
                + instruments.size() + " instruments, more than the capacities " + maxAccounts + " / " + maxInstruments);
        }
        for (final InstrumentSetup instrument : instruments)
        {
            if (instrument.accountId() < 0 || instrument.accountId() >= accounts.size())
            {
                throw new IllegalArgumentException("journal header instrument " + instrument.instrument().canonicalId()
                    + " is on account " + instrument.accountId() + ", but only accounts 0.." + (accounts.size() - 1)
                    + " are listed");
            }
        }
    }

    /**
     * Describes a fully registered book and the gate's settings (startup; allocates).
     *
     * @throws IllegalArgumentException if an account's margin model is of a kind the journal cannot write
     */
    public static JournalHeader capture(final String agentId, final MarginBook book, final GateConfig gate)
    {
        final List<AccountSetup> accounts = new ArrayList<>(book.accountCount());
        for (int a = 0; a < book.accountCount(); a++)
        {
            accounts.add(new AccountSetup(book.venue(a), book.currency(a), book.model(a)));
        }
        final List<InstrumentSetup> instruments = new ArrayList<>(book.instrumentCount());
        for (int i = 0; i < book.instrumentCount(); i++)
        {
            instruments.add(new InstrumentSetup(book.accountOf(i), book.instrument(i)));
        }
        return new JournalHeader(agentId, book.maxAccounts(), book.maxInstruments(), accounts, instruments, gate);
    }
}
