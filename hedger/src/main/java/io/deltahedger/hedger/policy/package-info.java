/**
 * Hedging policies: per underlying, an immutable validated {@link io.deltahedger.hedger.policy.HedgePolicy} (which
 * delta, the target, a fixed or Whalley-Wilmott band, time rebalancing, hysteresis, a rate cap, lots and a minimum
 * size) and a single-threaded, allocation-free {@link io.deltahedger.hedger.policy.HedgeDecider} that turns the
 * underlying's Greeks and the injected time into a {@link io.deltahedger.hedger.policy.HedgeDecision}: how much
 * delta to trade, in whole lots of coin, and why. Formulas and semantics: docs/hedging.md.
 */
package io.deltahedger.hedger.policy;
