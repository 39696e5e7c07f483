package io.deltahedger.hedger.engine;

import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.model.DeribitStandardMarginModel;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.ContractStyle;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentKind;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.simulator.ExchangeSimulator;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.trading.OrderRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A demonstration book: short strangles near 25 delta on the nearest monthly expiry of each underlying, written on one
 * Deribit account (coin-settled options), to be delta-hedged with perpetuals. Built from a venue's option chain and
 * its tickers ({@link DeribitRest}), so it works against the embedded simulator and a real Deribit test account alike.
 *
 * <p>Selection per underlying: the expiry is the earliest one at least {@link #MIN_DAYS_TO_EXPIRY} days after
 * {@code nowMs} (the simulator lists 1, 7, 30 and 90 days: the 30-day monthly); the call whose venue delta is closest
 * to +0.25 and the put closest to -0.25 on it; each written {@code coinsPerLeg} coins (negative contracts).
 *
 * @param optionConnection the connection whose accounts hold the options: an option settled in BTC lives on the
 *                         margin-book account {@code "<connection> BTC"}, and its portfolio position is named by its
 *                         margin-book key {@code "<connection> BTC/<canonical id>"}
 * @param options          the written options
 */
public record DemoBook(String optionConnection, List<ShortOption> options)
{
    /** The shortest time to expiry considered monthly, days. */
    public static final int MIN_DAYS_TO_EXPIRY = 14;
    /** The delta each wing is chosen at. */
    public static final double TARGET_DELTA = 0.25;
    /** The forward basis the simulator and Deribit's dated futures imply, per year: F = S e^(0.05 T). */
    public static final double SIMULATOR_BASIS = 0.05;

    private static final long DAY_MS = 86_400_000L;

    /** An option's venue ticker figures. */
    public record Quote(double markIv, double delta)
    {
    }

    /** Where the option quotes come from (e.g. {@link DeribitRest#optionQuote}). */
    @FunctionalInterface
    public interface Quotes
    {
        Quote quote(Instrument option);
    }

    /**
     * One option of the book: written by the demo (contracts &lt; 0), or any signed position of a desk's own book.
     *
     * @param instrument the venue option
     * @param contracts  signed contracts (coins), not 0; negative when written
     * @param markIv     its mark IV when chosen, per 1.00
     * @param venueDelta the venue's delta when chosen
     */
    public record ShortOption(Instrument instrument, double contracts, double markIv, double venueDelta)
    {
        public ShortOption
        {
            if (instrument == null || instrument.kind() != InstrumentKind.OPTION)
            {
                throw new IllegalArgumentException("a demo short option needs an option instrument, was " + instrument);
            }
            if (contracts == 0 || !Double.isFinite(contracts) || !(markIv > 0) || !Double.isFinite(venueDelta))
            {
                throw new IllegalArgumentException(instrument.canonicalId() + ": contracts must be finite and not 0 "
                    + "(negative: written), mark IV > 0 and delta finite, were " + contracts + ", " + markIv + ", "
                    + venueDelta);
            }
        }
    }

    public DemoBook
    {
        if (optionConnection == null || optionConnection.isBlank())
        {
            throw new IllegalArgumentException("demo book needs the connection name of the options' account");
        }
        options = List.copyOf(options);
    }

    /**
     * Chooses short strangles from a venue's chain.
     *
     * @param optionConnection the connection whose accounts write the options (margin-book accounts
     *                         {@code "<connection> <underlying>"})
     * @param coinsPerLeg      coins written per wing, per underlying (e.g. {@code BTC=3, ETH=30}); its keys are the
     *                         underlyings
     * @throws IllegalArgumentException naming the underlying when its chain has no suitable expiry or wing
     */
    public static DemoBook shortStrangles(final String optionConnection, final InstrumentRegistry chain,
        final Quotes quotes, final long nowMs, final Map<String, Double> coinsPerLeg)
    {
        final List<ShortOption> chosen = new ArrayList<>();
        for (final Map.Entry<String, Double> leg : new java.util.TreeMap<>(coinsPerLeg).entrySet())
        {
            final String underlying = leg.getKey();
            final double coins = leg.getValue();
            if (!(coins > 0) || !Double.isFinite(coins))
            {
                throw new IllegalArgumentException("coins per leg of " + underlying + " must be > 0, was " + coins);
            }
            long expiry = Long.MAX_VALUE;
            for (final Instrument i : chain.instruments())
            {
                if (i.kind() == InstrumentKind.OPTION && i.underlying().equals(underlying)
                    && i.expiryEpochMs() >= nowMs + MIN_DAYS_TO_EXPIRY * DAY_MS && i.expiryEpochMs() < expiry)
                {
                    expiry = i.expiryEpochMs();
                }
            }
            if (expiry == Long.MAX_VALUE)
            {
                throw new IllegalArgumentException("no " + underlying + " option expires at least " + MIN_DAYS_TO_EXPIRY
                    + " days after " + nowMs + ": load the chain with DeribitRest.instruments([" + underlying + "])");
            }
            ShortOption call = null;
            ShortOption put = null;
            for (final Instrument i : chain.instruments())
            {
                if (i.kind() != InstrumentKind.OPTION || !i.underlying().equals(underlying) || i.expiryEpochMs() != expiry)
                {
                    continue;
                }
                final Quote q = quotes.quote(i);
                final boolean isCall = i.optionType() == io.deltahedger.venues.instrument.OptionType.CALL;
                final ShortOption candidate = new ShortOption(i, -coins, q.markIv(), q.delta());
                if (isCall && (call == null || distance(q.delta(), TARGET_DELTA) < distance(call.venueDelta(), TARGET_DELTA)))
                {
                    call = candidate;
                }
                if (!isCall && (put == null || distance(q.delta(), -TARGET_DELTA) < distance(put.venueDelta(), -TARGET_DELTA)))
                {
                    put = candidate;
                }
            }
            if (call == null || put == null)
            {
                throw new IllegalArgumentException("the " + underlying + " expiry " + expiry + " lists no "
                    + (call == null ? "call" : "put"));
            }
            chosen.add(call);
            chosen.add(put);
        }
        return new DemoBook(optionConnection, chosen);
    }

    private static double distance(final double a, final double b)
    {
        return Math.abs(a - b);
    }

    /** The margin-book account name holding an underlying's options: {@code "<connection> <settlement currency>"}. */
    public String optionAccount(final Instrument option)
    {
        return optionConnection + " " + option.settlementCurrency();
    }

    /** The underlyings of the book, sorted. */
    public List<String> underlyings()
    {
        return options.stream().map(o -> o.instrument().underlying()).distinct().sorted().toList();
    }

    /** The native names of the book's options on an underlying (for ticker subscriptions). */
    public List<String> optionNames(final String underlying)
    {
        return options.stream().filter(o -> o.instrument().underlying().equals(underlying))
            .map(o -> o.instrument().nativeName()).toList();
    }

    /** Registers every option on its account (which must exist: {@code "<connection> <currency>"}). */
    public void register(final MarginBook book)
    {
        for (final ShortOption o : options)
        {
            final String account = optionAccount(o.instrument());
            final int id = book.accountId(account);
            if (id < 0)
            {
                throw new IllegalArgumentException("the margin book has no account '" + account + "' for "
                    + o.instrument().canonicalId() + ": register it first");
            }
            book.addInstrument(id, o.instrument());
        }
    }

    /**
     * The portfolio: the options (named by their margin-book keys, so the pipeline takes their mark IVs from that
     * account's tickers) and the given delta-one hedge positions, with the simulator's forward basis per underlying.
     */
    public Portfolio portfolio(final List<DeltaOnePosition> hedges)
    {
        final List<OptionPosition> positions = new ArrayList<>();
        for (final ShortOption o : options)
        {
            final Instrument i = o.instrument();
            positions.add(new OptionPosition(optionAccount(i) + MarginBook.KEY_SEPARATOR + i.canonicalId(),
                i.underlying(), OptionModel.INVERSE,
                i.optionType() == io.deltahedger.venues.instrument.OptionType.CALL ? OptionType.CALL : OptionType.PUT,
                i.strike().doubleValue(), i.expiryEpochMs(), o.contracts(), i.contractSize().doubleValue(), o.markIv()));
        }
        final Portfolio portfolio = Portfolio.of(positions, hedges);
        for (int u = 0; u < portfolio.underlyingCount(); u++)
        {
            portfolio.setRates(u, 0.0, SIMULATOR_BASIS);
        }
        return portfolio;
    }

    /**
     * Registers a connection's accounts (one per currency, named {@code "<connection> <currency>"}) with Deribit's
     * standard margin (BTC and ETH parameters of docs/margin.md).
     *
     * @throws IllegalArgumentException for a currency without standard-margin parameters here
     */
    public static void addAccounts(final MarginBook book, final String connection, final List<String> currencies)
    {
        for (final String currency : currencies)
        {
            final DeribitStandardMarginModel model = switch (currency)
            {
                case "BTC" -> DeribitStandardMarginModel.btc();
                case "ETH" -> DeribitStandardMarginModel.eth();
                default -> throw new IllegalArgumentException("no Deribit standard-margin parameters for " + currency
                    + " in the demo: use BTC or ETH, or register the account with its own model");
            };
            book.addAccount(connection + " " + currency, Venue.DERIBIT, currency, model);
        }
    }

    /** Registers the perpetual of each of the book's underlyings on a connection's account of that coin. */
    public void registerPerpetuals(final MarginBook book, final String connection, final InstrumentRegistry chain)
    {
        for (final String coin : underlyings())
        {
            final int account = book.accountId(connection + " " + coin);
            if (account < 0)
            {
                throw new IllegalArgumentException("the margin book has no account '" + connection + " " + coin
                    + "': add it with DemoBook.addAccounts first");
            }
            book.addInstrument(account, perpetual(chain, coin));
        }
    }

    /** The venue's perpetual of a coin ({@code <coin>-PERPETUAL}). */
    public static Instrument perpetual(final InstrumentRegistry chain, final String coin)
    {
        final int index = chain.indexOfNative(Venue.DERIBIT, coin + "-PERPETUAL");
        if (index < 0)
        {
            throw new IllegalArgumentException("the chain lists no " + coin + "-PERPETUAL: load it with "
                + "DeribitRest.instruments([" + coin + "])");
        }
        return chain.instrument(index);
    }

    /**
     * Flat hedge positions, one per underlying's perpetual contract, named by its canonical id: fills of that contract
     * on any connection move the one position (the execution stage finds delta-one positions by canonical id).
     */
    public List<DeltaOnePosition> perpetualHedges(final InstrumentRegistry chain)
    {
        final List<DeltaOnePosition> hedges = new ArrayList<>();
        for (final String coin : underlyings())
        {
            final Instrument perp = perpetual(chain, coin);
            hedges.add(flatHedge(perp.canonicalId(), perp));
        }
        return hedges;
    }

    /**
     * One route per policy over the perpetual of its underlying on every connection, in connection order, each at
     * the given taker fee (Deribit's perpetual: 5 bp).
     */
    public static List<HedgeRoute> perpetualRoutes(final List<HedgePolicy> policies, final List<String> connections,
        final double takerFeeBps)
    {
        final List<HedgeRoute> routes = new ArrayList<>();
        for (final HedgePolicy policy : policies)
        {
            final String coin = policy.underlying();
            final List<HedgeCandidate> candidates = new ArrayList<>();
            for (final String connection : connections)
            {
                candidates.add(new HedgeCandidate(connection + " " + coin + MarginBook.KEY_SEPARATOR + "deribit:" + coin
                    + "-PERPETUAL", takerFeeBps, 0.0));
            }
            routes.add(new HedgeRoute(policy, candidates));
        }
        return routes;
    }

    /** A flat hedge position in a delta-one instrument, named by its margin-book key (lots of its amount step). */
    public static DeltaOnePosition flatHedge(final String key, final Instrument deltaOne)
    {
        return new DeltaOnePosition(key, deltaOne.underlying(), deltaOne.style() == ContractStyle.INVERSE, 0.0,
            deltaOne.amountGrid().step().doubleValue());
    }

    /**
     * Writes the book on the embedded simulator for an API key's owner, as a desk's existing book: per option, market
     * sells of what is still unfilled (the remainder of each is cancelled), and while a wing is not complete the
     * simulator moves one market tick (manual time) so its market maker quotes again, for at most
     * {@code maxTicks} ticks in all.
     *
     * @return the ticks moved (manual-time simulators: the simulator's clock is that many ticks ahead)
     * @throws IllegalStateException naming the option when the simulator's bids did not fill a wing in time
     */
    public int openOn(final ExchangeSimulator simulator, final long ownerId, final int maxTicks)
    {
        int ticks = 0;
        for (final ShortOption o : options)
        {
            final SimInstrument sim = simulator.instruments().stream()
                .filter(s -> s.name().equals(o.instrument().nativeName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the simulator lists no " + o.instrument().nativeName()));
            final long lots = o.instrument().amountGrid().toUnits(java.math.BigDecimal.valueOf(-o.contracts()));
            long filled = 0;
            while (true)
            {
                final long remaining = lots - filled;
                filled += simulator.call(() ->
                {
                    simulator.engine().openAccounts(ownerId, false);
                    return simulator.engine().place(ownerId, new OrderRequest(sim.index(), false, true, remaining, 0,
                        "immediate_or_cancel", false, false, false, "demo-book")).filledLots;
                });
                if (filled == lots)
                {
                    break;
                }
                if (ticks == maxTicks || simulator.config().realTime())
                {
                    throw new IllegalStateException("writing " + o.instrument().nativeName() + " filled " + filled
                        + " of " + lots + " lots on the simulator's bids within " + ticks
                        + " ticks: write fewer coins per leg");
                }
                simulator.advance(simulator.config().tickIntervalMs());
                ticks++;
            }
        }
        return ticks;
    }
}
