package io.deltahedger.hedger.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.junit.jupiter.api.Assertions.*;

class LotRoundingPropertiesTest
{
    @Provide
    Arbitrary<String> lots()
    {
        return Arbitraries.of("1", "0.5", "0.25", "0.1", "0.01", "0.001", "0.0001", "0.00001", "0.3", "0.007");
    }

    /** The exact tolerance the snap allows past the wanted quantity: 1e-9 lot + 1e-12 of the quantity. */
    private static BigDecimal snap(final BigDecimal lot, final BigDecimal quantity)
    {
        return lot.multiply(new BigDecimal("1e-9")).add(quantity.abs().multiply(new BigDecimal("1e-12")));
    }

    @Property(seed = "20261121", tries = 3000)
    void roundedQuantityIsWholeLotsTowardZeroAndNeverOvershoots(
        @ForAll("lots") final String lotText, @ForAll @DoubleRange(min = -5_000.0, max = 5_000.0) final double wanted)
    {
        final BigDecimal lot = new BigDecimal(lotText);
        final LotRounding rounding = new LotRounding(lot);
        final long lots = rounding.lotsTowardZero(wanted);
        final BigDecimal traded = lot.multiply(BigDecimal.valueOf(lots));
        final BigDecimal exactWanted = new BigDecimal(wanted);

        // exact: the decimal sent is lots x lot, and the grid formats exactly that
        assertEquals(0, new BigDecimal(rounding.grid().format(lots)).compareTo(traded));
        // toward zero: same sign, never more than wanted (up to the documented snap), never a whole lot less
        assertTrue(lots == 0 || Long.signum(lots) == (int)Math.signum(wanted));
        assertTrue(traded.abs().compareTo(exactWanted.abs().add(snap(lot, exactWanted))) <= 0,
            () -> lots + " lots of " + lotText + " overshoot " + exactWanted);
        assertTrue(exactWanted.abs().subtract(traded.abs()).compareTo(lot) < 0,
            () -> lots + " lots of " + lotText + " leave a whole lot of " + exactWanted);
        // what remains to trade is never larger than before
        assertTrue(exactWanted.subtract(traded).abs().compareTo(exactWanted.abs()) <= 0);
    }

    @Property(seed = "4242", tries = 2000)
    void aHedgeNeverLeavesDeltaFurtherFromItsTargetThanBefore(
        @ForAll("lots") final String lotText,
        @ForAll @DoubleRange(min = -50.0, max = 50.0) final double delta,
        @ForAll @DoubleRange(min = -5.0, max = 5.0) final double target,
        @ForAll @DoubleRange(min = 1_000.0, max = 200_000.0) final double spot)
    {
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", lotText)
            .band(new FixedBand(0.5, DeltaUnit.COIN)).target(target, DeltaUnit.COIN).build());
        final HedgeDecision out = new HedgeDecision();
        decider.requestFlatten();
        decider.decide(delta, 0.0, spot, 0, out);
        final BigDecimal traded = new BigDecimal(lotText).multiply(BigDecimal.valueOf(out.lots()));
        final BigDecimal before = new BigDecimal(delta).subtract(new BigDecimal(target));
        final BigDecimal after = before.add(traded);
        assertTrue(after.abs().compareTo(before.abs()) <= 0, () -> out + " moved delta away from the target");
        // and it only stops short of the target when less than a lot (or the minimum size) is left
        assertTrue(out.trades() || before.abs().compareTo(new BigDecimal(lotText)) < 0, out::toString);
        assertTrue(after.abs().compareTo(new BigDecimal(lotText)) < 0, out::toString);
    }

    @Test
    void aDecimalDeltaIsNotCutShortByItsBinaryRepresentation()
    {
        // 0.3 / 0.1 = 2.9999999999999996 and 0.7 / 0.01 = 69.99999999999999 in binary
        assertEquals(3, new LotRounding(new BigDecimal("0.1")).lotsTowardZero(0.3));
        assertEquals(-70, new LotRounding(new BigDecimal("0.01")).lotsTowardZero(-0.7));
        assertEquals(3, new LotRounding(new BigDecimal("0.1")).lotsTowardZero(0.1 + 0.2));
        assertEquals(2, new LotRounding(new BigDecimal("0.1")).lotsTowardZero(0.2999999));
        assertEquals(0, new LotRounding(new BigDecimal("0.1")).lotsTowardZero(0.0999));
        assertEquals(0, new LotRounding(new BigDecimal("0.1")).lotsTowardZero(-0.0));
    }

    @Test
    void aQuantityBeyondExactLotCountsIsOutOfRange()
    {
        final LotRounding rounding = new LotRounding(new BigDecimal("0.0001"));
        assertEquals(LotRounding.OUT_OF_RANGE, rounding.lotsTowardZero(1e15));
        assertEquals(LotRounding.OUT_OF_RANGE, rounding.lotsTowardZero(Double.NaN));
        assertEquals(LotRounding.OUT_OF_RANGE, rounding.lotsTowardZero(Double.NEGATIVE_INFINITY));
        assertEquals(100_000_000_000L, rounding.lotsTowardZero(1e7), MathContext.UNLIMITED.toString());
    }
}
