package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.policy.HedgeReason;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.connection.ConnectionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A hedge the venue account already holds (after a restart, or placed by the desk) is counted, not hedged again: the
 * first snapshot of an account seeds the portfolio's delta-one positions; later snapshots, which may lag the engine's
 * own fills, do not overwrite them. The world is 2.5 BTC long; the account holds BTCUSDT short.
 */
@Timeout(30)
class ExistingPositionTest
{
    @Test
    void theFirstSnapshotsHedgeIsCountedSoABreachIsNotHedgedTwice()
    {
        try (ExecutionWorld w = new ExecutionWorld(ExecutionConfig.defaults()))
        {
            w.pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
            w.accountHolding(100_000, -2_500);
            w.market(40_000);
            w.clock.advanceMs(100);
            w.market(50_000);
            final RecordingSink.Outcome last = w.lastDecision();
            assertEquals(0.0, last.deltaCoin(), 1e-12, "2.5 BTC long less the 2.5 BTC the venue says is hedged");
            assertEquals(HedgeReason.INSIDE_BAND, last.reason());
            assertEquals(0, w.gateway.placed().size(), "nothing sent");
        }
    }

    @Test
    void aLaterSnapshotDoesNotOverwriteTheBooksPosition()
    {
        try (ExecutionWorld w = new ExecutionWorld(ExecutionConfig.defaults()))
        {
            w.pipeline.publishConnectionState(Venue.BINANCE_USDM, ConnectionState.LIVE);
            w.accountHolding(100_000, -1_000);
            w.market(40_000);
            // a snapshot taken before some fill of ours would show less; it must not move the book's position
            w.clock.advanceMs(100);
            w.accountHolding(100_000, 0);
            w.market(40_000);
            assertEquals(1.5, w.lastDecision().deltaCoin(), 1e-12, "2.5 - 1.0 from the first snapshot only");
        }
    }
}
