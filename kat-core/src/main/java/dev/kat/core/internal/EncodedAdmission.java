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
   * {@code batch.prepare} of the records {@code bytes[offsets[i], offsets[i + 1])} for {@code i < count},
   * with person hints as {@link ContributionBatch.Builder#prepare(java.util.List, int[])} takes them (or
   * null) and, beside each hint, the reader's instance of that person's id (or null for none): admitting
   * the result gives exactly the batch that admitting the decoded records would. An id instance is used
   * only after it is compared with the record's bytes, so a wrong one costs a lookup, never a wrong person.
   */
  public abstract ContributionBatch.Prepared prepare(ContributionBatch.Builder batch, byte[] bytes, int[] offsets,
      int count, int[] personHints, String[] personIds);
}
