/**
 * Baselines the engine is measured against in the same benchmark run, on the same policy and data: the
 * object-per-record implementation a typical developer would write.
 */
package dev.kat.bench.baseline;
