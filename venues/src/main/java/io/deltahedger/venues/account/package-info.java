/** Account state: balances, equity, margins and positions as timestamped immutable snapshots. */
package io.deltahedger.venues.account;
