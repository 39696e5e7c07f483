package io.deltahedger.venues.deribit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.marketdata.TickerField;
import io.deltahedger.venues.simulator.market.OptionBoard;
import io.deltahedger.venues.simulator.market.SimInstrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * End to end: the venue's option Greeks and implied vols travel from the simulator's option chain (priced with the
 * greeks module) through Deribit's ticker channel into the client's allocation-free decoder unchanged.
 */
class DeribitOptionTickerTest {
    @Test
    @Timeout(30)
    void optionTickersCarryTheVenuesMarkIvAndGreeks() throws Exception {
        final String[] option = new String[1];
        try (ClientHarness h = new ClientHarness(ClientHarness.simConfig(), c -> {
            option[0] = aThirtyDayCall(c.uri());
            return c.withTickers(List.of(option[0]));
        })) {
            final int index = h.registry.indexOfNative(Venue.DERIBIT, option[0]);
            final Instrument instrument = h.registry.instrument(index);
            assertEquals(InstrumentKind.OPTION, instrument.kind());
            h.start();
            h.awaitLive();
            h.advance(1_000, 500);
            h.pollUntil("an option ticker", () -> h.lastTicker.instrumentIndex() == index
                && h.lastTicker.has(TickerField.GREEKS), 5_000);
            h.settle();

            final SimInstrument sim = h.sim.instruments().stream().filter(i -> i.name().equals(option[0]))
                .findFirst().orElseThrow();
            final double[] venue = h.sim.call(() -> {
                final OptionBoard board = h.sim.market().options();
                return new double[] {board.markIv(sim.index()), board.delta(sim.index()), board.gamma(sim.index()),
                    board.vega(sim.index()), board.theta(sim.index())};
            });
            assertTrue(h.lastTicker.has(TickerField.MARK_IV), "mark_iv decoded");
            assertEquals(venue[0] / 100.0, h.lastTicker.markIv(), 1e-4, "mark IV (decoded as a fraction)");
            assertEquals(venue[1], h.lastTicker.delta(), 1e-4, "delta");
            assertEquals(venue[2], h.lastTicker.gamma(), 1e-6 * Math.max(1e-6, Math.abs(venue[2])) + 1e-9, "gamma");
            assertEquals(venue[3], h.lastTicker.vega(), 1e-3 * Math.max(1.0, Math.abs(venue[3])), "vega");
            assertEquals(venue[4], h.lastTicker.theta(), 1e-3 * Math.max(1.0, Math.abs(venue[4])), "theta");
            assertTrue(h.lastTicker.delta() > 0 && h.lastTicker.delta() < 1, "a call's delta is in (0, 1)");
            assertTrue(h.lastTicker.markIv() > 0.05 && h.lastTicker.markIv() < 5, "mark IV is a fraction");
        }
    }

    /** A listed BTC call of the 30-day expiry (the first beyond 20 days), found by asking the venue over HTTP. */
    private static String aThirtyDayCall(final URI webSocketUri) {
        try {
            final URI http = URI.create("http://" + webSocketUri.getHost() + ":" + webSocketUri.getPort()
                + "/api/v2/public/get_instruments?currency=BTC&kind=option");
            final JsonNode result = new ObjectMapper().readTree(HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(http).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("result");
            long shortest = Long.MAX_VALUE;
            for (final JsonNode i : result) {
                shortest = Math.min(shortest, i.get("expiration_timestamp").asLong());
            }
            String best = null;
            long bestExpiry = Long.MAX_VALUE;
            for (final JsonNode i : result) {
                final long expiry = i.get("expiration_timestamp").asLong();
                if ("call".equals(i.get("option_type").asText()) && expiry - shortest > 20L * 86_400_000L
                    && expiry < bestExpiry) {
                    bestExpiry = expiry;
                    best = i.get("instrument_name").asText();
                }
            }
            return best == null ? result.get(0).get("instrument_name").asText() : best;
        } catch (final Exception ex) {
            throw new AssertionError("could not list the simulator's options", ex);
        }
    }
}
