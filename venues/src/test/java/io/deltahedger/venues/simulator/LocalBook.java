package io.deltahedger.venues.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a client keeps: an L2 book rebuilt from Deribit {@code book.*} notifications, checking the change-id chain.
 */
final class LocalBook
{
    final TreeMap<Double, Double> bids = new TreeMap<>();
    final TreeMap<Double, Double> asks = new TreeMap<>();
    long changeId = -1;
    int gaps;

    /**
     * Applies one notification's data.
     *
     * @return false if it broke the chain (prev_change_id differs from the last change_id).
     */
    boolean apply(final JsonNode data)
    {
        boolean chained = true;
        if ("snapshot".equals(data.get("type").asText()))
        {
            bids.clear();
            asks.clear();
        }
        else if (data.get("prev_change_id").asLong() != changeId)
        {
            gaps++;
            chained = false;
        }
        side(data.get("bids"), bids);
        side(data.get("asks"), asks);
        changeId = data.get("change_id").asLong();
        return chained;
    }

    private static void side(final JsonNode levels, final Map<Double, Double> side)
    {
        for (final JsonNode level : levels)
        {
            final String action = level.get(0).asText();
            final double price = level.get(1).asDouble();
            if ("delete".equals(action))
            {
                side.remove(price);
            }
            else
            {
                side.put(price, level.get(2).asDouble());
            }
        }
    }
}
