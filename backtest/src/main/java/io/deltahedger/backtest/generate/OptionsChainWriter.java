package io.deltahedger.backtest.generate;

import io.deltahedger.backtest.synthetic.PathRandom;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityCalculator;
import io.deltahedger.greeks.impliedvol.ImpliedVolatilityResult;
import io.deltahedger.greeks.pricing.InverseOptionPricer;
import io.deltahedger.greeks.pricing.OptionGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.greeks.surface.SviParameters;

import java.util.List;

/**
 * Writes Tardis {@code options_chain} rows for every listed option at a snapshot time, priced on an SSVI surface
 * (Gatheral and Jacquier 2014, "Arbitrage-free SVI volatility surfaces") whose at-the-money total variance for each
 * expiry is the model's expected variance to that expiry, so the chain moves with the simulated market (a Heston
 * market's smile level follows its variance).
 *
 * <p>Per option: mark IV from the surface at {@code k = ln(K/F)}, {@code F = S e^{rate T}}; mark price, delta, gamma,
 * vega, theta and rho from the coin-settled pricer at the mark IV (coin rate 0, as Deribit), in Deribit's units: price
 * in coin, IVs in percent, gamma per USD, vega in USD per vol point, theta in USD per day, rho in USD per 1% of rate.
 * The bid and ask are the prices at the mark IV minus and plus a half spread of {@code 1 vol point + 0.5 vol point per
 * unit of |k| / sqrt(total variance)}, rounded outwards to the tick (0.0001 coin below 0.005, else 0.0005); their IVs
 * are re-implied from the rounded prices, and a bid that rounds to nothing (or below the option's intrinsic value) is
 * left empty, as an empty book side. {@code last_price} is empty: the generator does not trade options.
 */
final class OptionsChainWriter
{
    static final String HEADER = "exchange,symbol,timestamp,local_timestamp,type,strike_price,expiration,"
        + "open_interest,last_price,bid_price,bid_amount,bid_iv,ask_price,ask_amount,ask_iv,mark_price,mark_iv,"
        + "underlying_index,underlying_price,delta,gamma,vega,theta,rho";

    private final GeneratorConfig config;
    private final PathRandom random;
    private final OptionGreeks greeks = new OptionGreeks();
    private final ImpliedVolatilityResult implied = new ImpliedVolatilityResult();

    OptionsChainWriter(final GeneratorConfig config, final PathRandom random)
    {
        this.config = config;
        this.random = random;
    }

    /** SSVI with the power-law phi(theta) = eta / sqrt(theta (1 + theta)), as raw SVI parameters. */
    static SviParameters smile(final double atmTotalVariance, final double rho, final double eta)
    {
        final double theta = atmTotalVariance;
        final double phi = eta / Math.sqrt(theta * (1.0 + theta));
        final double oneMinusRhoSquared = 1.0 - rho * rho;
        return new SviParameters(0.5 * theta * oneMinusRhoSquared, 0.5 * theta * phi, rho, -rho / phi,
            Math.sqrt(oneMinusRhoSquared) / phi);
    }

    /** Writes one snapshot of every listed option at {@code nowMillis}. */
    void write(final TardisCsvFile file, final long nowMillis, final long latencyMicros, final double spot,
        final double variance, final OptionListing listing)
    {
        final long timestampMicros = nowMillis * 1_000L;
        for (final List<ListedOption> expiry : listing.byExpiry())
        {
            final long expiryMillis = expiry.get(0).expiryMillis();
            final double years = MarketGenerator.years(expiryMillis - nowMillis);
            final double forward = spot * Math.exp(config.rate() * years);
            final double totalVariance = Math.max(config.model().expectedTotalVariance(variance, years), 1e-10);
            final SviParameters smile = smile(totalVariance, config.skew(), config.smileCurvature());
            for (final ListedOption option : expiry)
            {
                final double k = Math.log(option.strike() / forward);
                final double markVol = smile.impliedVolatility(k, years);
                InverseOptionPricer.DEFAULT.price(option.type(), forward, option.strike(), years, markVol, 0.0, greeks);
                final double halfSpread = 0.01 + 0.005 * Math.abs(k) / Math.sqrt(totalVariance);
                final double bid = floorToTick(InverseOptionPricer.DEFAULT.presentValue(
                    option.type(), forward, option.strike(), years, Math.max(markVol - halfSpread, 0.01), 0.0));
                final double ask = Math.max(ceilToTick(InverseOptionPricer.DEFAULT.presentValue(
                    option.type(), forward, option.strike(), years, markVol + halfSpread, 0.0)), bid + tick(bid));
                final double bidVol = bid > 0.0 ? impliedVol(option.type(), forward, option.strike(), years, bid) : -1;
                final double askVol = impliedVol(option.type(), forward, option.strike(), years, ask);

                final StringBuilder row = file.begin(option.symbol());
                final long local = file.localMicros(timestampMicros + latencyMicros);
                row.append(timestampMicros).append(',').append(local).append(',')
                    .append(option.type() == OptionType.CALL ? "call" : "put").append(',');
                Decimal.append(row, option.strike(), 8).append(',')
                    .append(option.expiryMillis() * 1_000L).append(',');
                Decimal.append(row, option.openInterest(), 1).append(",,");
                if (bidVol > 0.0)
                {
                    Decimal.append(row, bid, 4).append(',');
                    Decimal.append(row, amount(), 1).append(',');
                    Decimal.append(row, 100.0 * bidVol, 2).append(',');
                }
                else
                {
                    row.append(",,,");
                }
                Decimal.append(row, ask, 4).append(',');
                Decimal.append(row, amount(), 1).append(',');
                if (askVol > 0.0)
                {
                    Decimal.append(row, 100.0 * askVol, 2);
                }
                row.append(',');
                Decimal.append(row, greeks.price(), 8).append(',');
                Decimal.append(row, 100.0 * markVol, 2).append(',');
                row.append(option.underlying()).append(',');
                Decimal.append(row, forward, 2).append(',');
                Decimal.append(row, greeks.delta(), 5).append(',');
                Decimal.append(row, greeks.gamma(), 8).append(',');
                Decimal.append(row, greeks.vegaPerVolPoint(), 5).append(',');
                Decimal.append(row, greeks.thetaPerDay(), 5).append(',');
                Decimal.append(row, greeks.rhoPerPercent(), 5);
                file.write(local);
            }
        }
    }

    private double impliedVol(final OptionType type, final double forward, final double strike, final double years,
        final double price)
    {
        return ImpliedVolatilityCalculator.DEFAULT.inverse(type, forward, strike, years, price, 0.0, implied)
            .isSolved() ? implied.volatility() : -1.0;
    }

    private double amount()
    {
        return Math.rint(1 + random.nextOpenUnit() * 299) / 10.0;
    }

    /** Deribit's BTC option tick steps: 0.0001 coin below 0.005, 0.0005 from there. */
    static double tick(final double price)
    {
        return price < 0.005 ? 0.0001 : 0.0005;
    }

    static double floorToTick(final double price)
    {
        final double tick = tick(price);
        return Math.floor(price / tick + 1e-9) * tick;
    }

    static double ceilToTick(final double price)
    {
        final double tick = tick(price);
        return Math.max(Math.ceil(price / tick - 1e-9) * tick, 0.0001);
    }
}
