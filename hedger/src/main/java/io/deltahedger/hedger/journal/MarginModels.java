package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.MarginModel;
import io.deltahedger.marginmonitor.model.RateMarginModel;
import io.deltahedger.marginmonitor.model.TieredMarginModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Margin models as a kind name and a flat parameter list, the form a HEADER record stores them in:
 * {@code deribit-standard} (six rates in record order), {@code rate} (initial, maintenance), {@code tiered} (five
 * numbers per bracket: floor, cap, maintenance rate, maintenance amount, initial rate).
 */
final class MarginModels
{
    static final String DERIBIT_STANDARD = "deribit-standard";
    static final String RATE = "rate";
    static final String TIERED = "tiered";

    private MarginModels()
    {
    }

    /** @throws IllegalArgumentException for a model the journal cannot write */
    static String kind(final MarginModel model)
    {
        if (model instanceof DeribitStandardMarginModel)
        {
            return DERIBIT_STANDARD;
        }
        if (model instanceof RateMarginModel)
        {
            return RATE;
        }
        if (model instanceof TieredMarginModel)
        {
            return TIERED;
        }
        throw new IllegalArgumentException("the journal cannot record margin model " + model.getClass().getName()
            + ": teach MarginModels its parameters, or use a Deribit standard, rate or tiered model");
    }

    static double[] parameters(final MarginModel model)
    {
        if (model instanceof DeribitStandardMarginModel d)
        {
            return new double[] {d.futuresImBase(), d.futuresMmBase(), d.futuresSizeRate(), d.optionImBase(),
                d.optionImFloor(), d.optionMmBase()};
        }
        if (model instanceof RateMarginModel r)
        {
            return new double[] {r.initialRate(), r.maintenanceRate()};
        }
        if (model instanceof TieredMarginModel t)
        {
            final List<MarginBracket> brackets = t.brackets();
            final double[] p = new double[brackets.size() * 5];
            for (int i = 0; i < brackets.size(); i++)
            {
                final MarginBracket b = brackets.get(i);
                p[5 * i] = b.notionalFloor();
                p[5 * i + 1] = b.notionalCap();
                p[5 * i + 2] = b.maintenanceRate();
                p[5 * i + 3] = b.maintenanceAmount();
                p[5 * i + 4] = b.initialRate();
            }
            return p;
        }
        throw new IllegalArgumentException("no parameters for margin model " + model.getClass().getName());
    }

    /** @throws IllegalArgumentException for an unknown kind or a parameter count that does not fit it */
    static MarginModel model(final String kind, final double[] p)
    {
        switch (kind)
        {
            case DERIBIT_STANDARD ->
            {
                requireCount(kind, p, 6);
                return new DeribitStandardMarginModel(p[0], p[1], p[2], p[3], p[4], p[5]);
            }
            case RATE ->
            {
                requireCount(kind, p, 2);
                return new RateMarginModel(p[0], p[1]);
            }
            case TIERED ->
            {
                if (p.length == 0 || p.length % 5 != 0)
                {
                    throw new IllegalArgumentException("tiered margin model needs 5 parameters per bracket, got " + p.length);
                }
                final List<MarginBracket> brackets = new ArrayList<>(p.length / 5);
                for (int i = 0; i < p.length; i += 5)
                {
                    brackets.add(new MarginBracket(p[i], p[i + 1], p[i + 2], p[i + 3], p[i + 4]));
                }
                return new TieredMarginModel(brackets);
            }
            default -> throw new IllegalArgumentException("unknown margin model kind '" + kind + "' in the journal; known: "
                + DERIBIT_STANDARD + ", " + RATE + ", " + TIERED);
        }
    }

    private static void requireCount(final String kind, final double[] p, final int count)
    {
        if (p.length != count)
        {
            throw new IllegalArgumentException(kind + " margin model needs " + count + " parameters, got " + p.length);
        }
    }
}
