package io.deltahedger.venues.simulator.market;

import io.deltahedger.greeks.pricing.OptionType;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The listed option chain of one underlying: expiries {@link #EXPIRY_DAYS} days after the start date at 08:00 UTC
 * (Deribit's expiry time), {@link #STRIKES_EACH_SIDE} strikes either side of the at-the-money strike (rounded to the
 * strike step, from the initial index), a call and a put per strike, named as Deribit names them
 * ({@code BTC-6JAN26-60000-C}).
 *
 * <p>Contract terms as Deribit's BTC/ETH options: contract size 1 coin, minimum (and lot) amount 0.1 coin, premium
 * tick 0.0005 coin (Deribit uses 0.0001 below 0.005 coin; one tick here), fees 0.03 % of the underlying (0.0003 coin
 * per option) capped at 12.5 % of the option price, maker and taker alike.
 */
public final class OptionChain
{
    /** Days from the start date to each expiry (at 08:00 UTC that day). */
    public static final int[] EXPIRY_DAYS = {1, 7, 30, 90};
    public static final int STRIKES_EACH_SIDE = 3;
    public static final double TICK_SIZE = 0.0005;
    public static final double MIN_TRADE_AMOUNT = 0.1;
    /** Deribit option fee: 0.03 % of the underlying per option, i.e. 0.0003 coin per 1-coin contract. */
    public static final double FEE_RATE = 0.0003;
    /** The option fee never exceeds this fraction of the option price. */
    public static final double FEE_CAP_OF_PRICE = 0.125;

    private OptionChain()
    {
    }

    /**
     * Appends the chain of {@code spec} to {@code instruments}.
     *
     * @return the next free instrument id.
     */
    static long add(final List<SimInstrument> instruments, final UnderlyingSpec spec, final long startMs, final long firstId)
    {
        long nextId = firstId;
        final ZonedDateTime start = Instant.ofEpochMilli(startMs).atZone(ZoneOffset.UTC);
        final int decimals = InstrumentCatalog.decimalsOf(TICK_SIZE);
        for (final int days : EXPIRY_DAYS)
        {
            final ZonedDateTime expiry = start.toLocalDate().plusDays(days).atTime(LocalTime.of(8, 0)).atZone(ZoneOffset.UTC);
            final long expiryMs = expiry.toInstant().toEpochMilli();
            final String expiryName = InstrumentCatalog.expiryName(expiry);
            final String underlyingIndex = underlyingIndex(instruments, spec.currency(), expiryMs, expiryName);
            final String period = days <= 1 ? "day" : days <= 7 ? "week" : "month";
            final double step = strikeStep(spec.initialIndexUsd(), days);
            final double atm = Math.rint(spec.initialIndexUsd() / step) * step;
            for (int j = -STRIKES_EACH_SIDE; j <= STRIKES_EACH_SIDE; j++)
            {
                final double strike = atm + j * step;
                if (strike <= 0)
                {
                    continue;
                }
                for (final OptionType type : OptionType.values())
                {
                    final String name = spec.currency() + "-" + expiryName + "-" + strikeName(strike) + "-"
                        + (type == OptionType.CALL ? "C" : "P");
                    instruments.add(new SimInstrument(instruments.size(), nextId++, name, spec.currency(), expiryMs,
                        period, TICK_SIZE, decimals, MIN_TRADE_AMOUNT, FEE_RATE, FEE_RATE, startMs,
                        new OptionTerms(strike, type, underlyingIndex)));
                }
            }
        }
        return nextId;
    }

    /**
     * The fee in coin for trading {@code amountCoin} options at {@code price} coin: min(0.0003, 12.5 % x price) per
     * option, Deribit's rule.
     */
    public static double fee(final double amountCoin, final double price)
    {
        return amountCoin * Math.min(FEE_RATE, FEE_CAP_OF_PRICE * price);
    }

    /**
     * Strike spacing widening with the expiry: about 1.5 % of the index at one day, times days^0.4, rounded to 1, 2
     * or 5 times a power of ten (BTC at 60,000: 1,000 / 2,000 / 5,000 / 5,000 for 1 / 7 / 30 / 90 days).
     */
    static double strikeStep(final double index, final int days)
    {
        final double raw = index * 0.015 * Math.pow(Math.max(1, days), 0.4);
        final double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        final double scaled = raw / magnitude;
        final double nice = scaled < 1.5 ? 1 : scaled < 3.5 ? 2 : scaled < 7.5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Deribit's strike in a name: the integer, or with {@code d} as the decimal mark ({@code 8d6}). */
    static String strikeName(final double strike)
    {
        if (strike == Math.rint(strike))
        {
            return Long.toString((long)strike);
        }
        return java.math.BigDecimal.valueOf(strike).stripTrailingZeros().toPlainString().replace('.', 'd');
    }

    private static String underlyingIndex(final List<SimInstrument> instruments, final String currency,
        final long expiryMs, final String expiryName)
    {
        for (final SimInstrument instrument : instruments)
        {
            if (!instrument.isOption() && instrument.currency().equals(currency) && instrument.expirationMs() == expiryMs)
            {
                return instrument.name();
            }
        }
        return "SYN." + currency + "-" + expiryName;
    }
}
