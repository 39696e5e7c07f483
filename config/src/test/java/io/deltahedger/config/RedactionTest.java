package io.deltahedger.config;

import io.deltahedger.config.secret.SecretReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Secrets never appear in configuration output: toString, describe, or error messages. */
class RedactionTest
{
    private static final String VALUE = "Zx9-very-secret-value-41";

    @Test
    void describeAndToStringShowReferencesNeverValues(@TempDir final Path dir) throws Exception
    {
        final Path secretFile = dir.resolve("client-secret");
        Files.writeString(secretFile, VALUE);
        final String yaml = ConfigErrorsTest.DERIBIT.replace("env:DERIBIT_SECRET", "file:" + secretFile);
        final DeltahedgerConfig c = ConfigLoader.parse(yaml, "t.yaml");
        // the reference resolves to the value, so a leak would be visible below
        assertEquals(VALUE, c.venue("main").credentials().orElseThrow().clientSecret().resolve(Map.of()).reveal());

        final String described = c.describe();
        assertFalse(described.contains(VALUE), described);
        assertTrue(described.contains("client-secret: file:" + secretFile
            + "  # secret by reference; its value is never loaded into configuration"), described);
        assertTrue(described.contains("token: env:DELTAHEDGER_API_TOKEN  # secret by reference"), described);
        assertFalse(c.toString().contains(VALUE), c.toString());
        assertTrue(c.toString().contains("clientSecret=file:" + secretFile), c.toString());
        assertFalse(c.unresolvableSecrets(name -> null).toString().contains(VALUE));
    }

    @Test
    void literalSecretInAnyReferenceKeyIsNeverEchoed()
    {
        for (final String yaml : new String[] {
            ConfigErrorsTest.DERIBIT.replace("env:DERIBIT_ID", VALUE),
            ConfigErrorsTest.DERIBIT.replace("env:DERIBIT_SECRET", VALUE),
            ConfigLoaderTest.MINIMAL + "journal:\n  signing-key: " + VALUE + "\n",
            ConfigLoaderTest.MINIMAL + "control:\n  token: " + VALUE + "\n"})
        {
            final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml"));
            assertFalse(ex.getMessage().contains(VALUE), ex.getMessage());
            assertTrue(ex.getMessage().contains("holds a literal secret (24 characters, not shown)"), ex.getMessage());
        }
    }

    @Test
    void yamlSyntaxErrorDoesNotRepeatTheOffendingLine()
    {
        final String yaml = ConfigErrorsTest.DERIBIT.replace("env:DERIBIT_SECRET}", "\"" + VALUE + "}");
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "t.yaml"));
        assertTrue(ex.getMessage().contains("is not valid YAML"), ex.getMessage());
        assertFalse(ex.getMessage().contains(VALUE), ex.getMessage());
    }

    @Test
    void longValuesAreCutInMessages()
    {
        final String blob = "x".repeat(500);
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> ConfigLoader.parse(ConfigLoaderTest.MINIMAL + "logging:\n  level: " + blob + "\n", "t.yaml"));
        assertFalse(ex.getMessage().contains(blob), ex.getMessage());
        assertTrue(ex.getMessage().contains("x".repeat(ConfigProblem.MAX_SHOWN_VALUE_CHARS) + "..."), ex.getMessage());
    }

    @Test
    void relativeSecretFileIsResolvedAgainstTheConfigurationDirectory(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("deltahedger.yaml");
        Files.writeString(file, ConfigErrorsTest.DERIBIT.replace("env:DERIBIT_SECRET", "file:secrets/deribit"));
        final SecretReference ref = ConfigLoader.load(file).venue("main").credentials().orElseThrow().clientSecret();
        assertEquals(SecretReference.parse("file:" + dir.toAbsolutePath().resolve("secrets/deribit")), ref);
    }
}
