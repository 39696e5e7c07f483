package io.deltahedger.hedger.pipeline;

import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.journal.JournalEntry;
import io.deltahedger.hedger.journal.JournalFormat;
import io.deltahedger.hedger.journal.JournalReader;
import io.deltahedger.hedger.journal.JournalVerifier;
import io.deltahedger.hedger.journal.JournalWriter;
import io.deltahedger.hedger.journal.JournalWriterConfig;
import io.deltahedger.hedger.journal.MarketDataSamples;
import io.deltahedger.hedger.journal.RecordType;
import io.deltahedger.hedger.journal.VerificationReport;
import io.deltahedger.venues.Side;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real journaled pipeline given a known sequence of market data (book snapshot, book changes, a full ticker with
 * NaN fields, trades, funding, index) records each event once, in full and equal to what was published, as a
 * MARKET_DATA right before the MARKET of what the gate gave the book, on one consumer thread or a thread per stage;
 * with market data switched off it records none and the same MARKET records.
 */
@Timeout(60)
class JournaledMarketDataTest
{
    private static final String AGENT = "hedger-test-1";
    private static final ChainSigner SIGNER = ChainSigner.generate(new Random(42));

    @TempDir
    Path dir;

    /** What was published (copies) and what the journal holds. */
    private record Run(List<MarketDataEvent> published, List<Long> publishedAtMs, List<JournalEntry> records,
                       List<Long> recordTimes)
    {
    }

