package io.deltahedger.backtest.replay;

import io.deltahedger.backtest.venue.SimulatedVenue;
import io.deltahedger.config.time.ManualClock;
import io.deltahedger.greeks.portfolio.DeltaOnePosition;
import io.deltahedger.greeks.portfolio.OptionModel;
import io.deltahedger.greeks.portfolio.OptionPosition;
import io.deltahedger.greeks.portfolio.Portfolio;
import io.deltahedger.greeks.pricing.OptionType;
import io.deltahedger.hedger.execution.ExecutionConfig;
import io.deltahedger.hedger.execution.ExecutionVenues;
import io.deltahedger.hedger.journal.ChainSigner;
import io.deltahedger.hedger.pipeline.HedgeRoute;
import io.deltahedger.hedger.pipeline.PipelineConfig;
import io.deltahedger.hedger.pipeline.StageThreading;
import io.deltahedger.hedger.policy.DeltaUnit;
import io.deltahedger.hedger.policy.FixedBand;
import io.deltahedger.hedger.policy.HedgePolicy;
import io.deltahedger.hedger.routing.HedgeCandidate;
import io.deltahedger.marginmonitor.book.MarginBook;
import io.deltahedger.marginmonitor.gate.GateConfig;
import io.deltahedger.venues.Venue;
import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.instrument.InstrumentRegistry;
import io.deltahedger.venues.order.VenueGateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a book period's pipeline is composed, as the engine composes the live one (docs/hedging.md "Engine"): a margin
 * book with one Deribit account ({@code "replay <coin>"}) holding the perpetual and the book's options; a portfolio of
 * the options (inverse, at their mark IVs, named by their margin-book keys so the pipeline follows their IVs) and the
 * perpetual at the venue's position; one route over the perpetual at the venue's fees with a fixed band; the margin
 * gate (threshold 0.8, spot and vol -10/0/+10); default execution with group ids continuing the previous period's.
 */
final class SegmentWiring
{
    /** The gate's spot moves and vol shifts. */
    private static final double[] SHOCKS = {-0.1, 0.0, 0.1};

    /** Where a segment's pipeline journals, and with which key; null in {@link #wire} for no journal. */
    record Journal(Path directory, ChainSigner signer)
    {
    }

    /** A wired segment: the pipeline and the ids the driver maps events with. */
    record Wired(ReplaySegment segment, int accountId, int perpId, int[] bookIdOf)
    {
    }

    private SegmentWiring()
    {
    }

    static Wired wire(final BacktestConfig config, final InstrumentRegistry registry, final Instrument perp,
                      final int perpIndex, final List<HeldOption> held, final ChainQuotes quotes, final double index,
                      final SimulatedVenue venue, final VenueGateway gateway, final ManualClock clock,
                      final long firstGroupId, final long t, final Journal journal)
    {
        final MarginBook book = new MarginBook(2, 8 + held.size());
        final int accountId = book.addAccount("replay " + config.coin(), Venue.DERIBIT, config.coin(),
            venue.config().marginModel());
        final int[] bookIdOf = new int[registry.size()];
        Arrays.fill(bookIdOf, -1);
        final int perpId = book.addInstrument(accountId, perp);
        bookIdOf[perpIndex] = perpId;
        final List<OptionPosition> options = new ArrayList<>();
        double basis = 0;
        for (final HeldOption h : held)
        {
            final Instrument o = h.instrument();
            final int id = book.addInstrument(accountId, o);
            bookIdOf[h.registryIndex()] = id;
            final double iv = quotes.iv(h.registryIndex()) > 0 ? quotes.iv(h.registryIndex()) : h.markIv();
            options.add(new OptionPosition(book.instrumentKey(id), config.coin(), OptionModel.INVERSE,
                o.optionType() == io.deltahedger.venues.instrument.OptionType.CALL ? OptionType.CALL : OptionType.PUT,
                o.strike().doubleValue(), o.expiryEpochMs(), h.contracts(), o.contractSize().doubleValue(), iv));
            final double forward = quotes.forward(h.registryIndex());
            final double years = (o.expiryEpochMs() - t) / Portfolio.MILLIS_PER_YEAR;
            if (forward > 0 && index > 0 && years > 1e-6)
            {
                basis = Math.log(forward / index) / years; // the chain's forward over the index, per year
            }
        }
        final List<DeltaOnePosition> hedges = List.of(new DeltaOnePosition(perp.canonicalId(), config.coin(), true,
            venue.positionLots(perp), perp.amountGrid().step().doubleValue()));
        final Portfolio portfolio = Portfolio.of(options, hedges);
        portfolio.setRates(0, 0.0, basis);
        final HedgePolicy policy = HedgePolicy.builder(config.coin(), "0.0001")
            .band(new FixedBand(config.bandCoin(), DeltaUnit.COIN)).build();
        final HedgeRoute route = new HedgeRoute(policy, List.of(new HedgeCandidate(book.instrumentKey(perpId),
            venue.config().takerFeeBps(), venue.config().makerFeeBps())));
        // CALLER_RUNS: the replay thread runs the stages itself (the wait strategy is then unused)
        final PipelineConfig pipelineConfig = new PipelineConfig(List.of(route), config.maxInputAgeMs(),
            PipelineConfig.DEFAULT_LIMIT_SLIPPAGE, PipelineConfig.DEFAULT_VALUATION_STEP_MS,
            PipelineConfig.DEFAULT_RING_SIZE, PipelineConfig.DEFAULT_WAIT_STRATEGY, StageThreading.CALLER_RUNS);
        final GateConfig gate = new GateConfig(0.8, config.maxInputAgeMs(), SHOCKS, SHOCKS, 1_000);
        final ExecutionVenues venues = ExecutionVenues.builder().gateway(accountId, gateway)
            .instrument(perpId, perp).build();
        final ReplaySegment segment = new ReplaySegment(pipelineConfig, portfolio, book, gate,
            ExecutionConfig.defaults().withFirstGroupId(firstGroupId), venues, clock, 0, journal);
        return new Wired(segment, accountId, perpId, bookIdOf);
    }
}
