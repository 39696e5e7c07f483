package io.deltahedger.hedger.policy;

/**
 * A band of fixed half-width, in coin or in USD. A USD band is {@code halfWidth / spot} coins: it holds the dollar
 * exposure fixed, so it narrows in coin as spot rises.
 *
 * @param halfWidth the half-width in {@code unit}, finite and &gt; 0.
 * @param unit      {@link DeltaUnit#COIN} or {@link DeltaUnit#USD}.
 */
public record FixedBand(double halfWidth, DeltaUnit unit) implements HedgeBand
{
    public FixedBand
    {
        if (unit == null)
        {
            throw new IllegalArgumentException("band.unit is missing: use COIN or USD");
        }
        if (!(halfWidth > 0.0 && halfWidth < Double.POSITIVE_INFINITY))
        {
            throw new IllegalArgumentException(
                "band.halfWidth must be finite and > 0 " + unit + ", was " + halfWidth
                    + ": give the delta, in " + unit + ", that may build up before a hedge (e.g. 0.5)");
        }
    }

    @Override
    public double halfWidthCoin(final double spot, final double gammaPerUsd)
    {
        return unit.toCoin(halfWidth, spot);
    }
}
