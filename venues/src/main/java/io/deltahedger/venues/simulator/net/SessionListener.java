package io.deltahedger.venues.simulator.net;

import io.deltahedger.venues.simulator.rpc.Session;

/**
 * Told, on the exchange thread, when a WebSocket session opens and closes.
 */
public interface SessionListener
{
    void onOpened(Session session);

    void onClosed(Session session);
}
