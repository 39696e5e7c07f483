package io.deltahedger.venues.simulator.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to a request's {@code params}. Values may arrive as JSON numbers/booleans (WebSocket, POST) or as
 * strings (HTTP GET query parameters), as Deribit accepts both; every accessor coerces and every failure is a
 * {@code -32602 Invalid params} error naming the parameter, the value and what is expected.
 */
public final class Params
{
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final JsonNode node;

    public Params(final JsonNode node)
    {
        if (node != null && !node.isNull() && !node.isObject())
        {
            throw RpcError.invalidParam("params", "params must be a JSON object but was " + node.getNodeType());
        }
        this.node = node == null || node.isNull() ? EMPTY : node;
    }

    public boolean has(final String name)
    {
        final JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String requireString(final String name)
    {
        final String value = optString(name, null);
        if (value == null || value.isEmpty())
        {
            throw RpcError.invalidParam(name, "missing required parameter '" + name + "'");
        }
        return value;
    }

    public String optString(final String name, final String defaultValue)
    {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        if (!value.isValueNode())
        {
            throw RpcError.invalidParam(name, "'" + name + "' must be a string but was " + value);
        }
        return value.asText();
    }

    public double requireDouble(final String name)
    {
        if (!has(name))
        {
            throw RpcError.invalidParam(name, "missing required parameter '" + name + "'");
        }
        return optDouble(name, Double.NaN);
    }

    /**
     * @return the finite number, or the default when absent.
     */
    public double optDouble(final String name, final double defaultValue)
    {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        final double parsed;
        if (value.isNumber())
        {
            parsed = value.doubleValue();
        }
        else if (value.isTextual())
        {
            try
            {
                parsed = Double.parseDouble(value.textValue());
            }
            catch (final NumberFormatException ex)
            {
                throw RpcError.invalidParam(name, "'" + name + "' must be a number but was '" + value.textValue() + "'");
            }
        }
        else
        {
            throw RpcError.invalidParam(name, "'" + name + "' must be a number but was " + value);
        }
        if (!Double.isFinite(parsed))
        {
            throw RpcError.invalidParam(name, "'" + name + "' must be a finite number but was " + value);
        }
        return parsed;
    }

    public long optLong(final String name, final long defaultValue)
    {
        final double value = optDouble(name, defaultValue);
        if (value != Math.rint(value))
        {
            throw RpcError.invalidParam(name, "'" + name + "' must be an integer but was " + value);
        }
        return (long)value;
    }

    public boolean optBoolean(final String name, final boolean defaultValue)
    {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull())
        {
            return defaultValue;
        }
        if (value.isBoolean())
        {
            return value.booleanValue();
        }
        if (value.isTextual() && ("true".equals(value.textValue()) || "false".equals(value.textValue())))
        {
            return Boolean.parseBoolean(value.textValue());
        }
        throw RpcError.invalidParam(name, "'" + name + "' must be true or false but was " + value);
    }

    /**
     * Reads a list of strings: a JSON array, or over HTTP GET a comma-separated string or a JSON array in a string.
     */
    public List<String> requireStringList(final String name)
    {
        final JsonNode value = node.get(name);
        if (value == null || value.isNull())
        {
            throw RpcError.invalidParam(name, "missing required parameter '" + name + "'");
        }
        final List<String> result = new ArrayList<>();
        if (value.isArray())
        {
            for (final JsonNode element : value)
            {
                if (!element.isTextual())
                {
                    throw RpcError.invalidParam(name, "'" + name + "' must hold strings but held " + element);
                }
                result.add(element.textValue());
            }
        }
        else if (value.isTextual())
        {
            final String text = value.textValue().trim();
            final String inner = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
            for (final String part : inner.split(","))
            {
                final String trimmed = part.trim().replace("\"", "");
                if (!trimmed.isEmpty())
                {
                    result.add(trimmed);
                }
            }
        }
        else
        {
            throw RpcError.invalidParam(name, "'" + name + "' must be an array of strings but was " + value);
        }
        return result;
    }

    public JsonNode node()
    {
        return node;
    }
}
