package io.deltahedger.venues.deribit.client;

import io.deltahedger.venues.Venue;
import io.deltahedger.venues.book.BookState;
import io.deltahedger.venues.book.BookUpdate;
import io.deltahedger.venues.book.L2Book;
import io.deltahedger.venues.deribit.DeribitMarketDataDecoder;
import io.deltahedger.venues.deribit.DeribitMarketDataFeed;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.marketdata.FrameErrorCounters;
import io.deltahedger.venues.marketdata.MarketDataEvent;
import io.deltahedger.venues.marketdata.MarketDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;

/**
 * The session's book channels: decodes market-data frames through venues-core's {@link DeribitMarketDataFeed},
 * publishes a book only when it is valid (snapshot + unbroken change chain), and asks for a new snapshot (unsubscribe
 * then subscribe, queued on the {@link Outbox}) when a book breaks or stays broken. Session thread only; the frame
 * path allocates nothing.
 */
final class BookSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(BookSubscriptions.class);

    private final DeribitMarketDataFeed feed;
    private final DeribitMarketDataListener listener;
    private final Requests requests;
    private final Outbox outbox;
    private final long resubscribeAfterMs;
    private final String[] channels;
    private final int[] instruments;
    /** When each channel was last (re)subscribed, ms. */
    private final long[] subscribedAtMs;
    private long nowMs;

    BookSubscriptions(final DeribitClientConfig config, final InstrumentRegistry registry,
                      final DeribitMarketDataListener listener, final Requests requests, final Outbox outbox) {
        this.listener = listener;
        this.requests = requests;
        this.outbox = outbox;
        this.resubscribeAfterMs = config.requestTimeoutMs();
        channels = new String[config.bookChannels().size()];
        instruments = new int[channels.length];
        subscribedAtMs = new long[channels.length];
        for (int i = 0; i < channels.length; i++) {
            final String name = config.bookChannels().get(i);
            final int index = registry.indexOfNative(Venue.DERIBIT, name);
            if (index < 0) {
                throw new IllegalArgumentException("book channel instrument '" + name + "' is not in the instrument "
                    + "registry; register it from public/get_instruments first");
            }
            instruments[i] = index;
            channels[i] = "book." + name + (config.rawBooks() ? ".raw" : ".100ms");
        }
        feed = new DeribitMarketDataFeed(registry, new DeribitMarketDataDecoder(registry,
            new FrameErrorCounters("deribit")), 64, this::onResyncRequired);
    }

    /** The channel names, for the first subscription of a connection. */
    List<String> channels() {
        return List.of(channels);
    }

    /** The first subscription of a connection was sent at {@code nowMs}. */
    void onSubscribed(final long nowMs) {
        Arrays.fill(subscribedAtMs, nowMs);
    }

    /**
     * Handles one text frame if it is market data.
     *
     * @return the decoder's verdict; {@code NOT_MARKET_DATA} frames are for the session
     */
    DeribitMarketDataDecoder.Result onFrame(final byte[] bytes, final int offset, final int length, final long now) {
        nowMs = now;
        final DeribitMarketDataDecoder.Result result = feed.onFrame(bytes, offset, length);
        if (result == DeribitMarketDataDecoder.Result.DECODED) {
            final MarketDataEvent event = feed.event();
            final MarketDataType type = event.type();
            if (type == MarketDataType.BOOK_SNAPSHOT || type == MarketDataType.BOOK_CHANGE) {
                final L2Book book = feed.book(event.instrumentIndex());
                if (feed.lastBookUpdate() == BookUpdate.APPLIED && book.state() == BookState.VALID) {
                    listener.onBook(book, event);
                }
            } else {
                listener.onMarketData(event);
            }
        }
        return result;
    }

    /**
     * Resubscribes a book still not valid a request time-out after its (re)subscription: its snapshot was lost too
     * (a dropped frame shows only on the next change, which an invalid book ignores).
     *
     * @return channels resubscribed
     */
    int resubscribeStuck(final long now) {
        int work = 0;
        for (int i = 0; i < channels.length; i++) {
            if (feed.book(instruments[i]).state() != BookState.VALID && now - subscribedAtMs[i] >= resubscribeAfterMs) {
                resubscribe(i, now);
                work++;
            }
        }
        return work;
    }

    /** The connection dropped: every book is untrusted until its next snapshot. */
    void onDisconnected() {
        feed.onDisconnected();
        for (final int index : instruments) {
            listener.onBookInvalid(index, BookUpdate.STALE);
        }
    }

    L2Book book(final int instrumentIndex) {
        return feed.book(instrumentIndex);
    }

    FrameErrorCounters errors() {
        return feed.decoder().errors();
    }

    /** The feed saw a change_id gap or a crossed book: the book is already invalid; get a new snapshot. */
    private void onResyncRequired(final int instrumentIndex, final BookUpdate reason) {
        listener.onBookInvalid(instrumentIndex, reason);
        for (int i = 0; i < instruments.length; i++) {
            if (instruments[i] == instrumentIndex) {
                LOG.info("Deribit book {} {}: resubscribing for a new snapshot", channels[i], reason);
                resubscribe(i, nowMs);
            }
        }
    }

    private void resubscribe(final int channel, final long now) {
        subscribedAtMs[channel] = now;
        outbox.add(requests.unsubscribe(channels[channel]));
        outbox.add(requests.subscribe(List.of(channels[channel]), Request.Kind.RESUBSCRIBE));
    }
}
