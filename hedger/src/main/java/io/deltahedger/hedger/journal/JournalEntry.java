package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.gate.GateReason;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.OrderType;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.TimeInForce;

import java.util.List;
import java.util.Objects;

/**
 * The decoded payload of one journal record, one nested record per {@link RecordType}. Decoding allocates: it is for
 * readers (verification, recovery, tools), never the writer's hot path. Ids are margin-book ids (accounts,
 * instruments); instruments named by venue are {@code venueCode:nativeName} split in two.
 */
public sealed interface JournalEntry
{
    /** The record type this payload belongs to. */
    RecordType type();

    /** HEADER: starts an engine session. */
    record Header(int formatVersion, String signerAddress, JournalHeader header) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.HEADER;
        }
    }

    /**
     * MARKET: the values the margin book received for one instrument; {@code fields} says which are present
     * ({@link #HAS_MARK}, {@link #HAS_VOLATILITY}, {@link #HAS_INDEX}); absent values are stored as 0. Values are
     * stored exactly as received, invalid ones included, so a replay reproduces what the gate saw.
     */
    record Market(int instrumentId, int fields, double mark, double volatility, double index) implements JournalEntry
    {
        public static final int HAS_MARK = 1;
        public static final int HAS_VOLATILITY = 2;
        public static final int HAS_INDEX = 4;

        public RecordType type()
        {
            return RecordType.MARKET;
        }

        public boolean has(final int field)
        {
            return (fields & field) != 0;
        }
    }

    /**
     * MARKET_DATA: one market-data event exactly as the pipeline received it (its {@code instrumentIndex} is the
     * margin-book instrument id), for tools. The record holds its own copy and {@link #event()} hands out another, so
     * it stays immutable; equality compares every field, doubles bit for bit. A replay decodes into its own event
     * with {@link JournalReader#readMarketData} instead, which allocates nothing.
     */
    record MarketData(MarketDataEvent event) implements JournalEntry
    {
        public MarketData
        {
            event = MarketDataCodec.copyOf(Objects.requireNonNull(event, "event"));
        }

        public RecordType type()
        {
            return RecordType.MARKET_DATA;
        }

        /** A copy of the recorded event (allocates). */
        @Override
        public MarketDataEvent event()
        {
            return MarketDataCodec.copyOf(event);
        }

        /** Makes {@code target} an exact copy of the recorded event (allocation-free once its buffers are large enough). */
        public void copyTo(final MarketDataEvent target)
        {
            target.copyFrom(event);
        }

        /** The margin-book instrument id. */
        public int instrumentId()
        {
            return event.instrumentIndex();
        }

        public MarketDataType marketDataType()
        {
            return event.type();
        }

        @Override
        public boolean equals(final Object other)
        {
            return other instanceof MarketData m && MarketDataCodec.same(event, m.event);
        }

        @Override
        public int hashCode()
        {
            return Objects.hash(event.instrumentIndex(), event.type(), event.venueTimestampMs(), event.sequence(),
                event.presentFields(), event.bids().count(), event.asks().count(), event.trades().count());
        }

        @Override
        public String toString()
        {
            return MarketDataCodec.describe(event);
        }
    }

    /** One position of an ACCOUNT record. */
    record PositionEntry(
        String venueCode,
        String nativeName,
        long sizeLots,
        double averagePrice,
        double markPrice,
        double initialMargin,
        double maintenanceMargin,
        double unrealizedPnl,
        double estimatedLiquidationPrice)
    {
    }

    /** ACCOUNT: an account snapshot as the margin book received it (account currency amounts). */
    record Account(
        int accountId,
        long snapshotMs,
        double balance,
        double equity,
        double availableFunds,
        double initialMargin,
        double maintenanceMargin,
        List<PositionEntry> positions) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.ACCOUNT;
        }
    }

    /** One leg of a group: margin-book ids, side, unsigned lots, limit price in the instrument's quote currency. */
    record Leg(int accountId, int instrumentId, Side side, long lots, double limitPrice)
    {
    }

    /** GROUP: a trading decision. */
    record Group(long groupId, int underlying, List<Leg> legs) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.GROUP;
        }
    }

    /** The projection for one account in a VERDICT (see {@code GateVerdict}). */
    record AccountProjection(
        int accountId,
        double reportedRatio,
        double worstRatio,
        int worstSubset,
        int worstScenario,
        double worstSpotMove,
        double worstVolShift,
        double projectedMaintenanceMargin,
        double projectedEquity)
    {
    }

    /** VERDICT: the margin gate's answer for a group's legs evaluated at {@code evaluatedAtMs}. */
    record Verdict(
        long groupId,
        long evaluatedAtMs,
        List<Leg> legs,
        boolean approved,
        GateReason reason,
        int offendingLeg,
        int offendingAccount,
        boolean riskReducing,
        boolean projected,
        int subsetCount,
        List<AccountProjection> accounts) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.VERDICT;
        }
    }

    /** ORDER: a new order sent on an account. */
    record Order(
        int accountId,
        ClientOrderId clientOrderId,
        String venueCode,
        String nativeName,
        Side side,
        OrderType orderType,
        TimeInForce timeInForce,
        long priceTicks,
        long amountLots,
        boolean postOnly,
        boolean reduceOnly) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.ORDER;
        }
    }

    /** REPORT: an execution report received on an account; {@code venueOrderId} and {@code rejectReason} may be null. */
    record Report(
        int accountId,
        ClientOrderId clientOrderId,
        String venueOrderId,
        String venueCode,
        String nativeName,
        ExecType execType,
        long priceTicks,
        long amountLots,
        long lastFillPriceTicks,
        long lastFillLots,
        long cumFilledLots,
        RejectReason rejectReason,
        String text,
        long venueTimestampMs) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.REPORT;
        }
    }

    /** CONTROL: an engine command and who asked; {@code detail} may be empty. */
    record Control(String action, String actor, String detail) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.CONTROL;
        }
    }

    /** GROUP_DONE: a group ended in {@code state}. */
    record GroupDone(long groupId, String state) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.GROUP_DONE;
        }
    }

    /**
     * CHAIN_SIGNATURE: {@code signature} ({@code r || s || v}) by {@code signerAddress} over {@code headHash}, the
     * chain head after record {@code coversSeq}.
     */
    record ChainSignature(long coversSeq, byte[] headHash, String signerAddress, byte[] signature) implements JournalEntry
    {
        public RecordType type()
        {
            return RecordType.CHAIN_SIGNATURE;
        }
    }
}
