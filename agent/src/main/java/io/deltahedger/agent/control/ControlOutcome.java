package io.deltahedger.agent.control;

/**
 * The answer to a control request.
 *
 * @param action   what was asked ({@code pause}, ..., {@code policy})
 * @param accepted true if queued to the engine; false if refused (the message says why)
 * @param message  what happens next, or why not
 */
public record ControlOutcome(String action, boolean accepted, String message)
{
}
