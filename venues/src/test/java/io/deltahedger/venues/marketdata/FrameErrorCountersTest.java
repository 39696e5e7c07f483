package io.deltahedger.venues.marketdata;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameErrorCountersTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(FrameErrorCounters.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        previous = logger.getLevel();
        logger.setLevel(Level.WARN);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
        logger.setLevel(previous);
    }

    @Test
    void neverQuotesAFrameThatMentionsCredentials() {
        final FrameErrorCounters counters = new FrameErrorCounters("deribit");
        final byte[] frame = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"access_token\":\"1582628593469.1MbQ-J_4"
            .getBytes(StandardCharsets.UTF_8);
        counters.record(FrameError.TRUNCATED, frame, 0, frame.length);
        final String line = appender.list.get(0).getFormattedMessage();
        assertTrue(line.contains("withheld") && !line.contains("1MbQ"), line);
    }

    @Test
    void countsEveryFrameButLogsOncePerKindThenAtPowersOfTen() {
        final FrameErrorCounters counters = new FrameErrorCounters("deribit md");
        final byte[] frame = ("{\"jsonrpc\":\"2.0\",\"params\":" + "x".repeat(400)).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1500; i++) {
            counters.record(FrameError.TRUNCATED, frame, 0, frame.length);
        }
        counters.record(FrameError.OFF_TICK_PRICE, frame, 0, 10);
        assertEquals(1500, counters.count(FrameError.TRUNCATED));
        assertEquals(1, counters.count(FrameError.OFF_TICK_PRICE));
        assertEquals(1501, counters.total());
        assertEquals(5, appender.list.size(), "TRUNCATED at 1, 10, 100, 1000 and OFF_TICK_PRICE once");
        final String first = appender.list.get(0).getFormattedMessage();
        assertTrue(first.contains("deribit md") && first.contains("TRUNCATED") && first.endsWith("..."), first);
        assertTrue(first.length() < 300, "the frame is cut: " + first.length());
        assertTrue(appender.list.get(3).getFormattedMessage().contains("1000 so far"));
    }
}
