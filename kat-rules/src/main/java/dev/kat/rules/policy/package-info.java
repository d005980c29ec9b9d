/**
 * Policy and framework documents: versioned JSON forms of {@link dev.kat.core.policy.Policy} and
 * {@link dev.kat.core.policy.Framework}. Start with {@link dev.kat.rules.policy.PolicyDocuments}; a
 * {@link dev.kat.rules.policy.PolicyReader} checks a policy against a framework and reports every
 * {@link dev.kat.rules.policy.Problem} (malformed JSON, unknown fields, wrong types, bad values, framework
 * violations) at once, each with line, column and JSON path. Guardrails and allocation policies are named in
 * documents and resolved in a {@link dev.kat.rules.policy.ComponentRegistry}.
 */
package dev.kat.rules.policy;
