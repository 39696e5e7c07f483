package io.deltahedger.hedger.execution;

/** Told, on the execution stage thread, of every group that reached a terminal state. Must not throw. */
@FunctionalInterface
public interface GroupListener
{
    void onGroupDone(GroupOutcome outcome);
}
