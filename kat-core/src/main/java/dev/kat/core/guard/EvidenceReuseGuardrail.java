package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.internal.Hashing;
import dev.kat.core.model.Evidence;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rejects records whose evidence (a URI, or a content hash when given) already backs another record:
 * one recognised in an earlier cycle (the prior state's evidence keys) or an earlier record of this
 * cycle. Only the first record with a given piece of evidence counts.
 *
 * <p>"First" does not depend on arrival order: records are ordered by time, then record id, then
 * content hash. Evidence is compared by the 64-bit hash of {@link Evidence#key()}; two different keys
 * share a hash with probability about 2<sup>−64</sup> per pair, a risk accepted here.
 */
public final class EvidenceReuseGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "evidence-reuse";

  private final boolean checkPrior;

  /**
   * An evidence-reuse detector.
   *
   * @param checkPrior whether evidence recognised in earlier cycles (from the prior state) also counts
   *     as used
   */
  public EvidenceReuseGuardrail(boolean checkPrior) {
    this.checkPrior = checkPrior;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> m = new TreeMap<>();
    m.put("checkPrior", Boolean.toString(checkPrior));
    return java.util.Collections.unmodifiableSortedMap(m);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    int n = b.rows();
    int total = 0;
    for (int row = 0; row < n; row++) {
      total += b.evidenceCount(row);
    }
    if (total == 0) {
      return;
    }
    long[] all = new long[total];
    int j = 0;
    for (int row = 0; row < n; row++) {
      for (int k = 0, m = b.evidenceCount(row); k < m; k++) {
        all[j++] = b.evidenceHash(row, k);
      }
    }
    long[] prior = new long[0];
    if (checkPrior && !context.prior().evidenceKeys().isEmpty()) {
      prior = new long[context.prior().evidenceKeys().size()];
      int p = 0;
      for (String key : context.prior().evidenceKeys()) {
        prior[p++] = Hashing.hash64(key);
      }
      Arrays.sort(prior);
    }
    // Hashes that occur on two rows, or that were used before: the only ones worth a closer look. The
    // hashes stay in row order in all (the passes below read them there instead of asking the batch).
    long[] sorted = Sorting.sortedCopy(all, 0, total);
    long[] suspect = new long[total];
    int s = 0;
    // Both arrays are sorted, so membership in prior is one merge walk rather than a search per hash.
    int q = 0;
    for (int i = 0; i < total; i++) {
      long h = sorted[i];
      boolean dup = (i + 1 < total && sorted[i + 1] == h) || (i > 0 && sorted[i - 1] == h);
      while (q < prior.length && prior[q] < h) {
        q++;
      }
      boolean known = q < prior.length && prior[q] == h;
      if ((dup || known) && (s == 0 || suspect[s - 1] != h)) {
        suspect[s++] = h;
      }
    }
    if (s == 0) {
      return;
    }
    suspect = Arrays.copyOf(suspect, s);
    // Rows per suspect hash (each row once per hash). The suspect index of each evidence entry is looked
    // up once, in an open-addressing table, and kept for the second pass.
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * s - 1)) + 1;
    int mask = (1 << bits) - 1;
    long[] slotHash = new long[mask + 1];
    int[] slotGroup = new int[mask + 1];
    for (int g = 0; g < s; g++) {
      int i = slot(suspect[g], bits);
      while (slotGroup[i] != 0) {
        i = (i + 1) & mask;
      }
      slotHash[i] = suspect[g];
      slotGroup[i] = g + 1;
    }
    sorted = null;
    int[] groupOf = new int[total];
    int[] count = new int[s + 1];
    j = 0;
    for (int row = 0; row < n; row++) {
      for (int k = 0, m = b.evidenceCount(row); k < m; k++) {
        long h = all[j];
        int i = slot(h, bits);
        int g = -1;
        while (slotGroup[i] != 0) {
          if (slotHash[i] == h) {
            g = slotGroup[i] - 1;
            break;
          }
          i = (i + 1) & mask;
        }
        if (g >= 0 && !seenEarlier(all, j - k, k)) {
          count[g + 1]++;
        } else {
          g = -1;
        }
        groupOf[j++] = g;
      }
    }
    for (int g = 0; g < s; g++) {
      count[g + 1] += count[g];
    }
    int[] rowsOf = new int[count[s]];
    int[] fill = Arrays.copyOf(count, s);
    j = 0;
    for (int row = 0; row < n; row++) {
      for (int k = 0, m = b.evidenceCount(row); k < m; k++) {
        int g = groupOf[j++];
        if (g >= 0) {
          rowsOf[fill[g]++] = row;
        }
      }
    }
    // One reason per rejected row: the reason from the smallest suspect hash wins (a fixed choice).
    String[] reason = new String[n];
    int[] rejected = new int[count[s]];
    int r = 0;
    for (int g = 0; g < s; g++) {
      int from = count[g];
      int to = count[g + 1];
      boolean usedBefore = prior.length > 0 && Arrays.binarySearch(prior, suspect[g]) >= 0;
      int first = usedBefore ? -1 : Rows.first(b, rowsOf, from, to);
      // The earlier record's description is the same for every later row of the group: made once.
      String earlier = null;
      for (int i = from; i < to; i++) {
        int row = rowsOf[i];
        if (row == first || reason[row] != null) {
          continue;
        }
        String key = keyOf(b, row, suspect[g]);
        if (!usedBefore && earlier == null) {
          earlier = Rows.describe(b, first);
        }
        reason[row] = usedBefore
            ? "evidence " + key + " was already recognised in an earlier cycle; evidence counts once."
                + " Attach evidence of this piece of work itself."
            : "evidence " + key + " also backs the earlier " + earlier
                + "; only the first record with the same evidence counts. Attach evidence of this piece of work itself.";
        rejected[r++] = row;
      }
    }
    for (int i = 0; i < r; i++) {
      int row = rejected[i];
      sink.flag(Severity.HIGH, Action.REJECT, 0.0, new int[] {row}, new int[] {b.contributor(row)}, reason[row]);
    }
  }

  /** The home slot of {@code hash} in a table of 2<sup>{@code bits}</sup> slots. */
  private static int slot(long hash, int bits) {
    return (int) ((hash * 0x9E3779B97F4A7C15L) >>> (64 - bits));
  }

  /**
   * Whether the {@code k}-th evidence hash of a row, whose hashes start at {@code all[first]}, already
   * occurred at a smaller index.
   */
  private static boolean seenEarlier(long[] all, int first, int k) {
    long h = all[first + k];
    for (int i = 0; i < k; i++) {
      if (all[first + i] == h) {
        return true;
      }
    }
    return false;
  }

  /** The first evidence key of {@code row} whose hash is {@code hash}. */
  private static String keyOf(BatchView b, int row, long hash) {
    for (int k = 0, m = b.evidenceCount(row); k < m; k++) {
      if (b.evidenceHash(row, k) == hash) {
        return b.evidenceKey(row, k);
      }
    }
    return "#" + Long.toHexString(hash);
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
