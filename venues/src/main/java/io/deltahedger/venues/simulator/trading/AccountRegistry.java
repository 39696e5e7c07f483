package io.deltahedger.venues.simulator.trading;

import io.deltahedger.venues.simulator.account.Account;
import io.deltahedger.venues.simulator.market.SimInstrument;
import io.deltahedger.venues.simulator.market.UnderlyingSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of every owner: one per listed currency, created on first use. Exchange thread only.
 */
final class AccountRegistry
{
    private final List<SimInstrument> instruments;
    private final List<UnderlyingSpec> underlyings;
    private final double[] underlyingPrices;
    private final Map<Long, Account[]> accounts = new HashMap<>();

    AccountRegistry(final List<SimInstrument> instruments, final List<UnderlyingSpec> underlyings,
        final double[] underlyingPrices)
    {
        this.instruments = instruments;
        this.underlyings = underlyings;
        this.underlyingPrices = underlyingPrices;
    }

    void open(final long ownerId, final boolean unlimited)
    {
        accounts.computeIfAbsent(ownerId, id ->
        {
            final Account[] byCurrency = new Account[underlyings.size()];
            for (int i = 0; i < byCurrency.length; i++)
            {
                byCurrency[i] = new Account(id, underlyings.get(i), instruments, unlimited, underlyingPrices);
            }
            return byCurrency;
        });
    }

    /** @return the owner's account in the currency, or null if either is unknown. */
    Account account(final long ownerId, final String currency)
    {
        final Account[] byCurrency = accounts.get(ownerId);
        final int index = currencyIndex(currency);
        return byCurrency == null || index < 0 ? null : byCurrency[index];
    }

    Account require(final long ownerId, final String currency)
    {
        final Account account = account(ownerId, currency);
        if (account == null)
        {
            throw new IllegalStateException("no " + currency + " account for owner " + ownerId);
        }
        return account;
    }

    int currencyIndex(final String currency)
    {
        for (int i = 0; i < underlyings.size(); i++)
        {
            if (underlyings.get(i).currency().equals(currency))
            {
                return i;
            }
        }
        return -1;
    }

    /** The sum of long positions in the instrument over all owners, in its amount unit. */
    double openInterest(final int instrumentIndex)
    {
        final int currency = currencyIndex(instruments.get(instrumentIndex).currency());
        double total = 0.0;
        for (final Account[] byCurrency : accounts.values())
        {
            total += Math.max(0.0, byCurrency[currency].position(instrumentIndex).size());
        }
        return total;
    }

    Iterable<Account[]> all()
    {
        return accounts.values();
    }
}
