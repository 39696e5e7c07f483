package io.deltahedger.venues.simulator.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Deribit standard margin of coin-settled options (venues.md 1.11), per the formulas, on hand-worked numbers. */
class OptionMarginTest
{
    private static final double F = 60_000;

    @Test
    void aLongOptionNeedsOnlyItsPremiumAndNoMaintenance()
    {
        assertEquals(2 * 0.05, OptionMargin.initial(true, 2.0, 0.05, F, 70_000), 1e-15);
        assertEquals(0.0, OptionMargin.maintenance(false, 2.0, 0.05));
    }

    @Test
    void aShortOutOfTheMoneyCallNeedsFifteenPercentLessTheOtmShareButAtLeastTenPercentPlusTheMark()
    {
        // OTM 6,000 / 60,000 = 0.10 -> max(0.15 - 0.10, 0.1) = 0.1
        assertEquals(3 * (0.1 + 0.01), OptionMargin.initial(true, -3.0, 0.01, F, 66_000), 1e-12);
        // OTM 1,200 / 60,000 = 0.02 -> 0.13
        assertEquals(0.13 + 0.02, OptionMargin.initial(true, -1.0, 0.02, F, 61_200), 1e-12);
        // in the money: OTM 0 -> 0.15
        assertEquals(0.15 + 0.2, OptionMargin.initial(true, -1.0, 0.2, F, 48_000), 1e-12);
        assertEquals(3 * (0.075 + 0.01), OptionMargin.maintenance(true, -3.0, 0.01), 1e-12);
    }

    @Test
    void aShortPutsInitialMarginIsAtLeastItsMaintenanceMargin()
    {
        // OTM 3,000 / 60,000 = 0.05 -> 0.1 + mark
        assertEquals(0.1 + 0.004, OptionMargin.initial(false, -1.0, 0.004, F, 57_000), 1e-12);
        assertEquals(0.075 + 0.004, OptionMargin.maintenance(false, -1.0, 0.004), 1e-12);
        // The max only binds for a mark above 4/3 coin with the IM at its 0.1 floor (an artificial input here, to
        // exercise the rule): MM = 0.075 x 2 + 2 = 2.15 exceeds 0.1 + 2, so the IM is raised to the MM.
        final double mark = 2.0;
        final double mm = 0.075 * mark + mark;
        assertEquals(mm, OptionMargin.maintenance(false, -1.0, mark), 1e-12);
        assertEquals(mm, OptionMargin.initial(false, -1.0, mark, F, 30_000), 1e-12);
        assertEquals(0.15 + 1.5, OptionMargin.initial(false, -1.0, 1.5, F, 150_000), 1e-12, "ITM: 15 % + mark");
    }
}
