package io.deltahedger.config.venue;

import io.deltahedger.config.secret.SecretReference;

import java.util.Objects;

/**
 * A venue API key, by reference only: the values are read when the session starts, never held here.
 *
 * @param clientId     where the client id is ({@code env:NAME} or {@code file:PATH}).
 * @param clientSecret where the client secret is.
 */
public record VenueCredentials(SecretReference clientId, SecretReference clientSecret)
{
    public VenueCredentials
    {
        Objects.requireNonNull(clientId, "credentials.client-id: give env:NAME or file:PATH");
        Objects.requireNonNull(clientSecret, "credentials.client-secret: give env:NAME or file:PATH");
    }
}
