package dev.kat.core.guard;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.Rejection;
import dev.kat.core.internal.Checks;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Flags validation that is too concentrated and reviewers who approve everything, and scores every
 * appraiser.
 *
 * <pre>
 * Concentration. For a contributor c with at least minRecords approved records, let v be the reviewer
 * who was the only approver of most of them (ties: smaller id) and share = records v alone approved /
 * records approved.
 * c is flagged when share &gt;= maxShare and share &gt;= minLift × v's share of all approved records in
 * the cycle (a DAO with one validator for everyone is not flagged: there share ≈ overall share). The
 * records of c that v approved alone are multiplied by concentrationFactor.
 *
 * Rubber stamps. On every record with at least two reviews, accepted or rejected at admission, each
 * reviewer's verdict is compared with the majority of the other reviewers (ties skipped):
 *   agreement(v) = verdicts agreeing with the others' majority / comparisons
 * Reviewers with at least minComparisons comparisons are scored. v is a rubber stamp when v approved at
 * least 95% of what v reviewed and agreement(v) &lt; median agreement of the scored reviewers − gap
 * (with at least three scored reviewers). v gets a note with the score; records approved by rubber
 * stamps alone are multiplied by rubberStampFactor.
 * </pre>
 */
public final class ReviewerConcentrationGuardrail implements Guardrail {
  /** The detector id. */
  public static final String ID = "reviewer-concentration";
  private static final double APPROVES_EVERYTHING = 0.95;

  private final int minRecords;
  private final double maxShare;
  private final double minLift;
  private final double concentrationFactor;
  private final int minComparisons;
  private final double gap;
  private final double rubberStampFactor;

  /**
   * A reviewer-concentration and rubber-stamp detector.
   *
   * @param minRecords approved records a contributor needs before concentration is judged, &gt;= 2
   * @param maxShare the top reviewer's share of a contributor's approved records that is flagged, in (0, 1]
   * @param minLift how many times the reviewer's overall share the contributor's share must be, &gt;= 1
   * @param concentrationFactor the multiplier for records approved by the concentrated reviewer alone,
   *     in [0, 1]
   * @param minComparisons comparisons with other reviewers a reviewer needs to be scored, &gt;= 1
   * @param gap how far below the median agreement a rubber stamp is, in (0, 1]
   * @param rubberStampFactor the multiplier for records approved by rubber stamps alone, in [0, 1]
   * @throws IllegalArgumentException if a parameter breaks its constraint
   */
  public ReviewerConcentrationGuardrail(int minRecords, double maxShare, double minLift, double concentrationFactor,
      int minComparisons, double gap, double rubberStampFactor) {
    Checks.argument(minRecords >= 2, "minRecords (" + minRecords + ") must be >= 2");
    Checks.argument(maxShare > 0 && maxShare <= 1, "maxShare (" + maxShare + ") must be in (0, 1]");
    Checks.argument(minLift >= 1 && Double.isFinite(minLift), "minLift (" + minLift + ") must be finite and >= 1");
    Checks.inRange(concentrationFactor, 0, 1, "concentrationFactor");
    Checks.argument(minComparisons >= 1, "minComparisons (" + minComparisons + ") must be >= 1");
    Checks.argument(gap > 0 && gap <= 1, "gap (" + gap + ") must be in (0, 1]");
    Checks.inRange(rubberStampFactor, 0, 1, "rubberStampFactor");
    this.minRecords = minRecords;
    this.maxShare = maxShare;
    this.minLift = minLift;
    this.concentrationFactor = concentrationFactor;
    this.minComparisons = minComparisons;
    this.gap = gap;
    this.rubberStampFactor = rubberStampFactor;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> p = new TreeMap<>();
    p.put("concentrationFactor", Rows.num(concentrationFactor));
    p.put("gap", Rows.num(gap));
    p.put("maxShare", Rows.num(maxShare));
    p.put("minComparisons", Integer.toString(minComparisons));
    p.put("minLift", Rows.num(minLift));
    p.put("minRecords", Integer.toString(minRecords));
    p.put("rubberStampFactor", Rows.num(rubberStampFactor));
    return java.util.Collections.unmodifiableSortedMap(p);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    BatchView b = context.batch();
    concentration(b, sink);
    rubberStamps(b, context.rejections(), sink);
  }

