/**
 * Splitting a cycle's KAT budget exactly, in integer base units: the
 * {@link dev.kat.core.alloc.AllocationPolicy} extension point, the built-in policies in
 * {@link dev.kat.core.alloc.Allocations}, and {@link dev.kat.core.alloc.LargestRemainder} apportionment.
 */
package dev.kat.core.alloc;
