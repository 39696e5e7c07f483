package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.marginmonitor.gate.GateVerdict;
import io.deltahedger.marginmonitor.gate.LegGroup;
import io.deltahedger.marginmonitor.model.MarginInstrument;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.TimeInForce;
import net.openhft.chronicle.wire.ValueIn;
import net.openhft.chronicle.wire.ValueOut;

import java.util.ArrayList;
import java.util.List;

/**
 * The payload layouts of every record type on Chronicle Wire's field-less binary wire: a fixed sequence of typed
 * values per type (documented in docs/journal.md). Every record starts with {@code int64 seq, int8 type code,
 * int64 timeMs}. Encoding writes primitives and existing strings (enum names, ids) and allocates nothing; decoding
 * builds {@link JournalEntry} values and allocates.
 */
final class RecordCodec
{
    private RecordCodec()
    {
    }

    static void writePrefix(final ValueOut out, final long seq, final RecordType type, final long timeMs)
    {
        out.int64(seq);
        out.int8((byte)type.code());
        out.int64(timeMs);
    }

    // ---------------------------------------------------------------- encoding

    static void writeHeader(final ValueOut out, final String signerAddress, final JournalHeader h)
    {
        out.int32(JournalFormat.FORMAT_VERSION);
        out.text(signerAddress);
        out.text(h.agentId());
        out.int32(h.maxAccounts());
        out.int32(h.maxInstruments());
        out.int32(h.accounts().size());
        for (final JournalHeader.AccountSetup a : h.accounts())
        {
            out.text(a.venue().code());
            out.text(a.currency());
            out.text(MarginModels.kind(a.model()));
            final double[] p = MarginModels.parameters(a.model());
            out.int32(p.length);
            for (final double v : p)
            {
                out.float64(v);
            }
        }
        out.int32(h.instruments().size());
        for (final JournalHeader.InstrumentSetup s : h.instruments())
        {
            final MarginInstrument i = s.instrument();
            out.int32(s.accountId());
            out.text(i.canonicalId());
            out.text(i.underlying());
            out.text(i.kind().name());
            out.bool(i.inverse());
            out.text(i.optionType() == null ? "" : i.optionType().name());
            out.float64(i.strike());
            out.int64(i.expiryEpochMs());
            out.float64(i.lotSize());
            out.int64(i.minLots());
        }
        final GateConfig g = h.gate();
        out.float64(g.threshold());
        out.int64(g.maxSnapshotAgeMs());
        final double[] spot = g.spotMoves();
        out.int32(spot.length);
        for (final double v : spot)
        {
            out.float64(v);
        }
        final double[] vol = g.volShifts();
        out.int32(vol.length);
        for (final double v : vol)
        {
            out.float64(v);
        }
        out.int64(g.revaluationIntervalMs());
    }

    static void writeMarket(final ValueOut out, final int instrumentId, final int fields, final double mark,
                            final double volatility, final double index)
    {
        out.int32(instrumentId);
        out.int8((byte)fields);
        out.float64(mark);
        out.float64(volatility);
        out.float64(index);
    }

    static void writeAccount(final ValueOut out, final int accountId, final AccountSnapshot s)
    {
        out.int32(accountId);
        out.int64(s.timestampMs());
        out.float64(s.balance());
        out.float64(s.equity());
        out.float64(s.availableFunds());
        out.float64(s.initialMargin());
        out.float64(s.maintenanceMargin());
        final List<Position> positions = s.positions();
        final int n = positions.size();
        out.int32(n);
        for (int k = 0; k < n; k++)
        {
            final Position p = positions.get(k);
            out.text(p.instrument().venue().code());
            out.text(p.instrument().nativeName());
            out.int64(p.sizeLots());
            out.float64(p.averagePrice());
            out.float64(p.markPrice());
            out.float64(p.initialMargin());
            out.float64(p.maintenanceMargin());
            out.float64(p.unrealizedPnl());
            out.float64(p.estimatedLiquidationPrice());
        }
    }

    static void writeLegs(final ValueOut out, final LegGroup legs)
    {
        final int n = legs.size();
        out.int32(n);
        for (int leg = 0; leg < n; leg++)
        {
            out.int32(legs.account(leg));
            out.int32(legs.instrument(leg));
            out.text(legs.side(leg) == null ? "" : legs.side(leg).name());
            out.int64(legs.lots(leg));
            out.float64(legs.limitPrice(leg));
        }
    }

    static void writeGroup(final ValueOut out, final long groupId, final int underlying, final LegGroup legs)
    {
        out.int64(groupId);
        out.int32(underlying);
        writeLegs(out, legs);
    }

