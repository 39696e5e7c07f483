package io.deltahedger.venues.deribit;

/**
 * A Deribit API key: client id and client secret. The secret is never printed: {@link #toString()} redacts it, and
 * nothing in this package logs it.
 *
 * @param clientId     the API key's client id
 * @param clientSecret the API key's secret
 */
public record DeribitCredentials(String clientId, String clientSecret) {
    public DeribitCredentials {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("Deribit clientId is empty: set it from the API key page");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("Deribit clientSecret for client " + clientId
                + " is empty: supply it by reference (environment or file), never inline");
        }
    }

    @Override
    public String toString() {
        return "DeribitCredentials[clientId=" + clientId + ", clientSecret=***]";
    }
}
