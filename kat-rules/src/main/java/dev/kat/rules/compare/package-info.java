/**
 * Cross-DAO comparability: {@link dev.kat.rules.compare.CohortComparison} sets several DAOs' cycle results
 * under one framework side by side — credit per record and per hour of each category, each DAO's KAT
 * concentration — and flags where one DAO recognises the same work far more generously than the cohort's
 * median. This is the monthly view of the KAT Tokenomics DAO's audit working group.
 */
package dev.kat.rules.compare;
