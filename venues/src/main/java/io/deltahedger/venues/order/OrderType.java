package io.deltahedger.venues.order;

/** Limit or market. Stop and take-profit orders are not part of the hedger's vocabulary. */
public enum OrderType {
    LIMIT,
    MARKET
}
