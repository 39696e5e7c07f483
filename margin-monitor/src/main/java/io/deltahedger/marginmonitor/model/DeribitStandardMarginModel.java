package io.deltahedger.marginmonitor.model;

import io.deltahedger.venues.instrument.InstrumentKind;

/**
 * Deribit standard (segregated) margin for coin-margined futures, perpetuals and coin-settled options
 * (reference venues.md 1.11). All margins in coin.
 *
 * <p>Futures and perpetuals, with {@code n = |amount_usd| / mark} the size in coin:
 * {@code IM = n (imBase + n sizeRate)}, {@code MM = n (mmBase + n sizeRate)}
 * (BTC: 2%, 1%, 0.005% per BTC; ETH: 2%, 1%, 0.0004% per ETH).
 *
 * <p>Options, per contract ({@code c = |contracts|}, {@code mark} in coin, {@code S} the index, OTM amount
 * {@code max(K - S, 0)} for a call, {@code max(S - K, 0)} for a put):
 * <ul>
 *   <li>long: 0 (the premium is paid up front);</li>
 *   <li>short call: {@code IM = c (max(0.15 - OTM/S, 0.10) + mark)}, {@code MM = c (0.075 + mark)};</li>
 *   <li>short put: {@code MM = c (max(0.075, 0.075 mark) + mark)},
 *       {@code IM = max(c (max(0.15 - OTM/S, 0.10) + mark), MM)}.</li>
 * </ul>
 * The published parameters change; {@link #btc()} and {@link #eth()} are the figures of the reference and a deployment
 * configures its own. Linear (USDC) products are not modelled here: {@link #supports} refuses them.
 *
 * @param futuresImBase  initial rate of futures before the size term, per 1.00 (0.02)
 * @param futuresMmBase  maintenance rate of futures before the size term (0.01)
 * @param futuresSizeRate added rate per coin of position size (BTC 0.00005, ETH 0.000004)
 * @param optionImBase   short option initial base (0.15)
 * @param optionImFloor  short option initial floor (0.10)
 * @param optionMmBase   short option maintenance base (0.075)
 */
public record DeribitStandardMarginModel(
    double futuresImBase,
    double futuresMmBase,
    double futuresSizeRate,
    double optionImBase,
    double optionImFloor,
    double optionMmBase) implements MarginModel {

    public DeribitStandardMarginModel {
        requireRate("futuresImBase", futuresImBase);
        requireRate("futuresMmBase", futuresMmBase);
        requireRate("futuresSizeRate", futuresSizeRate);
        requireRate("optionImBase", optionImBase);
        requireRate("optionImFloor", optionImFloor);
        requireRate("optionMmBase", optionMmBase);
    }

    private static void requireRate(final String name, final double value) {
        if (!(value >= 0 && value < 10)) {
            throw new IllegalArgumentException("Deribit standard margin " + name + " must be a rate per 1.00 in [0, 10), got "
                + value + " (0.02 for 2%)");
        }
    }

    /** BTC parameters of the reference (since 11 Jan 2022). */
    public static DeribitStandardMarginModel btc() {
        return new DeribitStandardMarginModel(0.02, 0.01, 0.00005, 0.15, 0.10, 0.075);
    }

    /** ETH parameters of the reference (since 11 Jan 2022). */
    public static DeribitStandardMarginModel eth() {
        return new DeribitStandardMarginModel(0.02, 0.01, 0.000004, 0.15, 0.10, 0.075);
    }

    @Override
    public boolean supports(final MarginInstrument instrument) {
        return instrument.inverse() && instrument.kind() != InstrumentKind.SPOT;
    }

    @Override
    public double initialMargin(final MarginInstrument instrument, final double amount, final double markPrice,
                                final double indexPrice) {
        if (amount == 0) {
            return 0.0;
        }
        if (!instrument.isOption()) {
            final double sizeCoin = Math.abs(amount) / markPrice;
            return sizeCoin * (futuresImBase + sizeCoin * futuresSizeRate);
        }
        if (amount > 0) {
            return 0.0;
        }
        final double contracts = -amount;
        final double initial = contracts * (Math.max(optionImBase - otm(instrument, indexPrice) / indexPrice, optionImFloor)
            + markPrice);
        return instrument.optionType().isCall() ? initial : Math.max(initial, maintenanceMargin(instrument, amount, markPrice, indexPrice));
    }

    @Override
    public double maintenanceMargin(final MarginInstrument instrument, final double amount, final double markPrice,
                                    final double indexPrice) {
        if (amount == 0) {
            return 0.0;
        }
        if (!instrument.isOption()) {
            final double sizeCoin = Math.abs(amount) / markPrice;
            return sizeCoin * (futuresMmBase + sizeCoin * futuresSizeRate);
        }
        if (amount > 0) {
            return 0.0;
        }
        final double contracts = -amount;
        return instrument.optionType().isCall()
            ? contracts * (optionMmBase + markPrice)
            : contracts * (Math.max(optionMmBase, optionMmBase * markPrice) + markPrice);
    }

    /** How far out of the money the option is, in USD per coin (0 when in the money). */
    private static double otm(final MarginInstrument instrument, final double indexPrice) {
        return instrument.optionType().isCall()
            ? Math.max(instrument.strike() - indexPrice, 0.0)
            : Math.max(indexPrice - instrument.strike(), 0.0);
    }
}
