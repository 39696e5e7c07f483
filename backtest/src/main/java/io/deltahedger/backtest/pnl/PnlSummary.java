package io.deltahedger.backtest.pnl;

/**
 * The P&amp;L of a backtest at one instant, by component, in the ledger's currency. The components add up to
 * {@code total}: {@code options + hedge + fees + slippage + funding}.
 *
 * @param total               equity change: options + hedge + fees + slippage + funding
 * @param options             mark-to-market P&amp;L of the options book, trades valued at mid
 * @param hedge               mark-to-market P&amp;L of the delta-one hedges, trades valued at mid
 * @param fees                minus the fees paid (rebates positive)
 * @param slippage            minus the cost of trading away from mid: sum over fills of -(value at fill - value at mid)
 * @param funding             funding received on perpetuals (negative when paid)
 * @param hedgingError        sample standard deviation of the hedged book's (options + hedge) daily P&amp;L over complete
 *                            UTC days; 0 when fewer than two days are complete
 * @param hedgingErrorDays    the number of complete days behind it
 * @param maxDrawdown         the largest fall of {@code total} from a running peak, over the samples, &gt;= 0
 * @param hedgeTurnover       sum of |notional| of hedge fills, in the ledger's currency
 * @param optionsTurnover     sum of |notional| of options fills
 * @param fills               number of fills
 * @param orders              number of orders sent
 * @param groups              number of rebalancing groups
 */
public record PnlSummary(
    double total,
    double options,
    double hedge,
    double fees,
    double slippage,
    double funding,
    double hedgingError,
    int hedgingErrorDays,
    double maxDrawdown,
    double hedgeTurnover,
    double optionsTurnover,
    long fills,
    long orders,
    long groups)
{
    public PnlSummary
    {
        requireFinite("total", total);
        requireFinite("options", options);
        requireFinite("hedge", hedge);
        requireFinite("fees", fees);
        requireFinite("slippage", slippage);
        requireFinite("funding", funding);
        requireFinite("hedgingError", hedgingError);
        requireFinite("maxDrawdown", maxDrawdown);
        requireFinite("hedgeTurnover", hedgeTurnover);
        requireFinite("optionsTurnover", optionsTurnover);
        if (hedgingError < 0 || maxDrawdown < 0 || hedgeTurnover < 0 || optionsTurnover < 0 || hedgingErrorDays < 0
            || fills < 0 || orders < 0 || groups < 0)
        {
            throw new IllegalArgumentException("P&L summary: hedging error, drawdown, turnovers and counts must be >= 0,"
                + " got " + hedgingError + ", " + maxDrawdown + ", " + hedgeTurnover + ", " + optionsTurnover + ", "
                + hedgingErrorDays + ", " + fills + ", " + orders + ", " + groups);
        }
    }

    private static void requireFinite(final String name, final double value)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException("P&L summary " + name + " must be finite, got " + value
                + ": a mark or fill price fed to the ledger was not finite");
        }
    }

    /** The cost of hedging: minus (fees + slippage + funding), positive when it cost money. */
    public double cost()
    {
        return -(fees + slippage + funding);
    }
}
