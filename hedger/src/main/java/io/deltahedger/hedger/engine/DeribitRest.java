package io.deltahedger.hedger.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deltahedger.venues.deribit.DeribitInstruments;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Start-up look-ups over Deribit's public HTTP API ({@code /api/v2/public/...}): the instrument list and option
 * tickers. Not a hot path (Jackson, the JDK HTTP client, a few requests at start-up).
 */
public final class DeribitRest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param base the API root ending in {@code /api/v2/}, e.g. {@code https://www.deribit.com/api/v2/} */
    public DeribitRest(final URI base)
    {
        if (base == null || !base.toString().endsWith("/api/v2/"))
        {
            throw new IllegalArgumentException("Deribit REST base must end in /api/v2/, was " + base
                + ": e.g. https://www.deribit.com/api/v2/ or ExchangeSimulator.httpUri()");
        }
        this.base = base;
    }

    /** A registry of every listed instrument (futures, perpetuals, options) of the currencies, in list order. */
    public InstrumentRegistry instruments(final List<String> currencies)
    {
        final InstrumentRegistry registry = new InstrumentRegistry();
        for (final String currency : currencies)
        {
            for (final Instrument instrument : DeribitInstruments.parse(get("public/get_instruments?currency=" + currency))
                .instruments())
            {
                registry.register(instrument);
            }
        }
        return registry;
    }

    /** An option's ticker: its mark IV and the venue's delta. */
    public DemoBook.Quote optionQuote(final Instrument option)
    {
        final JsonNode result = json(get("public/ticker?instrument_name=" + option.nativeName())).path("result");
        final double markIvPercent = result.path("mark_iv").asDouble(Double.NaN);
        final double delta = result.path("greeks").path("delta").asDouble(Double.NaN);
        if (!(markIvPercent > 0) || !Double.isFinite(delta))
        {
            throw new IllegalStateException("Deribit ticker of " + option.nativeName() + " has no mark_iv or delta: "
                + result);
        }
        return new DemoBook.Quote(markIvPercent / 100.0, delta);
    }

    private String get(final String pathAndQuery)
    {
        final URI uri = base.resolve(pathAndQuery);
        try
        {
            final HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200)
            {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                    + response.body());
            }
            return response.body();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("GET " + uri + " failed: " + ex.getMessage(), ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, ex);
        }
    }

    private static JsonNode json(final String body)
    {
        try
        {
            return MAPPER.readTree(body);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("Deribit reply is not JSON: " + ex.getMessage(), ex);
        }
    }
}
