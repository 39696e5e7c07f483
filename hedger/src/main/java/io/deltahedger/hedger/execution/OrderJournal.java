package io.deltahedger.hedger.execution;

import io.deltahedger.venues.order.OrderRequest;

/**
 * Where the execution stage records each new order before placing it (write-ahead: the pipeline's journal, issue 5).
 * Called on the execution stage thread once per client order id, before its first {@code place}; a back-pressured
 * order placed again later keeps its id and is not recorded again. Returning false refuses the order: it is not
 * placed, and its leg is closed for the group as if its account were not connected (the group then re-routes,
 * ends or compensates, whose orders meet the same refusal). That is how a failed journal stops new orders (fail
 * closed: the engine never trades what it cannot journal).
 */
@FunctionalInterface
public interface OrderJournal
{
    /** Records nothing and allows every order (a pipeline without a journal). */
    OrderJournal NONE = (accountId, request, nowMs) -> true;

    /**
     * @param accountId the margin-book account the order goes to
     * @param request   the exact order about to be placed
     * @param nowMs     the event time it is sent at, epoch ms
     * @return true if recorded and the order may be placed; false to refuse it. Must not throw.
     */
    boolean beforePlace(int accountId, OrderRequest request, long nowMs);
}
