package io.deltahedger.backtest.report;

/**
 * The worst (highest) maintenance-margin ratio one venue account reached: 1.0 is liquidation.
 *
 * @param venue the venue code
 * @param ratio maintenance margin over equity, finite and &gt;= 0 (margin held against no equity is reported as
 *              {@link BacktestReport#MARGIN_RATIO_CAP})
 * @param atMs  when, epoch ms
 */
public record WorstMargin(String venue, double ratio, long atMs)
{
    public WorstMargin
    {
        if (venue == null || venue.isBlank())
        {
            throw new IllegalArgumentException("worst margin needs a venue code, got '" + venue + "'");
        }
        if (!(ratio >= 0 && Double.isFinite(ratio)))
        {
            throw new IllegalArgumentException("worst margin ratio of " + venue + " must be finite and >= 0, got " + ratio);
        }
    }
}