    static void writeVerdict(final ValueOut out, final long groupId, final long evaluatedAtMs, final LegGroup legs,
                             final GateVerdict v)
    {
        out.int64(groupId);
        out.int64(evaluatedAtMs);
        writeLegs(out, legs);
        out.bool(v.approved());
        out.text(v.reason().name());
        out.int32(v.offendingLeg());
        out.int32(v.offendingAccount());
        out.bool(v.riskReducing());
        out.bool(v.projected());
        out.int32(v.subsetCount());
        final int n = v.accountCount();
        out.int32(n);
        for (int k = 0; k < n; k++)
        {
            out.int32(v.accountId(k));
            out.float64(v.reportedRatio(k));
            out.float64(v.worstRatio(k));
            out.int32(v.worstSubset(k));
            out.int32(v.worstScenario(k));
            out.float64(v.worstSpotMove(k));
            out.float64(v.worstVolShift(k));
            out.float64(v.projectedMaintenanceMargin(k));
            out.float64(v.projectedEquity(k));
        }
    }

    static void writeOrder(final ValueOut out, final int accountId, final OrderRequest r)
    {
        out.int32(accountId);
        writeClientOrderId(out, r.clientOrderId());
        out.text(r.instrument().venue().code());
        out.text(r.instrument().nativeName());
        out.text(r.side().name());
        out.text(r.type().name());
        out.text(r.timeInForce().name());
        out.int64(r.priceTicks());
        out.int64(r.amountLots());
        out.bool(r.postOnly());
        out.bool(r.reduceOnly());
    }

    static void writeReport(final ValueOut out, final int accountId, final ExecutionReport r)
    {
        out.int32(accountId);
        writeClientOrderId(out, r.clientOrderId());
        out.text(r.venueOrderId() == null ? "" : r.venueOrderId());
        out.text(r.instrument().venue().code());
        out.text(r.instrument().nativeName());
        out.text(r.type().name());
        out.int64(r.priceTicks());
        out.int64(r.amountLots());
        out.int64(r.lastFillPriceTicks());
        out.int64(r.lastFillLots());
        out.int64(r.cumFilledLots());
        out.text(r.rejectReason() == null ? "" : r.rejectReason().name());
        out.text(r.text());
        out.int64(r.venueTimestampMs());
    }

    private static void writeClientOrderId(final ValueOut out, final ClientOrderId id)
    {
        out.int64(id.groupId());
        out.int32(id.leg());
        out.int32(id.attempt());
    }

    static void writeControl(final ValueOut out, final CharSequence action, final CharSequence actor,
                             final CharSequence detail)
    {
        out.text(action);
        out.text(actor);
        out.text(detail);
    }

    static void writeGroupDone(final ValueOut out, final long groupId, final CharSequence state)
    {
        out.int64(groupId);
        out.text(state);
    }

    static void writeSignature(final ValueOut out, final long coversSeq, final byte[] headHash, final String address,
                               final byte[] signature)
    {
        out.int64(coversSeq);
        out.bytes(headHash);
        out.text(address);
        out.bytes(signature);
    }

    // ---------------------------------------------------------------- decoding

    /**
     * Decodes the payload after the prefix.
     *
     * @throws RuntimeException (IllegalArgumentException and Chronicle's own) when the bytes do not hold a valid payload
     */
    static JournalEntry read(final RecordType type, final ValueIn in)
    {
        return switch (type)
        {
            case HEADER -> readHeader(in);
            case MARKET -> new JournalEntry.Market(in.int32(), in.int8(), in.float64(), in.float64(), in.float64());
            case ACCOUNT -> readAccount(in);
            case GROUP -> new JournalEntry.Group(in.int64(), in.int32(), readLegs(in));
            case VERDICT -> readVerdict(in);
            case ORDER -> new JournalEntry.Order(in.int32(), readClientOrderId(in), in.text(), in.text(),
                Side.valueOf(in.text()), OrderType.valueOf(in.text()), TimeInForce.valueOf(in.text()), in.int64(),
                in.int64(), in.bool(), in.bool());
            case REPORT -> readReport(in);
            case CONTROL -> new JournalEntry.Control(in.text(), in.text(), in.text());
            case GROUP_DONE -> new JournalEntry.GroupDone(in.int64(), in.text());
            case CHAIN_SIGNATURE -> new JournalEntry.ChainSignature(in.int64(), in.bytes(), in.text(), in.bytes());
            case MARKET_DATA -> throw new IllegalStateException("MARKET_DATA is decoded from the body bytes by "
                + "MarketDataDecoder, not through RecordCodec");
        };
    }

