package io.deltahedger.hedger.execution;

import io.deltahedger.venues.Side;

/**
 * One leg of an ended group.
 *
 * @param leg              the leg index (the client order id's leg)
 * @param accountId        margin-book account id
 * @param instrumentId     margin-book instrument id
 * @param side             the leg's side (compensation traded the other side)
 * @param wantedLots       lots the leg was finally asked for (planned, plus lots re-routed to it, minus lots
 *                         re-routed away)
 * @param sentLots         lots of the leg's orders the gateway took (forward and compensation)
 * @param ackedLots        lots of the leg's orders the venue acknowledged
 * @param filledLots       lots filled on the leg's side
 * @param averagePrice     the average fill price in the instrument's quote currency (NaN when nothing filled)
 * @param reversedLots     lots reversed by compensation
 * @param attempts         orders sent for the leg (client order ids {@code (group, leg, 0..attempts-1)})
 */
public record LegOutcome(
    int leg,
    int accountId,
    int instrumentId,
    Side side,
    long wantedLots,
    long sentLots,
    long ackedLots,
    long filledLots,
    double averagePrice,
    long reversedLots,
    int attempts)
{
    public LegOutcome
    {
        if (side == null || wantedLots < 0 || sentLots < 0 || ackedLots < 0 || filledLots < 0 || reversedLots < 0
            || reversedLots > filledLots || attempts < 0)
        {
            throw new IllegalArgumentException("leg outcome needs a side and 0 <= reversed <= filled lots, was " + side
                + ", filled " + filledLots + ", reversed " + reversedLots + ", attempts " + attempts);
        }
    }

    /** Signed lots the leg leaves on the account: (filled - reversed), positive for a buy. */
    public long netSignedLots()
    {
        return side.sign() * (filledLots - reversedLots);
    }
}
