package io.deltahedger.hedger.execution;

import io.deltahedger.venues.instrument.Instrument;
import io.deltahedger.venues.order.VenueGateway;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where groups are executed: the {@link VenueGateway} of each margin-book account id (one session = one account on
 * one endpoint) and the venue {@link Instrument} of each margin-book instrument id a leg may trade (for its tick and
 * lot grids and the order it names). The pipeline checks the table against the margin book at construction.
 */
public final class ExecutionVenues
{
    private final Map<Integer, VenueGateway> gateways;
    private final Map<Integer, Instrument> instruments;

    private ExecutionVenues(final Map<Integer, VenueGateway> gateways, final Map<Integer, Instrument> instruments)
    {
        this.gateways = Map.copyOf(gateways);
        this.instruments = Map.copyOf(instruments);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** The gateway of each margin-book account id. */
    public Map<Integer, VenueGateway> gateways()
    {
        return gateways;
    }

    /** The venue instrument of each margin-book instrument id. */
    public Map<Integer, Instrument> instruments()
    {
        return instruments;
    }

    /** Collects the table; each id may be given once. */
    public static final class Builder
    {
        private final Map<Integer, VenueGateway> gateways = new TreeMap<>();
        private final Map<Integer, Instrument> instruments = new TreeMap<>();

        public Builder gateway(final int accountId, final VenueGateway gateway)
        {
            if (accountId < 0 || gateway == null)
            {
                throw new IllegalArgumentException("execution gateway needs a margin-book account id >= 0 and a gateway,"
                    + " was " + accountId + ", " + gateway);
            }
            if (gateways.putIfAbsent(accountId, gateway) != null)
            {
                throw new IllegalArgumentException("account " + accountId + " already has a gateway: one session per account");
            }
            return this;
        }

        public Builder instrument(final int instrumentId, final Instrument instrument)
        {
            if (instrumentId < 0 || instrument == null)
            {
                throw new IllegalArgumentException("execution instrument needs a margin-book instrument id >= 0 and a "
                    + "venue instrument, was " + instrumentId + ", " + instrument);
            }
            if (instruments.putIfAbsent(instrumentId, instrument) != null)
            {
                throw new IllegalArgumentException("instrument id " + instrumentId + " is already mapped");
            }
            return this;
        }

        public ExecutionVenues build()
        {
            if (gateways.isEmpty())
            {
                throw new IllegalArgumentException("execution venues have no gateway: give one per trading account");
            }
            return new ExecutionVenues(gateways, instruments);
        }
    }
}
