/**
 * KAT rules: the outside world coming into KAT. {@link dev.kat.rules.KatException} is the root of the
 * exceptions thrown for bad documents; the policy and framework documents live in
 * {@link dev.kat.rules.policy}.
 */
package dev.kat.rules;
