package io.deltahedger.greeks.pricing;

/**
 * The four pricers behind one signature for table-driven tests. "underlying" is the spot for BSM and the forward for
 * the others; BSM runs with a fixed carry yield of 2%. {@link #value} is the quantity every Greek differentiates: the
 * price, except for the inverse model whose Greeks are those of the USD value {@code forward * price}.
 */
enum Model
{
    BSM
    {
        @Override
        void price(OptionType type, double u, double k, double t, double vol, double rate, OptionGreeks out)
        {
            BlackScholesMertonOptionPricer.DEFAULT.price(type, u, k, t, vol, rate, CARRY, out);
        }

        @Override
        double forward(double u, double t, double rate)
        {
            return BlackScholesMertonOptionPricer.forward(u, t, rate, CARRY);
        }
    },
    BLACK76
    {
        @Override
        void price(OptionType type, double u, double k, double t, double vol, double rate, OptionGreeks out)
        {
            Black76OptionPricer.DEFAULT.price(type, u, k, t, vol, rate, out);
        }
    },
    LINEAR
    {
        @Override
        void price(OptionType type, double u, double k, double t, double vol, double rate, OptionGreeks out)
        {
            LinearOptionPricer.DEFAULT.price(type, u, k, t, vol, rate, out);
        }
    },
    INVERSE
    {
        @Override
        void price(OptionType type, double u, double k, double t, double vol, double rate, OptionGreeks out)
        {
            InverseOptionPricer.DEFAULT.price(type, u, k, t, vol, rate, out);
        }

        @Override
        double value(OptionType type, double u, double k, double t, double vol, double rate)
        {
            return u * super.value(type, u, k, t, vol, rate);
        }

        @Override
        double priceScale(double u, double t, double rate)
        {
            return Math.exp(-rate * Math.max(t, 0.0)) / u;
        }
    };

    static final double CARRY = 0.02;

    abstract void price(OptionType type, double u, double k, double t, double vol, double rate, OptionGreeks out);

    /** The quantity the Greeks differentiate (the USD value for the inverse model). */
    double value(final OptionType type, final double u, final double k, final double t, final double vol, final double rate)
    {
        final OptionGreeks out = new OptionGreeks();
        price(type, u, k, t, vol, rate, out);
        return out.price();
    }

    /** The forward the model prices on. */
    double forward(final double u, final double t, final double rate)
    {
        return u;
    }

    /** price = priceScale * undiscounted Black-76 on the forward. */
    double priceScale(final double u, final double t, final double rate)
    {
        return Math.exp(-rate * Math.max(t, 0.0));
    }
}
