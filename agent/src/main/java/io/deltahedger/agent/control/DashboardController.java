package io.deltahedger.agent.control;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /}: the dashboard, one self-contained page (no external scripts, fonts or styles; it works without
 * network). It holds no data itself: it asks for the API token (or takes it from the URL fragment {@code #token=...},
 * which browsers never send to the server) and reads {@code /api/stream} with it.
 */
@Controller
final class DashboardController
{
    private final String page;

    DashboardController()
    {
        try (InputStream in = DashboardController.class.getResourceAsStream("/dashboard/index.html"))
        {
            if (in == null)
            {
                throw new IllegalStateException("dashboard/index.html is missing from the agent's jar: rebuild it");
            }
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("could not read the dashboard page", e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> index()
    {
        return HttpResponse.ok(page)
            .header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'")
            .header("Cache-Control", "no-store");
    }
}
