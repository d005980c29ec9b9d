/**
 * Fairness and concentration measures over a distribution of KAT (or any non-negative amounts):
 * {@link dev.kat.core.metrics.Concentration#gini Gini coefficient},
 * {@link dev.kat.core.metrics.Concentration#nakamoto Nakamoto coefficient},
 * {@link dev.kat.core.metrics.Concentration#hhi Herfindahl–Hirschman index}, and shares of a total held
 * by groups. Pure functions of their arguments; no input order changes a result.
 */
package dev.kat.core.metrics;
