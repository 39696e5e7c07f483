/**
 * Per-venue margin models ({@code model}), the book of accounts, positions and marks they are evaluated on
 * ({@code book}), the pre-trade margin gate that fails closed ({@code gate}) and continuous monitoring with
 * reduce-only de-risking ({@code monitor}). See docs/margin.md.
 */
package io.deltahedger.marginmonitor;
