package io.deltahedger.venues.deribit;

import java.nio.charset.StandardCharsets;

/** Deribit subscription frames shaped like the documented examples (docs.deribit.com, venues.md 1.4). */
final class DeribitFrames {
    private DeribitFrames() {
    }

    static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A BTC-PERPETUAL 100ms snapshot: 3 bids, 3 asks, change_id 297217. */
    static final String BOOK_SNAPSHOT = "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
        + "\"book.BTC-PERPETUAL.100ms\",\"data\":{\"type\":\"snapshot\",\"timestamp\":1554373962454,"
        + "\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":297217,"
        + "\"bids\":[[\"new\",60000.5,30],[\"new\",60000.0,20],[\"new\",59999.5,1000]],"
        + "\"asks\":[[\"new\",60001.0,40],[\"new\",60002.5,40],[\"new\",60010.0,12340]]}}}";

    /** The documented change layout (data before channel, method last): deletes a bid, changes an ask. */
    static final String BOOK_CHANGE = "{\"params\":{\"data\":{\"type\":\"change\",\"timestamp\":1554373911330,"
        + "\"prev_change_id\":297217,\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":297218,"
        + "\"bids\":[[\"delete\",60000.5,0],[\"change\",60000.0,50]],\"asks\":[[\"new\",60000.5,10]]},"
        + "\"channel\":\"book.BTC-PERPETUAL.100ms\"},\"method\":\"subscription\",\"jsonrpc\":\"2.0\"}";

    /** A change frame for BTC-PERPETUAL with the given ids and one bid level. */
    static String change(final long prev, final long id, final String bidLevel) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.100ms\","
            + "\"data\":{\"type\":\"change\",\"timestamp\":1554373911999,\"prev_change_id\":" + prev
            + ",\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":" + id + ",\"bids\":[" + bidLevel + "],\"asks\":[]}}}";
    }

    static final String OPTION_TICKER = "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
        + "\"ticker.BTC-27DEC24-60000-C.100ms\",\"data\":{\"timestamp\":1623060194301,\"stats\":{\"volume_usd\":1234.5,"
        + "\"volume\":0.5,\"price_change\":-2.1,\"low\":0.05,\"high\":0.06},\"state\":\"open\",\"settlement_price\":0.0535,"
        + "\"open_interest\":120.3,\"min_price\":0.0275,\"max_price\":0.0935,\"mark_price\":0.05560436,\"mark_iv\":62.89,"
        + "\"last_price\":0.0555,\"interest_rate\":0,\"instrument_name\":\"BTC-27DEC24-60000-C\",\"index_price\":61234.56,"
        + "\"greeks\":{\"vega\":120.5034,\"theta\":-45.8623,\"rho\":30.1,\"gamma\":0.00002,\"delta\":0.56321},"
        + "\"estimated_delivery_price\":61234.56,\"bid_iv\":61.5,\"best_bid_price\":0.055,\"best_bid_amount\":12.3,"
        + "\"best_ask_price\":0.056,\"best_ask_amount\":8.0,\"ask_iv\":64.1,\"underlying_price\":61800.12,"
        + "\"underlying_index\":\"BTC-27DEC24\"}}}";

    static final String PERPETUAL_TICKER = "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
        + "\"ticker.BTC-PERPETUAL.100ms\",\"data\":{\"timestamp\":1623060194301,\"state\":\"open\","
        + "\"settlement_price\":60011.2,\"open_interest\":501234560,\"min_price\":59100.0,\"max_price\":60900.5,"
        + "\"mark_price\":60000.71,\"last_price\":60000.5,\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":59990.12,"
        + "\"funding_8h\":0.00011,\"current_funding\":-1.5e-05,\"estimated_delivery_price\":59990.12,"
        + "\"best_bid_price\":60000.5,\"best_bid_amount\":30,\"best_ask_price\":60001.0,\"best_ask_amount\":40,"
        + "\"last_price\":null,\"stats\":{\"volume\":1000.1}}}}";

    static final String TRADES = "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":"
        + "\"trades.BTC-PERPETUAL.100ms\",\"data\":[{\"trade_seq\":30289432,\"trade_id\":\"48079254\","
        + "\"timestamp\":1590484156350,\"tick_direction\":0,\"price\":60000.5,\"mark_price\":60000.71,"
        + "\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":59990.12,\"direction\":\"sell\",\"amount\":10.0},"
        + "{\"trade_seq\":30289433,\"trade_id\":\"48079255\",\"timestamp\":1590484156351,\"tick_direction\":1,"
        + "\"price\":60001.0,\"mark_price\":60000.71,\"instrument_name\":\"BTC-PERPETUAL\",\"index_price\":59990.12,"
        + "\"direction\":\"buy\",\"amount\":120}]}}";

    static final String HEARTBEAT = "{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"type\":\"test_request\"}}";

    static final String SUBSCRIBE_RESPONSE = "{\"jsonrpc\":\"2.0\",\"id\":42,\"result\":[\"book.BTC-PERPETUAL.100ms\"],"
        + "\"usIn\":1590484156350000,\"usOut\":1590484156350100,\"usDiff\":100,\"testnet\":true}";
}
