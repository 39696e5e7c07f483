package io.deltahedger.agent.control;

import java.util.List;

/** A request the control plane refuses with 400 and these messages (each names the field, the value and the fix). */
public final class BadRequestException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public BadRequestException(final List<String> errors)
    {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors()
    {
        return errors;
    }
}
