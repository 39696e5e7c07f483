package io.deltahedger.agent.control;

import java.util.Map;

/**
 * What the HTTP control plane asks of the running agent. The daemon implements it over the hedging engine; every
 * method is called on a Micronaut event-loop thread, so implementations are thread-safe and never block for long
 * (commands are queued onto the engine's ring, not executed here).
 */
public interface ControlPlane
{
    /** Whether the process is alive and its engine threads run (for a supervisor's restart decision). */
    Health liveness();

    /**
     * Whether the agent may be trusted to hedge now: every venue live, data fresh, account snapshots current, with the
     * details of each component.
     */
    Health readiness();

    /**
     * The status document of {@code GET /api/status}: a tree of maps, lists, strings, numbers and booleans (portfolio
     * Greeks per underlying, positions and margin ratio per venue, open groups and recent orders, the policy in
     * force). Secrets never appear in it.
     */
    Map<String, Object> status();

    /** Queues an operator command; the outcome says whether it was accepted (a refusal says why). */
    ControlOutcome control(ControlAction action, Actor actor);

    /** Queues a runtime policy change for one underlying. */
    ControlOutcome changePolicy(PolicyChange change, Actor actor);

    /** The Prometheus text exposition (format 0.0.4) of the agent's metrics. */
    String prometheus();
}
