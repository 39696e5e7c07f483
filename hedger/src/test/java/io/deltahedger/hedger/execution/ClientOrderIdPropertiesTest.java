package io.deltahedger.hedger.execution;

import io.deltahedger.venues.order.ClientOrderId;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.RejectReason;
import io.deltahedger.venues.order.SendResult;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.deltahedger.hedger.execution.ExecutorRig.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random venues: over seeded random sequences of partial fills, cancels, rejects, back-pressure, disconnects and time,
 * a two-leg group never gives one client order id to two different orders, always ends in a terminal state, sends
 * nothing after it ended, and its outcome accounts for exactly the lots the venues filled.
 */
class ClientOrderIdPropertiesTest
{
    /** An order a venue took and has not finished. */
    private record Live(int account, OrderRequest request, long[] cum)
    {
    }

    @Property(seed = "20261121", tries = 300)
    void noClientOrderIdIsEverUsedForTwoOrdersAndEveryGroupEndsAccountedFor(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final ExecutorRig rig = new ExecutorRig(ExecutionConfig.defaults().withTimeouts(2_000, 3_000, 150)
            .withSlicing(random.nextBoolean() ? SlicingPolicy.NONE : new SlicingPolicy.Iceberg(700)));
        final RecordingGateway[] gateways = {rig.a, rig.b};
        final List<Live> live = new ArrayList<>();
        final int[] seen = {0, 0};
        final long[] forwardFilled = new long[2];
        final long[] reversed = new long[2];
        long now = T0;
        rig.start(ExecorRigLegs.of(random));
        for (int step = 0; step < 400 && rig.done.isEmpty(); step++)
        {
            collect(gateways, seen, live);
            final int action = random.nextInt(10);
            if (action <= 5 && !live.isEmpty())
            {
                final Live order = live.get(random.nextInt(live.size()));
                final OrderRequest o = order.request();
                final long leaves = o.amountLots() - order.cum()[0];
                final ExecutionReport report;
                if (action <= 2)
                {
                    final long lots = 1 + random.nextLong(leaves);
                    order.cum()[0] += lots;
                    (o.reduceOnly() ? reversed : forwardFilled)[order.account()] += lots;
                    report = Reports.fill(o, lots, order.cum()[0], o.priceTicks(), now);
                    if (order.cum()[0] == o.amountLots())
                    {
                        live.remove(order);
                    }
                }
                else if (action <= 4)
                {
                    report = Reports.canceled(o, order.cum()[0], now);
                    live.remove(order);
                }
                else
                {
                    report = order.cum()[0] == 0 ? Reports.rejected(o, random.nextBoolean() ? RejectReason.RETRYABLE
                        : RejectReason.INSUFFICIENT_MARGIN, now) : Reports.canceled(o, order.cum()[0], now);
                    live.remove(order);
                }
                rig.report(order.account(), report, now);
            }
            else if (action == 6)
            {
                gateways[random.nextInt(2)].answer(random.nextBoolean() ? SendResult.BACK_PRESSURED
                    : SendResult.NOT_CONNECTED);
            }
            else
            {
                now += 1 + random.nextInt(300);
                rig.executor.poll(now);
            }
        }
        // the venues finish whatever is left; time runs past both deadlines
        for (int round = 0; round < 200 && rig.done.isEmpty(); round++)
        {
            collect(gateways, seen, live);
            for (final Live order : List.copyOf(live))
            {
                rig.report(order.account(), Reports.canceled(order.request(), order.cum()[0], now), now);
                live.remove(order);
            }
            now += 100;
            rig.executor.poll(now);
        }

        assertEquals(1, rig.done.size(), "the group ended");
        final GroupOutcome outcome = rig.outcome();
        assertTrue(outcome.state().terminal());
        final int placedAtEnd = rig.a.placed().size() + rig.b.placed().size();
        rig.executor.poll(now + 10_000);
        assertEquals(placedAtEnd, rig.a.placed().size() + rig.b.placed().size(), "nothing sent after the end");

        final Map<ClientOrderId, OrderRequest> byId = new HashMap<>();
        for (final RecordingGateway gateway : gateways)
        {
            for (final OrderRequest request : gateway.placed())
            {
                final OrderRequest before = byId.putIfAbsent(request.clientOrderId(), request);
                assertTrue(before == null || before.equals(request),
                    () -> "id " + request.clientOrderId() + " used for " + before + " and " + request);
                assertEquals(outcome.groupId(), request.clientOrderId().groupId());
            }
        }
        for (final LegOutcome leg : outcome.legs())
        {
            assertEquals(forwardFilled[leg.accountId()], leg.filledLots(), () -> "leg " + leg);
            assertEquals(reversed[leg.accountId()], leg.reversedLots(), () -> "leg " + leg);
            assertTrue(leg.filledLots() <= leg.wantedLots() || outcome.state() != GroupState.COMPLETE);
        }
        if (outcome.state() == GroupState.COMPENSATED)
        {
            assertTrue(outcome.legs().stream().allMatch(l -> l.netSignedLots() == 0), outcome::toString);
        }
        if (outcome.state() == GroupState.COMPLETE)
        {
            assertEquals(-2.5, outcome.filledCoin(), 1e-9);
        }
    }

    /** Orders the gateways took since last time become live (back-pressured re-sends of a live id are not new). */
    private static void collect(final RecordingGateway[] gateways, final int[] seen, final List<Live> live)
    {
        for (int g = 0; g < gateways.length; g++)
        {
            final List<OrderRequest> placed = gateways[g].placed();
            final List<SendResult> results = gateways[g].results();
            for (; seen[g] < placed.size(); seen[g]++)
            {
                if (results.get(seen[g]) == SendResult.SENT)
                {
                    live.add(new Live(g, placed.get(seen[g]), new long[1]));
                }
            }
        }
    }

    /** Two sell legs splitting 2,500 lots at random. */
    private static final class ExecorRigLegs
    {
        static io.deltahedger.marginmonitor.gate.LegGroup of(final SplittableRandom random)
        {
            final long onA = 1 + random.nextInt(2_499);
            return ExecutorRig.sell(onA, 2_500 - onA);
        }
    }
}
