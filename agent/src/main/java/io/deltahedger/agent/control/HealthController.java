package io.deltahedger.agent.control;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Public health endpoints (no token: a load balancer or supervisor must reach them). 200 when up, 503 when down, with
 * per-component details that name what is wrong but never carry secrets.
 */
@Controller("/health")
final class HealthController
{
    private final ControlPlane plane;

    HealthController(final ControlPlane plane)
    {
        this.plane = plane;
    }

    /** Both checks: up only when alive and ready. */
    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> health()
    {
        final Health liveness = plane.liveness();
        final Health readiness = plane.readiness();
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", liveness.up() && readiness.up() ? "UP" : "DOWN");
        body.put("liveness", render(liveness));
        body.put("readiness", render(readiness));
        return HttpResponse.status(liveness.up() && readiness.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
            .body(body);
    }

    @Get(value = "/liveness", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> liveness()
    {
        return answer(plane.liveness());
    }

    @Get(value = "/readiness", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> readiness()
    {
        return answer(plane.readiness());
    }

    private static HttpResponse<Map<String, Object>> answer(final Health health)
    {
        return HttpResponse.status(health.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(render(health));
    }

    static Map<String, Object> render(final Health health)
    {
        final Map<String, Object> components = new java.util.TreeMap<>();
        for (final Map.Entry<String, Health.Component> e : health.components().entrySet())
        {
            components.put(e.getKey(), Map.of("status", e.getValue().up() ? "UP" : "DOWN", "detail", e.getValue().detail()));
        }
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.up() ? "UP" : "DOWN");
        body.put("components", components);
        return body;
    }
}
