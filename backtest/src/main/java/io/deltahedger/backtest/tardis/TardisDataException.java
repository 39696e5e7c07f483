package io.deltahedger.backtest.tardis;

/**
 * A Tardis file cannot be read: its header is not one this reader knows, or (in strict mode) a bad row was met.
 * The message names the file, the line, the kind of problem and the offending value.
 */
public final class TardisDataException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public TardisDataException(final String message)
    {
        super(message);
    }
}
