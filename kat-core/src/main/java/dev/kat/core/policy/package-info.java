/**
 * A DAO's recognition rules ({@link dev.kat.core.policy.Policy}: categories, roles, attribute modifiers,
 * credit adjustments, caps, karma, budget) and the cohort-wide {@link dev.kat.core.policy.Framework}
 * bounds that every policy must respect. Start with {@link dev.kat.core.policy.Policy#builder(String)}.
 */
package dev.kat.core.policy;
