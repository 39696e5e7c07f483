package io.deltahedger.greeks.portfolio;

import java.util.Arrays;

/**
 * A grid of shocks for revaluing a portfolio: relative spot moves (−0.5 = −50%) by absolute volatility shifts
 * (+0.10 = +10 vol points on every option; a shifted vol is floored at 0).
 * <p>
 * The margin monitor revalues the book on this grid to see what an adverse move would do to each account.
 */
public final class ScenarioGrid
{
    /** ±1%, ±2%, ±5%, ±10%, ±20%, ±30%, ±50% and no move. */
    public static final double[] DEFAULT_SPOT_MOVES =
        {-0.50, -0.30, -0.20, -0.10, -0.05, -0.02, -0.01, 0.0, 0.01, 0.02, 0.05, 0.10, 0.20, 0.30, 0.50};
    /** −20, −10, 0, +10, +20 vol points. */
    public static final double[] DEFAULT_VOL_SHIFTS = {-0.20, -0.10, 0.0, 0.10, 0.20};

    private final double[] spotMoves;
    private final double[] volShifts;

    public ScenarioGrid(final double[] spotMoves, final double[] volShifts)
    {
        if (spotMoves == null || spotMoves.length == 0 || volShifts == null || volShifts.length == 0)
        {
            throw new IllegalArgumentException("a scenario grid needs at least one spot move and one vol shift");
        }
        for (final double move : spotMoves)
        {
            if (!(move > -1.0 && move < Double.POSITIVE_INFINITY))
            {
                throw new IllegalArgumentException(
                    "spot move " + move + " must be a finite relative move > -1 (-0.5 for -50%)");
            }
        }
        for (final double shift : volShifts)
        {
            if (!(Math.abs(shift) < 10.0))
            {
                throw new IllegalArgumentException(
                    "vol shift " + shift + " must be an absolute shift per 1.00 of vol within (-10, 10) " +
                    "(0.10 for +10 vol points)");
            }
        }
        this.spotMoves = spotMoves.clone();
        this.volShifts = volShifts.clone();
    }

    public static ScenarioGrid standard()
    {
        return new ScenarioGrid(DEFAULT_SPOT_MOVES, DEFAULT_VOL_SHIFTS);
    }

    public int spotMoveCount()
    {
        return spotMoves.length;
    }

    public int volShiftCount()
    {
        return volShifts.length;
    }

    public double spotMove(final int index)
    {
        return spotMoves[index];
    }

    public double volShift(final int index)
    {
        return volShifts[index];
    }

    @Override
    public String toString()
    {
        return "ScenarioGrid{spotMoves=" + Arrays.toString(spotMoves) + ", volShifts=" + Arrays.toString(volShifts) + '}';
    }
}
