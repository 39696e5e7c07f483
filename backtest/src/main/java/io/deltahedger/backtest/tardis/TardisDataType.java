package io.deltahedger.backtest.tardis;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Tardis CSV data types this package reads, each recognised by its exact header line (docs.tardis.dev,
 * "Downloadable CSV files: data types"; the columns are listed in ../shared/reference/venues.md section 4.2).
 */
public enum TardisDataType
{
    /** Option quotes, marks, IVs (percent), the venue's Greeks and the underlying price: one TICKER per row. */
    OPTIONS_CHAIN("exchange,symbol,timestamp,local_timestamp,type,strike_price,expiration,open_interest,last_price,"
        + "bid_price,bid_amount,bid_iv,ask_price,ask_amount,ask_iv,mark_price,mark_iv,underlying_index,"
        + "underlying_price,delta,gamma,vega,theta,rho"),
    /** Incremental L2 updates: rows of one symbol and local timestamp form one BOOK_SNAPSHOT or BOOK_CHANGE. */
    INCREMENTAL_BOOK_L2("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount"),
    /** Top-25 snapshots: one BOOK_SNAPSHOT per row. */
    BOOK_SNAPSHOT_25(snapshotHeader(25)),
    /** Top-5 snapshots: one BOOK_SNAPSHOT per row. */
    BOOK_SNAPSHOT_5(snapshotHeader(5)),
    /** Public trades: one TRADES event of one trade per row. */
    TRADES("exchange,symbol,timestamp,local_timestamp,id,side,price,amount"),
    /** Perpetual and future tickers (funding, index, mark, open interest, last): one TICKER per row. */
    DERIVATIVE_TICKER("exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,"
        + "predicted_funding_rate,open_interest,last_price,index_price,mark_price");

    private static final TardisDataType[] VALUES = values();

    private final String header;
    private final byte[] headerBytes;
    private final String[] columns;

    TardisDataType(final String header)
    {
        this.header = header;
        this.headerBytes = header.getBytes(StandardCharsets.US_ASCII);
        this.columns = header.split(",");
    }

    private static String snapshotHeader(final int levels)
    {
        final StringBuilder sb = new StringBuilder("exchange,symbol,timestamp,local_timestamp");
        for (int i = 0; i < levels; i++)
        {
            sb.append(",asks[").append(i).append("].price,asks[").append(i).append("].amount,bids[")
                .append(i).append("].price,bids[").append(i).append("].amount");
        }
        return sb.toString();
    }

    /** The exact header line, without the newline. */
    public String header()
    {
        return header;
    }

    /** The number of columns of every row. */
    public int columnCount()
    {
        return columns.length;
    }

    /** The name of a column (for messages). */
    public String column(final int index)
    {
        return columns[index];
    }

    /** Book levels per side of a snapshot type, 0 for the others. */
    public int snapshotLevels()
    {
        return this == BOOK_SNAPSHOT_25 ? 25 : this == BOOK_SNAPSHOT_5 ? 5 : 0;
    }

    /** The type whose header is exactly {@code buf[from, to)}, or null. */
    static TardisDataType ofHeader(final byte[] buf, final int from, final int to)
    {
        for (final TardisDataType type : VALUES)
        {
            if (Arrays.equals(buf, from, to, type.headerBytes, 0, type.headerBytes.length))
            {
                return type;
            }
        }
        return null;
    }
}
