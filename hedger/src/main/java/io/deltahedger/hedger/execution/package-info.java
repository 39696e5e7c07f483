/**
 * Stage 5 of the pipeline: execution of rebalancing groups. A group is the legs the margin gate approved for one
 * decision; {@link io.deltahedger.hedger.execution.GroupExecutor} sends them as IOC limit orders with idempotent
 * client order ids, follows the execution reports that come back through the ring, re-routes unfilled remainders,
 * compensates a group that cannot reach its target, and ends every group in a defined
 * {@link io.deltahedger.hedger.execution.GroupState}. The {@link io.deltahedger.hedger.execution.CircuitBreaker} and
 * the {@link io.deltahedger.hedger.execution.EngineCommand}s halt new risk. Single writer: everything here is owned
 * by the pipeline's execution stage thread, except {@link io.deltahedger.hedger.execution.EngineStatus} snapshots,
 * which any thread may read (docs/hedging.md "Execution").
 */
package io.deltahedger.hedger.execution;