    private static JournalEntry.Header readHeader(final ValueIn in)
    {
        final int version = in.int32();
        final String unreadable = JournalFormat.unreadableVersion(version);
        if (unreadable != null)
        {
            throw new IllegalArgumentException("HEADER has " + unreadable);
        }
        final String signer = in.text();
        final String agentId = in.text();
        final int maxAccounts = in.int32();
        final int maxInstruments = in.int32();
        final int accountCount = count(in.int32(), "accounts");
        final List<JournalHeader.AccountSetup> accounts = new ArrayList<>(accountCount);
        for (int a = 0; a < accountCount; a++)
        {
            final Venue venue = Venue.ofCode(in.text());
            final String currency = in.text();
            final String kind = in.text();
            final double[] p = new double[count(in.int32(), "model parameters")];
            for (int k = 0; k < p.length; k++)
            {
                p[k] = in.float64();
            }
            accounts.add(new JournalHeader.AccountSetup(venue, currency, MarginModels.model(kind, p)));
        }
        final int instrumentCount = count(in.int32(), "instruments");
        final List<JournalHeader.InstrumentSetup> instruments = new ArrayList<>(instrumentCount);
        for (int i = 0; i < instrumentCount; i++)
        {
            final int accountId = in.int32();
            final String canonicalId = in.text();
            final String underlying = in.text();
            final InstrumentKind kind = InstrumentKind.valueOf(in.text());
            final boolean inverse = in.bool();
            final String optionType = in.text();
            instruments.add(new JournalHeader.InstrumentSetup(accountId, new MarginInstrument(canonicalId, underlying,
                kind, inverse, optionType.isEmpty() ? null : OptionType.valueOf(optionType), in.float64(), in.int64(),
                in.float64(), in.int64())));
        }
        final double threshold = in.float64();
        final long maxAge = in.int64();
        final double[] spot = new double[count(in.int32(), "spot moves")];
        for (int k = 0; k < spot.length; k++)
        {
            spot[k] = in.float64();
        }
        final double[] vol = new double[count(in.int32(), "vol shifts")];
        for (int k = 0; k < vol.length; k++)
        {
            vol[k] = in.float64();
        }
        final GateConfig gate = new GateConfig(threshold, maxAge, spot, vol, in.int64());
        return new JournalEntry.Header(version, signer,
            new JournalHeader(agentId, maxAccounts, maxInstruments, accounts, instruments, gate));
    }

    private static JournalEntry.Account readAccount(final ValueIn in)
    {
        final int accountId = in.int32();
        final long snapshotMs = in.int64();
        final double balance = in.float64();
        final double equity = in.float64();
        final double available = in.float64();
        final double im = in.float64();
        final double mm = in.float64();
        final int n = count(in.int32(), "positions");
        final List<JournalEntry.PositionEntry> positions = new ArrayList<>(n);
        for (int k = 0; k < n; k++)
        {
            positions.add(new JournalEntry.PositionEntry(in.text(), in.text(), in.int64(), in.float64(), in.float64(),
                in.float64(), in.float64(), in.float64(), in.float64()));
        }
        return new JournalEntry.Account(accountId, snapshotMs, balance, equity, available, im, mm, positions);
    }

    private static List<JournalEntry.Leg> readLegs(final ValueIn in)
    {
        final int n = count(in.int32(), "legs");
        final List<JournalEntry.Leg> legs = new ArrayList<>(n);
        for (int k = 0; k < n; k++)
        {
            final int account = in.int32();
            final int instrument = in.int32();
            final String side = in.text();
            legs.add(new JournalEntry.Leg(account, instrument, side.isEmpty() ? null : Side.valueOf(side), in.int64(),
                in.float64()));
        }
        return legs;
    }

    private static JournalEntry.Verdict readVerdict(final ValueIn in)
    {
        final long groupId = in.int64();
        final long evaluatedAtMs = in.int64();
        final List<JournalEntry.Leg> legs = readLegs(in);
        final boolean approved = in.bool();
        final GateReason reason = GateReason.valueOf(in.text());
        final int offendingLeg = in.int32();
        final int offendingAccount = in.int32();
        final boolean riskReducing = in.bool();
        final boolean projected = in.bool();
        final int subsetCount = in.int32();
        final int n = count(in.int32(), "verdict accounts");
        final List<JournalEntry.AccountProjection> accounts = new ArrayList<>(n);
        for (int k = 0; k < n; k++)
        {
            accounts.add(new JournalEntry.AccountProjection(in.int32(), in.float64(), in.float64(), in.int32(),
                in.int32(), in.float64(), in.float64(), in.float64(), in.float64()));
        }
        return new JournalEntry.Verdict(groupId, evaluatedAtMs, legs, approved, reason, offendingLeg, offendingAccount,
            riskReducing, projected, subsetCount, accounts);
    }

    private static JournalEntry.Report readReport(final ValueIn in)
    {
        final int accountId = in.int32();
        final ClientOrderId id = readClientOrderId(in);
        final String venueOrderId = in.text();
        final String venueCode = in.text();
        final String nativeName = in.text();
        final ExecType type = ExecType.valueOf(in.text());
        final long price = in.int64();
        final long amount = in.int64();
        final long lastPrice = in.int64();
        final long lastLots = in.int64();
        final long cum = in.int64();
        final String reject = in.text();
        return new JournalEntry.Report(accountId, id, venueOrderId.isEmpty() ? null : venueOrderId, venueCode,
            nativeName, type, price, amount, lastPrice, lastLots, cum, reject.isEmpty() ? null : RejectReason.valueOf(reject),
            in.text(), in.int64());
    }

    private static ClientOrderId readClientOrderId(final ValueIn in)
    {
        return new ClientOrderId(in.int64(), in.int32(), in.int32());
    }

    private static int count(final int n, final String what)
    {
        if (n < 0 || n > JournalFormat.MAX_LIST_LENGTH)
        {
            throw new IllegalArgumentException("record lists " + n + " " + what + ", outside 0.."
                + JournalFormat.MAX_LIST_LENGTH + ": the record is damaged");
        }
        return n;
    }
}
