package dev.kat.core.engine;

import dev.kat.core.alloc.AllocationInput;
import dev.kat.core.guard.Action;
import dev.kat.core.guard.Flag;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
import dev.kat.core.policy.Goal;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import dev.kat.core.privilege.PrivilegeGrant;
import dev.kat.core.privilege.PrivilegeRule;
import dev.kat.core.privilege.Standing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of one cycle: accepted and rejected records, flags, every contributor's credit, karma and
 * KAT, statements on demand, the state to carry into the next cycle and a content hash.
 *
 * <p>Credit and karma are in micro-units ({@code 1 credit = 1 000 000}); KAT in integer base units. The
 * KAT allocated plus {@link #unallocated()} equals the policy's budget exactly; budget is left
 * unallocated only by an allocation share that pays less than its part (no contributor with positive
 * weight, e.g. zero total credit, or a fixed-rate ceiling not reached), and it is reported, never lost.
 * Immutable and thread-safe; statements and the hash are computed when first asked for.
 */
public final class CycleResult {
  private final CycleRun run;
  private final List<String> contributors;
  private final Map<String, Integer> index;
  private final int[] person;
  private final long[] credit;
  private final long[] karmaPrior;
  private final long[] karmaDecayed;
  private final long[] karmaGain;
  private final long[] karmaPenalty;
  private final long[] karmaAfter;
  private final long[] weight;
  private final long[] kat;
  private final long[] decayedCredit;
  private final long unallocated;
  private final int[][] rowsByContributor;
  private final List<SortedMap<String, Long>> cycleActivity;
  private final List<PrivilegeGrant> privilegeGrants;
  private final int[] grantStart;
  private final List<GoalProgress> goalProgress;
  private volatile CycleReport report;
  private volatile String contentHash;
  private volatile PriorState nextState;

  CycleResult(CycleRun run) {
    this.run = run;
    ContributionBatch batch = run.batch;
    Policy policy = run.policy;
    int people = batch.people();
    long[] creditByPerson = new long[people];
    int[] rowCount = new int[people];
    for (int row = 0; row < batch.rows(); row++) {
      creditByPerson[batch.contributor(row)] += run.finalCredit[row];
      rowCount[batch.contributor(row)]++;
    }
    TreeSet<String> ids = new TreeSet<>(run.prior.contributors().keySet());
    ids.addAll(run.overrides.creditAdjustments().keySet());
    for (int p = 0; p < people; p++) {
      if (rowCount[p] > 0) {
        ids.add(batch.personId(p));
      }
    }
    contributors = List.copyOf(ids);
    int n = contributors.size();
    index = new HashMap<>();
    person = new int[n];
    credit = new long[n];
    karmaPrior = new long[n];
    karmaDecayed = new long[n];
    karmaGain = new long[n];
    karmaPenalty = new long[n];
    karmaAfter = new long[n];
    weight = new long[n];
    kat = new long[n];
    decayedCredit = new long[n];
    long[] lifetimeCredit = new long[n];
    long[] lifetimeKat = new long[n];
    int[] rejectingFlags = new int[people];
    for (int i = 0; i < run.flags.size(); i++) {
      if (isConfirmed(run, i)) {
        for (int p : run.flagPeople.get(i)) {
          rejectingFlags[p]++;
        }
      }
    }
    KarmaPolicy karma = policy.karma();
    long floor = Fixed.toMicros(karma.floor());
    long ceiling = Fixed.toMicros(karma.ceiling());
    for (int i = 0; i < n; i++) {
      String id = contributors.get(i);
      index.put(id, i);
      int p = batch.personIndex(id);
      person[i] = p;
      credit[i] = Math.max(0, (p >= 0 ? creditByPerson[p] : 0) + run.overrides.adjustment(id));
      ContributorState st = run.prior.get(id);
      karmaPrior[i] = st == null ? 0 : st.karma();
      karmaDecayed[i] = run.decayedKarma(st, karma);
      karmaGain[i] = Fixed.scale(credit[i], karma.gainPerCredit());
      karmaPenalty[i] = p >= 0 ? Fixed.toMicros(karma.penaltyPerFlag() * rejectingFlags[p]) : 0;
      karmaAfter[i] = Math.max(floor, Math.min(ceiling, karmaDecayed[i] + karmaGain[i] - karmaPenalty[i]));
      double boost = karma.influence() * Math.max(0, karmaAfter[i]) / (double) ceiling;
      weight[i] = credit[i] + Fixed.scale(credit[i], boost);
      lifetimeCredit[i] = st == null ? 0 : st.lifetimeCredit();
      lifetimeKat[i] = st == null ? 0 : st.lifetimeKat();
      decayedCredit[i] = run.decayedCredit(st) + credit[i];
    }
    AllocationInput input = new AllocationInput(contributors, credit, weight, karmaAfter, lifetimeCredit, lifetimeKat,
        decayedCredit);
    unallocated = CycleRun.allocate(policy, input, kat);
    cycleActivity = activity(batch, run.finalCredit, person);
    grantStart = new int[n + 1];
    privilegeGrants = privileges(policy, run, contributors, credit, karmaAfter, kat, cycleActivity, grantStart);
    goalProgress = goals(policy, run);
    rowsByContributor = new int[people][];
    int[] fill = new int[people];
    for (int p = 0; p < people; p++) {
      rowsByContributor[p] = new int[rowCount[p]];
    }
    for (int row = 0; row < batch.rows(); row++) {
      int p = batch.contributor(row);
      rowsByContributor[p][fill[p]++] = row;
    }
  }

  /**
   * Whether flag {@code i} is confirmed and so costs karma: a rejecting flag, or a hold on a record that an
   * approved exception voided.
   */
  private static boolean isConfirmed(CycleRun run, int i) {
    Action a = run.flags.get(i).action();
    if (a == Action.REJECT) {
      return true;
    }
    if (a == Action.HOLD && run.voided != null) {
      for (int row : run.flagRows.get(i)) {
        if (run.voided[row]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Validated records (positive final credit) by category, for each contributor (index-aligned). */
  private static List<SortedMap<String, Long>> activity(ContributionBatch batch, long[] finalCredit, int[] person) {
    int k = batch.categories();
    long[] counts = new long[batch.people() * k];
    for (int row = 0; row < batch.rows(); row++) {
      if (finalCredit[row] > 0) {
        counts[batch.contributor(row) * k + batch.category(row)]++;
      }
    }
    List<SortedMap<String, Long>> out = new ArrayList<>(person.length);
    for (int p : person) {
      TreeMap<String, Long> m = new TreeMap<>();
      if (p >= 0) {
        for (int c = 0; c < k; c++) {
          if (counts[p * k + c] > 0) {
            m.put(batch.categoryId(c), counts[p * k + c]);
          }
        }
      }
      out.add(Collections.unmodifiableSortedMap(m));
    }
    return out;
  }

  /*
   * The privileges stage: every rule is evaluated on every contributor's standing after allocation. A
   * privilege is held while at least one of its rules holds; one held before whose rules all fail this
   * cycle is reported LOST and dropped from the state (it expires when its condition lapses).
   */
  private static List<PrivilegeGrant> privileges(Policy policy, CycleRun run, List<String> contributors,
      long[] credit, long[] karmaAfter, long[] kat, List<SortedMap<String, Long>> cycleActivity, int[] start) {
    List<PrivilegeRule> rules = policy.privilegeRules();
    List<PrivilegeGrant> out = new ArrayList<>();
    for (int i = 0; i < contributors.size(); i++) {
      start[i] = out.size();
      String id = contributors.get(i);
      ContributorState st = run.prior.get(id);
      SortedMap<String, Long> before = st == null ? Collections.emptySortedMap() : st.privileges();
      if (rules.isEmpty() && before.isEmpty()) {
        continue;
      }
      TreeMap<String, Long> lifetimeActivity = new TreeMap<>(st == null ? Map.of() : st.activity());
      cycleActivity.get(i).forEach((c, v) -> lifetimeActivity.merge(c, v, Long::sum));
      Standing standing = new Standing(id, (st == null ? 0 : st.lifetimeKat()) + kat[i], karmaAfter[i],
          (st == null ? 0 : st.lifetimeCredit()) + credit[i], credit[i], kat[i], lifetimeActivity,
          cycleActivity.get(i));
      TreeSet<String> held = new TreeSet<>();
      for (PrivilegeRule r : rules) {
        if (r.holds(standing)) {
          held.add(r.privilege().id());
        }
      }
      TreeSet<String> all = new TreeSet<>(held);
      all.addAll(before.keySet());
      for (String priv : all) {
        Long since = before.get(priv);
        if (!held.contains(priv)) {
          out.add(new PrivilegeGrant(id, priv, since, PrivilegeGrant.Change.LOST));
        } else if (since == null) {
          out.add(new PrivilegeGrant(id, priv, run.cycle.sequence(), PrivilegeGrant.Change.GAINED));
        } else {
          out.add(new PrivilegeGrant(id, priv, since, PrivilegeGrant.Change.KEPT));
        }
      }
    }
    start[contributors.size()] = out.size();
    return List.copyOf(out);
  }

  /** Progress towards each goal: this cycle's validated records in the goal's category, plus the carried total. */
  private static List<GoalProgress> goals(Policy policy, CycleRun run) {
    if (policy.goals().isEmpty()) {
      return List.of();
    }
    ContributionBatch batch = run.batch;
    List<GoalProgress> out = new ArrayList<>();
    for (Goal g : policy.goals().values()) {
      boolean counts = g.counts(run.cycle.sequence());
      long total = 0;
      TreeMap<String, Long> byGroup = new TreeMap<>();
      if (counts) {
        for (int row = 0; row < batch.rows(); row++) {
          if (run.finalCredit[row] <= 0 || !batch.categoryId(batch.category(row)).equals(g.category())) {
            continue;
          }
          long v;
          switch (g.measure()) {
            case RECORDS:
              v = 1;
              break;
            case CREDIT:
              v = run.finalCredit[row];
              break;
            case ATTRIBUTE:
              v = Fixed.toMicros(batch.record(row).attribute(g.attribute(), 0));
              break;
            default:
              throw new AssertionError("unknown measure " + g.measure());
          }
          total += v;
          byGroup.merge(batch.workingGroupId(batch.workingGroup(row)), v, Long::sum);
        }
      }
      List<GoalProgress.Group> groups = new ArrayList<>();
      for (Map.Entry<String, Double> e : g.workingGroupTargets().entrySet()) {
        long cycleValue = byGroup.getOrDefault(e.getKey(), 0L);
        groups.add(new GoalProgress.Group(e.getKey(), target(g, e.getValue()), cycleValue,
            run.prior.goalProgress().getOrDefault(g.id() + "/" + e.getKey(), 0L) + cycleValue));
      }
      out.add(new GoalProgress(g.id(), g.measure(), target(g, g.target()), total,
          run.prior.goalProgress().getOrDefault(g.id(), 0L) + total, groups));
    }
    return List.copyOf(out);
  }

  private static long target(Goal g, double value) {
    return g.measure() == Goal.Measure.RECORDS ? (long) Math.ceil(value) : Fixed.toMicros(value);
  }

  /**
   * Privileges and badges after this cycle: one entry per contributor and privilege that is held
   * ({@code GAINED} or {@code KEPT}) or expired this cycle ({@code LOST}), by contributor then privilege id.
   */
  public List<PrivilegeGrant> privileges() {
    return privilegeGrants;
  }

  /** Ids of the privileges and badges {@code contributor} holds after this cycle. */
  public SortedSet<String> privileges(String contributor) {
    int i = at(contributor);
    TreeSet<String> out = new TreeSet<>();
    for (PrivilegeGrant g : privilegeGrants.subList(grantStart[i], grantStart[i + 1])) {
      if (g.change() != PrivilegeGrant.Change.LOST) {
        out.add(g.privilege());
      }
    }
    return Collections.unmodifiableSortedSet(out);
  }

  /** Progress towards the policy's goals, in goal id order. */
  public List<GoalProgress> goalProgress() {
    return goalProgress;
  }

  /** Validated records of {@code contributor} this cycle, by category. */
  public SortedMap<String, Long> activity(String contributor) {
    return cycleActivity.get(at(contributor));
  }

  /** The cycle's report: totals by DAO, working group, category and role, external work, goal progress. */
  public CycleReport report() {
    CycleReport r = report;
    if (r == null) {
      ContributionBatch b = run.batch;
      TreeMap<String, CycleReport.Totals> dao = new TreeMap<>();
      TreeMap<String, CycleReport.Totals> wg = new TreeMap<>();
      TreeMap<String, CycleReport.Totals> cat = new TreeMap<>();
      TreeMap<String, CycleReport.Totals> role = new TreeMap<>();
      TreeMap<String, CycleReport.Totals> ext = new TreeMap<>();
      CycleReport.Totals external = CycleReport.Totals.ZERO;
      for (int row = 0; row < b.rows(); row++) {
        long c = run.finalCredit[row];
        if (c <= 0) {
          continue;
        }
        dao.merge(b.record(row).dao(), CycleReport.Totals.ZERO.plus(c), CycleResult::add);
        wg.merge(b.workingGroupId(b.workingGroup(row)), CycleReport.Totals.ZERO.plus(c), CycleResult::add);
        cat.merge(b.categoryId(b.category(row)), CycleReport.Totals.ZERO.plus(c), CycleResult::add);
        String roleId = b.roleId(b.role(row));
        role.merge(roleId, CycleReport.Totals.ZERO.plus(c), CycleResult::add);
        if (run.policy.isExternal(roleId)) {
          external = external.plus(c);
          ext.merge(b.personId(b.contributor(row)), CycleReport.Totals.ZERO.plus(c), CycleResult::add);
        }
      }
      r = new CycleReport(dao, wg, cat, role, external, ext, goalProgress);
      report = r;
    }
    return r;
  }

  private static CycleReport.Totals add(CycleReport.Totals a, CycleReport.Totals b) {
    return new CycleReport.Totals(a.records() + b.records(), a.credit() + b.credit());
  }

  /** The cycle. */
  public Cycle cycle() {
    return run.cycle;
  }

  /** The policy the cycle ran under. */
  public Policy policy() {
    return run.policy;
  }

  /** The prior state the cycle started from. */
  public PriorState prior() {
    return run.prior;
  }

  /** The approved overrides (credit adjustments, released holds) the cycle applied. */
  public Overrides overrides() {
    return run.overrides;
  }

  /** The batch of accepted records. */
  public ContributionBatch batch() {
    return run.batch;
  }

  /** Records given: always {@code acceptedCount() + rejections().size()}. */
  public long inputCount() {
    return run.batch.inputCount();
  }

  /** Records accepted at admission. */
  public int acceptedCount() {
    return run.batch.rows();
  }

  /** Records rejected at admission, with reasons, in canonical order. */
  public List<Rejection> rejections() {
    return run.batch.rejections();
  }

  /** Guardrail flags, in guardrail order and then canonical order. */
  public List<Flag> flags() {
    return Collections.unmodifiableList(run.flags);
  }

  /** Ids of records held for human review (they earn nothing this cycle). */
  public List<String> held() {
    return List.copyOf(run.held);
  }

  /** Contributors of this cycle (with accepted records or prior state), sorted by id. */
  public List<String> contributors() {
    return contributors;
  }

  private int at(String contributor) {
    Integer i = index.get(Checks.notNull(contributor, "contributor"));
    if (i == null) {
      throw new IllegalArgumentException("contributor (" + contributor + ") is not part of cycle " + run.cycle.id());
    }
    return i;
  }

  /** Whether {@code contributor} is part of this cycle. */
  public boolean has(String contributor) {
    return index.containsKey(contributor);
  }

  /** KAT received by {@code contributor}, in base units. */
  public long kat(String contributor) {
    return kat[at(contributor)];
  }

  /** Final credit of {@code contributor}, in micro-units. */
  public long credit(String contributor) {
    return credit[at(contributor)];
  }

  /** Decayed credit of {@code contributor} after the cycle ({@code Σ cₙ·(1−d)ⁿ}), in micro-units. */
  public long decayedCredit(String contributor) {
    return decayedCredit[at(contributor)];
  }

  /** Karma of {@code contributor} after the cycle, in micro-units. */
  public long karma(String contributor) {
    return karmaAfter[at(contributor)];
  }

  /** KAT by contributor, in id order. */
  public SortedMap<String, Long> allocations() {
    TreeMap<String, Long> m = new TreeMap<>();
    for (int i = 0; i < contributors.size(); i++) {
      m.put(contributors.get(i), kat[i]);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** The budget. */
  public long budget() {
    return run.policy.budget();
  }

  /** KAT allocated: {@code budget() − unallocated()}. */
  public long allocated() {
    long s = 0;
    for (long k : kat) {
      s += k;
    }
    return s;
  }

  /**
   * KAT not allocated: a share whose policy found no contributor with positive weight, or the part of a
   * fixed-rate share that its rate did not use.
   */
  public long unallocated() {
    return unallocated;
  }

  /** Total final credit, in micro-units. */
  public long totalCredit() {
    long s = 0;
    for (long c : credit) {
      s += c;
    }
    return s;
  }

  /** Final credit by category (micro-units). */
  public SortedMap<String, Long> creditByCategory() {
    return totals(r -> run.batch.categoryId(run.batch.category(r)));
  }

  /** Final credit by role (micro-units). */
  public SortedMap<String, Long> creditByRole() {
    return totals(r -> run.batch.roleId(run.batch.role(r)));
  }

  /** Final credit by working group (micro-units); records without a working group count under "". */
  public SortedMap<String, Long> creditByWorkingGroup() {
    return totals(r -> run.batch.workingGroupId(run.batch.workingGroup(r)));
  }

  /** Accepted records by category. */
  public SortedMap<String, Long> recordsByCategory() {
    TreeMap<String, Long> m = new TreeMap<>();
    for (int r = 0; r < run.batch.rows(); r++) {
      m.merge(run.batch.categoryId(run.batch.category(r)), 1L, Long::sum);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** Final credit earned in external (non-member) roles, tracked separately as the seeds require. */
  public long externalCredit() {
    long s = 0;
    for (int r = 0; r < run.batch.rows(); r++) {
      if (run.policy.isExternal(run.batch.roleId(run.batch.role(r)))) {
        s += run.finalCredit[r];
      }
    }
    return s;
  }

  private SortedMap<String, Long> totals(java.util.function.IntFunction<String> key) {
    TreeMap<String, Long> m = new TreeMap<>();
    for (int r = 0; r < run.batch.rows(); r++) {
      m.merge(key.apply(r), run.finalCredit[r], Long::sum);
    }
    return Collections.unmodifiableSortedMap(m);
  }

  /** The statement of {@code contributor}. */
  public Statement statement(String contributor) {
    int i = at(contributor);
    int p = person[i];
    List<RecordLine> lines = new ArrayList<>();
    TreeMap<String, Long> byCategory = new TreeMap<>();
    if (p >= 0) {
      for (int row : rowsByContributor[p]) {
        RecordLine line = run.explain(row);
        lines.add(line);
        byCategory.merge(line.category(), line.credit(), Long::sum);
      }
    }
    lines.sort((a, b) -> a.recordId().compareTo(b.recordId()));
    List<Flag> mine = new ArrayList<>();
    for (Flag f : run.flags) {
      if (f.contributors().contains(contributor)) {
        mine.add(f);
      }
    }
    return new Statement(contributor, lines, byCategory, run.overrides.adjustment(contributor), credit[i],
        karmaPrior[i], karmaDecayed[i], karmaGain[i], karmaPenalty[i], karmaAfter[i], weight[i], kat[i], mine);
  }

  /** Every contributor's statement, in id order. */
  public List<Statement> statements() {
    List<Statement> out = new ArrayList<>(contributors.size());
    for (String c : contributors) {
      out.add(statement(c));
    }
    return out;
  }

  /**
   * The state to carry into the next cycle: karma after this cycle, lifetime credit and KAT, and the
   * evidence recognised so far.
   */
  public PriorState nextState() {
    PriorState s = nextState;
    if (s == null) {
      TreeMap<String, ContributorState> m = new TreeMap<>();
      for (int i = 0; i < contributors.size(); i++) {
        ContributorState st = run.prior.get(contributors.get(i));
        long lc = (st == null ? 0 : st.lifetimeCredit()) + credit[i];
        long lk = (st == null ? 0 : st.lifetimeKat()) + kat[i];
        TreeMap<String, Long> act = new TreeMap<>(st == null ? Map.of() : st.activity());
        cycleActivity.get(i).forEach((c, v) -> act.merge(c, v, Long::sum));
        TreeMap<String, Long> privs = new TreeMap<>();
        for (PrivilegeGrant g : privilegeGrants.subList(grantStart[i], grantStart[i + 1])) {
          if (g.change() != PrivilegeGrant.Change.LOST) {
            privs.put(g.privilege(), g.since());
          }
        }
        m.put(contributors.get(i), new ContributorState(contributors.get(i), karmaAfter[i], lc, lk, decayedCredit[i],
            act, privs));
      }
      TreeMap<String, Long> goals = new TreeMap<>(run.prior.goalProgress());
      for (GoalProgress g : goalProgress) {
        goals.put(g.goalId(), g.cumulative());
        for (GoalProgress.Group wg : g.workingGroups()) {
          goals.put(g.goalId() + "/" + wg.workingGroup(), wg.cumulative());
        }
      }
      TreeSet<String> evidence = new TreeSet<>(run.prior.evidenceKeys());
      for (int r = 0; r < run.batch.rows(); r++) {
        if (run.batch.evidenceCount(r) > 0 && run.finalCredit[r] > 0) {
          for (Evidence e : run.batch.record(r).evidence()) {
            evidence.add(e.key());
          }
        }
      }
      s = new PriorState(run.cycle.sequence(), m, evidence, goals);
      nextState = s;
    }
    return s;
  }

  /**
   * The SHA-256 content hash (lower-case hex) over a canonical encoding of the policy, the cycle, the
   * prior state, every input record (accepted and rejected, in canonical order) and the results.
   * Identical for any input order, thread count, locale or time zone.
   */
  public String contentHash() {
    String h = contentHash;
    if (h == null) {
      h = computeHash();
      contentHash = h;
    }
    return h;
  }

  private String computeHash() {
    MessageDigest md = Hashing.sha256();
    update(md, "KAT-RESULT-1\n");
    update(md, run.policy.canonicalForm());
    update(md, "\ncycle{" + run.cycle.id() + ";" + run.cycle.sequence() + ";" + run.cycle.start() + ";" + run.cycle.end() + "}\n");
    update(md, run.prior.canonicalForm());
    if (!run.overrides.isEmpty()) {
      update(md, "\n" + run.overrides.canonicalForm());
    }
    ContributionBatch b = run.batch;
    Integer[] order = new Integer[b.rows()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    byte[][] cache = new byte[b.rows()][];
    Arrays.sort(order, (x, y) -> {
      int c = Long.compare(b.contentHash(x), b.contentHash(y));
      if (c != 0) {
        return c;
      }
      if (cache[x] == null) {
        cache[x] = b.canonicalBytes(x);
      }
      if (cache[y] == null) {
        cache[y] = b.canonicalBytes(y);
      }
      return Arrays.compare(cache[x], cache[y]);
    });
    update(md, "\naccepted " + order.length + "\n");
    for (int row : order) {
      md.update(b.canonicalBytes(row));
      update(md, " " + run.rawCredit[row] + " " + run.finalCredit[row] + "\n");
    }
    update(md, "rejected " + b.rejections().size() + "\n");
    for (Rejection x : b.rejections()) {
      md.update(RecordCodec.encode(x.record()));
      update(md, " " + x.code() + " " + x.message() + "\n");
    }
    update(md, "flags " + run.flags.size() + "\n");
    for (Flag f : run.flags) {
      update(md, f.toString() + "\n");
    }
    update(md, "contributors " + contributors.size() + "\n");
    for (int i = 0; i < contributors.size(); i++) {
      update(md, contributors.get(i) + " " + credit[i] + " " + karmaPrior[i] + " " + karmaDecayed[i] + " "
          + karmaGain[i] + " " + karmaPenalty[i] + " " + karmaAfter[i] + " " + weight[i] + " " + kat[i] + " "
          + decayedCredit[i] + "\n");
    }
    update(md, "unallocated " + unallocated + "\n");
    if (!privilegeGrants.isEmpty()) {
      update(md, "privileges " + privilegeGrants + "\n");
    }
    if (!goalProgress.isEmpty()) {
      update(md, "goals " + goalProgress + "\n");
    }
    return Hashing.hex(md.digest());
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A readable summary: totals, top contributors and rejected records with reasons. */
  public String summary(int top) {
    StringBuilder sb = new StringBuilder();
    sb.append("Cycle ").append(run.cycle.id()).append(" under policy ").append(run.policy.id()).append('\n');
    sb.append("  records: ").append(inputCount()).append(" read, ").append(acceptedCount()).append(" accepted, ")
        .append(rejections().size()).append(" rejected\n");
    sb.append("  credit: ").append(Fixed.format(totalCredit(), 2)).append(" total, ")
        .append(Fixed.format(externalCredit(), 2)).append(" by external contributors\n");
    sb.append("  KAT: ").append(allocated()).append(" of ").append(budget()).append(" allocated");
    if (unallocated > 0) {
      sb.append(" (").append(unallocated).append(" unallocated)");
    }
    sb.append(" among ").append(contributors.size()).append(" contributors\n");
    sb.append("  flags: ").append(run.flags.size()).append(", held for review: ").append(run.held.size()).append('\n');
    sb.append("  credit by category:\n");
    creditByCategory().forEach((k, v) -> sb.append("    ").append(k).append(": ").append(Fixed.format(v, 2)).append('\n'));
    Integer[] order = new Integer[contributors.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> kat[x] != kat[y] ? Long.compare(kat[y], kat[x])
        : contributors.get(x).compareTo(contributors.get(y)));
    sb.append("  top contributors:\n");
    for (int j = 0; j < Math.min(top, order.length); j++) {
      int i = order[j];
      sb.append(String.format(java.util.Locale.ROOT, "    %-20s %10s KAT  %12s credit  karma %s\n", contributors.get(i),
          kat[i], Fixed.format(credit[i], 2), Fixed.format(karmaAfter[i], 2)));
    }
    if (!rejections().isEmpty()) {
      sb.append("  rejected records:\n");
      for (Rejection x : rejections()) {
        sb.append("    ").append(x.record().id()).append(" [").append(x.code()).append("] ").append(x.message()).append('\n');
      }
    }
    sb.append("  content hash: ").append(contentHash()).append('\n');
    return sb.toString();
  }

  /** The record of an accepted or rejected input by id, or null. */
  public Contribution findRecord(String recordId) {
    for (int r = 0; r < run.batch.rows(); r++) {
      if (run.batch.recordId(r).equals(recordId)) {
        return run.batch.record(r);
      }
    }
    for (Rejection x : rejections()) {
      if (x.record().id().equals(recordId)) {
        return x.record();
      }
    }
    return null;
  }

  /** Final credit of every accepted row, indexed like {@link #batch()}; a copy. */
  public long[] rowCredits() {
    return run.finalCredit.clone();
  }
}
