/**
 * Guardrails against gaming: the {@link dev.kat.core.guard.Guardrail} extension point that runs in the
 * cycle's guard stage, the {@link dev.kat.core.guard.Flag}s and {@link dev.kat.core.guard.Action}s it
 * reports, and the catalogue of built-in detectors in {@link dev.kat.core.guard.Guardrails}.
 *
 * <p>Every built-in detector is deterministic and independent of row order, works on the batch's columns
 * (graph work sorts packed {@code long} pair keys instead of building per-edge objects), and only ever
 * lowers credit: a flag rejects, dampens by a factor in [0, 1], holds for human review, or notes. The
 * {@link dev.kat.core.guard.EigenTrust} computation is exposed as a pure function. The threat model each
 * detector answers is in docs/guardrails.md.
 */
package dev.kat.core.guard;
