package io.deltahedger.config;

import io.deltahedger.config.book.BookSource;
import io.deltahedger.config.daemon.ControlSettings;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.daemon.LoggingSettings;
import io.deltahedger.config.engine.ExecutionSettings;
import io.deltahedger.config.engine.MarginSettings;
import io.deltahedger.config.engine.PipelineSettings;
import io.deltahedger.config.policy.UnderlyingSettings;
import io.deltahedger.config.venue.VenueSettings;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML file into a validated {@link DeltahedgerConfig}, or fails with a {@link ConfigException} listing every
 * problem of the file at once, each with its key path, line, value and fix (docs/configuration.md).
 * <p>
 * SnakeYAML only composes the node tree (with line marks); no object is constructed from tags, so a file cannot
 * instantiate classes. Unknown keys are errors. Secrets are taken only as references and never resolved here.
 * Relative paths in the file (book file, trust-pem, journal directory) are resolved against the file's directory.
 * Thread-safe: stateless.
 */
public final class ConfigLoader
{
    /** The largest configuration file read, in bytes (a configuration is a few kB). */
    public static final int MAX_FILE_BYTES = 1 << 20;
    /** The classpath resource of the built-in demo configuration. */
    public static final String DEMO_RESOURCE = "/io/deltahedger/config/demo.yaml";

    private ConfigLoader()
    {
    }

    /**
     * Loads a configuration file.
     *
     * @throws ConfigException listing every problem, naming the file.
     */
    public static DeltahedgerConfig load(final Path file)
    {
        final String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        final String text;
        try
        {
            if (Files.size(file) > MAX_FILE_BYTES)
            {
                throw single(source, "is larger than 1 MB", "point --config at the deltahedger YAML file");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException | UncheckedIOException ex)
        {
            throw single(file.toString(), "cannot be read (" + ex.getClass().getSimpleName() + ")",
                "check the path and that the file is readable by the daemon");
        }
        return parse(text, source, file.toAbsolutePath().getParent());
    }

    /**
     * Parses configuration text; relative paths in it are taken as they are (relative to the working directory).
     *
     * @param sourceName the name used in messages, e.g. the file name.
     */
    public static DeltahedgerConfig parse(final String yaml, final String sourceName)
    {
        return parse(yaml, sourceName, null);
    }

    /**
     * Parses configuration text.
     *
     * @param baseDir the directory relative paths are resolved against, or null to keep them relative.
     */
    public static DeltahedgerConfig parse(final String yaml, final String sourceName, final Path baseDir)
    {
        final Problems problems = new Problems();
        final Node root = compose(yaml, sourceName, problems);
        if (root == null && problems.isEmpty())
        {
            problems.add("", 0, "is empty", null, "start from docs/examples/deribit.yaml or the demo configuration");
        }
        if (!problems.isEmpty())
        {
            throw new ConfigException(sourceName, problems.sorted());
        }
        final DeltahedgerConfig config = read(root, baseDir, problems);
        if (!problems.isEmpty())
        {
            throw new ConfigException(sourceName, problems.sorted());
        }
        return config;
    }

    /** The built-in demo configuration (embedded simulator, demo book). */
    static DeltahedgerConfig loadDemo()
    {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO_RESOURCE))
        {
            if (in == null)
            {
                throw new IllegalStateException("the demo configuration " + DEMO_RESOURCE + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "demo.yaml");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + DEMO_RESOURCE, ex);
        }
    }

    private static DeltahedgerConfig read(final Node node, final Path baseDir, final Problems problems)
    {
        if (!(node instanceof MappingNode))
        {
            problems.add("", YamlMap.lineOf(node), "must be a mapping of sections", YamlMap.shown(node),
                "the file must be a mapping of sections: venues, book, underlyings, margin, ...");
            return null;
        }
        final YamlMap root = YamlMap.of("", 1, node, problems, "write the sections as keys");
        final Map<String, VenueSettings> venues = VenuesReader.read(root, baseDir);
        final BookSource book = BookReader.read(root, baseDir);
        final Map<String, UnderlyingSettings> underlyings = UnderlyingsReader.read(root, VenuesReader.declared(root));
        final MarginSettings margin = EngineReader.margin(root);
        final ExecutionSettings execution = EngineReader.execution(root);
        final PipelineSettings pipeline = EngineReader.pipeline(root);
        final JournalSettings journal = DaemonReader.journal(root, baseDir);
        final ControlSettings control = DaemonReader.control(root, baseDir);
        final LoggingSettings logging = DaemonReader.logging(root);
        root.finish();
        if (!problems.isEmpty())
        {
            return null;
        }
        return problems.build("", 0, () -> new DeltahedgerConfig(venues, book, underlyings, margin, execution, pipeline,
            journal, control, logging), null);
    }

    /**
     * The node tree of a YAML text, or null for an empty text or a syntax error (reported with its line; the
     * offending line's text is not repeated, in case it holds a pasted secret).
     */
    static Node compose(final String text, final String source, final Problems problems)
    {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by YamlMap, with both lines
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_FILE_BYTES);
        final DumperOptions dumper = new DumperOptions();
        final Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
        try
        {
            return yaml.compose(new StringReader(text));
        }
        catch (final MarkedYAMLException ex)
        {
            final int line = ex.getProblemMark() == null ? 0 : ex.getProblemMark().getLine() + 1;
            final String context = ex.getContext() == null ? "" : ex.getContext() + ": ";
            problems.add("", line, "is not valid YAML (" + context + ex.getProblem() + ")", null,
                "correct the YAML at this line: indent with spaces, write key: value, quote values that start with "
                    + "a special character");
            return null;
        }
        catch (final YAMLException ex)
        {
            problems.add("", 0, "cannot be read as YAML (" + ex.getClass().getSimpleName() + ")", null,
                "give a UTF-8 YAML file of at most 1 MB without deep nesting or alias bombs");
            return null;
        }
    }

    private static ConfigException single(final String source, final String problem, final String fix)
    {
        return new ConfigException(source, List.of(new ConfigProblem("", 0, problem, null, fix)));
    }
}
