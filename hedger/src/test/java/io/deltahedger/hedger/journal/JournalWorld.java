package io.deltahedger.hedger.journal;

import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.marginmonitor.model.MarginBracket;
import io.deltahedger.marginmonitor.model.RateMarginModel;
import io.deltahedger.marginmonitor.model.TieredMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.account.AccountSnapshot;
import io.deltahedger.venues.account.Position;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.DecimalGrid;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.OptionType;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small multi-venue margin book (Deribit BTC standard margin with a perpetual and two options, Binance USD-M tiered,
 * Bybit on flat rates), a fixed signing key, and helpers to cut journal files into frames for tampering.
 */
final class JournalWorld
{
    /** 2026-11-20T06:00:00Z. */
    static final long NOW_MS = 1_795_154_400_000L;
    /** 2026-12-25T08:00:00Z. */
    static final long EXPIRY_MS = 1_798_185_600_000L;

    static final int DERIBIT = 0;
    static final int BINANCE = 1;
    static final int BYBIT = 2;

    static final int PERP = 0;
    static final int CALL = 1;
    static final int PUT = 2;
    static final int BTCUSDT = 3;
    static final int BYBIT_PERP = 4;

    final Instrument perpetual = new Instrument(Venue.DERIBIT, "BTC-PERPETUAL", InstrumentKind.PERPETUAL, "BTC", "USD",
        "BTC", "USD", ContractStyle.INVERSE, new BigDecimal("10"), DecimalGrid.of("0.5"), DecimalGrid.of("10"),
        new BigDecimal("10"), 0, null, null);
    final Instrument call = option(100_000, OptionType.CALL);
    final Instrument put = option(80_000, OptionType.PUT);
    final Instrument btcusdt = new Instrument(Venue.BINANCE_USDM, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT",
        "USDT", "BTC", ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
        new BigDecimal("0.001"), 0, null, null);
    final Instrument bybitPerp = new Instrument(Venue.BYBIT, "BTCUSDT", InstrumentKind.PERPETUAL, "BTC", "USDT",
        "USDT", "BTC", ContractStyle.LINEAR, BigDecimal.ONE, DecimalGrid.of("0.1"), DecimalGrid.of("0.001"),
        new BigDecimal("0.001"), 0, null, null);

    final GateConfig gate = new GateConfig(0.8, 5_000, new double[] {-0.10, 0.0, 0.10}, new double[] {-0.10, 0.0, 0.10}, 1_000);

    private static Instrument option(final long strike, final OptionType type)
    {
        return new Instrument(Venue.DERIBIT, "BTC-25DEC26-" + strike + (type == OptionType.CALL ? "-C" : "-P"),
            InstrumentKind.OPTION, "BTC", "BTC", "BTC", "BTC", ContractStyle.INVERSE, BigDecimal.ONE,
            DecimalGrid.of("0.0005"), DecimalGrid.of("0.1"), new BigDecimal("0.1"), EXPIRY_MS, BigDecimal.valueOf(strike),
            type);
    }

    /** A fresh, fully registered book (no market data, no snapshots). */
    MarginBook newBook()
    {
        final MarginBook book = new MarginBook(4, 16);
        book.addAccount(Venue.DERIBIT, "BTC", DeribitStandardMarginModel.btc());
        book.addAccount(Venue.BINANCE_USDM, "USDT", new TieredMarginModel(List.of(
            new MarginBracket(0, 50_000, 0.004, 0, 0.008),
            new MarginBracket(50_000, 250_000, 0.005, 50, 0.01),
            new MarginBracket(250_000, Double.POSITIVE_INFINITY, 0.01, 1_300, 0.02))));
        book.addAccount(Venue.BYBIT, "USDT", new RateMarginModel(0.02, 0.01));
        book.addInstrument(DERIBIT, perpetual);
        book.addInstrument(DERIBIT, call);
        book.addInstrument(DERIBIT, put);
        book.addInstrument(BINANCE, btcusdt);
        book.addInstrument(BYBIT, bybitPerp);
        return book;
    }

    JournalHeader header(final MarginBook book)
    {
        return JournalHeader.capture("hedger-test-1", book, gate);
    }

    /** A Deribit BTC snapshot: short 2 BTC of calls, long 10,000 USD of perpetual. */
    AccountSnapshot deribitSnapshot(final long timeMs, final double equity)
    {
        return new AccountSnapshot(Venue.DERIBIT, "BTC", timeMs, 1.0, equity, equity - 0.2, 0.2, 0.15, List.of(
            new Position(call, -20, 0.012, 0.011, 0.3, 0.16, 0.002, 0),
            new Position(perpetual, 1_000, 95_000, 96_000, 0.002, 0.001, 0.0011, 50_000)));
    }

    AccountSnapshot binanceSnapshot(final long timeMs, final double equity)
    {
        return new AccountSnapshot(Venue.BINANCE_USDM, "USDT", timeMs, equity, equity, equity - 100, 100, 50, List.of(
            new Position(btcusdt, 500, 95_000, 96_000, 100, 50, 500, 20_000)));
    }

    static ChainSigner signer()
    {
        return ChainSigner.generate(new Random(42));
    }

    static ChainSigner otherSigner()
    {
        return ChainSigner.generate(new Random(7));
    }

    /** One frame of a journal file: where it starts and its body length. */
    record Frame(int offset, int bodyLength)
    {
        int end()
        {
            return offset + JournalFormat.FRAME_OVERHEAD + bodyLength;
        }
    }

    /** The frames of a well-formed file. */
    static List<Frame> frames(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        final ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        final List<Frame> frames = new ArrayList<>();
        int at = JournalFormat.PREAMBLE_LENGTH;
        while (at < bytes.length)
        {
            final int length = b.getInt(at);
            frames.add(new Frame(at, length));
            at += JournalFormat.FRAME_OVERHEAD + length;
        }
        return frames;
    }

    /** Reads every record of the files, decoded, with their sequence numbers. */
    static List<JournalEntry> entries(final List<Path> files)
    {
        final List<JournalEntry> entries = new ArrayList<>();
        try (JournalReader reader = new JournalReader(files, new JournalReader.Listener()
        {
            @Override
            public void onDamage(final Path file, final long offset, final String why)
            {
                throw new AssertionError(file + " @" + offset + ": " + why);
            }
        }))
        {
            while (reader.next())
            {
                entries.add(reader.entry());
            }
        }
        return entries;
    }
}
