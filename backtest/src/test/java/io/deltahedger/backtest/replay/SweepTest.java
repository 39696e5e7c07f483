package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.report.ReportJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest
{
    @Test
    void eachPointOfAParallelSweepEqualsTheSingleRunOfItsParameters() throws IOException
    {
        final BacktestConfig base = SampleBacktestTest.strangle(0.5);
        final List<Sweep.Point> points = Sweep.run(base, Sweep.parse("band=0.1,1.0"), 2);
        assertEquals(2, points.size());
        assertEquals(ReportJson.write(Backtest.run(base.withBandCoin(0.1)).report()),
            ReportJson.write(points.get(0).result().report()));
        assertEquals(ReportJson.write(Backtest.run(base.withBandCoin(1.0)).report()),
            ReportJson.write(points.get(1).result().report()));
        // a tighter band trades more
        assertTrue(points.get(0).result().report().summary().groups() >= points.get(1).result().report().summary().groups());
        assertTrue(Sweep.table("band", "BTC", points).lines().count() == 3);
        assertTrue(SweepHtml.write("t", "band", "BTC", points).contains("band=0.1/report.html"));
    }

    @Test
    void aGridIsParsedOrRefusedNamingTheValue()
    {
        assertArrayEquals(new double[] {0.1, 0.2, 0.5}, Sweep.parse("band=0.1,0.2coin,0.5").values());
        assertEquals("latency-ms", Sweep.parse("latency-ms=0,50").name());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("band=0.1,abc")).getMessage()
            .contains("'abc'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("vega=1,2")).getMessage()
            .contains("'vega'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sweep.parse("band=0.1")).getMessage()
            .contains("2 to 256"));
    }
}
