package io.deltahedger.hedger.journal;

/**
 * The kinds of journal record. The {@link #code()} is what the file holds (one byte after the sequence number), so
 * codes are never renumbered; a new kind takes a new code.
 */
public enum RecordType
{
    /** Starts an engine session: agent id, format version, signer address, margin-book setup and gate config. */
    HEADER(1),
    /** Market data as the margin book received it: mark, volatility and/or index of one instrument. */
    MARKET(2),
    /** A venue account snapshot as the margin book received it. */
    ACCOUNT(3),
    /** A trading decision: a rebalancing group's id, underlying and legs. */
    GROUP(4),
    /** A margin-gate verdict: the legs, the evaluation time, approved or not, the reason and the projected numbers. */
    VERDICT(5),
    /** An order sent to a venue account. */
    ORDER(6),
    /** An execution report from a venue account. */
    REPORT(7),
    /** An engine command (pause, resume, flatten, kill, ...) with the actor who asked. */
    CONTROL(8),
    /** A rebalancing group ended, with its final state. */
    GROUP_DONE(9),
    /** A secp256k1 signature of the chain's head hash, with the signer's address. */
    CHAIN_SIGNATURE(10),
    /**
     * One market-data event exactly as the pipeline received it (book snapshot or change, ticker, trades, ...), so a
     * journal can be replayed through the pipeline. Format version 2 and later.
     */
    MARKET_DATA(11);

    private static final RecordType[] BY_CODE = new RecordType[16];

    static
    {
        for (final RecordType type : values())
        {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    RecordType(final int code)
    {
        this.code = code;
    }

    /** The byte written to the file. */
    public int code()
    {
        return code;
    }

    /** The type of a code read from a file, or null if the code is unknown (a corrupt or newer record). */
    public static RecordType ofCode(final int code)
    {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
