package io.deltahedger.venues.simulator.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PositionTest
{
    @Test
    void addingAveragesTheEntryHarmonicallyAsInverseContractsDo()
    {
        final Position position = new Position(10.0);
        position.applyFill(true, 100, 50_000);
        position.applyFill(true, 100, 60_000);
        // 2,000 USD bought for 1000/50000 + 1000/60000 coin
        assertEquals(2_000 / (1_000 / 50_000.0 + 1_000 / 60_000.0), position.averagePrice(), 1e-9);
        assertEquals(2_000.0, position.sizeUsd());
    }

    @Test
    void closingRealisesSizeTimesTheDifferenceOfReciprocals()
    {
        final Position position = new Position(10.0);
        position.applyFill(false, 100, 50_000);
        final double realized = position.applyFill(true, 40, 40_000);
        assertEquals(-400 * (1 / 50_000.0 - 1 / 40_000.0), realized, 1e-15);
        assertEquals(-600.0, position.sizeUsd());
        assertEquals(50_000.0, position.averagePrice());
    }

    @Test
    void flippingClosesTheOldSideAndOpensTheNewAtTheFillPrice()
    {
        final Position position = new Position(10.0);
        position.applyFill(true, 10, 50_000);
        final double realized = position.applyFill(false, 30, 55_000);
        assertEquals(100 * (1 / 50_000.0 - 1 / 55_000.0), realized, 1e-15);
        assertEquals(-200.0, position.sizeUsd());
        assertEquals(55_000.0, position.averagePrice());
        assertEquals(-200 * (1 / 55_000.0 - 1 / 50_000.0), position.floatingPnl(50_000), 1e-15);
    }

    @Test
    void anOptionPositionAveragesArithmeticallyAndRealisesTheCoinPriceDifference()
    {
        final Position position = new Position(0.1, true);
        position.applyFill(true, 10, 0.05);
        position.applyFill(true, 30, 0.06);
        assertEquals((1.0 * 0.05 + 3.0 * 0.06) / 4.0, position.averagePrice(), 1e-15);
        assertEquals(4.0, position.size(), 1e-12);
        final double realized = position.applyFill(false, 20, 0.07);
        assertEquals(2.0 * (0.07 - 0.0575), realized, 1e-15);
        assertEquals(2.0 * (0.04 - 0.0575), position.floatingPnl(0.04), 1e-15);
        assertEquals(2.0 * (0.1 - 0.0575), position.settle(0.1), 1e-15);
        assertEquals(0, position.sizeLots());
    }
}
