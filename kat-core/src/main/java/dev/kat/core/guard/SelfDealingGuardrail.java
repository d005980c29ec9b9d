package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.model.Verdict;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Rejects records whose contributor deals with themselves: the contributor is named as the record's own
 * counterpart or reviewer, or (unless allowed) every approval comes from a counterpart of the record,
 * that is from a party to the work who also benefits from it.
 *
 * <p>Admission already rejects a review by the record's own contributor; this detector checks it again
 * so that the guarantee holds for any {@link BatchView}. Flags are grouped per contributor and kind.
 */
public final class SelfDealingGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "self-dealing";

  private final boolean allowCounterpartApproval;

  /**
   * A self-dealing detector.
   *
   * @param allowCounterpartApproval whether an approval by a counterpart of the record counts as
   *     independent validation
   */
  public SelfDealingGuardrail(boolean allowCounterpartApproval) {
    this.allowCounterpartApproval = allowCounterpartApproval;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> m = new TreeMap<>();
    m.put("allowCounterpartApproval", Boolean.toString(allowCounterpartApproval));
    return java.util.Collections.unmodifiableSortedMap(m);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    int n = b.rows();
    // kind per row: 0 none, 1 own counterpart, 2 own reviewer, 3 approved only by counterparts
    byte[] kind = new byte[n];
    int flagged = 0;
    for (int row = 0; row < n; row++) {
      int c = b.contributor(row);
      int k = 0;
      for (int i = 0; i < b.counterpartCount(row) && k == 0; i++) {
        if (b.counterpart(row, i) == c) {
          k = 1;
        }
      }
      int approvals = 0;
      int conflicted = 0;
      for (int i = 0; i < b.reviewCount(row) && k == 0; i++) {
        int v = b.reviewer(row, i);
        if (v == c) {
          k = 2;
        } else if (b.verdict(row, i) == Verdict.APPROVE) {
          approvals++;
          if (isCounterpart(b, row, v)) {
            conflicted++;
          }
        }
      }
      if (k == 0 && !allowCounterpartApproval && approvals > 0 && conflicted == approvals) {
        k = 3;
      }
      kind[row] = (byte) k;
      if (k != 0) {
        flagged++;
      }
    }
    if (flagged == 0) {
      return;
    }
    // Group by (contributor, kind): one flag each.
    long[] keys = new long[flagged];
    int j = 0;
    for (int row = 0; row < n; row++) {
      if (kind[row] != 0) {
        keys[j++] = ((long) b.contributor(row) << 34) | ((long) kind[row] << 32) | row;
      }
    }
    java.util.Arrays.sort(keys);
    for (int s = 0; s < keys.length; ) {
      long group = keys[s] >>> 32;
      int e = s;
      while (e < keys.length && (keys[e] >>> 32) == group) {
        e++;
      }
      int[] rows = new int[e - s];
      for (int i = s; i < e; i++) {
        rows[i - s] = (int) keys[i];
      }
      int person = (int) (group >>> 2);
      int k = (int) (group & 3);
      String who = b.personId(person);
      String evidence;
      if (k == 1) {
        evidence = rows.length + " record(s) name their own contributor " + who
            + " as counterpart; work done with yourself earns nothing. Name the people you actually worked with.";
      } else if (k == 2) {
        evidence = rows.length + " record(s) are reviewed by their own contributor " + who
            + "; self-review earns nothing. Ask another member to review them.";
      } else {
        evidence = rows.length + " record(s) of " + who + " are approved only by their own counterparts, who"
            + " took part in the work; ask a reviewer who was not involved to validate them.";
      }
      sink.flag(Severity.HIGH, Action.REJECT, 0.0, rows, new int[] {person}, evidence);
      s = e;
    }
  }

  private static boolean isCounterpart(BatchView b, int row, int person) {
    for (int i = 0; i < b.counterpartCount(row); i++) {
      if (b.counterpart(row, i) == person) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
