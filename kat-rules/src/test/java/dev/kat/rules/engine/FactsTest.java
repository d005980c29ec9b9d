package dev.kat.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The aggregated facts equal those summed row by row into id-keyed maps (the plain way to compute them),
 * on batches with several categories, roles, working groups, repeated and self-naming counterparts.
 */
class FactsTest {
  private static final String[] CATEGORIES = {"session_hosting", "session_participation", "documentation"};
  private static final String[] ROLES = {"dao_member", "partner"};
  private static final String[] GROUPS = {"sdf", "wellbeing"};

  private static List<Contribution> records(long seed, int n, int people) {
    Random r = new Random(seed);
    List<Contribution> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String who = "p" + r.nextInt(people);
      Contribution.Builder b = RuleSetTest.rec("r" + i, who, CATEGORIES[r.nextInt(3)], ROLES[r.nextInt(2)], 10,
          1 + r.nextInt(28)).workingGroup(GROUPS[r.nextInt(2)]);
      if (r.nextInt(4) > 0) {
        b.attribute("durationMinutes", 15 * (1 + r.nextInt(8)));
      }
      for (int k = r.nextInt(4); k > 0; k--) {
        int c = r.nextInt(6);
        b.counterpart(c == 0 ? who : "p" + r.nextInt(people));
      }
      out.add(b.build());
    }
    return out;
  }

  @Test
  void of_equalsTheRowByRowSums() {
    KatEngine engine = KatEngine.of(RuleSetTest.document().policy());
    for (long seed = 1; seed <= 5; seed++) {
      CycleResult result = engine.run(engine.newBatch(RuleSetTest.cycle(10)).addAll(records(seed, 600, 40)).build(),
          PriorState.empty());
      Facts facts = Facts.of(new Recorder(), result, List.of());
      assertEquals(reference(result), describe(facts), "seed " + seed);
    }
  }

  /** Every figure of every fact, as text, in the facts' order. */
  private static List<String> describe(Facts facts) {
    List<String> out = new ArrayList<>();
    for (Object f : facts.all()) {
      if (f instanceof Contributor) {
        Contributor c = (Contributor) f;
        StringBuilder sb = new StringBuilder("C " + c.getId() + " " + c.getRole() + " " + c.isExternal() + " "
            + c.getCredit() + " " + c.getRecords());
        for (String cat : CATEGORIES) {
          sb.append(' ').append(cat).append('=').append(c.credit(cat)).append('/').append(c.hours(cat)).append('/')
              .append(c.count(cat)).append('/').append(facts.micros(c.getId(), cat));
        }
        out.add(sb.toString());
      } else if (f instanceof WorkingGroup) {
        WorkingGroup g = (WorkingGroup) f;
        StringBuilder sb = new StringBuilder("G " + g.getName() + " " + g.getCredit() + " " + g.getRecords() + " "
            + g.getContributors() + " " + g.getTopShare());
        for (String cat : CATEGORIES) {
          sb.append(' ').append(cat).append('=').append(g.credit(cat));
        }
        out.add(sb.toString());
      } else {
        Pair p = (Pair) f;
        out.add("P " + p.getFirst() + " " + p.getSecond() + " " + p.getRecords() + " " + p.getCredit() + " "
            + p.isReciprocal());
      }
    }
    return out;
  }

  /** The same figures summed row by row into maps keyed by ids. */
  private static List<String> reference(CycleResult result) {
    ContributionBatch batch = result.batch();
    long[] credit = result.rowCredits();
    double scale = 1_000_000.0;
    TreeMap<String, List<Integer>> rowsOf = new TreeMap<>();
    for (int row = 0; row < batch.rows(); row++) {
      rowsOf.computeIfAbsent(batch.personId(batch.contributor(row)), x -> new ArrayList<>()).add(row);
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : rowsOf.entrySet()) {
      TreeMap<String, double[]> byCat = new TreeMap<>();
      TreeMap<String, long[]> micros = new TreeMap<>();
      TreeMap<String, Integer> roles = new TreeMap<>();
      long total = 0;
      for (int row : e.getValue()) {
        String cat = batch.categoryId(batch.category(row));
        double[] v = byCat.computeIfAbsent(cat, x -> new double[3]);
        v[0] += credit[row] / scale;
        double minutes = batch.attribute(row, "durationMinutes", Double.NaN);
        if (!Double.isNaN(minutes)) {
          v[1] += minutes / 60.0;
        }
        v[2] += 1;
        micros.computeIfAbsent(cat, x -> new long[1])[0] += credit[row];
        roles.merge(batch.roleId(batch.role(row)), 1, Integer::sum);
        total += credit[row];
      }
      String role = null;
      for (Map.Entry<String, Integer> x : roles.entrySet()) {
        if (role == null || x.getValue() > roles.get(role)) {
          role = x.getKey();
        }
      }
      StringBuilder sb = new StringBuilder("C " + e.getKey() + " " + role + " "
          + result.policy().isExternal(role) + " " + total / scale + " " + e.getValue().size());
      for (String cat : CATEGORIES) {
        double[] v = byCat.get(cat);
        long[] m = micros.get(cat);
        sb.append(' ').append(cat).append('=').append(v == null ? 0.0 : v[0]).append('/')
            .append(v == null ? 0.0 : v[1]).append('/').append(v == null ? 0 : (int) v[2]).append('/')
            .append(m == null ? 0 : m[0]);
      }
      out.add(sb.toString());
    }
    TreeMap<String, TreeMap<String, Long>> byPerson = new TreeMap<>();
    TreeMap<String, TreeMap<String, Double>> wgCat = new TreeMap<>();
    TreeMap<String, int[]> count = new TreeMap<>();
    for (int row = 0; row < batch.rows(); row++) {
      String wg = batch.workingGroupId(batch.workingGroup(row));
      byPerson.computeIfAbsent(wg, x -> new TreeMap<>()).merge(batch.personId(batch.contributor(row)), credit[row],
          Long::sum);
      wgCat.computeIfAbsent(wg, x -> new TreeMap<>()).merge(batch.categoryId(batch.category(row)),
          credit[row] / scale, Double::sum);
      count.computeIfAbsent(wg, x -> new int[1])[0]++;
    }
    for (Map.Entry<String, TreeMap<String, Long>> e : byPerson.entrySet()) {
      long sum = e.getValue().values().stream().mapToLong(Long::longValue).sum();
      long top = e.getValue().values().stream().mapToLong(Long::longValue).max().orElse(0);
      StringBuilder sb = new StringBuilder("G " + e.getKey() + " " + sum / scale + " " + count.get(e.getKey())[0] + " "
          + e.getValue().size() + " " + (sum == 0 ? 0 : (double) top / sum));
      for (String cat : CATEGORIES) {
        sb.append(' ').append(cat).append('=').append(wgCat.get(e.getKey()).getOrDefault(cat, 0.0));
      }
      out.add(sb.toString());
    }
    TreeMap<String, long[]> pairs = new TreeMap<>();
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
        long[] v = pairs.computeIfAbsent(forward ? a + " " + b : b + " " + a, x -> new long[4]);
        v[0]++;
        v[1] += credit[row];
        v[forward ? 2 : 3] = 1;
      }
    }
    for (Map.Entry<String, long[]> e : pairs.entrySet()) {
      long[] v = e.getValue();
      out.add("P " + e.getKey() + " " + v[0] + " " + v[1] / scale + " " + (v[2] == 1 && v[3] == 1));
    }
    return out;
  }
}
