/**
 * The hedging engine: the Disruptor pipeline, hedging policies, rebalancing groups and their execution.
 * Not built yet: see issue 4.
 */
package io.deltahedger.hedger;