  private void concentration(BatchView b, FlagSink sink) {
    int n = b.rows();
    int people = b.people();
    int[] approvedRecords = new int[people];
    int[] approvalsBy = new int[people];
    long total = 0;
    int e = 0;
    long[] keys = new long[16];
    for (int r = 0; r < n; r++) {
      int c = b.contributor(r);
      int approvers = 0;
      int sole = -1;
      for (int k = 0; k < b.reviewCount(r); k++) {
        int v = b.reviewer(r, k);
        if (v == c || b.verdict(r, k) != Verdict.APPROVE || repeated(b, r, k)) {
          continue;
        }
        approvers++;
        sole = v;
        approvalsBy[v]++;
      }
      if (approvers > 0) {
        approvedRecords[c]++;
        total++;
      }
      if (approvers == 1) {
        if (e == keys.length) {
          keys = Arrays.copyOf(keys, e * 2);
        }
        keys[e++] = ((long) c << 32) | sole;
      }
    }
    if (total == 0) {
      return;
    }
    Sorting.sort(keys, 0, e);
    int[] top = new int[people];
    int[] topCount = new int[people];
    Arrays.fill(top, -1);
    for (int s = 0; s < e; ) {
      int t = s;
      while (t < e && keys[t] == keys[s]) {
        t++;
      }
      int c = (int) (keys[s] >>> 32);
      int v = (int) keys[s];
      int count = t - s;
      // Ids break ties only where the share could be flagged: cheap for the common small counts.
      if (count > topCount[c] || (count == topCount[c] && count >= maxShare * approvedRecords[c]
          && b.personId(v).compareTo(b.personId(top[c])) < 0)) {
        top[c] = v;
        topCount[c] = count;
      }
      s = t;
    }
    long totalApprovals = 0;
    for (int x = 0; x < people; x++) {
      totalApprovals += approvalsBy[x];
    }
    boolean[] flagged = new boolean[people];
    boolean anyFlag = false;
    for (int c = 0; c < people; c++) {
      if (approvedRecords[c] < minRecords || top[c] < 0) {
        continue;
      }
      double share = topCount[c] / (double) approvedRecords[c];
      double overall = approvalsBy[top[c]] / (double) totalApprovals;
      if (share >= maxShare && share >= minLift * overall) {
        flagged[c] = true;
        anyFlag = true;
      }
    }
    if (!anyFlag) {
      return;
    }
    // Rows of flagged contributors approved by their top reviewer alone, grouped per contributor.
    long[] rowKeys = new long[n];
    int k = 0;
    for (int r = 0; r < n; r++) {
      int c = b.contributor(r);
      if (flagged[c] && approvedOnlyBy(b, r, top[c])) {
        rowKeys[k++] = ((long) c << 32) | r;
      }
    }
    Arrays.sort(rowKeys, 0, k);
    for (int s = 0; s < k; ) {
      int c = (int) (rowKeys[s] >>> 32);
      int t = s;
      while (t < k && (int) (rowKeys[t] >>> 32) == c) {
        t++;
      }
      int[] rows = new int[t - s];
      for (int i = s; i < t; i++) {
        rows[i - s] = (int) rowKeys[i];
      }
      int v = top[c];
      String evidence = b.personId(v) + " alone approved " + topCount[c] + " of the " + approvedRecords[c]
          + " approved records of " + b.personId(c) + " (" + Rows.percent(topCount[c] / (double) approvedRecords[c])
          + ") but only " + Rows.percent(approvalsBy[v] / (double) totalApprovals) + " of all approvals this cycle;"
          + " the " + rows.length + " record(s) validated by " + b.personId(v) + " alone count "
          + Rows.percent(concentrationFactor) + ". Having your work reviewed by other members restores full credit.";
      sink.flag(Severity.LOW, Action.DAMPEN, concentrationFactor, rows, new int[] {c, v}, evidence);
      s = t;
    }
  }

