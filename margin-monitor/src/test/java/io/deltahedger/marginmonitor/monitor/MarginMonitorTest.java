package io.deltahedger.marginmonitor.monitor;

import io.deltahedger.marginmonitor.Fixtures;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.OptionType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.deltahedger.marginmonitor.Fixtures.NOW_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarginMonitorTest {

    MarginBook book;
    int account;
    private int perp;
    private int call;
    private int put;
    private final List<Instrument> instruments = new ArrayList<>();
    private final List<String> alerts = new ArrayList<>();
    MarginMonitor monitor;

    @BeforeEach
    void setUp() {
        book = new MarginBook(2, 16);
        account = book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        instruments.clear();
        instruments.add(Fixtures.deribitPerpetual());
        instruments.add(Fixtures.deribitOption(60_000, OptionType.CALL));
        instruments.add(Fixtures.deribitOption(40_000, OptionType.PUT));
        perp = book.addInstrument(account, instruments.get(0));
        call = book.addInstrument(account, instruments.get(1));
        put = book.addInstrument(account, instruments.get(2));
        book.onIndex(book.underlyingId("BTC"), 50_000);
        book.onMark(perp, 50_000);
        book.onMark(call, 0.01);
        book.onMark(put, 0.005);
        book.onVolatility(call, 0.6);
        book.onVolatility(put, 0.6);
        monitor = new MarginMonitor(book, MonitorConfig.defaults(),
            (a, from, to, ratio, nowMs) -> alerts.add(from + "->" + to));
    }

    void report(final double equity, final double mm, final long... lots) {
        final List<Position> positions = new ArrayList<>();
        for (int i = 0; i < lots.length; i++) {
            if (lots[i] != 0) {
                positions.add(new Position(instruments.get(i), lots[i], 1, 1, 0, 0, 0, 0));
            }
        }
        book.onAccount(account, new AccountSnapshot(Venue.DERIBIT, "BTC", NOW_MS, equity, equity, equity, 0, mm, positions));
        monitor.onAccount(account, NOW_MS);
    }

    @Test
    void alertLevelsRiseAtOnceAndFallOnlyPastTheHysteresis() {
        report(1.0, 0.50);
        assertEquals(AlertLevel.NORMAL, monitor.level(account));
        report(1.0, 0.61);
        report(1.0, 0.58); // inside the 0.05 band below WARN: stays
        assertEquals(AlertLevel.WARN, monitor.level(account));
        report(1.0, 0.54);
        assertEquals(AlertLevel.NORMAL, monitor.level(account));
        report(1.0, 0.85);
        report(1.0, 0.77); // inside the band below CRITICAL: stays
        assertEquals(AlertLevel.CRITICAL, monitor.level(account));
        report(1.0, 0.74);
        report(1.0, 0.57); // inside the band below WARN: stays WARN
        report(1.0, 0.40);
        report(0.0, 0.10); // margin against no balance: infinite ratio
        assertEquals(List.of("NORMAL->WARN", "WARN->NORMAL", "NORMAL->CRITICAL", "CRITICAL->WARN", "WARN->NORMAL",
            "NORMAL->CRITICAL"), alerts);
        assertEquals(Double.POSITIVE_INFINITY, monitor.ratio(account));
    }

    @Test
    void ratioIsProjectedFromMarksBetweenSnapshots() {
        // Short 200,000 USD perpetual: model MM 4 * (0.01 + 4 * 0.00005) = 0.0408; reported 0.15, equity 0.3.
        report(0.3, 0.15, -20_000, 0, 0);
        assertEquals(0.5, monitor.ratio(account), 1e-12);
        book.onMark(perp, 52_000);
        monitor.onMarket(account, NOW_MS + 1);
        final double size = 200_000 / 52_000.0;
        final double mm = 0.15 + size * (0.01 + size * 0.00005) - 0.0408;
        final double equity = 0.3 - 200_000 * (1 / 50_000.0 - 1 / 52_000.0);
        assertEquals(mm / equity, monitor.ratio(account), 1e-12);
        assertEquals(AlertLevel.CRITICAL, monitor.level(account));
        book.onMark(perp, Double.NaN);
        monitor.onMarket(account, NOW_MS + 2);
        assertEquals(0.5, monitor.ratio(account), 1e-12, "without a usable mark the reported ratio stands");
    }

    @Test
    void noPlanBelowTheTrigger() {
        report(1.0, 0.5, -20_000, 0, 0);
        final DeRiskPlan plan = new DeRiskPlan(8);
        assertFalse(monitor.planDeRisk(account, plan));
        assertEquals(0, plan.count());
    }

    @Test
    void deRiskCutsTheLargestMarginFirstAndJustEnoughToReachTheTarget() {
        // Perp MM 0.0408, 10 short calls (100 lots) MM 10 * 0.085 = 0.85, 4 short puts MM 4 * 0.08 = 0.32.
        final double modelMm = 0.0408 + 0.85 + 0.32;
        report(1.3, modelMm, -20_000, -100, -40);
        assertTrue(monitor.ratio(account) >= 0.8);
        final DeRiskPlan plan = new DeRiskPlan(8);
        assertTrue(monitor.planDeRisk(account, plan));
        assertTrue(plan.reachesTarget());
        assertEquals(call, plan.instrument(0), "the calls carry the most margin");
        assertEquals(Side.BUY, plan.side(0));
        // Target 0.6 * 1.3 = 0.78: the calls may keep 0.78 - 0.3608 = 0.4192 = 4.93 contracts -> keep 4.9, cut 5.1.
        assertEquals(51, plan.lots(0));
        assertEquals(1, plan.count());
        final double after = 0.0408 + 0.32 + 4.9 * 0.085;
        assertEquals(after / 1.3, plan.ratioAfter(), 1e-12);
        assertTrue(plan.ratioAfter() <= 0.6);
        assertTrue(plan.reduceOnly(0));
    }

    @Test
    void deRiskOnANonPositiveBalanceCutsEverythingAndSaysTheTargetIsOutOfReach() {
        report(-0.1, 0.2, -20_000, -100, 0);
        final DeRiskPlan plan = new DeRiskPlan(8);
        assertTrue(monitor.planDeRisk(account, plan));
        assertEquals(2, plan.count());
        assertEquals(100, plan.lots(0));
        assertEquals(20_000, plan.lots(1));
        assertFalse(plan.reachesTarget());
    }

    @Test
    void deRiskRestrictedToThePerpetualCutsOnlyItAndSaysTheTargetIsOutOfReach() {
        final double modelMm = 0.0408 + 0.85 + 0.32;
        report(1.3, modelMm, -20_000, -100, -40);
        final boolean[] cuttable = new boolean[book.maxInstruments()];
        cuttable[perp] = true;
        final DeRiskPlan plan = new DeRiskPlan(8);
        assertTrue(monitor.planDeRisk(account, plan, cuttable));
        assertEquals(1, plan.count(), "the options are not cuttable");
        assertEquals(perp, plan.instrument(0));
        assertEquals(Side.BUY, plan.side(0), "the perpetual is short: buy it back");
        assertEquals(20_000, plan.lots(0), "all of it: even then the options' margin stays above the target");
        assertFalse(plan.reachesTarget());
        assertEquals((0.85 + 0.32) / 1.3, plan.ratioAfter(), 1e-12);
    }
}
