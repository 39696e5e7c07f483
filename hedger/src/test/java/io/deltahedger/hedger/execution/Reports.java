package io.deltahedger.hedger.execution;

import io.deltahedger.venues.order.ExecType;
import io.deltahedger.venues.order.ExecutionReport;
import io.deltahedger.venues.order.OrderRequest;
import io.deltahedger.venues.order.RejectReason;

/** What a venue would answer to an order, as {@link ExecutionReport}s (cumulative fills are the caller's to track). */
public final class Reports
{
    private Reports()
    {
    }

    public static ExecutionReport ack(final OrderRequest o, final long ms)
    {
        return new ExecutionReport(o.clientOrderId(), "v" + o.clientOrderId(), o.instrument(), ExecType.ACK,
            o.priceTicks(), o.amountLots(), 0, 0, 0, null, "", ms);
    }

    /** A fill of {@code lots} at {@code priceTicks}, {@code cum} filled in all (FILL when that completes the order). */
    public static ExecutionReport fill(final OrderRequest o, final long lots, final long cum, final long priceTicks,
                                       final long ms)
    {
        return new ExecutionReport(o.clientOrderId(), "v" + o.clientOrderId(), o.instrument(),
            cum == o.amountLots() ? ExecType.FILL : ExecType.PARTIAL_FILL, o.priceTicks(), o.amountLots(), priceTicks,
            lots, cum, null, "", ms);
    }

    /** The whole order filled at once at its limit. */
    public static ExecutionReport filled(final OrderRequest o, final long ms)
    {
        return fill(o, o.amountLots(), o.amountLots(), o.priceTicks(), ms);
    }

    /** IOC expiry of the remainder after {@code cum} lots filled. */
    public static ExecutionReport canceled(final OrderRequest o, final long cum, final long ms)
    {
        return new ExecutionReport(o.clientOrderId(), "v" + o.clientOrderId(), o.instrument(), ExecType.CANCELED,
            o.priceTicks(), o.amountLots(), 0, 0, cum, null, "immediate_or_cancel", ms);
    }

    public static ExecutionReport rejected(final OrderRequest o, final RejectReason reason, final long ms)
    {
        return new ExecutionReport(o.clientOrderId(), null, o.instrument(), ExecType.REJECTED, o.priceTicks(),
            o.amountLots(), 0, 0, 0, reason, "refused", ms);
    }
}
