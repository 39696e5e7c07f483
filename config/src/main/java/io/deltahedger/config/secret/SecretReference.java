package io.deltahedger.config.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a secret lives: {@code env:NAME} (an environment variable) or {@code file:PATH} (a file whose content,
 * without a trailing newline, is the secret). Configuration holds only references, so secret values are never
 * written into configuration files or the repository.
 *
 * @param kind     the kind of store.
 * @param location the variable name or the file path.
 */
public record SecretReference(Kind kind, String location)
{
    /** The stores a secret can be read from. */
    public enum Kind
    {
        ENV("env"),
        FILE("file");

        private final String prefix;

        Kind(final String prefix)
        {
            this.prefix = prefix;
        }

        public String prefix()
        {
            return prefix;
        }
    }

    public SecretReference
    {
        if (kind == null)
        {
            throw new IllegalArgumentException("secret reference kind is missing: use env:NAME or file:PATH");
        }
        if (location == null || location.isBlank())
        {
            throw new IllegalArgumentException(
                "secret reference '" + (kind == null ? "" : kind.prefix) + ":' has no " +
                (kind == Kind.ENV ? "variable name: use env:NAME" : "path: use file:PATH"));
        }
    }

    /**
     * Parses {@code env:NAME} or {@code file:PATH}.
     *
     * @throws IllegalArgumentException naming the text and the accepted forms when it is neither.
     */
    public static SecretReference parse(final String text)
    {
        if (text != null)
        {
            for (final Kind kind : Kind.values())
            {
                if (text.startsWith(kind.prefix + ":"))
                {
                    return new SecretReference(kind, text.substring(kind.prefix.length() + 1).trim());
                }
            }
        }
        throw new IllegalArgumentException(
            "secret reference '" + describeInvalid(text) + "' is not env:NAME or file:PATH: " +
            "put the secret in an environment variable or a file and reference it, never the value itself");
    }

    /** Resolves against the process environment and the file system. */
    public Secret resolve()
    {
        return resolve(System.getenv()::get);
    }

    /**
     * Resolves against an injected environment (tests) and the file system.
     *
     * @throws IllegalStateException naming the reference (never a value) and how to fix it.
     */
    public Secret resolve(final Function<String, String> environment)
    {
        return switch (kind)
        {
            case ENV ->
            {
                final String value = environment.apply(location);
                if (value == null || value.isEmpty())
                {
                    throw new IllegalStateException(
                        "secret " + this + " is not set: export " + location + " before starting deltahedger");
                }
                yield Secret.of(toString(), value);
            }
            case FILE ->
            {
                final Path path = Path.of(location);
                final String content;
                try
                {
                    content = Files.readString(path, StandardCharsets.UTF_8);
                }
                catch (final IOException ex)
                {
                    throw new IllegalStateException(
                        "secret " + this + " cannot be read (" + ex.getClass().getSimpleName() + "): " +
                        "create the file with the secret as its only content and make it readable", ex);
                }
                final String value = stripTrailingNewline(content);
                if (value.isEmpty())
                {
                    throw new IllegalStateException("secret " + this + " is an empty file: write the secret into it");
                }
                yield Secret.of(toString(), value);
            }
        };
    }

    /** Convenience for tests and tools with a fixed environment. */
    public Secret resolve(final Map<String, String> environment)
    {
        return resolve(environment::get);
    }

    @Override
    public String toString()
    {
        return kind.prefix + ":" + location;
    }

    private static String stripTrailingNewline(final String content)
    {
        int end = content.length();
        while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r'))
        {
            end--;
        }
        return content.substring(0, end);
    }

    /** A reference that is not env: or file: may be a pasted secret: show only its length. */
    private static String describeInvalid(final String text)
    {
        if (text == null)
        {
            return "null";
        }
        return text.length() <= 3 ? text : "<" + text.length() + " characters, not shown>";
    }
}
