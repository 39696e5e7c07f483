package io.deltahedger.agent.control;

/**
 * Who asked for a control action, journaled with it.
 *
 * @param name          the operator's name from the {@code X-Deltahedger-Actor} header, or {@code api-token}
 * @param remoteAddress the client's address as the server saw it
 * @param reason        the free-text reason from the request body, or empty
 */
public record Actor(String name, String remoteAddress, String reason)
{
    /** Longest accepted name and reason, in characters. */
    public static final int MAX_TEXT = 200;

    public Actor
    {
        if (name == null || name.isBlank() || name.length() > MAX_TEXT)
        {
            throw new IllegalArgumentException("actor name must be 1.." + MAX_TEXT + " characters, got '" + name + "'");
        }
        if (remoteAddress == null)
        {
            throw new IllegalArgumentException("actor remote address is missing");
        }
        if (reason == null || reason.length() > MAX_TEXT)
        {
            throw new IllegalArgumentException("reason must be at most " + MAX_TEXT + " characters");
        }
    }
}
