/**
 * Tools around the benchmarks: a CPU-time profiler for JMH, heap footprint measurements, and the report
 * that writes the results section of {@code docs/benchmarks.md}.
 */
package dev.kat.bench.report;
