package io.deltahedger.hedger.policy;

/**
 * Where a band breach trades delta back to (docs/hedging.md, "Band breach").
 */
public enum RebalanceTo
{
    /** All the way to the target: fewer, larger trades. */
    TARGET,
    /**
     * To the edge of the re-arm band on the side that was breached ({@code target ± rearmFraction × halfWidth}): the
     * least trading that puts delta back where the band re-arms. With {@code rearmFraction} 0 it is the same as
     * {@link #TARGET}.
     */
    BAND_EDGE
}
