package io.deltahedger.agent.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.sse.Event;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The token-guarded API ({@link ApiTokenFilter}): status, operator commands, runtime policy changes and the live status
 * stream the dashboard draws from. Bodies are parsed strictly; every refusal is a 400 whose {@code errors} name the
 * field, the value and the fix.
 */
@Controller("/api")
final class ApiController
{
    /** Header naming the operator, journaled with each action. */
    static final String ACTOR_HEADER = "X-Deltahedger-Actor";
    /** How often the stream sends a status document. */
    static final Duration STREAM_PERIOD = Duration.ofMillis(500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ControlPlane plane;

    ApiController(final ControlPlane plane)
    {
        this.plane = plane;
    }

    @Get(value = "/status", produces = MediaType.APPLICATION_JSON)
    Map<String, Object> status()
    {
        return plane.status();
    }

    @Post(value = "/control/{action}", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
    HttpResponse<ControlOutcome> control(@PathVariable final String action, @Nullable @Body final String body,
                                         final HttpRequest<?> request)
    {
        final ControlAction parsed = ControlAction.ofPath(action);
        if (parsed == null)
        {
            throw new BadRequestException(List.of("action: '" + action + "' is not a control action: use one of "
                + "pause, resume, flatten, kill"));
        }
        final JsonNode node = parseOptional(body);
        String reason = "";
        if (node != null)
        {
            if (!node.isObject())
            {
                throw new BadRequestException(List.of("the body must be empty or a JSON object such as "
                    + "{\"reason\": \"maintenance\"}"));
            }
            for (final var it = node.fieldNames(); it.hasNext(); )
            {
                final String name = it.next();
                if (!name.equals("reason"))
                {
                    throw new BadRequestException(List.of(name + ": unknown field: the only field is reason"));
                }
            }
            final JsonNode r = node.get("reason");
            if (r != null && (!r.isTextual() || r.asText().length() > Actor.MAX_TEXT))
            {
                throw new BadRequestException(List.of("reason: must be a string of at most " + Actor.MAX_TEXT
                    + " characters"));
            }
            reason = r == null ? "" : r.asText();
        }
        return answer(plane.control(parsed, actor(request, reason)));
    }

    @Put(value = "/policy", produces = MediaType.APPLICATION_JSON, consumes = MediaType.ALL)
    HttpResponse<ControlOutcome> policy(@Nullable @Body final String body, final HttpRequest<?> request)
    {
        final JsonNode node = parseOptional(body);
        final PolicyChange change = PolicyChange.parse(node);
        return answer(plane.changePolicy(change, actor(request, change.reason())));
    }

    /** Server-sent events: a {@code status} event now and every {@link #STREAM_PERIOD}. */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> stream()
    {
        return Flux.interval(Duration.ZERO, STREAM_PERIOD)
            .map(tick -> Event.of(write(plane.status())).name("status"));
    }

    @Error(exception = BadRequestException.class)
    HttpResponse<Map<String, Object>> badRequest(final BadRequestException e)
    {
        return HttpResponse.badRequest(Map.of("errors", e.errors()));
    }

    private static HttpResponse<ControlOutcome> answer(final ControlOutcome outcome)
    {
        return HttpResponse.status(outcome.accepted() ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(outcome);
    }

    private static Actor actor(final HttpRequest<?> request, final String reason)
    {
        final String header = request.getHeaders().get(ACTOR_HEADER);
        final String name = header == null ? "api-token" : header.trim();
        if (name.isEmpty() || name.length() > Actor.MAX_TEXT || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
        {
            throw new BadRequestException(List.of(ACTOR_HEADER + ": must be 1.." + Actor.MAX_TEXT
                + " printable ASCII characters naming the operator, e.g. alice"));
        }
        return new Actor(name, String.valueOf(request.getRemoteAddress().getAddress().getHostAddress()), reason);
    }

    private static JsonNode parseOptional(final String body)
    {
        if (body == null || body.isBlank())
        {
            return null;
        }
        try
        {
            return JSON.readTree(body);
        }
        catch (final JsonProcessingException e)
        {
            throw new BadRequestException(List.of("the body is not valid JSON: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr())));
        }
    }

    private static String write(final Object value)
    {
        try
        {
            return JSON.writeValueAsString(value);
        }
        catch (final JsonProcessingException e)
        {
            throw new IllegalStateException("status is not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
