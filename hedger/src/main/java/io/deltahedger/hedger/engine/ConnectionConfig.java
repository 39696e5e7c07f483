package io.deltahedger.hedger.engine;

import io.deltahedger.venues.deribit.client.DeribitClientConfig;
import io.deltahedger.venues.instrument.InstrumentRegistry;

/**
 * One venue session of the engine: a Deribit endpoint and API key. Each of its account currencies is one margin-book
 * account named {@link #accountName(String) "<name> <currency>"} (Deribit margins every currency separately), which
 * must be registered in the margin book before the engine is built.
 *
 * @param name     a short unique name for logs and account names, e.g. {@code sim-a}, {@code deribit-main}
 * @param client   the session's configuration; its {@code bookChannels} and {@code tickerChannels} are what the engine
 *                 hears of, its {@code accountCurrencies} the accounts it trades
 * @param registry the venue's instruments (e.g. from {@code public/get_instruments}); every subscribed instrument
 *                 must be in it
 * @param seed     seed of the session's reconnect jitter and authentication nonces
 */
public record ConnectionConfig(String name, DeribitClientConfig client, InstrumentRegistry registry, long seed)
{
    public ConnectionConfig
    {
        if (name == null || name.isBlank() || name.indexOf('/') >= 0 || name.indexOf(' ') >= 0)
        {
            throw new IllegalArgumentException("connection name must be non-blank without '/' or spaces, was '" + name
                + "': e.g. sim-a");
        }
        if (client == null)
        {
            throw new IllegalArgumentException("connection " + name + " needs a DeribitClientConfig: e.g. "
                + "DeribitClientConfig.defaults(uri, credentials, books, currencies)");
        }
        if (client.accountCurrencies().isEmpty())
        {
            throw new IllegalArgumentException("connection " + name + " follows no account currency: give "
                + "accountCurrencies, e.g. [BTC, ETH]");
        }
        if (registry == null || registry.size() == 0)
        {
            throw new IllegalArgumentException("connection " + name + " needs the venue's instrument registry, was "
                + (registry == null ? "missing" : "empty") + ": load it with DeribitRest.instruments(...)");
        }
    }

    /** The margin-book account name of this connection's account in {@code currency}: {@code "<name> <currency>"}. */
    public String accountName(final String currency)
    {
        return name + " " + currency;
    }
}
