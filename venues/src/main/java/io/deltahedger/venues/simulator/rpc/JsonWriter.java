package io.deltahedger.venues.simulator.rpc;

import io.netty.buffer.ByteBuf;

/**
 * A streaming JSON writer straight into a Netty {@link ByteBuf}: no intermediate strings or trees, so encoding a
 * book notification allocates nothing. Commas are tracked per nesting level; callers only say what comes next.
 *
 * <p>Not thread-safe; one instance per exchange thread, re-targeted with {@link #wrap(ByteBuf)} per message.
 */
public final class JsonWriter
{
    private static final int MAX_DEPTH = 64;
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
    };

    private final boolean[] needsComma = new boolean[MAX_DEPTH];
    private final byte[] digits = new byte[20];
    private ByteBuf buf;
    private int depth;

    /**
     * Starts writing a new document at the buffer's writer index.
     */
    public JsonWriter wrap(final ByteBuf buf)
    {
        this.buf = buf;
        this.depth = 0;
        this.needsComma[0] = false;
        return this;
    }

    public ByteBuf buffer()
    {
        return buf;
    }

    public JsonWriter beginObject()
    {
        separate();
        buf.writeByte('{');
        push();
        return this;
    }

    public JsonWriter endObject()
    {
        depth--;
        buf.writeByte('}');
        return this;
    }

    public JsonWriter beginArray()
    {
        separate();
        buf.writeByte('[');
        push();
        return this;
    }

    public JsonWriter endArray()
    {
        depth--;
        buf.writeByte(']');
        return this;
    }

    /**
     * Writes a member name; the next value call writes its value.
     */
    public JsonWriter name(final String name)
    {
        separate();
        writeQuoted(name);
        buf.writeByte(':');
        needsComma[depth] = false;
        return this;
    }

    public JsonWriter string(final CharSequence value)
    {
        separate();
        if (value == null)
        {
            buf.writeBytes(NULL);
        }
        else
        {
            writeQuoted(value);
        }
        return this;
    }

    public JsonWriter bool(final boolean value)
    {
        separate();
        buf.writeBytes(value ? TRUE : FALSE);
        return this;
    }

    public JsonWriter nullValue()
    {
        separate();
        buf.writeBytes(NULL);
        return this;
    }

    public JsonWriter number(final long value)
    {
        separate();
        writeLong(value);
        return this;
    }

    /**
     * Writes a decimal rounded half-up to {@code maxDecimals} places, without trailing zeros.
     *
     * @throws IllegalStateException if the value is NaN or infinite: a non-finite number must never reach a client.
     */
    public JsonWriter decimal(final double value, final int maxDecimals)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalStateException("refusing to write a non-finite number " + value + " to the wire");
        }
        if (maxDecimals < 0 || maxDecimals >= POWERS_OF_TEN.length)
        {
            throw new IllegalArgumentException("maxDecimals must be in [0, 12] but was " + maxDecimals);
        }
        separate();
        final double scaledValue = value * POWERS_OF_TEN[maxDecimals];
        if (Math.abs(scaledValue) >= 9.0e18)
        {
            writeAscii(Double.toString(value));
            return this;
        }
        long scaled = Math.round(scaledValue);
        if (scaled < 0)
        {
            buf.writeByte('-');
            scaled = -scaled;
        }
        final long divisor = POWERS_OF_TEN[maxDecimals];
        writeLong(scaled / divisor);
        long fraction = scaled % divisor;
        if (fraction != 0)
        {
            int places = maxDecimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                places--;
            }
            buf.writeByte('.');
            for (int i = places - 1; i >= 0; i--)
            {
                buf.writeByte((int)('0' + (fraction / POWERS_OF_TEN[i]) % 10));
            }
        }
        return this;
    }

    /**
     * Writes already-encoded JSON (a number or a string token taken from a request, such as its {@code id}).
     */
    public JsonWriter rawValue(final String json)
    {
        separate();
        writeAscii(json);
        return this;
    }

    private void push()
    {
        if (++depth >= MAX_DEPTH)
        {
            throw new IllegalStateException("JSON nesting deeper than " + MAX_DEPTH);
        }
        needsComma[depth] = false;
    }

    private void separate()
    {
        if (needsComma[depth])
        {
            buf.writeByte(',');
        }
        needsComma[depth] = true;
    }

    private void writeLong(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            writeAscii(Long.toString(value));
            return;
        }
        long remaining = value;
        if (remaining < 0)
        {
            buf.writeByte('-');
            remaining = -remaining;
        }
        int count = 0;
        do
        {
            digits[count++] = (byte)('0' + remaining % 10);
            remaining /= 10;
        }
        while (remaining != 0);
        while (count > 0)
        {
            buf.writeByte(digits[--count]);
        }
    }

    private void writeAscii(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            buf.writeByte(text.charAt(i));
        }
    }

    private void writeQuoted(final CharSequence text)
    {
        buf.writeByte('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                buf.writeByte('\\');
                buf.writeByte(c);
            }
            else if (c < 0x20)
            {
                buf.writeByte('\\');
                buf.writeByte('u');
                buf.writeByte('0');
                buf.writeByte('0');
                buf.writeByte(HEX[c >> 4]);
                buf.writeByte(HEX[c & 0xF]);
            }
            else if (c < 0x80)
            {
                buf.writeByte(c);
            }
            else if (c < 0x800)
            {
                buf.writeByte(0xC0 | (c >> 6));
                buf.writeByte(0x80 | (c & 0x3F));
            }
            else if (Character.isSurrogate(c) && i + 1 < text.length())
            {
                final int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buf.writeByte(0xF0 | (codePoint >> 18));
                buf.writeByte(0x80 | ((codePoint >> 12) & 0x3F));
                buf.writeByte(0x80 | ((codePoint >> 6) & 0x3F));
                buf.writeByte(0x80 | (codePoint & 0x3F));
            }
            else
            {
                buf.writeByte(0xE0 | (c >> 12));
                buf.writeByte(0x80 | ((c >> 6) & 0x3F));
                buf.writeByte(0x80 | (c & 0x3F));
            }
        }
        buf.writeByte('"');
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
}
