/**
 * Per-venue margin models, the pre-trade margin gate (fails closed) and continuous margin monitoring.
 * Not built yet: see issue 4.
 */
package io.deltahedger.marginmonitor;
