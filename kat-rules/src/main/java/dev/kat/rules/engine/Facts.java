package dev.kat.rules.engine;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Contributor and working-group facts aggregated from one pass of a cycle, in id order; the only inputs of
 * contributor, working-group and pair rules.
 */
final class Facts {
  private static final double SCALE = 1_000_000.0;
  /** An odd multiplier (a bijection of longs) spreading pair keys. */
  private static final long PAIR_MIX = 0x9E3779B97F4A7C15L;

  private final TreeMap<String, Contributor> contributors;
  private final TreeMap<String, WorkingGroup> groups;
  private final TreeMap<String, Pair> pairs;
  private final Map<String, long[]> micros;

  private Facts(TreeMap<String, Contributor> contributors, TreeMap<String, WorkingGroup> groups,
      TreeMap<String, Pair> pairs, Map<String, long[]> micros) {
    this.contributors = contributors;
    this.groups = groups;
    this.pairs = pairs;
    this.micros = micros;
  }

  /*
   * Sums are taken over category, role, working-group and person codes in arrays, and turned into the
   * id-keyed maps once per contributor, group or pair: per row, only array reads. Every figure is the same
   * as summing row by row into the maps: long sums are exact in any order, and each double sum adds the
   * same values in the same order (a contributor's rows, or all rows, in row order).
   */
  static Facts of(Recorder rec, CycleResult result, List<CycleResult> history) {
    ContributionBatch batch = result.batch();
    long[] credit = result.rowCredits();
    int people = batch.people();
    int n = batch.rows();
    int cats = batch.categories();
    int roles = batch.roles();
    int wgs = batch.workingGroups();
    List<CycleResult> earlier = new ArrayList<>(history);
    earlier.sort(Comparator.comparingLong((CycleResult r) -> r.cycle().sequence()).reversed());
    List<Set<String>> earned = new ArrayList<>();
    for (CycleResult h : earlier) {
      earned.add(earned(h));
    }
    long sequence = batch.cycle().sequence();
    TreeMap<String, Contributor> contributors = new TreeMap<>();
    Map<String, long[]> micros = new HashMap<>();
    double[][] catSums = new double[cats][];
    long[] catMicros = new long[cats];
    int[] roleCounts = new int[roles];
    long[] wgOfPerson = new long[wgs];
    boolean[] wgTouched = new boolean[wgs];
    long[] wgTotal = new long[wgs];
    long[] wgTop = new long[wgs];
    int[] wgPeople = new int[wgs];
    for (int p = 0; p < people; p++) {
      String id = batch.personId(p);
      int[] rowArray = result.rowsOf(id);
      if (rowArray.length == 0) {
        continue;
      }
      long total = 0;
      for (int row : rowArray) {
        int c = batch.category(row);
        double[] v = catSums[c];
        if (v == null) {
          v = catSums[c] = new double[4];
        }
        v[0] += credit[row] / SCALE;
        double minutes = batch.attribute(row, "durationMinutes", Double.NaN);
        if (!Double.isNaN(minutes)) {
          v[1] += minutes / 60.0;
        }
        v[2] += 1;
        catMicros[c] += credit[row];
        roleCounts[batch.role(row)]++;
        int g = batch.workingGroup(row);
        wgOfPerson[g] += credit[row];
        wgTouched[g] = true;
        total += credit[row];
      }
      TreeMap<String, double[]> byCategory = new TreeMap<>();
      for (int c = 0; c < cats; c++) {
        if (catSums[c] != null) {
          String cat = batch.categoryId(c);
          byCategory.put(cat, catSums[c]);
          micros.put(id + "\u0000" + cat, new long[] {catMicros[c]});
          catSums[c] = null;
          catMicros[c] = 0;
        }
      }
      // the most frequent role; among equals, the first in id order
      String role = null;
      int most = 0;
      for (int r = 0; r < roles; r++) {
        if (roleCounts[r] > 0) {
          String rid = batch.roleId(r);
          if (roleCounts[r] > most || (roleCounts[r] == most && rid.compareTo(role) < 0)) {
            most = roleCounts[r];
            role = rid;
          }
          roleCounts[r] = 0;
        }
      }
      for (int g = 0; g < wgs; g++) {
        if (wgTouched[g]) {
          wgTotal[g] += wgOfPerson[g];
          wgTop[g] = Math.max(wgTop[g], wgOfPerson[g]);
          wgPeople[g]++;
          wgOfPerson[g] = 0;
          wgTouched[g] = false;
        }
      }
      TreeMap<String, Integer> streaks = new TreeMap<>();
      for (Map.Entry<String, double[]> e : byCategory.entrySet()) {
        if (e.getValue()[0] <= 0) {
          continue;
        }
        int streak = 1;
        for (int h = 0; h < earlier.size(); h++) {
          if (earlier.get(h).cycle().sequence() != sequence - streak) {
            if (earlier.get(h).cycle().sequence() < sequence - streak) {
              break;
            }
            continue;
          }
          if (!earned.get(h).contains(id + "\u0000" + e.getKey())) {
            break;
          }
          streak++;
        }
        streaks.put(e.getKey(), streak);
      }
      contributors.put(id, new Contributor(rec, id, role, result.policy().isExternal(role), total / SCALE,
          rowArray.length, byCategory, batch, rowArray, streaks));
    }
    // credit by working group and category, summed in row order
    double[] wgCat = new double[wgs * cats];
    boolean[] wgCatSeen = new boolean[wgs * cats];
    int[] wgRows = new int[wgs];
    for (int row = 0; row < n; row++) {
      int at = batch.workingGroup(row) * cats + batch.category(row);
      wgCat[at] += credit[row] / SCALE;
      wgCatSeen[at] = true;
      wgRows[batch.workingGroup(row)]++;
    }
    TreeMap<String, WorkingGroup> groups = new TreeMap<>();
    for (int g = 0; g < wgs; g++) {
      if (wgRows[g] == 0) {
        continue;
      }
      TreeMap<String, Double> byCat = new TreeMap<>();
      for (int c = 0; c < cats; c++) {
        if (wgCatSeen[g * cats + c]) {
          byCat.put(batch.categoryId(c), wgCat[g * cats + c]);
        }
      }
      long sum = wgTotal[g];
      String wg = batch.workingGroupId(g);
      groups.put(wg, new WorkingGroup(rec, wg, sum / SCALE, wgRows[g], wgPeople[g],
          sum == 0 ? 0 : (double) wgTop[g] / sum, byCat));
    }
    // pairs by person codes (lower code first): count, credit, which directions occur, and the two codes
    Map<Long, long[]> pairSums = new HashMap<>();
    for (int row = 0; row < n; row++) {
      int me = batch.contributor(row);
      int m = batch.counterpartCount(row);
      for (int k = 0; k < m; k++) {
        int other = batch.counterpart(row, k);
        if (other < 0 || other == me || repeated(batch, row, k, other)) {
          continue;
        }
        boolean up = me < other;
        int lo = up ? me : other;
        int hi = up ? other : me;
        // mixed, so that the map's hash (the key's halves XORed) does not pile similar codes into one bin
        long key = ((long) lo << 32 | hi) * PAIR_MIX;
        long[] v = pairSums.computeIfAbsent(key, x -> new long[] {0, 0, 0, 0, lo, hi});
        v[0]++;
        v[1] += credit[row];
        v[up ? 2 : 3] = 1;
      }
    }
    TreeMap<String, Pair> pairs = new TreeMap<>();
    for (Map.Entry<Long, long[]> e : pairSums.entrySet()) {
      long[] v = e.getValue();
      String lo = batch.personId((int) v[4]);
      String hi = batch.personId((int) v[5]);
      boolean inOrder = lo.compareTo(hi) < 0;
      String a = inOrder ? lo : hi;
      String b = inOrder ? hi : lo;
      pairs.put(a + "\u0000" + b, new Pair(rec, a, b, (int) v[0], v[1] / SCALE, v[2] == 1 && v[3] == 1));
    }
    return new Facts(contributors, groups, pairs, micros);
  }

