package io.deltahedger.backtest.montecarlo;

/** Which side of the option the study's desk takes: it writes (sells) or buys one option and delta-hedges it. */
public enum HedgedPosition
{
    /** Writes the option: receives the premium, pays the payoff, holds +delta of the underlying. */
    SHORT(-1),
    /** Buys the option: pays the premium, receives the payoff, holds -delta of the underlying. */
    LONG(+1);

    private final int optionsHeld;

    HedgedPosition(final int optionsHeld)
    {
        this.optionsHeld = optionsHeld;
    }

    /** Options held: -1 for a short, +1 for a long. */
    public int optionsHeld()
    {
        return optionsHeld;
    }
}
