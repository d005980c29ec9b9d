/**
 * Testing code built on KAT with jqwik.
 *
 * <ul>
 *   <li>{@link dev.kat.testkit.KatArbitraries}: arbitraries of contributions, reviews, policies inside a
 *       framework's bounds, populations and scenarios; also behind {@code @ForAll Contribution} and friends
 *       via {@link dev.kat.testkit.KatArbitraryProvider}.
 *   <li>{@link dev.kat.testkit.Scenarios}: arbitraries of the built-in agent strategies (honest contributor,
 *       volume farmer, session-swapping pair, collusion ring, sybil splitter, rubber-stamp reviewer,
 *       late-burst submitter) — the same strategies the simulation in {@code dev.kat.core.sim} runs.
 *   <li>{@link dev.kat.testkit.PolicyContract} and {@link dev.kat.testkit.PolicyContractProperties}: the
 *       promises every policy keeps, as checks and as a reusable property suite.
 *   <li>{@link dev.kat.testkit.KatAssertions}: assertions about results and statements.
 * </ul>
 */
package dev.kat.testkit;
