package dev.kat.rules.codec;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Review;
import java.util.List;

/**
 * The person hints of the row a parser is reading (see
 * {@link dev.kat.core.engine.ContributionBatch.Builder#prepare(java.util.List, int[])}). The parser notes
 * each person id it takes from its {@link dev.kat.core.internal.Interner} with the code the interner gave it; once the record
 * has put its people in canonical order, {@link #of} lists their codes in that order. A person read
 * another way (a long or non-ASCII id) gets -1. A parser writing the row in canonical form may instead
 * give {@link #DEFERRED} with where the id's bytes are in the chunk's canonical bytes ({@link #from},
 * {@link #to}), to be looked up with the chunk's others ({@link ParsedRows#resolveHints}). Internal; one
 * per parser, reused row after row.
 */
final class PersonHints {
  /** A hint to be looked up once the chunk is read: the code of the id at {@link #from}, {@link #to}. */
  static final int DEFERRED = -2;
  /** The most people of a row noted; a row naming more gets -1 for all (no quadratic search). */
  private static final int MAX_NOTED = 32;

  private final String[] ids = new String[MAX_NOTED];
  private final int[] codes = new int[MAX_NOTED];
  private int noted;
  /** The hints {@link #of} set: {@link #count} of them. */
  int[] row = new int[16];
  int count;
  /** Where the id of a {@link #DEFERRED} hint starts and ends in the chunk's canonical bytes. */
  int[] from = new int[16];
  int[] to = new int[16];

  /** Makes room for {@code n} hints in {@link #row}, {@link #from} and {@link #to}. */
  void ensure(int n) {
    if (n > row.length) {
      int cap = Math.max(n, 2 * row.length);
      row = java.util.Arrays.copyOf(row, cap);
      from = java.util.Arrays.copyOf(from, cap);
      to = java.util.Arrays.copyOf(to, cap);
    }
  }

  /** Forgets the people of the previous row. */
  void clear() {
    noted = 0;
  }

  /** Notes {@code id} with its interner code ({@code code} -1 for none); returns {@code id}. */
  String note(String id, int code) {
    if (id != null && code >= 0 && noted < MAX_NOTED) {
      ids[noted] = id;
      codes[noted] = code;
      noted++;
    }
    return id;
  }

  /** Sets {@link #row}: a hint per person of {@code c} (contributor, counterparts, reviewers), in its order. */
  void of(Contribution c) {
    of(c.contributor(), c.counterparts(), c.reviews());
  }

  /** {@link #of(Contribution)} of a record's people, its lists already in canonical order. */
  void of(String contributor, List<String> counterparts, List<Review> reviews) {
    int n = 1 + counterparts.size() + reviews.size();
    ensure(n);
    boolean search = noted > 0 && n <= MAX_NOTED;
    int k = 0;
    row[k++] = search ? code(contributor) : -1;
    for (int i = 0; i < counterparts.size(); i++) {
      row[k++] = search ? code(counterparts.get(i)) : -1;
    }
    for (int i = 0; i < reviews.size(); i++) {
      row[k++] = search ? code(reviews.get(i).reviewer()) : -1;
    }
    count = n;
  }

  private int code(String id) {
    for (int i = 0; i < noted; i++) {
      if (ids[i] == id) {
        return codes[i];
      }
    }
    return -1;
  }
}
