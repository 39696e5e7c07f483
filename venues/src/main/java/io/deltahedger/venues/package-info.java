/**
 * The unified venue layer: instruments, market-data events, orders, accounts, L2 books, venue adapters and the
 * embedded exchange simulator.
 */
package io.deltahedger.venues;
