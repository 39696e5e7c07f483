package io.deltahedger.hedger.execution;

import io.deltahedger.venues.order.OrderRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The execution stage's write-ahead order hook and the continuation of group ids after a restart. */
class OrderJournalTest
{
    @Test
    void everyOrderIsRecordedExactlyBeforeItIsPlaced()
    {
        final List<OrderRequest> recorded = new ArrayList<>();
        final List<Integer> placedWhenRecorded = new ArrayList<>();
        final ExecutorRig[] rig = new ExecutorRig[1];
        rig[0] = new ExecutorRig(ExecutorRig.config(), (accountId, request, nowMs) ->
        {
            recorded.add(request);
            placedWhenRecorded.add(rig[0].a.placed().size() + rig[0].b.placed().size());
            return true;
        });
        rig[0].start(ExecutorRig.sell(1_500, 1_000));
        final List<OrderRequest> placed = new ArrayList<>(rig[0].a.placed());
        placed.addAll(rig[0].b.placed());
        assertEquals(placed, recorded, "the exact requests, in the order placed");
        assertEquals(List.of(0, 1), placedWhenRecorded, "each recorded before its place");
    }

    @Test
    void anOrderTheJournalRefusesIsNeverPlacedAndItsGroupEnds()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config(), (accountId, request, nowMs) -> false);
        rig.start(ExecutorRig.sell(1_500, 1_000));
        assertEquals(List.of(), rig.a.placed());
        assertEquals(List.of(), rig.b.placed());
        assertEquals(1, rig.done.size(), "nothing can be sent: the group ends at once");
        assertEquals(GroupState.COMPENSATED, rig.done.get(0).state(), "nothing filled, nothing to reverse");
        assertTrue(rig.done.get(0).reason().contains("the journal refused it"), rig.done.get(0).reason());
    }

    @Test
    void groupIdsContinueAboveTheJournalsHighestOnlyBeforeTheFirstGroup()
    {
        final ExecutorRig rig = new ExecutorRig(ExecutorRig.config().withFirstGroupId(100));
        rig.executor.continueAfter(57);
        assertEquals(100, rig.executor.nextGroupId(), "the configured first id is higher");
        rig.executor.continueAfter(141);
        assertEquals(142, rig.executor.nextGroupId());
        assertEquals(142, rig.start(ExecutorRig.sell(1_500, 0)));
        assertThrows(IllegalStateException.class, () -> rig.executor.continueAfter(500));
    }
}
