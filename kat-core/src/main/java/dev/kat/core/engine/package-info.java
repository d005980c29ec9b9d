/**
 * Running a cycle: {@link dev.kat.core.engine.KatEngine} admits records into a columnar
 * {@link dev.kat.core.engine.ContributionBatch}, runs the stages (credit, guard, caps, karma, allocate)
 * and returns a {@link dev.kat.core.engine.CycleResult} with rejections, flags, per-contributor
 * {@link dev.kat.core.engine.Statement}s, the next {@link dev.kat.core.engine.PriorState} and a content
 * hash.
 */
package dev.kat.core.engine;
