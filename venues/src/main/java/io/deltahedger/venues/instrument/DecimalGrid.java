package io.deltahedger.venues.instrument;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An exact decimal grid: every value on it is {@code units * step} for a whole number of units. Prices are held as
 * long ticks on the instrument's tick grid, amounts as long lots on its amount-step grid, so that what goes to a
 * venue is never a binary floating-point artefact.
 *
 * <p>Two ways in: {@link #toUnits(BigDecimal)} at the edges (configuration, REST), and the allocation-free
 * {@link #unitsOf(long, int)} for a decimal that a decoder has parsed into {@code unscaled * 10^-scale}.
 * Immutable and thread-safe.
 */
public final class DecimalGrid {
    /** Returned by {@link #unitsOf(long, int)} when the value is not a whole number of steps. */
    public static final long OFF_GRID = Long.MIN_VALUE;
    /** Returned by {@link #unitsOf(long, int)} when the value does not fit a long number of units. */
    public static final long OUT_OF_RANGE = Long.MIN_VALUE + 1;

    private static final int MAX_SCALE = 18;
    private static final long[] POW10 = new long[MAX_SCALE + 1];

    static {
        long p = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final BigDecimal step;
    private final long stepUnscaled;
    private final int stepScale;
    private final double stepDouble;
    private final boolean stepFitsInt;

    private DecimalGrid(final BigDecimal step) {
        BigDecimal s = step.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        if (s.scale() > MAX_SCALE || s.unscaledValue().bitLength() > 62) {
            throw new IllegalArgumentException("grid step " + step.toPlainString()
                + " has more than " + MAX_SCALE + " decimals or is too large: use a step like 0.5 or 0.0001");
        }
        this.step = s;
        this.stepUnscaled = s.unscaledValue().longValueExact();
        this.stepScale = s.scale();
        this.stepDouble = s.doubleValue();
        this.stepFitsInt = stepUnscaled <= Integer.MAX_VALUE;
    }

    /**
     * A grid with the given positive step.
     *
     * @throws IllegalArgumentException if the step is null, not positive or has more than 18 decimals
     */
    public static DecimalGrid of(final BigDecimal step) {
        if (step == null || step.signum() <= 0) {
            throw new IllegalArgumentException("grid step must be a positive decimal, got " + step
                + ": use the venue's tick_size or amount step, e.g. 0.5");
        }
        return new DecimalGrid(step);
    }

    /** A grid from a decimal string such as {@code "0.0005"}. */
    public static DecimalGrid of(final String step) {
        final BigDecimal value;
        try {
            value = new BigDecimal(Objects.requireNonNull(step, "step"));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("grid step '" + step + "' is not a decimal number: use e.g. 0.5", e);
        }
        return of(value);
    }

    /** The step, without trailing zeros. */
    public BigDecimal step() {
        return step;
    }

    /**
     * The exact number of units in {@code value}.
     *
     * @throws IllegalArgumentException naming the value and the step if the value is off the grid or too large
     */
    public long toUnits(final BigDecimal value) {
        Objects.requireNonNull(value, "value");
        final BigDecimal[] qr = value.divideAndRemainder(step);
        if (qr[1].signum() != 0) {
            throw new IllegalArgumentException(value.toPlainString() + " is not a multiple of the grid step "
                + step.toPlainString() + ": round it to the step first");
        }
        final BigInteger units = qr[0].toBigIntegerExact();
        if (units.bitLength() > 63) {
            throw new IllegalArgumentException(value.toPlainString() + " / " + step.toPlainString()
                + " does not fit a long");
        }
        return units.longValue();
    }

    /** {@link #toUnits(BigDecimal)} of a decimal string. */
    public long toUnits(final String value) {
        final BigDecimal decimal;
        try {
            decimal = new BigDecimal(Objects.requireNonNull(value, "value"));
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a decimal number", e);
        }
        return toUnits(decimal);
    }

    /** The exact decimal value of {@code units} steps. */
    public BigDecimal toDecimal(final long units) {
        return step.multiply(BigDecimal.valueOf(units));
    }

    /** The plain decimal string of {@code units} steps, as a venue expects it (no exponent). */
    public String format(final long units) {
        return toDecimal(units).stripTrailingZeros().toPlainString();
    }

    /** The nearest double to {@code units} steps; for arithmetic and display, never for what is sent. */
    public double toDouble(final long units) {
        return units * stepDouble;
    }

    /**
     * Allocation-free conversion of the decimal {@code unscaled * 10^-scale} (a negative scale is a positive power
     * of ten) to whole units.
     *
     * @return the units, or {@link #OFF_GRID} if the value is not a whole number of steps, or {@link #OUT_OF_RANGE}
     *     if it does not fit
     */
    public long unitsOf(final long unscaled, final int scale) {
        if (unscaled == 0) {
            return 0;
        }
        long value = unscaled;
        int s = scale;
        if (s < 0) {
            if (-s > MAX_SCALE) {
                return OUT_OF_RANGE;
            }
            final long p = POW10[-s];
            if (Math.abs(value) > Long.MAX_VALUE / p) {
                return OUT_OF_RANGE;
            }
            value *= p;
            s = 0;
        }
        if (s > stepScale) {
            final int diff = s - stepScale;
            if (diff > MAX_SCALE) {
                return OFF_GRID;
            }
            final long p = POW10[diff];
            if (value % p != 0) {
                return OFF_GRID;
            }
            value /= p;
        } else if (s < stepScale) {
            final long p = POW10[stepScale - s];
            if (Math.abs(value) > Long.MAX_VALUE / p) {
                return OUT_OF_RANGE;
            }
            value *= p;
        }
        if (value == (int) value && stepFitsInt) {
            // 32-bit division is several times cheaper than 64-bit on current x86; most prices and sizes fit.
            final int v = (int) value;
            final int q = v / (int) stepUnscaled;
            return q * (int) stepUnscaled == v ? q : OFF_GRID;
        }
        final long q = value / stepUnscaled;
        return q * stepUnscaled == value ? q : OFF_GRID;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof DecimalGrid && ((DecimalGrid) o).step.equals(step);
    }

    @Override
    public int hashCode() {
        return step.hashCode();
    }

    @Override
    public String toString() {
        return "DecimalGrid[" + step.toPlainString() + "]";
    }
}