  private void rubberStamps(BatchView b, List<Rejection> rejections, FlagSink sink) {
    // Per reviewer: comparisons, agreements, verdicts given, approvals given. Reviewers seen only on
    // rejected records have no person index and are kept by id.
    long[][] byPerson = new long[b.people()][];
    TreeMap<String, long[]> outsiders = new TreeMap<>();
    // One record's reviewers' tallies and verdicts (plain arrays: this loop runs once per reviewed row).
    long[][] slots = new long[8][];
    boolean[] approves = new boolean[8];
    for (int r = 0; r < b.rows(); r++) {
      int reviews = b.reviewCount(r);
      if (reviews < 2) {
        continue;
      }
      if (slots.length < reviews) {
        slots = new long[reviews][];
        approves = new boolean[reviews];
      }
      int m = 0;
      int c = b.contributor(r);
      for (int k = 0; k < reviews; k++) {
        int v = b.reviewer(r, k);
        if (v != c && !repeated(b, r, k)) {
          if (byPerson[v] == null) {
            byPerson[v] = new long[4];
          }
          slots[m] = byPerson[v];
          approves[m++] = b.verdict(r, k) == Verdict.APPROVE;
        }
      }
      tally(slots, approves, m);
    }
    for (Rejection x : rejections) {
      int reviews = x.record().reviews().size();
      if (reviews < 2) {
        continue;
      }
      if (slots.length < reviews) {
        slots = new long[reviews][];
        approves = new boolean[reviews];
      }
      int m = 0;
      String last = null;
      for (Review rv : x.record().reviews()) {
        if (!rv.reviewer().equals(x.record().contributor()) && !rv.reviewer().equals(last)) {
          int v = b.personIndex(rv.reviewer());
          long[] slot;
          if (v >= 0) {
            if (byPerson[v] == null) {
              byPerson[v] = new long[4];
            }
            slot = byPerson[v];
          } else {
            slot = outsiders.computeIfAbsent(rv.reviewer(), id -> new long[4]);
          }
          slots[m] = slot;
          approves[m++] = rv.verdict() == Verdict.APPROVE;
        }
        last = rv.reviewer();
      }
      tally(slots, approves, m);
    }
    List<long[]> all = new ArrayList<>(outsiders.values());
    for (long[] s : byPerson) {
      if (s != null) {
        all.add(s);
      }
    }
    double[] rates = all.stream().filter(s -> s[0] >= minComparisons)
        .mapToDouble(s -> s[1] / (double) s[0]).sorted().toArray();
    if (rates.length < 3) {
      return;
    }
    double median = rates.length % 2 == 1 ? rates[rates.length / 2]
        : (rates[rates.length / 2 - 1] + rates[rates.length / 2]) / 2.0;
    boolean[] stamp = new boolean[b.people()];
    boolean any = false;
    for (int v = 0; v < b.people(); v++) {
      long[] s = byPerson[v];
      if (s == null || s[0] < minComparisons) {
        continue;
      }
      double rate = s[1] / (double) s[0];
      if (s[3] >= APPROVES_EVERYTHING * s[2] && rate < median - gap) {
        stamp[v] = true;
        any = true;
        sink.flag(Severity.MEDIUM, Action.NOTE, 1.0, new int[0], new int[] {v}, "as a reviewer, " + b.personId(v)
            + " approved " + s[3] + " of " + s[2] + " reviews and agreed with the other reviewers' majority in "
            + s[1] + " of " + s[0] + " shared reviews (" + Rows.percent(rate) + ", against a median of "
            + Rows.percent(median) + "); records approved by rubber-stamp reviewers alone count "
            + Rows.percent(rubberStampFactor) + ". Reviewing critically restores the weight of your approvals.");
      }
    }
    if (!any) {
      return;
    }
    long[] rowKeys = new long[b.rows()];
    int k = 0;
    for (int r = 0; r < b.rows(); r++) {
      int by = -1;
      boolean onlyStamps = false;
      for (int i = 0; i < b.reviewCount(r); i++) {
        if (b.verdict(r, i) != Verdict.APPROVE || b.reviewer(r, i) == b.contributor(r)) {
          continue;
        }
        int v = b.reviewer(r, i);
        if (!stamp[v]) {
          onlyStamps = false;
          by = -2;
          break;
        }
        if (by == -1 || b.personId(v).compareTo(b.personId(by)) < 0) {
          by = v;
        }
        onlyStamps = true;
      }
      if (onlyStamps) {
        rowKeys[k++] = ((long) by << 32) | r;
      }
    }
    Arrays.sort(rowKeys, 0, k);
    for (int s = 0; s < k; ) {
      int v = (int) (rowKeys[s] >>> 32);
      int t = s;
      while (t < k && (int) (rowKeys[t] >>> 32) == v) {
        t++;
      }
      int[] rows = new int[t - s];
      int[] who = new int[t - s + 1];
      for (int i = s; i < t; i++) {
        rows[i - s] = (int) rowKeys[i];
        who[i - s] = b.contributor(rows[i - s]);
      }
      who[t - s] = v;
      sink.flag(Severity.LOW, Action.DAMPEN, rubberStampFactor, rows, who, rows.length + " record(s) are approved"
          + " only by " + b.personId(v) + ", a reviewer who approves nearly everything and rarely agrees with other"
          + " reviewers; they count " + Rows.percent(rubberStampFactor) + ". A second, independent review restores"
          + " full credit.");
      s = t;
    }
  }

  /** Adds each reviewer's agreement with the majority of the others on one record ({@code m} reviewers). */
  private static void tally(long[][] slots, boolean[] approves, int m) {
    if (m < 2) {
      return;
    }
    int yes = 0;
    for (int i = 0; i < m; i++) {
      yes += approves[i] ? 1 : 0;
    }
    for (int i = 0; i < m; i++) {
      boolean mine = approves[i];
      int othersYes = yes - (mine ? 1 : 0);
      int othersNo = (m - 1) - othersYes;
      long[] s = slots[i];
      s[2]++;
      if (mine) {
        s[3]++;
      }
      if (othersYes == othersNo) {
        continue;
      }
      s[0]++;
      if (mine == (othersYes > othersNo)) {
        s[1]++;
      }
    }
  }

  /** Whether review {@code k} of {@code row} repeats an earlier reviewer of the same row. */
  private static boolean repeated(BatchView b, int row, int k) {
    for (int i = 0; i < k; i++) {
      if (b.reviewer(row, i) == b.reviewer(row, k)) {
        return true;
      }
    }
    return false;
  }

  private static boolean approvedOnlyBy(BatchView b, int row, int v) {
    boolean byV = false;
    for (int k = 0; k < b.reviewCount(row); k++) {
      if (b.verdict(row, k) == Verdict.APPROVE && b.reviewer(row, k) != b.contributor(row)) {
        if (b.reviewer(row, k) != v) {
          return false;
        }
        byV = true;
      }
    }
    return byV;
  }

  @Override
  public String toString() {
    return ID + parameters();
  }
}
