package io.deltahedger.venues.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Realistic BTC-PERPETUAL {@code book.BTC-PERPETUAL.100ms} frames for benchmarks and allocation tests: a 100-level
 * snapshot a side around 60000 USD (tick 0.5, amounts in 10 USD lots) and a chain of change frames (2 to 5 levels
 * each: size changes, deletes and new levels near the top) whose change ids chain on the snapshot's, and which never
 * cross the book (bids stay below 60000, asks above). Seeded, so every run sees the same frames.
 */
public final class BookChangeFrames {
    /** The snapshot's change id; change i has prev_change_id FIRST_ID + i. */
    public static final long FIRST_ID = 68_104_535_001L;

    public final byte[] snapshot;
    public final byte[][] changes;

    public BookChangeFrames(final int changeCount, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        // Prices in ticks of 0.5 USD: mid 60000 USD = 120000 ticks.
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();
        for (int i = 1; i <= 100; i++) {
            bids.put(120_000L - i, 1L + random.nextInt(500));
            asks.put(120_000L + i, 1L + random.nextInt(500));
        }
        long timestamp = 1_732_160_000_000L;
        snapshot = ascii(frame("snapshot", timestamp, FIRST_ID, -1, levels(bids, "new", true), levels(asks, "new", false)));
        changes = new byte[changeCount][];
        long id = FIRST_ID;
        for (int c = 0; c < changeCount; c++) {
            final StringBuilder bidPart = new StringBuilder();
            final StringBuilder askPart = new StringBuilder();
            final int n = 2 + random.nextInt(4);
            for (int k = 0; k < n; k++) {
                final boolean bid = random.nextBoolean();
                final TreeMap<Long, Long> side = bid ? bids : asks;
                final long price = bid ? 120_000L - 1 - random.nextInt(20) : 120_000L + 1 + random.nextInt(20);
                final StringBuilder out = bid ? bidPart : askPart;
                if (out.indexOf("," + price / 2 + (price % 2 == 0 ? ".0," : ".5,")) >= 0) {
                    continue;
                }
                final String action;
                long size = 1L + random.nextInt(500);
                if (side.containsKey(price)) {
                    if (random.nextInt(4) == 0 && side.size() > 90) {
                        action = "delete";
                        size = 0;
                        side.remove(price);
                    } else {
                        action = "change";
                        side.put(price, size);
                    }
                } else {
                    action = "new";
                    side.put(price, size);
                }
                out.append(out.length() == 0 ? "" : ",").append(level(action, price, size));
            }
            timestamp += 100;
            changes[c] = ascii(frame("change", timestamp, id + 1, id, bidPart.toString(), askPart.toString()));
            id++;
        }
    }

    private static String levels(final TreeMap<Long, Long> side, final String action, final boolean descending) {
        final List<String> out = new ArrayList<>();
        for (final Long price : descending ? side.descendingKeySet() : side.keySet()) {
            out.add(level(action, price, side.get(price)));
        }
        return String.join(",", out);
    }

    private static String level(final String action, final long priceTicks, final long lots) {
        return "[\"" + action + "\"," + priceTicks / 2 + (priceTicks % 2 == 0 ? ".0" : ".5") + "," + lots * 10 + ".0]";
    }

    private static String frame(final String type, final long timestamp, final long changeId, final long prev,
                                final String bids, final String asks) {
        return "{\"jsonrpc\":\"2.0\",\"method\":\"subscription\",\"params\":{\"channel\":\"book.BTC-PERPETUAL.100ms\","
            + "\"data\":{\"type\":\"" + type + "\",\"timestamp\":" + timestamp + ","
            + (prev >= 0 ? "\"prev_change_id\":" + prev + "," : "")
            + "\"instrument_name\":\"BTC-PERPETUAL\",\"change_id\":" + changeId + ",\"bids\":[" + bids + "],\"asks\":["
            + asks + "]}}}";
    }

    private static byte[] ascii(final String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
