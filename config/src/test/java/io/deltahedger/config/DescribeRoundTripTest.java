package io.deltahedger.config;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** describe() writes every value so that it parses back exactly, whatever decimal it holds. */
class DescribeRoundTripTest
{
    @Property(seed = "5150", tries = 100)
    void describedConfigurationParsesBackEqual(@ForAll("files") final String yaml)
    {
        final DeltahedgerConfig c = ConfigLoader.parse(yaml, "random.yaml");
        assertEquals(c, ConfigLoader.parse(c.describe(), "described.yaml"), yaml);
    }

    @Provide
    Arbitrary<String> files()
    {
        final Arbitrary<Double> ratio = Arbitraries.doubles().between(0.000001, 1.0).ofScale(12);
        final Arbitrary<Double> move = Arbitraries.doubles().between(-0.999, 9.99).ofScale(10);
        final Arbitrary<Double> width = Arbitraries.doubles().between(1e-9, 1e9).ofScale(12);
        final Arbitrary<Double> bps = Arbitraries.doubles().between(0, 100).ofScale(8);
        final Arbitrary<Long> minutes = Arbitraries.longs().between(1, 1440);
        final Arbitrary<String> minTrade = Arbitraries.bigDecimals().between(
            java.math.BigDecimal.ZERO, java.math.BigDecimal.TEN).ofScale(6).map(java.math.BigDecimal::toPlainString);
        return Combinators.combine(ratio, move, width, bps, minutes, minTrade, Arbitraries.integers().between(6, 20),
                Arbitraries.of(true, false))
            .as((threshold, spot, half, taker, every, trade, ringBits, marketData) -> ConfigLoaderTest.MINIMAL
                .replace("half-width: 0.5}", "half-width: " + half + ", unit: usd}\n      rebalance-every: " + every
                    + "m\n      min-trade: " + trade + "\n      target: " + (-spot))
                .replace("    type: simulator\n", "    type: simulator\n    fees: {taker-bps: " + taker + "}\n")
                + "margin:\n  threshold: " + threshold + "\n  shock: {spot-moves: [" + spot + ", 0, -0.0]}\n"
                + "pipeline:\n  ring-size: " + (1 << ringBits) + "\n"
                + "journal:\n  market-data: " + marketData + "\n");
    }
}