    private static Run session(final Path directory, final StageThreading threading, final JournalWriterConfig config)
        throws IOException
    {
        final List<MarketDataEvent> published = new ArrayList<>();
        final List<Long> publishedAt = new ArrayList<>();
        final JournalWriter writer = JournalWriter.open(directory, SIGNER, config);
        try (ExecutionWorld w = new ExecutionWorld(ExecutionConfig.defaults().withFirstGroupId(100), threading, null,
            p -> p.withJournal(writer, AGENT)))
        {
            w.calm(100_000);
            final int perp = w.perp;
            final MarketDataEvent e = new MarketDataEvent();
            for (int step = 0; step < 7; step++)
            {
                w.clock.advanceMs(10);
                final long now = w.clock.epochMs();
                e.clear();
                switch (step)
                {
                    case 0 ->
                    {
                        e.header(Venue.BINANCE_USDM, MarketDataType.BOOK_SNAPSHOT, perp, now - 3);
                        e.sequence(1_000);
                        for (int k = 0; k < 10; k++)
                        {
                            e.bids().add(399_999 - k, 1_000 + k);
                            e.asks().add(400_001 + k, 2_000 + k);
                        }
                    }
                    case 1 -> MarketDataSamples.bookChange(e, perp, now - 2, 1_001, 6).header(Venue.BINANCE_USDM,
                        MarketDataType.BOOK_CHANGE, perp, now - 2);
                    case 2 ->
                    {
                        e.header(Venue.BINANCE_USDM, MarketDataType.TICKER, perp, now - 1);
                        e.bestBid(399_999, 1_500);
                        e.bestAsk(400_001, 700);
                        e.lastPriceTicks(400_000);
                        e.markPrice(40_000.0);
                        e.indexPrice(39_998.5);
                        e.markIv(Double.NaN);
                        e.greeks(Double.NaN, Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY);
                        e.openInterest(12_345.678);
                        e.currentFunding(0.0001);
                        e.funding8h(0.00011);
                        e.nextFundingTimeMs(now + 3_600_000);
                    }
                    case 3 ->
                    {
                        e.header(Venue.BINANCE_USDM, MarketDataType.TRADES, perp, now);
                        e.trades().add(400_000, 5, Side.BUY, 77, now - 1);
                        e.trades().add(399_999, 12, Side.SELL, 78, now);
                        e.trades().add(400_001, 1, Side.BUY, 79, now);
                    }
                    case 4 ->
                    {
                        e.header(Venue.BINANCE_USDM, MarketDataType.FUNDING, perp, now);
                        e.currentFunding(-0.00025);
                        e.nextFundingTimeMs(now + 7_200_000);
                    }
                    case 5 -> MarketDataSamples.bookChange(e, perp, now, 1_002, 10).header(Venue.BINANCE_USDM,
                        MarketDataType.BOOK_CHANGE, perp, now);
                    default ->
                    {
                        e.header(Venue.BINANCE_USDM, MarketDataType.INDEX_PRICE, perp, now);
                        e.indexPrice(40_001.25);
                    }
                }
                final MarketDataEvent copy = new MarketDataEvent();
                copy.copyFrom(e);
                published.add(copy);
                publishedAt.add(now);
                w.publish(e);
            }
            w.sync();
            assertEquals(List.of(), w.halts);
        }
        final List<JournalEntry> records = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        try (JournalReader reader = new JournalReader(JournalFormat.filesIn(directory), new JournalReader.Listener()
        {
        }))
        {
            while (reader.next())
            {
                if (reader.type() != RecordType.CHAIN_SIGNATURE)
                {
                    records.add(reader.entry());
                    times.add(reader.timeMs());
                }
            }
        }
        return new Run(published, publishedAt, records, times);
    }

    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void everyPublishedMarketDataEventIsJournaledOnceInFullBeforeItsMarketRecord(final StageThreading threading)
        throws IOException
    {
        final Run run = session(dir, threading, JournalWriterConfig.defaults().inline());

        final List<JournalEntry> records = run.records();
        final List<MarketDataEvent> journaled = new ArrayList<>();
        final List<Long> journaledAt = new ArrayList<>();
        for (int k = 0; k < records.size(); k++)
        {
            if (records.get(k) instanceof JournalEntry.MarketData m)
            {
                journaled.add(m.event());
                journaledAt.add(run.recordTimes().get(k));
            }
            if (records.get(k) instanceof JournalEntry.Market market)
            {
                final JournalEntry before = records.get(k - 1);
                assertTrue(before instanceof JournalEntry.MarketData m && m.instrumentId() == market.instrumentId(),
                    () -> "a MARKET record follows the MARKET_DATA it came from, not " + before);
            }
        }
        // calm publishes a ticker and an index first: 2 events the test did not record
        assertEquals(run.published().size() + 2, journaled.size(), records::toString);
        final List<MarketDataEvent> mine = journaled.subList(2, journaled.size());
        for (int k = 0; k < run.published().size(); k++)
        {
            MarketDataSamples.assertSameEvent(run.published().get(k), mine.get(k));
            assertEquals(run.publishedAtMs().get(k), journaledAt.get(k + 2), "the record's time is the event's");
        }
        final long markets = records.stream().filter(r -> r.type() == RecordType.MARKET).count();
        assertEquals(4, markets, "calm's ticker and index, the ticker (mark and index in one), the index event: book "
            + "snapshots and changes, trades and funding give the margin book nothing");

        final VerificationReport report = new JournalVerifier(SIGNER.address()).verify(JournalFormat.filesIn(dir));
        assertTrue(report.ok(), report.render());
        assertEquals(journaled.size(), report.marketDataChecked());
    }

    @ParameterizedTest
    @EnumSource(StageThreading.class)
    void withMarketDataOffNoneIsJournaledAndTheMarketRecordsAreTheSame(final StageThreading threading)
        throws IOException
    {
        final Run on = session(dir.resolve("on"), threading, JournalWriterConfig.defaults().inline());
        final Run off = session(dir.resolve("off"), threading,
            JournalWriterConfig.defaults().inline().withMarketData(false));

        assertEquals(0, off.records().stream().filter(r -> r.type() == RecordType.MARKET_DATA).count());
        // HEADERs hold margin-model objects without value equality: compared by type, the rest by value
        assertEquals(RecordType.HEADER, off.records().get(0).type());
        assertEquals(on.records().stream().skip(1).filter(r -> r.type() != RecordType.MARKET_DATA).toList(),
            off.records().subList(1, off.records().size()), "the switch removes MARKET_DATA and nothing else");
        final VerificationReport report = new JournalVerifier(SIGNER.address())
            .verify(JournalFormat.filesIn(dir.resolve("off")));
        assertTrue(report.ok(), report.render());
        assertEquals(0, report.marketDataChecked());
        assertTrue(report.render().contains("market-data events checked: 0 (none recorded: the journal cannot be replayed)"),
            report.render());
    }
}
