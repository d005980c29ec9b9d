package dev.kat.core.alloc;

/** Factories for the built-in allocation policies. */
public final class Allocations {
  private Allocations() {}

  /** This cycle's credit (weighted by karma influence, if any) decides the split. */
  public static AllocationPolicy immediate() {
    return ImmediateAllocation.INSTANCE;
  }
}
