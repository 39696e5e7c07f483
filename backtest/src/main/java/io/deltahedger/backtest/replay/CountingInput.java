package io.deltahedger.backtest.replay;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A stream counting the bytes read from it (the file's, before inflation): the progress bar's percentage. */
final class CountingInput extends FilterInputStream
{
    long count;

    CountingInput(final InputStream in)
    {
        super(in);
    }

    @Override
    public int read() throws IOException
    {
        final int b = super.read();
        if (b >= 0)
        {
            count++;
        }
        return b;
    }

    @Override
    public int read(final byte[] b, final int off, final int len) throws IOException
    {
        final int n = super.read(b, off, len);
        if (n > 0)
        {
            count += n;
        }
        return n;
    }

    @Override
    public long skip(final long n) throws IOException
    {
        final long s = super.skip(n);
        count += s;
        return s;
    }
}
