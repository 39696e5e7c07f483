package io.deltahedger.config.daemon;

import io.deltahedger.config.secret.SecretReference;

import java.util.Objects;

/**
 * The control plane's HTTP listener ({@code control:}).
 *
 * @param bindAddress the address to listen on; loopback unless an operator opens it on purpose.
 * @param port        TCP port in [0, 65535]; 0 picks a free port (tests).
 * @param token       the bearer token for status and control, by reference.
 */
public record ControlSettings(String bindAddress, int port, SecretReference token)
{
    /** 127.0.0.1:8080, token from {@code env:DELTAHEDGER_API_TOKEN}. */
    public static final ControlSettings DEFAULT = new ControlSettings("127.0.0.1", 8080,
        SecretReference.parse("env:DELTAHEDGER_API_TOKEN"));

    public ControlSettings
    {
        if (bindAddress == null || bindAddress.isBlank())
        {
            throw new IllegalArgumentException("control.bind must name an address, e.g. 127.0.0.1");
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("control.port must be in [0, 65535], was " + port);
        }
        Objects.requireNonNull(token, "control.token");
    }

    /** True when bound to a loopback address only. */
    public boolean loopbackOnly()
    {
        return bindAddress.startsWith("127.") || "::1".equals(bindAddress) || "localhost".equals(bindAddress);
    }
}
