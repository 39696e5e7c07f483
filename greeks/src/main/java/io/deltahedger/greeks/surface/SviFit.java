package io.deltahedger.greeks.surface;

import java.util.List;

/**
 * The result of fitting one expiry: the smile, how the optimiser ended and the residuals.
 *
 * @param expiryYears                 the slice's expiry in years
 * @param forward                     the slice's forward
 * @param parameters                  the fitted raw SVI smile (total variance)
 * @param weighting                   the weighting used
 * @param status                      how the optimiser ended
 * @param iterations                  Levenberg-Marquardt iterations of the winning start
 * @param evaluations                 objective evaluations of the winning start
 * @param starts                      how many starts were optimised
 * @param rmsVolResidual              unweighted root-mean-square of the vol residuals
 * @param maxAbsVolResidual           largest absolute vol residual
 * @param rmsTotalVarianceResidual    unweighted root-mean-square of the total-variance residuals
 * @param maxAbsTotalVarianceResidual largest absolute total-variance residual
 * @param residuals                   one entry per quote, in the slice's order
 */
public record SviFit(double expiryYears, double forward, SviParameters parameters, WeightingMode weighting,
                     FitStatus status, int iterations, int evaluations, int starts,
                     double rmsVolResidual, double maxAbsVolResidual,
                     double rmsTotalVarianceResidual, double maxAbsTotalVarianceResidual,
                     List<QuoteResidual> residuals) {

    public SviFit {
        residuals = List.copyOf(residuals);
    }

    /** The fitted vol at log-moneyness {@code k}. */
    public double volatility(final double k) {
        return parameters.impliedVolatility(k, expiryYears);
    }

    /** How many fitted vols lie outside their quote's bid/ask. */
    public long quotesOutsideBidAsk() {
        return residuals.stream().filter(r -> !r.insideBidAsk()).count();
    }
}
