package io.deltahedger.hedger.policy;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.portfolio.PortfolioGreeks;
import io.deltahedger.greeks.pricing.OptionType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DeltaMeasureTest
{
    private static final long NOW = 1_700_000_000_000L;
    private static final long DAY_MS = 86_400_000L;
    private static final double SPOT = 50_000.0;

    /** Ten long coin-settled ATM calls, 30 days, 60% vol, hedged with 2 000 USD short of an inverse perpetual. */
    private static PortfolioGreeks coinSettledBook()
    {
        final Portfolio portfolio = Portfolio.of(
            List.of(new OptionPosition(
                "BTC-30D-50000-C", "BTC", OptionModel.INVERSE, OptionType.CALL, 50_000.0, NOW + 30 * DAY_MS, 10.0,
                1.0, 0.6)),
            List.of(new DeltaOnePosition("BTC-PERPETUAL", "BTC", true, -200.0, 10.0)));
        final PortfolioGreeks greeks = new PortfolioGreeks();
        portfolio.revalue(portfolio.underlyingIndex("BTC"), SPOT, NOW, greeks);
        return greeks;
    }

    private static HedgeDecision flatten(final DeltaMeasure measure, final PortfolioGreeks greeks)
    {
        final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.0001")
            .deltaMeasure(measure).band(new FixedBand(0.1, DeltaUnit.COIN)).build());
        final HedgeDecision out = new HedgeDecision();
        decider.requestFlatten();
        decider.decide(greeks, NOW, out);
        return out;
    }

    @Test
    void plainMeasureHedgesTheBlackScholesDelta()
    {
        final PortfolioGreeks greeks = coinSettledBook();
        final HedgeDecision out = flatten(DeltaMeasure.PLAIN, greeks);
        assertEquals(greeks.deltaCoin(), out.deltaCoin());
        assertEquals(HedgeReason.FLATTEN, out.reason());
        assertEquals(-(long)(greeks.deltaCoin() / 0.0001), out.lots());
    }

    @Test
    void premiumAdjustedMeasureHedgesDeribitsDeltaTotalWhichIsLessByTheCoinPremium()
    {
        final PortfolioGreeks greeks = coinSettledBook();
        final HedgeDecision plain = flatten(DeltaMeasure.PLAIN, greeks);
        final HedgeDecision adjusted = flatten(DeltaMeasure.PREMIUM_ADJUSTED, greeks);
        assertEquals(greeks.premiumAdjustedDeltaCoin(), adjusted.deltaCoin());
        assertEquals(greeks.deltaCoin() - greeks.valueCoin(), adjusted.deltaCoin(), 1e-12);
        // ten ATM calls at 60% vol for 30 days are worth about 0.69 coin: the adjusted hedge sells that much less
        assertEquals(0.69, greeks.valueCoin(), 0.02);
        assertEquals(greeks.valueCoin(), (adjusted.lots() - plain.lots()) * 0.0001, 0.0002);
        assertTrue(adjusted.lots() < 0);
    }

    @Test
    void theMeasureDecidesWhetherTheSameBookIsInsideTheBand()
    {
        final PortfolioGreeks greeks = coinSettledBook();
        // a target at the plain delta: inside the band on the plain measure, outside it on the adjusted one
        final double target = greeks.deltaCoin();
        final HedgeDecision out = new HedgeDecision();
        for (final DeltaMeasure measure : DeltaMeasure.values())
        {
            final HedgeDecider decider = new HedgeDecider(HedgePolicy.builder("BTC", "0.0001")
                .deltaMeasure(measure).target(target, DeltaUnit.COIN).band(new FixedBand(0.5, DeltaUnit.COIN)).build());
            decider.decide(greeks, NOW, out);
            assertEquals(measure == DeltaMeasure.PLAIN ? HedgeReason.INSIDE_BAND : HedgeReason.BAND_BREACH, out.reason());
        }
    }
}
