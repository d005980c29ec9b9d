/**
 * Guardrails against gaming: the {@link dev.kat.core.guard.Guardrail} extension point that runs in the
 * cycle's guard stage, and the {@link dev.kat.core.guard.Flag}s and {@link dev.kat.core.guard.Action}s it
 * reports.
 */
package dev.kat.core.guard;
