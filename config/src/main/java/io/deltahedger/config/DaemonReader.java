package io.deltahedger.config;

import io.deltahedger.config.daemon.ControlSettings;
import io.deltahedger.config.daemon.JournalSettings;
import io.deltahedger.config.daemon.LoggingSettings;
import io.deltahedger.config.secret.SecretReference;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code journal}, {@code control} and {@code logging}; every key has a default. */
final class DaemonReader
{
    /** An IPv4 or IPv6 literal or a host name; never resolved here. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private DaemonReader()
    {
    }

    static JournalSettings journal(final YamlMap root, final Path baseDir)
    {
        final JournalSettings d = JournalSettings.DEFAULT;
        final YamlMap j = root.map("journal", "give directory, roll, signing-key, sign-every, market-data");
        final Problems problems = j.problems();
        final int before = problems.count();
        final String dirText = j.text("directory", d.directory().toString(),
            "give the directory journal files are written to, e.g. /var/lib/deltahedger/journal");
        Path dir = VenuesReader.resolvedOrNull(j, "directory", baseDir, dirText);
        dir = dir == null ? d.directory() : dir;
        final JournalSettings.Roll roll = j.choice("roll", d.roll(),
            Words.of(JournalSettings.Roll.values(), JournalSettings.Roll::word));
        final SecretReference key = j.secret("signing-key", null, "journal signing key (secp256k1, hex)", baseDir);
        final long signEvery = j.durationMs("sign-every", d.signEveryMs(), 1_000, Long.MAX_VALUE,
            "give how often the chain head is signed, e.g. 1m");
        final boolean marketData = j.flag("market-data", d.marketData(),
            "give true to journal every market-data event so backtest --journal can replay the journal, "
                + "or false for a smaller journal that cannot be replayed");
        j.finish();
        final Path directory = dir;
        return problems.count() != before ? d : problems.build(j.path(), j.line(),
            () -> new JournalSettings(directory, roll, Optional.ofNullable(key), signEvery, marketData), d);
    }

    static ControlSettings control(final YamlMap root, final Path baseDir)
    {
        final ControlSettings d = ControlSettings.DEFAULT;
        final YamlMap c = root.map("control", "give bind, port and token");
        final Problems problems = c.problems();
        final int before = problems.count();
        final String bindFix = "give the address to listen on: 127.0.0.1 (this machine only), or 0.0.0.0 to open it on "
            + "purpose behind a firewall";
        final String bind = c.text("bind", d.bindAddress(), bindFix);
        if (!ADDRESS.matcher(bind).matches())
        {
            c.bad("bind", "is not an address", bind, bindFix);
        }
        final int port = (int) c.whole("port", d.port(), 0, 65_535,
            "give a TCP port in [1, 65535], e.g. 8080 (0 picks a free port)");
        final SecretReference token = c.secret("token", d.token(), "control API bearer token", baseDir);
        c.finish();
        return problems.count() != before ? d : problems.build(c.path(), c.line(),
            () -> new ControlSettings(bind, port, token), d);
    }

    static LoggingSettings logging(final YamlMap root)
    {
        final LoggingSettings d = LoggingSettings.DEFAULT;
        final YamlMap l = root.map("logging", "give format and level");
        final LoggingSettings out = new LoggingSettings(
            l.choice("format", d.format(), Words.of(LoggingSettings.Format.values(), LoggingSettings.Format::word)),
            l.choice("level", d.level(), Words.of(LoggingSettings.Level.values(), LoggingSettings.Level::word)));
        l.finish();
        return out;
    }
}
