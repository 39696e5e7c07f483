package io.deltahedger.backtest.montecarlo;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary's statistics keep their order and do not depend on the order of the sample. */
class DistributionSummaryPropertiesTest
{
    @Property(seed = "42", tries = 500)
    void quantilesAreOrderedWithinTheRangeAndIndependentOfTheSampleOrder(
        @ForAll @Size(min = 2, max = 200) final List<@DoubleRange(min = -1e3, max = 1e3) Double> sample)
    {
        final double[] values = sample.stream().mapToDouble(Double::doubleValue).toArray();
        final DistributionSummary summary = DistributionSummary.of(values);
        assertTrue(summary.min() <= summary.q05() && summary.q05() <= summary.median()
            && summary.median() <= summary.q95() && summary.q95() <= summary.max(), summary.toString());
        assertTrue(summary.min() <= summary.mean() && summary.mean() <= summary.max(), summary.toString());
        assertTrue(summary.std() >= 0.0);
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        final DistributionSummary ofSorted = DistributionSummary.of(sorted);
        assertEquals(summary.q05(), ofSorted.q05(), 0.0);
        assertEquals(summary.q95(), ofSorted.q95(), 0.0);
        assertEquals(summary.mean(), ofSorted.mean(), 1e-9 * (1 + Math.abs(summary.mean())));
        assertEquals(summary.std(), ofSorted.std(), 1e-9 * (1 + summary.std()));
    }
}
