package io.deltahedger.agent.control;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Bearer-token authentication for everything but health and the dashboard page: a missing or wrong token gets 401
 * with an empty body and no hint of why (the dashboard page itself holds no data; it asks for the token).
 */
@ServerFilter({"/api/**", "/prometheus"})
final class ApiTokenFilter
{
    private final ApiToken token;

    ApiTokenFilter(final ApiToken token)
    {
        this.token = token;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> authenticate(final HttpRequest<?> request)
    {
        if (token.matchesHeader(request.getHeaders().get("Authorization")))
        {
            return null;
        }
        return HttpResponse.unauthorized().header("WWW-Authenticate", "Bearer");
    }
}
