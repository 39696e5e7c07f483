package io.deltahedger.config.book;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the options book being hedged comes from ({@code book:} in YAML). The positions of an inline or file book are
 * read and checked when the configuration loads.
 */
public sealed interface BookSource permits BookSource.Demo, BookSource.Inline, BookSource.FromFile
{
    /** The built-in demo book, built by the agent from the embedded simulator's listed options. */
    BookSource DEMO = new Demo();

    /** The positions, empty for the demo book (which only exists once the simulator lists options). */
    List<BookPosition> positions();

    /** {@code book: demo}. */
    record Demo() implements BookSource
    {
        @Override
        public List<BookPosition> positions()
        {
            return List.of();
        }
    }

    /** {@code book:} followed by a list of {@code {instrument, contracts}}. */
    record Inline(List<BookPosition> positions) implements BookSource
    {
        public Inline
        {
            positions = List.copyOf(positions);
            if (positions.isEmpty())
            {
                throw new IllegalArgumentException("book lists no positions: give at least one or use book: demo");
            }
        }
    }

    /**
     * {@code book: file:PATH}: a CSV file ({@code instrument,contracts} per line, optional header, # comments) or a
     * YAML file (a list of {@code {instrument, contracts}}), read at load.
     *
     * @param path      the file, resolved against the configuration file's directory.
     * @param positions what it held at load.
     */
    record FromFile(Path path, List<BookPosition> positions) implements BookSource
    {
        public FromFile
        {
            Objects.requireNonNull(path, "book file path");
            positions = List.copyOf(positions);
        }
    }
}
