package io.deltahedger.config.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SecretReferenceTest
{
    @Test
    void resolvesEnvironmentVariable()
    {
        final Secret secret = SecretReference.parse("env:DERIBIT_SECRET").resolve(Map.of("DERIBIT_SECRET", "s3cr3t"));
        assertEquals("s3cr3t", secret.reveal());
        assertEquals("env:DERIBIT_SECRET", secret.source());
    }

    @Test
    void resolvesFileWithoutTrailingNewline(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("secret.txt");
        Files.writeString(file, "abc123\n", StandardCharsets.UTF_8);
        final Secret secret = SecretReference.parse("file:" + file).resolve(Map.of());
        assertEquals("abc123", secret.reveal());
    }

    @Test
    void neverPrintsTheValue()
    {
        final Secret secret = SecretReference.parse("env:X").resolve(Map.of("X", "topsecretvalue"));
        assertEquals("Secret[env:X]", secret.toString());
        assertFalse(secret.toString().contains("topsecretvalue"));
    }

    @Test
    void missingVariableNamesTheReferenceAndTheFix()
    {
        final IllegalStateException ex = assertThrows(
            IllegalStateException.class, () -> SecretReference.parse("env:MISSING").resolve(Map.of()));
        assertTrue(ex.getMessage().contains("env:MISSING"), ex.getMessage());
        assertTrue(ex.getMessage().contains("export MISSING"), ex.getMessage());
    }

    @Test
    void missingFileNamesThePath(@TempDir final Path dir)
    {
        final Path file = dir.resolve("nope");
        final IllegalStateException ex = assertThrows(
            IllegalStateException.class, () -> SecretReference.parse("file:" + file).resolve(Map.of()));
        assertTrue(ex.getMessage().contains(file.toString()), ex.getMessage());
    }

    @Test
    void emptyFileIsRefused(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("empty");
        Files.writeString(file, "\n");
        assertThrows(IllegalStateException.class, () -> SecretReference.parse("file:" + file).resolve(Map.of()));
    }

    @Test
    void pastedSecretIsRefusedWithoutEchoingIt()
    {
        final IllegalArgumentException ex = assertThrows(
            IllegalArgumentException.class, () -> SecretReference.parse("AbCdEfGhIjKlMnOp"));
        assertFalse(ex.getMessage().contains("AbCdEfGhIjKlMnOp"), ex.getMessage());
        assertTrue(ex.getMessage().contains("env:NAME or file:PATH"), ex.getMessage());
    }

    @Test
    void emptyLocationIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> SecretReference.parse("env:"));
        assertThrows(IllegalArgumentException.class, () -> SecretReference.parse("file:  "));
    }

    @Test
    void comparesInConstantTime()
    {
        final Secret secret = Secret.of("test", "token-1");
        assertTrue(secret.equalsInConstantTime("token-1".getBytes(StandardCharsets.UTF_8)));
        assertFalse(secret.equalsInConstantTime("token-2".getBytes(StandardCharsets.UTF_8)));
        assertFalse(secret.equalsInConstantTime(null));
    }
}
