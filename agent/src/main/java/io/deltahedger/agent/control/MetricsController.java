package io.deltahedger.agent.control;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /prometheus}: the agent's metrics in the Prometheus text format (token-guarded like the API). */
@Controller("/prometheus")
final class MetricsController
{
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ControlPlane plane;

    MetricsController(final ControlPlane plane)
    {
        this.plane = plane;
    }

    @Get
    HttpResponse<String> scrape()
    {
        return HttpResponse.ok(plane.prometheus()).contentType(CONTENT_TYPE);
    }
}
