/**
 * JMH benchmarks of KAT's hot path: the credit stage, allocation, admission into the batch form and the
 * full cycle at 10 k to 10 M records, with the baselines in the same run. Start with
 * {@code docs/benchmarks.md}, which gives the commands and the latest results; each benchmark's Javadoc
 * gives the command that runs it alone.
 */
package dev.kat.bench;
