/**
 * Privileges and badges: {@link dev.kat.core.privilege.PrivilegeRule}s over a contributor's
 * {@link dev.kat.core.privilege.Standing} (lifetime KAT, karma, credit, activity) grant the seeds'
 * {@link dev.kat.core.privilege.Privileges} while their condition holds and let them expire when it
 * lapses. Threshold rules cover the usual cases; implement the interface for others.
 */
package dev.kat.core.privilege;
