package dev.kat.core.internal;

import dev.kat.core.engine.ContributionBatch;

/**
 * Admission of records in canonical form ({@link RecordCodec}) for KAT's own readers, which write that form
 * straight from the text they parse instead of building record objects. Not public API: the package is
 * exported only to KAT's modules.
 */
public abstract class EncodedAdmission {
  private static volatile EncodedAdmission instance;

  /** Set once by the engine package when its batch class is initialised. */
  protected EncodedAdmission() {}

  /**
   * Registers the engine's implementation, once.
   *
   * @throws IllegalStateException if one is registered already
   */
  public static synchronized void register(EncodedAdmission implementation) {
    Checks.notNull(implementation, "implementation");
    Checks.state(instance == null, "encoded admission is registered already");
    instance = implementation;
  }

  /** The engine's implementation. */
  public static EncodedAdmission get() {
    EncodedAdmission a = instance;
    if (a == null) {
      try {
        // initialising the batch class registers it
        Class.forName(ContributionBatch.class.getName(), true, ContributionBatch.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      a = instance;
    }
    return a;
  }

  /**
   * The batch's own table of short strings, for the interners of a reader that writes records for it in
   * canonical form: the codes they give are the ones {@link #prepare} takes. One per batch, shared by all
   * its reads; thread-safe.
   */
  public abstract Interner.Shared strings(ContributionBatch.Builder batch);

  /**
   * {@code batch.prepare} of the records {@code bytes[offsets[i], offsets[i + 1])} for {@code i < count}:
   * admitting the result gives exactly the batch that admitting the decoded records would. {@code
   * personCodes}, when not null, holds for each record in order one entry for its contributor, then one for
   * each counterpart and reviewer in canonical order: the code {@link #strings} gave that person's id
   * bytes, or -1. The batch trusts those codes (they come from its own table), so they must be the codes of
   * exactly those bytes.
   */
  public abstract ContributionBatch.Prepared prepare(ContributionBatch.Builder batch, byte[] bytes, int[] offsets,
      int count, int[] personCodes);
}
