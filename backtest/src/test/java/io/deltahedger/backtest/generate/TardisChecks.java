package io.deltahedger.backtest.generate;

import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a generated file against the Tardis formats of the venues reference (section 4.2), written out here
 * independently of the generator's constants, and against the market's own consistency rules.
 */
final class TardisChecks
{
    static final String[] OPTIONS_CHAIN = ("exchange,symbol,timestamp,local_timestamp,type,strike_price,expiration,"
        + "open_interest,last_price,bid_price,bid_amount,bid_iv,ask_price,ask_amount,ask_iv,mark_price,mark_iv,"
        + "underlying_index,underlying_price,delta,gamma,vega,theta,rho").split(",");
    static final String[] DERIVATIVE_TICKER = ("exchange,symbol,timestamp,local_timestamp,funding_timestamp,"
        + "funding_rate,predicted_funding_rate,open_interest,last_price,index_price,mark_price").split(",");
    static final String[] TRADES = "exchange,symbol,timestamp,local_timestamp,id,side,price,amount".split(",");
    static final String[] BOOK_SNAPSHOT_25 = bookHeader();
    static final String[] INCREMENTAL_BOOK_L2 =
        "exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount".split(",");

    private TardisChecks()
    {
    }

    private static String[] bookHeader()
    {
        final String[] header = new String[4 + 100];
        header[0] = "exchange";
        header[1] = "symbol";
        header[2] = "timestamp";
        header[3] = "local_timestamp";
        for (int i = 0; i < 25; i++)
        {
            header[4 + 4 * i] = "asks[" + i + "].price";
            header[5 + 4 * i] = "asks[" + i + "].amount";
            header[6 + 4 * i] = "bids[" + i + "].price";
            header[7 + 4 * i] = "bids[" + i + "].amount";
        }
        return header;
    }

    /** Common rules: header, column count, exchange, ordering by local timestamp, timestamps inside the day. */
    static void common(final TardisFiles file, final String[] header, final LocalDate day)
    {
        assertArrayEquals(header, file.header());
        assertTrue(file.rows().size() > 0, "rows");
        final long dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() * 1_000L;
        long lastLocal = Long.MIN_VALUE;
        for (final String[] row : file.rows())
        {
            assertEquals(header.length, row.length, String.join(",", row));
            assertEquals("deribit", row[0]);
            final long timestamp = Long.parseLong(row[2]);
            final long local = Long.parseLong(row[3]);
            assertTrue(local >= lastLocal, "ordered by local_timestamp: " + String.join(",", row));
            assertTrue(local >= timestamp && local - timestamp < 100_000, "latency under 100 ms: " + row[2]);
            assertTrue(local >= dayStart && local < dayStart + 86_400_000_000L, "local_timestamp inside " + day);
            lastLocal = local;
        }
    }

