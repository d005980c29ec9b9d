package dev.kat.rules.engine;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import java.util.ArrayList;
import java.util.Comparator;
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

  static Facts of(Recorder rec, CycleResult result, List<CycleResult> history) {
    ContributionBatch batch = result.batch();
    long[] credit = result.rowCredits();
    int people = batch.people();
    List<List<Integer>> rowsOf = new ArrayList<>();
    for (int p = 0; p < people; p++) {
      rowsOf.add(new ArrayList<>());
    }
    for (int row = 0; row < batch.rows(); row++) {
      rowsOf.get(batch.contributor(row)).add(row);
    }
    List<CycleResult> earlier = new ArrayList<>(history);
    earlier.sort(Comparator.comparingLong((CycleResult r) -> r.cycle().sequence()).reversed());
    List<Set<String>> earned = new ArrayList<>();
    for (CycleResult h : earlier) {
      earned.add(earned(h));
    }
    long sequence = batch.cycle().sequence();
    TreeMap<String, Contributor> contributors = new TreeMap<>();
    Map<String, long[]> micros = new TreeMap<>();
    for (int p = 0; p < people; p++) {
      List<Integer> rows = rowsOf.get(p);
      if (rows.isEmpty()) {
        continue;
      }
      String id = batch.personId(p);
      TreeMap<String, double[]> byCategory = new TreeMap<>();
      TreeMap<String, Integer> roleCount = new TreeMap<>();
      long total = 0;
      int[] rowArray = new int[rows.size()];
      for (int k = 0; k < rows.size(); k++) {
        int row = rows.get(k);
        rowArray[k] = row;
        String cat = batch.categoryId(batch.category(row));
        double[] v = byCategory.computeIfAbsent(cat, x -> new double[4]);
        v[0] += credit[row] / SCALE;
        double minutes = batch.attribute(row, "durationMinutes", Double.NaN);
        if (!Double.isNaN(minutes)) {
          v[1] += minutes / 60.0;
        }
        v[2] += 1;
        micros.computeIfAbsent(id + "\u0000" + cat, x -> new long[1])[0] += credit[row];
        roleCount.merge(batch.roleId(batch.role(row)), 1, Integer::sum);
        total += credit[row];
      }
      String role = roleCount.entrySet().stream()
          .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .orElseThrow().getKey();
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
          rows.size(), byCategory, batch, rowArray, streaks));
    }
    TreeMap<String, WorkingGroup> groups = new TreeMap<>();
    Map<String, TreeMap<String, Long>> byPerson = new TreeMap<>();
    Map<String, TreeMap<String, Double>> byCat = new TreeMap<>();
    Map<String, int[]> count = new TreeMap<>();
    for (int row = 0; row < batch.rows(); row++) {
      String wg = batch.workingGroupId(batch.workingGroup(row));
      byPerson.computeIfAbsent(wg, x -> new TreeMap<>()).merge(batch.personId(batch.contributor(row)), credit[row],
          Long::sum);
      byCat.computeIfAbsent(wg, x -> new TreeMap<>()).merge(batch.categoryId(batch.category(row)),
          credit[row] / SCALE, Double::sum);
      count.computeIfAbsent(wg, x -> new int[1])[0]++;
    }
    for (Map.Entry<String, TreeMap<String, Long>> e : byPerson.entrySet()) {
      long sum = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      long top = e.getValue().values().stream().mapToLong(Long::longValue).max().orElse(0);
      groups.put(e.getKey(), new WorkingGroup(rec, e.getKey(), sum / SCALE, count.get(e.getKey())[0],
          e.getValue().size(), sum == 0 ? 0 : (double) top / sum, byCat.get(e.getKey())));
    }
    TreeMap<String, Pair> pairs = new TreeMap<>();
    TreeMap<String, long[]> pairSums = new TreeMap<>();
    for (int row = 0; row < batch.rows(); row++) {
      int me = batch.contributor(row);
      Set<Integer> seen = new HashSet<>();
      for (int k = 0; k < batch.counterpartCount(row); k++) {
        int other = batch.counterpart(row, k);
        if (other < 0 || other == me || !seen.add(other)) {
          continue;
        }
        String a = batch.personId(me);
        String b = batch.personId(other);
        boolean forward = a.compareTo(b) < 0;
        String key = forward ? a + "\u0000" + b : b + "\u0000" + a;
        long[] v = pairSums.computeIfAbsent(key, x -> new long[4]);
        v[0]++;
        v[1] += credit[row];
        v[forward ? 2 : 3] = 1;
      }
    }
    for (Map.Entry<String, long[]> e : pairSums.entrySet()) {
      String[] ids = e.getKey().split("\u0000");
      long[] v = e.getValue();
      pairs.put(e.getKey(), new Pair(rec, ids[0], ids[1], (int) v[0], v[1] / SCALE, v[2] == 1 && v[3] == 1));
    }
    return new Facts(contributors, groups, pairs, micros);
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
