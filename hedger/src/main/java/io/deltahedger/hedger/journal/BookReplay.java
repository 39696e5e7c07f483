package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.gate.MarginGate;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.OptionType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A margin book and gate rebuilt from a HEADER and fed the journal's MARKET and ACCOUNT records in order, so each
 * recorded VERDICT can be evaluated again on the same inputs at the same time.
 *
 * <p>The book registers venue instruments; the journal keeps only their margin facts, so each is rebuilt as a venue
 * {@link Instrument} carrying exactly those facts (price grid and quote currency, which margin never reads, are
 * placeholders), and the rebuilt book's {@link MarginInstrument} is checked equal to the recorded one. Offline use:
 * allocates freely.
 */
public final class BookReplay
{
    private static final DecimalGrid UNUSED_PRICE_GRID = DecimalGrid.of("0.00000001");

    private final MarginBook book;
    private final MarginGate gate;
    private final LegGroup legs = new LegGroup(MarginGate.MAX_LEGS);
    private final GateVerdict verdict = new GateVerdict();

    /** @throws IllegalArgumentException naming what cannot be rebuilt */
    public BookReplay(final JournalHeader header)
    {
        book = new MarginBook(header.maxAccounts(), header.maxInstruments());
        final java.util.Set<String> names = new java.util.HashSet<>();
        final List<JournalHeader.AccountSetup> accounts = header.accounts();
        for (int a = 0; a < accounts.size(); a++)
        {
            final JournalHeader.AccountSetup account = accounts.get(a);
            // the HEADER does not record names; two accounts of one venue and currency (two sessions, e.g. sim-a and
            // sim-b) are told apart by their id, which is all the verdicts refer to
            final String plain = account.venue().code() + " " + account.currency();
            book.addAccount(names.add(plain) ? plain : plain + " #" + a, account.venue(), account.currency(),
                account.model());
        }
        final List<JournalHeader.InstrumentSetup> instruments = header.instruments();
        for (int i = 0; i < instruments.size(); i++)
        {
            final JournalHeader.InstrumentSetup setup = instruments.get(i);
            final int id = book.addInstrument(setup.accountId(), rebuild(setup, book.venue(setup.accountId()),
                book.currency(setup.accountId())));
            if (id != i || !book.instrument(id).equals(setup.instrument()))
            {
                throw new IllegalArgumentException("HEADER instrument " + i + " (" + setup.instrument().canonicalId()
                    + ") rebuilds as id " + id + " " + book.instrument(id) + ", not as recorded");
            }
        }
        gate = new MarginGate(book, header.gate());
    }

    private static Instrument rebuild(final JournalHeader.InstrumentSetup setup, final Venue venue, final String currency)
    {
        final MarginInstrument m = setup.instrument();
        final String prefix = venue.code() + ':';
        if (!m.canonicalId().startsWith(prefix))
        {
            throw new IllegalArgumentException("HEADER instrument " + m.canonicalId() + " is on account " + setup.accountId()
                + " of venue " + venue.code() + ", whose ids start with '" + prefix + "'");
        }
        final BigDecimal lot = BigDecimal.valueOf(m.lotSize());
        final boolean inverseDeltaOne = m.inverse() && !m.isOption();
        return new Instrument(
            venue,
            m.canonicalId().substring(prefix.length()),
            m.kind(),
            m.underlying(),
            inverseDeltaOne ? "USD" : currency,
            currency,
            inverseDeltaOne ? "USD" : m.underlying(),
            m.inverse() ? ContractStyle.INVERSE : ContractStyle.LINEAR,
            lot,
            UNUSED_PRICE_GRID,
            DecimalGrid.of(lot),
            lot.multiply(BigDecimal.valueOf(m.minLots())),
            m.expiryEpochMs(),
            m.isOption() ? BigDecimal.valueOf(m.strike()) : null,
            m.optionType() == null ? null : m.optionType().isCall() ? OptionType.CALL : OptionType.PUT);
    }

    /** Applies a MARKET record as the gate stage applied the market data. */
    public void apply(final JournalEntry.Market market)
    {
        final int i = market.instrumentId();
        if (!book.isInstrument(i))
        {
            throw new IllegalArgumentException("MARKET names instrument id " + i + ", but the HEADER registers ids 0.."
                + (book.instrumentCount() - 1));
        }
        if (market.has(JournalEntry.Market.HAS_MARK))
        {
            book.onMark(i, market.mark());
        }
        if (market.has(JournalEntry.Market.HAS_VOLATILITY))
        {
            book.onVolatility(i, market.volatility());
        }
        if (market.has(JournalEntry.Market.HAS_INDEX))
        {
            book.onIndex(book.underlyingOf(i), market.index());
        }
    }

    /** Applies an ACCOUNT record as the gate stage applied the snapshot. */
    public void apply(final JournalEntry.Account account)
    {
        final int a = account.accountId();
        if (!book.isAccount(a))
        {
            throw new IllegalArgumentException("ACCOUNT names account id " + a + ", but the HEADER registers ids 0.."
                + (book.accountCount() - 1));
        }
        final List<Position> positions = new ArrayList<>(account.positions().size());
        for (final JournalEntry.PositionEntry p : account.positions())
        {
            positions.add(new Position(positionInstrument(p.venueCode(), p.nativeName(), book.currency(a)), p.sizeLots(),
                p.averagePrice(), p.markPrice(), p.initialMargin(), p.maintenanceMargin(), p.unrealizedPnl(),
                p.estimatedLiquidationPrice()));
        }
        book.onAccount(a, new AccountSnapshot(book.venue(a), book.currency(a), account.snapshotMs(), account.balance(),
            account.equity(), account.availableFunds(), account.initialMargin(), account.maintenanceMargin(), positions));
    }

    /**
     * The book keys positions by canonical id only, so a position is rebuilt on a minimal instrument with the recorded
     * venue and native name: registered ones resolve to their book ids, others count as unmodelled, as live.
     */
    private static Instrument positionInstrument(final String venueCode, final String nativeName, final String currency)
    {
        final DecimalGrid one = DecimalGrid.of(BigDecimal.ONE);
        return new Instrument(Venue.ofCode(venueCode), nativeName, InstrumentKind.PERPETUAL, currency, "USD", currency,
            "USD", ContractStyle.INVERSE, BigDecimal.ONE, one, one, BigDecimal.ONE, 0, null, null);
    }

    /** Evaluates the recorded legs at the recorded time; the returned holder is reused by the next call. */
    public GateVerdict evaluate(final JournalEntry.Verdict recorded)
    {
        if (recorded.legs().size() > MarginGate.MAX_LEGS)
        {
            throw new IllegalArgumentException("VERDICT has " + recorded.legs().size() + " legs, more than the gate's "
                + MarginGate.MAX_LEGS);
        }
        legs.clear();
        for (final JournalEntry.Leg leg : recorded.legs())
        {
            legs.add(leg.accountId(), leg.instrumentId(), leg.side(), leg.lots(), leg.limitPrice());
        }
        gate.evaluate(legs, recorded.evaluatedAtMs(), verdict);
        return verdict;
    }

    /** The rebuilt book, for inspection. */
    public MarginBook book()
    {
        return book;
    }
}
