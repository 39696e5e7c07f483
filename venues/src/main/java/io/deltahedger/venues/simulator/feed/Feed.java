package io.deltahedger.venues.simulator.feed;

import io.deltahedger.config.time.EpochClock;
import io.deltahedger.venues.simulator.book.BookChanges;
import io.deltahedger.venues.simulator.book.OrderBook;
import io.deltahedger.venues.simulator.book.SimOrder;
import io.deltahedger.venues.simulator.fault.FaultInjector;
import io.deltahedger.venues.simulator.market.Market;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.rpc.DeribitJson;
import io.deltahedger.venues.simulator.rpc.JsonWriter;
import io.deltahedger.venues.simulator.rpc.RpcError;
import io.deltahedger.venues.simulator.rpc.Session;
import io.deltahedger.venues.simulator.trading.EngineListener;
import io.deltahedger.venues.simulator.trading.Execution;
import io.deltahedger.venues.simulator.trading.TradingEngine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions and notifications: {@code book.*}, {@code ticker.*}, {@code trades.*}, {@code user.orders.*} and
 * {@code user.trades.*}. The engine reports orders and trades as they happen; {@link #flush()} at the end of each
 * event (a request or a market tick) drains every book's changes under a new {@code change_id} and sends each
 * notification, encoded once per channel and shared by its subscribers. The {@code raw}, {@code 100ms} and
 * {@code agg2} intervals carry the same stream: one batch per event. Exchange thread only.
 */
public final class Feed implements EngineListener
{
    private static final String[] INTERVALS = {"raw", "100ms", "agg2"};

    private final TradingEngine engine;
    private final Market market;
    private final EpochClock clock;
    private final FaultInjector faults;
    private final ByteBufAllocator allocator;
    private final JsonWriter writer = new JsonWriter();
    private final BookChanges changes = new BookChanges();
    private final Map<String, Channel> channels = new HashMap<>();
    private final List<Channel>[] bookChannels;
    private final List<Channel>[] tickerChannels;
    private final List<Channel>[] tradeChannels;
    private final List<Channel> userChannels = new ArrayList<>();
    private final List<SimOrder> pendingOrders = new ArrayList<>();
    private final List<Execution> pendingExecutions = new ArrayList<>();
    private final List<Session> dirty = new ArrayList<>();
    private long bookMessagesSent;

    /** One channel name and who listens to it. */
    private static final class Channel
    {
        final String name;
        final int instrumentIndex;
        final String currency;
        /** {@code future}, {@code option} or null for any kind. */
        final String kind;
        final boolean orders;
        final List<Session> sessions = new ArrayList<>();

        Channel(final String name, final int instrumentIndex, final String currency, final boolean orders)
        {
            this(name, instrumentIndex, currency, null, orders);
        }

        Channel(final String name, final int instrumentIndex, final String currency, final String kind,
            final boolean orders)
        {
            this.name = name;
            this.instrumentIndex = instrumentIndex;
            this.currency = currency;
            this.kind = kind;
            this.orders = orders;
        }

        boolean matches(final SimInstrument instrument)
        {
            return (instrumentIndex < 0 || instrumentIndex == instrument.index())
                && (currency == null || currency.equals(instrument.currency()))
                && (kind == null || kind.equals(instrument.kind()));
        }
    }

    @SuppressWarnings("unchecked")
    public Feed(final TradingEngine engine, final Market market, final EpochClock clock, final FaultInjector faults,
        final ByteBufAllocator allocator)
    {
        this.engine = engine;
        this.market = market;
        this.clock = clock;
        this.faults = faults;
        this.allocator = allocator;
        final int count = engine.instruments().size();
        this.bookChannels = new List[count];
        this.tickerChannels = new List[count];
        this.tradeChannels = new List[count];
        for (int i = 0; i < count; i++)
        {
            bookChannels[i] = new ArrayList<>();
            tickerChannels[i] = new ArrayList<>();
            tradeChannels[i] = new ArrayList<>();
        }
    }

    /** Book notifications written to sessions so far (after faults), for the throughput harness. */
    public long bookMessagesSent()
    {
        return bookMessagesSent;
    }

    /**
     * Subscribes a session to channels.
     *
     * @param privateCall true for {@code private/subscribe}, which user channels require.
     * @return the channels actually subscribed (Deribit leaves out those the session may not have, such as
     *         {@code book.*.raw} before authentication).
     * @throws RpcError -32602 naming the first channel that does not exist.
     */
    public List<String> subscribe(final Session session, final List<String> names, final boolean privateCall)
    {
        final boolean authenticated = session.isAuthenticated(clock.epochMs());
        final List<Channel> resolved = new ArrayList<>(names.size());
        for (final String name : names)
        {
            resolved.add(resolve(name));
        }
        final List<String> subscribed = new ArrayList<>();
        for (final Channel channel : resolved)
        {
            final boolean user = channel.name.startsWith("user.");
            if ((user && (!privateCall || !authenticated)) || (channel.name.endsWith(".raw") && !authenticated))
            {
                continue;
            }
            if (session.channels().add(channel.name))
            {
                channel.sessions.add(session);
            }
            subscribed.add(channel.name);
        }
        return subscribed;
    }

    /**
     * Sends the first notification of each newly subscribed {@code book.*} channel: a full snapshot.
     */
    public void sendSnapshots(final Session session, final List<String> subscribed)
    {
        final long now = clock.epochMs();
        for (final String name : subscribed)
        {
            final Channel channel = channels.get(name);
            if (name.startsWith("book.") && channel != null)
            {
                final SimInstrument instrument = engine.instruments().get(channel.instrumentIndex);
                final OrderBook book = engine.book(channel.instrumentIndex);
                final ByteBuf buf = beginNotification(name);
                DeribitJson.bookSnapshot(writer, book, instrument, now);
                endNotification();
                session.send(buf, false, 0);
                markDirty(session);
            }
        }
        flushSessions();
    }

    /**
     * @return the channels removed from the session.
     */
    public List<String> unsubscribe(final Session session, final List<String> names)
    {
        final List<String> removed = new ArrayList<>();
        for (final String name : names)
        {
            if (session.channels().remove(name))
            {
                final Channel channel = channels.get(name);
                if (channel != null)
                {
                    channel.sessions.remove(session);
                }
                removed.add(name);
            }
        }
        return removed;
    }

    public void unsubscribeAll(final Session session)
    {
        unsubscribe(session, new ArrayList<>(session.channels()));
    }

    public void onOrderUpdated(final SimOrder order)
    {
        pendingOrders.add(order);
    }

    public void onExecution(final Execution execution)
    {
        pendingExecutions.add(execution);
    }

    /**
     * Sends everything the last event produced: book changes, public trades, user orders and user trades.
     */
    public void flush()
    {
        final long now = clock.epochMs();
        for (int i = 0; i < bookChannels.length; i++)
        {
            final OrderBook book = engine.book(i);
            if (!book.hasPendingChanges() || book.drainChanges(changes) == 0)
            {
                continue;
            }
            final SimInstrument instrument = engine.instruments().get(i);
            for (final Channel channel : bookChannels[i])
            {
                if (channel.sessions.isEmpty())
                {
                    continue;
                }
                final ByteBuf buf = beginNotification(channel.name);
                DeribitJson.bookChange(writer, changes, instrument, now);
                endNotification();
                for (final Session session : channel.sessions)
                {
                    sendBookMessage(session, buf);
                }
                buf.release();
            }
        }
        if (!pendingExecutions.isEmpty())
        {
            publishTrades();
            publishUserTrades();
        }
        if (!pendingOrders.isEmpty())
        {
            publishUserOrders();
        }
        pendingExecutions.clear();
        pendingOrders.clear();
        flushSessions();
    }

    /**
     * Sends a ticker notification on every subscribed {@code ticker.*} channel (once per market tick).
     */
    public void publishTickers()
    {
        final long now = clock.epochMs();
        for (int i = 0; i < tickerChannels.length; i++)
        {
            for (final Channel channel : tickerChannels[i])
            {
                if (channel.sessions.isEmpty())
                {
                    continue;
                }
                final ByteBuf buf = beginNotification(channel.name);
                DeribitJson.ticker(writer, engine, market, engine.instruments().get(i), now, 0);
                endNotification();
                for (final Session session : channel.sessions)
                {
                    session.send(buf.retainedDuplicate(), false, 0);
                    markDirty(session);
                }
                buf.release();
            }
        }
        flushSessions();
    }

    /** Forgets a closed session everywhere. */
    public void remove(final Session session)
    {
        unsubscribeAll(session);
        dirty.remove(session);
    }

    private void sendBookMessage(final Session session, final ByteBuf buf)
    {
        if (faults.dropBookMessage())
        {
            return;
        }
        final ByteBuf held = session.takeHeldBookMessage();
        if (held != null)
        {
            session.send(buf.retainedDuplicate(), false, 0);
            session.send(held, false, 0);
            bookMessagesSent += 2;
        }
        else if (faults.reorderBookMessage())
        {
            session.holdBookMessage(buf.retainedDuplicate());
            return;
        }
        else
        {
            session.send(buf.retainedDuplicate(), false, 0);
            bookMessagesSent++;
        }
        markDirty(session);
    }

    private void publishTrades()
    {
        for (int i = 0; i < tradeChannels.length; i++)
        {
            for (final Channel channel : tradeChannels[i])
            {
                if (channel.sessions.isEmpty())
                {
                    continue;
                }
                final ByteBuf buf = beginNotification(channel.name);
                writer.beginArray();
                int written = 0;
                for (final Execution execution : pendingExecutions)
                {
                    if (execution.instrument().index() == i)
                    {
                        DeribitJson.publicTrade(writer, execution);
                        written++;
                    }
                }
                writer.endArray();
                endNotification();
                if (written > 0)
                {
                    for (final Session session : channel.sessions)
                    {
                        session.send(buf.retainedDuplicate(), false, 0);
                        markDirty(session);
                    }
                }
                buf.release();
            }
        }
    }

    private void publishUserTrades()
    {
        for (final Channel channel : userChannels)
        {
            if (channel.orders)
            {
                continue;
            }
            for (final Session session : channel.sessions)
            {
                for (final Execution execution : pendingExecutions)
                {
                    if (!channel.matches(execution.instrument()))
                    {
                        continue;
                    }
                    final boolean asMaker = execution.maker().ownerId == session.ownerId();
                    if (!asMaker && execution.taker().ownerId != session.ownerId())
                    {
                        continue;
                    }
                    final ByteBuf buf = beginNotification(channel.name);
                    writer.beginArray();
                    DeribitJson.userTrade(writer, execution, asMaker);
                    writer.endArray();
                    endNotification();
                    session.send(buf, false, 0);
                    markDirty(session);
                }
            }
        }
    }

    private void publishUserOrders()
    {
        for (final Channel channel : userChannels)
        {
            if (!channel.orders)
            {
                continue;
            }
            for (final Session session : channel.sessions)
            {
                for (final SimOrder order : pendingOrders)
                {
                    if (order.ownerId != session.ownerId()
                        || !channel.matches(engine.instruments().get(order.instrumentIndex)))
                    {
                        continue;
                    }
                    final ByteBuf buf = beginNotification(channel.name);
                    DeribitJson.order(writer, order, engine);
                    endNotification();
                    session.send(buf, false, 0);
                    markDirty(session);
                }
            }
        }
    }

    private ByteBuf beginNotification(final String channelName)
    {
        final ByteBuf buf = allocator.buffer(512);
        writer.wrap(buf).beginObject()
            .name("jsonrpc").string("2.0")
            .name("method").string("subscription")
            .name("params").beginObject()
            .name("channel").string(channelName)
            .name("data");
        return buf;
    }

    private void endNotification()
    {
        writer.endObject().endObject();
    }

    private void markDirty(final Session session)
    {
        if (!dirty.contains(session))
        {
            dirty.add(session);
        }
    }

    private void flushSessions()
    {
        for (int i = 0; i < dirty.size(); i++)
        {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    private Channel resolve(final String name)
    {
        final Channel known = channels.get(name);
        if (known != null)
        {
            return known;
        }
        final String[] parts = name.split("\\.");
        final Channel channel;
        if (parts.length == 3 && ("book".equals(parts[0]) || "ticker".equals(parts[0]) || "trades".equals(parts[0])))
        {
            final SimInstrument instrument = requireInstrument(name, parts[1]);
            requireInterval(name, parts[2]);
            channel = new Channel(name, instrument.index(), null, false);
            final List<Channel>[] byInstrument =
                "book".equals(parts[0]) ? bookChannels : "ticker".equals(parts[0]) ? tickerChannels : tradeChannels;
            byInstrument[instrument.index()].add(channel);
        }
        else if ((parts.length == 4 || parts.length == 5) && "user".equals(parts[0])
            && ("orders".equals(parts[1]) || "trades".equals(parts[1])))
        {
            requireInterval(name, parts[parts.length - 1]);
            final boolean orders = "orders".equals(parts[1]);
            if (parts.length == 4)
            {
                channel = new Channel(name, requireInstrument(name, parts[2]).index(), null, orders);
            }
            else
            {
                if (!"any".equals(parts[2]) && !"future".equals(parts[2]) && !"option".equals(parts[2]))
                {
                    throw RpcError.invalidParam("channels", "channel '" + name + "': kind must be any, future or"
                        + " option but was '" + parts[2] + "'");
                }
                final String currency = "any".equals(parts[3]) ? null : parts[3];
                if (currency != null && engine.currencyIndex(currency) < 0)
                {
                    throw RpcError.invalidParam("channels", "channel '" + name + "': unknown currency '" + parts[3] + "'");
                }
                channel = new Channel(name, -1, currency, "any".equals(parts[2]) ? null : parts[2], orders);
            }
            userChannels.add(channel);
        }
        else
        {
            throw RpcError.invalidParam("channels", "unknown channel '" + name + "'; supported: book.{instrument}."
                + "{interval}, ticker.{instrument}.{interval}, trades.{instrument}.{interval}, user.orders.*, user.trades.*");
        }
        channels.put(name, channel);
        return channel;
    }

    private SimInstrument requireInstrument(final String channel, final String instrumentName)
    {
        for (final SimInstrument instrument : engine.instruments())
        {
            if (instrument.name().equals(instrumentName))
            {
                return instrument;
            }
        }
        throw RpcError.invalidParam("channels", "channel '" + channel + "': unknown instrument '" + instrumentName + "'");
    }

    private static void requireInterval(final String channel, final String interval)
    {
        for (final String known : INTERVALS)
        {
            if (known.equals(interval))
            {
                return;
            }
        }
        throw RpcError.invalidParam("channels",
            "channel '" + channel + "': interval must be raw, 100ms or agg2 but was '" + interval + "'");
    }
}