    /** Each option row is priced at its mark IV on its forward, with bid &lt; mark &lt; ask and consistent IVs. */
    static void optionsChain(final TardisFiles file)
    {
        final OptionGreeks greeks = new OptionGreeks();
        for (final String[] row : file.rows())
        {
            final String where = String.join(",", row);
            final OptionType type = row[4].equals("call") ? OptionType.CALL : OptionType.PUT;
            assertTrue(row[1].endsWith(type == OptionType.CALL ? "-C" : "-P"), where);
            final double strike = Double.parseDouble(row[5]);
            final long timestamp = Long.parseLong(row[2]);
            final long expiration = Long.parseLong(row[6]);
            assertTrue(expiration > timestamp, "no expired option in the chain: " + where);
            assertEquals(8L * 3_600_000_000L, Math.floorMod(expiration, 86_400_000_000L), "expiry at 08:00 UTC");
            final double years = (expiration - timestamp) / (365.0 * 86_400_000_000.0);
            final double forward = Double.parseDouble(row[18]);
            final double markVol = Double.parseDouble(row[16]) / 100.0;
            final double mark = Double.parseDouble(row[15]);
            InverseOptionPricer.DEFAULT.price(type, forward, strike, years, markVol, 0.0, greeks);
            // mark_iv is printed to 0.01 vol point: the price agrees within half that much vega (coin), plus rounding.
            final double vegaCoin = greeks.vega() / forward;
            assertEquals(greeks.price(), mark, vegaCoin * 0.00005 + 1e-8 + 1e-3 * greeks.price(), where);
            assertEquals(greeks.delta(), Double.parseDouble(row[19]), 0.001, "delta " + where);
            assertEquals(greeks.vegaPerVolPoint(), Double.parseDouble(row[21]),
                0.01 * Math.abs(greeks.vegaPerVolPoint()) + 1e-4, "vega per vol point " + where);
            final double ask = Double.parseDouble(row[12]);
            assertTrue(ask > mark, "ask above mark: " + where);
            assertTrue(Math.abs(ask * 1e4 - Math.rint(ask * 1e4)) < 1e-6, "ask on the 0.0001 grid: " + where);
            if (!row[9].isEmpty())
            {
                final double bid = Double.parseDouble(row[9]);
                assertTrue(bid < mark && bid > 0, "0 < bid < mark: " + where);
                assertTrue(Double.parseDouble(row[11]) < Double.parseDouble(row[16]), "bid_iv < mark_iv: " + where);
            }
            if (!row[14].isEmpty())
            {
                assertTrue(Double.parseDouble(row[14]) > Double.parseDouble(row[16]), "ask_iv > mark_iv: " + where);
            }
            assertTrue(row[17].startsWith("SYN."), where);
            assertEquals("", row[8], "no option trades, so no last_price");
        }
    }

    /** Books: asks rising, bids falling, not crossed, on the tick grid, amounts whole 10 USD contracts. */
    static void book(final TardisFiles file, final double tick)
    {
        for (final String[] row : file.rows())
        {
            double previousAsk = 0;
            double previousBid = Double.MAX_VALUE;
            for (int level = 0; level < 25; level++)
            {
                final double ask = Double.parseDouble(row[4 + 4 * level]);
                final double askAmount = Double.parseDouble(row[5 + 4 * level]);
                final double bid = Double.parseDouble(row[6 + 4 * level]);
                final double bidAmount = Double.parseDouble(row[7 + 4 * level]);
                assertTrue(ask > previousAsk && bid < previousBid, "levels ordered: " + String.join(",", row));
                assertEquals(0.0, Math.IEEEremainder(ask, tick), 1e-9, "ask on tick");
                assertEquals(0.0, Math.IEEEremainder(bid, tick), 1e-9, "bid on tick");
                assertTrue(askAmount >= 10 && askAmount % 10 == 0 && bidAmount >= 10 && bidAmount % 10 == 0);
                previousAsk = ask;
                previousBid = bid;
            }
            assertTrue(Double.parseDouble(row[6]) < Double.parseDouble(row[4]), "not crossed");
        }
    }

    /** Ticker: mark near the index, funding by the dead-band formula on the mark's premium. */
    static void ticker(final TardisFiles file)
    {
        for (final String[] row : file.rows())
        {
            final double index = Double.parseDouble(row[9]);
            final double mark = Double.parseDouble(row[10]);
            final double premium = mark / index - 1;
            assertTrue(Math.abs(premium) < 0.01, "mark within 1% of the index: " + String.join(",", row));
            final double funding = Math.max(0.0005, premium) + Math.min(-0.0005, premium);
            assertEquals(funding, Double.parseDouble(row[5]), 2e-6, "funding " + String.join(",", row));
            assertTrue(Double.parseDouble(row[8]) > 0, "last price");
        }
    }

    /** Trades: increasing ids, buy or sell, on the tick grid, whole contracts. */
    static void trades(final TardisFiles file, final double tick)
    {
        long lastId = 0;
        for (final String[] row : file.rows())
        {
            final long id = Long.parseLong(row[4]);
            assertTrue(id > lastId);
            lastId = id;
            assertTrue(row[5].equals("buy") || row[5].equals("sell"), row[5]);
            assertEquals(0.0, Math.IEEEremainder(Double.parseDouble(row[6]), tick), 1e-9, "price on tick");
            final double amount = Double.parseDouble(row[7]);
            assertTrue(amount >= 10 && amount % 10 == 0, "amount " + amount);
        }
    }
}