  /** Whether counterpart {@code k} of {@code row} ({@code other}) was already named earlier in the row. */
  private static boolean repeated(ContributionBatch batch, int row, int k, int other) {
    for (int j = 0; j < k; j++) {
      if (batch.counterpart(row, j) == other) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> earned(CycleResult r) {
    ContributionBatch b = r.batch();
    long[] credit = r.rowCredits();
    Set<String> out = new HashSet<>();
    for (int row = 0; row < b.rows(); row++) {
      if (credit[row] > 0) {
        out.add(b.personId(b.contributor(row)) + "\u0000" + b.categoryId(b.category(row)));
      }
    }
    return out;
  }

  /** The number of facts. */
  int size() {
    return contributors.size() + groups.size() + pairs.size();
  }

  /** Every fact, contributors then working groups then pairs, each in id order. */
  List<Object> all() {
    List<Object> out = new ArrayList<>(contributors.values());
    out.addAll(groups.values());
    out.addAll(pairs.values());
    return out;
  }

  Contributor contributor(String id) {
    return contributors.get(id);
  }

  /** The contributor's first-pass credit in {@code category}, in micro-units. */
  long micros(String contributor, String category) {
    long[] v = micros.get(contributor + "\u0000" + category);
    return v == null ? 0 : v[0];
  }

  SortedMap<String, WorkingGroup> groups() {
    return groups;
  }
}
