package io.deltahedger.backtest.pnl;

import io.deltahedger.venues.Venue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PnlLedgerTest
{
    private static final long DAY = 86_400_000L;
    private static final long HOUR = 3_600_000L;
    private static final long T0 = 19_000L * DAY;

    /** One step of a random backtest: a fill, a mark or a funding payment. */
    record Step(int kind, int instrument, double amount, double price, double midOffset, double fee)
    {
    }

    /** Independent average-cost accounting of the same steps, as a venue would book them. */
    private static final class AverageCostReference
    {
        final ValueConvention[] conventions;
        final double[] position;
        final double[] cost;
        final double[] mark;
        double realised;
        double fees;
        double funding;

        AverageCostReference(final ValueConvention... conventions)
        {
            this.conventions = conventions;
            position = new double[conventions.length];
            cost = new double[conventions.length];
            mark = new double[conventions.length];
        }

        void fill(final int i, final double q, final double price, final double fee)
        {
            fees += fee;
            final double p = position[i];
            if (p == 0 || Math.signum(p) == Math.signum(q))
            {
                cost[i] += conventions[i].value(q, price);
                position[i] = p + q;
                return;
            }
            final double closing = Math.abs(q) >= Math.abs(p) ? -p : q;
            final double closedCost = cost[i] * (-closing / p);
            realised += conventions[i].value(-closing, price) - closedCost;
            cost[i] -= closedCost;
            position[i] = p + closing;
            final double opening = q - closing;
            if (opening != 0)
            {
                cost[i] = conventions[i].value(opening, price);
                position[i] = opening;
            }
        }

        double total(final double[] lastFill)
        {
            double unrealised = 0;
            for (int i = 0; i < position.length; i++)
            {
                if (position[i] != 0)
                {
                    final double price = mark[i] > 0 ? mark[i] : lastFill[i];
                    unrealised += conventions[i].value(position[i], price) - cost[i];
                }
            }
            return realised + unrealised - fees + funding;
        }
    }

    @Provide
    Arbitrary<Step> steps()
    {
        final Arbitrary<Integer> kind = Arbitraries.integers().between(0, 9);
        final Arbitrary<Integer> instrument = Arbitraries.integers().between(0, 2);
        final Arbitrary<Double> amount = Arbitraries.integers().between(-50, 50).filter(i -> i != 0).map(i -> i * 10.0);
        final Arbitrary<Double> price = Arbitraries.doubles().between(0.5, 2.0);
        final Arbitrary<Double> midOffset = Arbitraries.doubles().between(-0.01, 0.01);
        final Arbitrary<Double> fee = Arbitraries.doubles().between(-0.5, 2.0);
        return Combinators.combine(kind, instrument, amount, price, midOffset, fee).as(Step::new);
    }

    /** Scales a unit price into the instrument's range: inverse perp ~30,000, linear perp ~30,000, option ~0.05. */
    private static double scale(final int instrument, final double unit)
    {
        return instrument == 2 ? 0.05 * unit : 30_000.0 * unit;
    }

    @Property(seed = "20261121", tries = 300)
    void attributionSumsToTheTotalAndMatchesAnIndependentAverageCostLedger(
        @ForAll @Size(min = 1, max = 80) final List<@net.jqwik.api.From("steps") Step> steps)
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        final int inverse = ledger.add("deribit:BTC-PERPETUAL", ValueConvention.INVERSE, PnlLedger.Book.HEDGE);
        final int linear = ledger.add("deribit:BTC-27DEC24-FUT-LINEAR", ValueConvention.LINEAR, PnlLedger.Book.HEDGE);
        final int option = ledger.add("deribit:BTC-27DEC24-60000-C", ValueConvention.LINEAR, PnlLedger.Book.OPTIONS);
        final AverageCostReference reference = new AverageCostReference(ValueConvention.INVERSE, ValueConvention.LINEAR,
            ValueConvention.LINEAR);
        final double[] lastFill = new double[3];
        final int[] ids = {inverse, linear, option};
        long t = T0;
        for (final Step step : steps)
        {
            t += 7 * HOUR;
            final int i = step.instrument();
            final double price = scale(i, step.price());
            if (step.kind() < 6)
            {
                final double q = i == 2 ? step.amount() / 100.0 : step.amount();
                final double fee = step.fee() * 1e-5;
                ledger.onFill(ids[i], t, q, price, price * (1 + step.midOffset()), fee);
                reference.fill(i, q, price, fee);
                lastFill[i] = price;
            }
            else if (step.kind() < 9)
            {
                ledger.onMark(ids[i], price);
                reference.mark[i] = price;
            }
            else
            {
                ledger.onFundingPayment(t, step.fee() * 1e-4);
                reference.funding += step.fee() * 1e-4;
            }
            ledger.sample(t);
        }
        final PnlSummary summary = ledger.summary();
        final double sumOfComponents = summary.options() + summary.hedge() + summary.fees() + summary.slippage()
            + summary.funding();
        final double scaleOfFigures = 1 + Math.abs(summary.options()) + Math.abs(summary.hedge()) + Math.abs(summary.fees())
            + Math.abs(summary.slippage()) + Math.abs(summary.funding());
        assertEquals(sumOfComponents, summary.total(), 1e-12 * scaleOfFigures, "components add up to the total");
        assertEquals(ledger.totalPnl(), summary.total(), 1e-10 * scaleOfFigures, "attribution = equity change");
        assertEquals(reference.total(lastFill), summary.total(), 1e-9 * scaleOfFigures,
            "cash-flow and average-cost accounting agree");
        assertTrue(summary.maxDrawdown() >= 0);
    }

    @Test
    void slippageIsTheCostAgainstMidAndTheBookComponentIsValuedAtMid()
    {
        final PnlLedger ledger = new PnlLedger("USDT");
        final int perp = ledger.add("binance-usdm:BTCUSDT", ValueConvention.LINEAR, PnlLedger.Book.HEDGE);
        ledger.onFill(perp, T0, 2.0, 30_010.0, 30_000.0, 6.0);
        ledger.onMark(perp, 30_100.0);
        final PnlSummary summary = ledger.summary();
        assertEquals(-20.0, summary.slippage(), 1e-9, "bought 2 at 10 above mid");
        assertEquals(200.0, summary.hedge(), 1e-9, "2 x (30,100 - 30,000 mid)");
        assertEquals(-6.0, summary.fees(), 0.0);
        assertEquals(174.0, summary.total(), 1e-9);
        assertEquals(60_020.0, summary.hedgeTurnover(), 1e-9);
        assertEquals(1, summary.fills());
    }

    @Test
    void inverseSlippageAndPnlAreInCoin()
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        final int perp = ledger.add("deribit:BTC-PERPETUAL", ValueConvention.INVERSE, PnlLedger.Book.HEDGE);
        ledger.onFill(perp, T0, 30_000.0, 30_010.0, 30_000.0, 0.0);
        ledger.onMark(perp, 31_000.0);
        final PnlSummary summary = ledger.summary();
        assertEquals(-30_000.0 * (1 / 30_000.0 - 1 / 30_010.0), summary.slippage(), 1e-15);
        assertEquals(30_000.0 * (1 / 30_000.0 - 1 / 31_000.0), summary.hedge(), 1e-15);
    }

    @Test
    void settlementClosesAnOptionAtItsValueEvenZeroWithoutFeeOrSlippage()
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        final int call = ledger.add("deribit:BTC-30JAN26-65000-C", ValueConvention.LINEAR, PnlLedger.Book.OPTIONS);
        final int put = ledger.add("deribit:BTC-30JAN26-55000-P", ValueConvention.LINEAR, PnlLedger.Book.OPTIONS);
        ledger.onFill(call, T0, -5.0, 0.02, 0.02, 0.0); // written at its mark: 0.1 BTC received
        ledger.onFill(put, T0, -5.0, 0.03, 0.03, 0.0);
        ledger.onSettlement(call, T0 + HOUR, 0.0);       // expired worthless: keep the premium
        ledger.onSettlement(put, T0 + HOUR, 0.05);       // in the money: pay 5 x 0.05
        final PnlSummary summary = ledger.summary();
        assertEquals(0.1 + 0.15 - 0.25, summary.options(), 1e-12);
        assertEquals(0.0, summary.slippage(), 0.0);
        assertEquals(0.0, summary.fees(), 0.0);
        assertEquals(2, summary.fills(), "settlement is not a fill");
        assertEquals(0.0, ledger.position(call), 0.0);
        assertEquals(0.0, ledger.position(put), 0.0);
        ledger.onMark(put, 0.07); // a later mark no longer moves a closed position
        assertEquals(0.0, ledger.summary().options(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> ledger.onSettlement(call, T0, -0.01));
        assertThrows(IllegalArgumentException.class, () -> ledger.onSettlement(call, T0, Double.NaN));
    }

    @Test
    void maximumDrawdownIsTheLargestFallFromARunningPeak()
    {
        final PnlLedger ledger = new PnlLedger("USDT");
        final int perp = ledger.add("binance-usdm:BTCUSDT", ValueConvention.LINEAR, PnlLedger.Book.HEDGE);
        ledger.onFill(perp, T0, 1.0, 100.0, 100.0, 0.0);
        final double[] marks = {100, 110, 90, 120, 95, 118};
        for (int i = 0; i < marks.length; i++)
        {
            ledger.onMark(perp, marks[i]);
            ledger.sample(T0 + i * HOUR);
        }
        assertEquals(25.0, ledger.summary().maxDrawdown(), 1e-12, "from 120 down to 95");
        assertArrayEquals(new double[] {0, 10, -10, 20, -5, 18}, ledger.pnlSeries().column(PnlLedger.TOTAL), 1e-12);
    }

    @Test
    void hedgingErrorIsTheSampleStdDevOfCompleteDaysHedgedPnl()
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        final int option = ledger.add("deribit:BTC-27DEC24-60000-C", ValueConvention.LINEAR, PnlLedger.Book.OPTIONS);
        ledger.onFill(option, T0, 1.0, 100.0, 100.0, 3.0);
        final long[] times = {T0, T0 + 12 * HOUR, T0 + DAY + HOUR, T0 + DAY + 23 * HOUR, T0 + 2 * DAY, T0 + 3 * DAY + 5 * HOUR};
        final double[] marks = {100, 104, 101, 98, 103, 103};
        for (int i = 0; i < times.length; i++)
        {
            ledger.onMark(option, marks[i]);
            ledger.sample(times[i]);
        }
        assertArrayEquals(new double[] {4, -6, 5}, ledger.dailyHedgedPnl(), 1e-12, "fees are not hedging error");
        assertEquals(Math.sqrt(37.0), ledger.summary().hedgingError(), 1e-12);
        assertEquals(3, ledger.summary().hedgingErrorDays());
    }

    @Test
    void hedgingErrorIsZeroWithFewerThanTwoCompleteDays()
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        ledger.sample(T0);
        ledger.sample(T0 + DAY);
        assertEquals(0.0, ledger.summary().hedgingError());
        assertEquals(1, ledger.summary().hedgingErrorDays());
    }

    @Test
    void worstMarginRatioIsTheHighestPerVenue()
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        ledger.onMarginRatio(Venue.DERIBIT, T0, 0.2);
        ledger.onMarginRatio(Venue.DERIBIT, T0 + 1, 0.45);
        ledger.onMarginRatio(Venue.DERIBIT, T0 + 2, 0.3);
        ledger.onMarginRatio(Venue.BYBIT, T0 + 2, 0.1);
        assertEquals(0.45, ledger.worstMarginRatio(Venue.DERIBIT));
        assertEquals(T0 + 1, ledger.worstMarginRatioAtMs(Venue.DERIBIT));
        assertEquals(0.1, ledger.worstMarginRatio(Venue.BYBIT));
        assertEquals(0.0, ledger.worstMarginRatio(Venue.BINANCE_USDM), "no samples: 0, never NaN");
        assertEquals(null, ledger.marginSeries(Venue.BINANCE_USDM));
        assertEquals(3, ledger.marginSeries(Venue.DERIBIT).size());
    }

    @Test
    void anInstrumentSettlingInAnotherCurrencyIsRefusedNamingBoth()
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ledger.addInstrument(
            new io.deltahedger.venues.instrument.Instrument(Venue.BINANCE_USDM, "BTCUSDT",
                io.deltahedger.venues.instrument.InstrumentKind.PERPETUAL, "BTC", "USDT", "USDT", "BTC",
                io.deltahedger.venues.instrument.ContractStyle.LINEAR, new java.math.BigDecimal("0.001"),
                io.deltahedger.venues.instrument.DecimalGrid.of("0.1"), io.deltahedger.venues.instrument.DecimalGrid.of("0.001"),
                new java.math.BigDecimal("0.001"), 0, null, null), PnlLedger.Book.HEDGE));
        assertTrue(e.getMessage().contains("USDT") && e.getMessage().contains("BTC"), e.getMessage());
    }

    @Test
    void badFillsAndMarksAreRefusedNamingTheInstrumentAndValue()
    {
        final PnlLedger ledger = new PnlLedger("BTC");
        final int perp = ledger.add("deribit:BTC-PERPETUAL", ValueConvention.INVERSE, PnlLedger.Book.HEDGE);
        final IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
            () -> ledger.onMark(perp, Double.NaN));
        assertTrue(nan.getMessage().contains("deribit:BTC-PERPETUAL") && nan.getMessage().contains("NaN"));
        assertThrows(IllegalArgumentException.class, () -> ledger.onFill(perp, T0, 10, 0.0, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> ledger.onFill(7, T0, 10, 1.0, 1.0, 0));
        assertThrows(IllegalArgumentException.class, () -> ledger.add("deribit:BTC-PERPETUAL", ValueConvention.LINEAR,
            PnlLedger.Book.HEDGE));
    }
}
