package io.deltahedger.marginmonitor.monitor;

import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginModel;
import io.deltahedger.venues.Side;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded random books above the de-risking trigger: the plan checked against a naive recomputation. */
class MarginMonitorPropertyTest {

    @Property(seed = "99", tries = 200)
    void deRiskIntentsAreReduceOnlyAndBringTheRatioUnderTheTarget(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed) {
        final MarginMonitorTest t = new MarginMonitorTest();
        t.setUp();
        final var book = t.book;
        final var monitor = t.monitor;
        final int account = t.account;
        final SplittableRandom random = new SplittableRandom(seed);
        final long[] lots = {
            random.nextLong(-50_000, 50_000), random.nextLong(-500, 500), random.nextLong(-500, 500)};
        final MarginModel model = DeribitStandardMarginModel.btc();
        double modelMm = 0;
        for (int i = 0; i < lots.length; i++) {
            modelMm += model.maintenanceMargin(book.instrument(i), lots[i] * book.instrument(i).lotSize(), book.mark(i), 50_000);
        }
        if (modelMm == 0) {
            return;
        }
        final double equity = modelMm / (0.8 + 0.4 * random.nextDouble());
        t.report(equity, modelMm, lots);
        final DeRiskPlan plan = new DeRiskPlan(8);
        assertTrue(monitor.planDeRisk(account, plan));
        final long[] after = lots.clone();
        for (int k = 0; k < plan.count(); k++) {
            final int i = plan.instrument(k);
            assertTrue(plan.lots(k) >= 1 && plan.lots(k) <= Math.abs(lots[i]), "never more than the position");
            assertEquals(lots[i] > 0 ? Side.SELL : Side.BUY, plan.side(k), "opposite to the position");
            after[i] += plan.side(k).sign() * plan.lots(k);
        }
        double mmAfter = 0;
        for (int i = 0; i < after.length; i++) {
            mmAfter += model.maintenanceMargin(book.instrument(i), after[i] * book.instrument(i).lotSize(), book.mark(i), 50_000);
        }
        assertTrue(plan.reachesTarget());
        assertEquals(mmAfter / equity, plan.ratioAfter(), 1e-12);
        final double ratioAfter = mmAfter / equity;
        assertTrue(ratioAfter <= 0.6 + 1e-12, () -> "ratio after " + ratioAfter);
    }
}
