package io.deltahedger.venues.order;

import io.deltahedger.venues.Side;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.TestInstruments;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderRequestTest {
    private final Instrument perp = TestInstruments.btcPerpetual();
    private final ClientOrderId id = new ClientOrderId(7, 0, 0);

    @Test
    void acceptsWellFormedLimitAndMarketOrders() {
        final OrderRequest limit = OrderRequest.limit(id, perp, Side.BUY, 120_001, 3, TimeInForce.GTC);
        assertEquals("60000.5", perp.priceGrid().format(limit.priceTicks()));
        assertEquals("30", perp.amountGrid().format(limit.amountLots()));
        final OrderRequest market = OrderRequest.market(id, perp, Side.SELL, 1);
        assertEquals(TimeInForce.IOC, market.timeInForce());
        new OrderRequest(id, perp, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 120_001, 1, true, true);
    }

    @Test
    void refusesShapesTheVenueWouldRefuse() {
        final IllegalArgumentException belowMin = assertThrows(IllegalArgumentException.class,
            () -> OrderRequest.limit(id, perp, Side.BUY, 120_001, 0, TimeInForce.GTC));
        assertTrue(belowMin.getMessage().contains("minimum") && belowMin.getMessage().contains("deribit:BTC-PERPETUAL"));
        assertThrows(IllegalArgumentException.class, () -> OrderRequest.limit(id, perp, Side.BUY, 0, 1, TimeInForce.GTC));
        assertThrows(IllegalArgumentException.class, () -> new OrderRequest(id, perp, Side.BUY, OrderType.MARKET,
            TimeInForce.IOC, 5, 1, false, false));
        assertThrows(IllegalArgumentException.class, () -> new OrderRequest(id, perp, Side.BUY, OrderType.LIMIT,
            TimeInForce.IOC, 5, 1, true, false));
        assertThrows(IllegalArgumentException.class, () -> new AmendRequest(id, perp, 0, 1));
    }
}
