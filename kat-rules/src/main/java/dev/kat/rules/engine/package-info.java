/**
 * DAOs' own recognition rules as rule files on the Drools rules engine, used as a compiler: record rules
 * become the policy's credit adjustments; contributor, working-group and pair rules run once per cycle on
 * aggregated facts. Start with {@link dev.kat.rules.engine.RuleFiles}; rule files see the facts
 * {@link dev.kat.rules.engine.Contribution}, {@link dev.kat.rules.engine.Contributor},
 * {@link dev.kat.rules.engine.WorkingGroup} and {@link dev.kat.rules.engine.Pair}. See docs/rules.md.
 */
package dev.kat.rules.engine;
