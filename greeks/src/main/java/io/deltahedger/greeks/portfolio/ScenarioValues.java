package io.deltahedger.greeks.portfolio;

/**
 * The profit and loss of one underlying's positions on each point of a {@link ScenarioGrid}, filled by
 * {@link Portfolio#revalueScenarios}. Pre-allocated for one grid and reused.
 * <p>
 * {@code pnlUsd(i, j)} is the change of the positions' USD value when spot moves by {@code spotMove(i)} and every
 * vol by {@code volShift(j)}, time held fixed. {@code pnlCoin(i, j)} is the change of their value in coins (USD value
 * divided by the spot of each state): what a coin-margined account's equity gains or loses from these positions,
 * before the coin collateral's own revaluation. Delta-one positions contribute their profit from the current spot.
 */
public final class ScenarioValues
{
    private final ScenarioGrid grid;
    private final double[] pnlUsd;
    private final double[] pnlCoin;

    public ScenarioValues(final ScenarioGrid grid)
    {
        this.grid = grid;
        this.pnlUsd = new double[grid.spotMoveCount() * grid.volShiftCount()];
        this.pnlCoin = new double[pnlUsd.length];
    }

    public ScenarioGrid grid()
    {
        return grid;
    }

    public double pnlUsd(final int spotMoveIndex, final int volShiftIndex)
    {
        return pnlUsd[index(spotMoveIndex, volShiftIndex)];
    }

    public double pnlCoin(final int spotMoveIndex, final int volShiftIndex)
    {
        return pnlCoin[index(spotMoveIndex, volShiftIndex)];
    }

    /** The lowest USD profit over the grid (the worst loss is its negative). */
    public double worstPnlUsd()
    {
        return min(pnlUsd);
    }

    /** The lowest coin profit over the grid. */
    public double worstPnlCoin()
    {
        return min(pnlCoin);
    }

    void clear()
    {
        java.util.Arrays.fill(pnlUsd, 0.0);
        java.util.Arrays.fill(pnlCoin, 0.0);
    }

    void add(final int spotMoveIndex, final int volShiftIndex, final double usd, final double coin)
    {
        final int i = index(spotMoveIndex, volShiftIndex);
        pnlUsd[i] += usd;
        pnlCoin[i] += coin;
    }

    private int index(final int spotMoveIndex, final int volShiftIndex)
    {
        return spotMoveIndex * grid.volShiftCount() + volShiftIndex;
    }

    private static double min(final double[] values)
    {
        double min = Double.POSITIVE_INFINITY;
        for (final double value : values)
        {
            if (value < min)
            {
                min = value;
            }
        }
        return min;
    }
}
