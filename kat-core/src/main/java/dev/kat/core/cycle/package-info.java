/**
 * The monthly cycle as a workflow: {@link dev.kat.core.cycle.CycleHistory} replays a ledger and starts
 * the next {@link dev.kat.core.cycle.CycleWorkflow}, which moves through explicit
 * {@link dev.kat.core.cycle.CycleStage}s, holds disputed records, applies bounded manual exceptions,
 * previews with differences, and finalizes only when the {@link dev.kat.core.cycle.AuditReport audit
 * checklist} passes.
 */
package dev.kat.core.cycle;
