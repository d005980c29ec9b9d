package dev.kat.core.engine;

import dev.kat.core.alloc.AllocationInput;
import dev.kat.core.guard.Action;
import dev.kat.core.guard.Flag;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import dev.kat.core.internal.FrozenSortedMap;
import dev.kat.core.internal.SortedArraySet;
import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
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
  /** The contributors' ids in natural order, for binary search (the list above holds the same ids). */
  private final String[] ids;
  /** Each contributor's index in the batch's people dictionary, or -1. */
  private final int[] person;
  /** Each contributor's prior state, or null. */
  private final ContributorState[] priorState;
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
  private final List<PrivilegeGrant> privilegeGrants;
  private final int[] grantStart;
  private final List<GoalProgress> goalProgress;
  // Computed when first needed (statements, activity, privileges, next state); each is a pure function
  // of the run, so a race computes equal values and the volatile write publishes a complete array.
  private volatile int[][] rowIndex;
  private volatile int[] activityCounts;
  private volatile int[][] flagIndex;
  private volatile CycleReport report;
  private volatile String contentHash;
  private volatile PriorState nextState;

  CycleResult(CycleRun run) {
    this.run = run;
    ContributionBatch batch = run.batch;
    Policy policy = run.policy;
    int people = batch.people();
    long[] creditByPerson = new long[people];
    for (int row = 0; row < batch.rows(); row++) {
      creditByPerson[batch.contributor(row)] += run.finalCredit[row];
    }
    Merged merged = merge(run);
    ids = merged.ids;
    person = merged.person;
    priorState = merged.state;
    contributors = List.of(ids);
    int n = ids.length;
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
    // The decay factors depend only on the cycle, so they are computed once (the same doubles).
    double karmaDecay = run.karmaDecay(karma);
    double creditDecay = run.creditDecay();
    boolean adjusted = !run.overrides.creditAdjustments().isEmpty();
    for (int i = 0; i < n; i++) {
      int p = person[i];
      long adjustment = adjusted ? run.overrides.adjustment(ids[i]) : 0;
      credit[i] = Math.max(0, (p >= 0 ? creditByPerson[p] : 0) + adjustment);
      ContributorState st = priorState[i];
      karmaPrior[i] = st == null ? 0 : st.karma();
      karmaDecayed[i] = st == null ? 0 : Fixed.scale(st.karma(), karmaDecay);
      karmaGain[i] = Fixed.scale(credit[i], karma.gainPerCredit());
      karmaPenalty[i] = p >= 0 ? Fixed.toMicros(karma.penaltyPerFlag() * rejectingFlags[p]) : 0;
      karmaAfter[i] = Math.max(floor, Math.min(ceiling, karmaDecayed[i] + karmaGain[i] - karmaPenalty[i]));
      double boost = karma.influence() * Math.max(0, karmaAfter[i]) / (double) ceiling;
      weight[i] = credit[i] + Fixed.scale(credit[i], boost);
      lifetimeCredit[i] = st == null ? 0 : st.lifetimeCredit();
      lifetimeKat[i] = st == null ? 0 : st.lifetimeKat();
      long carried = st == null || st.decayedCredit() == 0 ? 0 : Fixed.scale(st.decayedCredit(), creditDecay);
      decayedCredit[i] = carried + credit[i];
    }
    AllocationInput input = new AllocationInput(contributors, credit, weight, karmaAfter, lifetimeCredit, lifetimeKat,
        decayedCredit);
    unallocated = CycleRun.allocate(policy, input, kat);
    grantStart = new int[n + 1];
    privilegeGrants = privileges(policy.privilegeRules());
    goalProgress = goals(policy, run);
  }

  /** The batch's contributors (people with rows) in id order: their ids and people-dictionary indices. */
  record ContributorOrder(String[] ids, int[] person) {}

  /**
   * The batch's contributors in id order. A function of the batch alone, so a run computes it on another
   * thread while the guard and cap stages run (see {@code CycleRun.execute}).
   */
  static ContributorOrder contributorsById(ContributionBatch batch) {
    boolean[] contributes = new boolean[batch.people()];
    int n = 0;
    for (int row = 0; row < batch.rows(); row++) {
      int p = batch.contributor(row);
      if (!contributes[p]) {
        contributes[p] = true;
        n++;
      }
    }
    Keyed[] keyed = new Keyed[n];
    int k = 0;
    for (int p = 0; p < contributes.length; p++) {
      if (contributes[p]) {
        keyed[k++] = new Keyed(batch.personId(p), p);
      }
    }
    Arrays.sort(keyed);
    String[] ids = new String[n];
    int[] person = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = keyed[i].id;
      person[i] = keyed[i].person;
    }
    return new ContributorOrder(ids, person);
  }

  /**
   * An id with its first eight UTF-16 units packed into two keys (0 past the end). Comparing the keys as
   * unsigned numbers orders ids as {@link String#compareTo} does wherever they differ in those units, so
   * only ids sharing all eight compare their strings: a sort then reads one small object per comparison
   * instead of following two references to the ids' characters.
   */
  private static final class Keyed implements Comparable<Keyed> {
    final long high;
    final long low;
    final String id;
    final int person;

    Keyed(String id, int person) {
      this.high = units(id, 0);
      this.low = units(id, 4);
      this.id = id;
      this.person = person;
    }

    private static long units(String s, int from) {
      long k = 0;
      for (int i = from; i < from + 4; i++) {
        k = k << 16 | (i < s.length() ? s.charAt(i) : 0);
      }
      return k;
    }

    @Override
    public int compareTo(Keyed o) {
      int c = Long.compareUnsigned(high, o.high);
      if (c == 0) {
        c = Long.compareUnsigned(low, o.low);
      }
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  /** The contributors in id order, their people-dictionary indices (or -1) and prior states (or null). */
  private record Merged(String[] ids, int[] person, ContributorState[] state) {}

  /**
   * The cycle's contributors in id order: the batch's people with accepted records, the prior state's
   * contributors and those with credit adjustments. The batch's ids are sorted once as an array and
   * merged with the prior state's ids, which are already in order (no tree of all ids, no index map).
   */
  private static Merged merge(CycleRun run) {
    ContributionBatch batch = run.batch;
    ContributorOrder order = run.contributorOrder();
    String[] fromBatch = order.ids;
    int[] personOf = order.person;
    SortedMap<String, ContributorState> priorMap = run.prior.contributors();
    // A prior map ordered by another comparator is put in natural order first (its states are still
    // looked up through the prior map, as its comparator defines which state belongs to an id).
    boolean natural = priorMap.comparator() == null;
    String[] fromPrior = natural ? priorMap.keySet().toArray(new String[0]) : sortedCopy(priorMap.keySet());
    ContributorState[] priorStates = natural ? priorMap.values().toArray(new ContributorState[0]) : null;
    String[] fromAdjustments = sortedCopy(run.overrides.creditAdjustments().keySet());
    String[] out = new String[fromBatch.length + fromPrior.length + fromAdjustments.length];
    int[] outPerson = new int[out.length];
    ContributorState[] outState = new ContributorState[out.length];
    int a = 0;
    int b = 0;
    int c = 0;
    int n = 0;
    while (a < fromBatch.length || b < fromPrior.length || c < fromAdjustments.length) {
      String next = null;
      if (a < fromBatch.length) {
        next = fromBatch[a];
      }
      if (b < fromPrior.length && (next == null || fromPrior[b].compareTo(next) < 0)) {
        next = fromPrior[b];
      }
      if (c < fromAdjustments.length && (next == null || fromAdjustments[c].compareTo(next) < 0)) {
        next = fromAdjustments[c];
      }
      int p = -2;
      ContributorState st = null;
      if (a < fromBatch.length && fromBatch[a].equals(next)) {
        p = personOf[a];
        a++;
      }
      if (b < fromPrior.length && fromPrior[b].equals(next)) {
        st = natural ? priorStates[b] : null;
        b++;
      }
      if (c < fromAdjustments.length && fromAdjustments[c].equals(next)) {
        c++;
      }
      if (!natural) {
        st = run.prior.get(next);
      }
      out[n] = next;
      outPerson[n] = p == -2 ? batch.personIndex(next) : p;
      outState[n] = st;
      n++;
    }
    return n == out.length ? new Merged(out, outPerson, outState)
        : new Merged(Arrays.copyOf(out, n), Arrays.copyOf(outPerson, n), Arrays.copyOf(outState, n));
  }

  private static String[] sortedCopy(java.util.Collection<String> ids) {
    String[] a = ids.toArray(new String[0]);
    Arrays.sort(a);
    return a;
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

  /**
   * Validated records (positive final credit) by person and category: {@code counts[p * categories + c]}.
   * Built on first use; the activity maps are made from it when asked for.
   */
  private int[] activityCounts() {
    int[] counts = activityCounts;
    if (counts == null) {
      ContributionBatch batch = run.batch;
      int k = batch.categories();
      counts = new int[batch.people() * k];
      for (int row = 0; row < batch.rows(); row++) {
        if (run.finalCredit[row] > 0) {
          counts[batch.contributor(row) * k + batch.category(row)]++;
        }
      }
      activityCounts = counts;
    }
    return counts;
  }

  /** Validated records of contributor {@code i} this cycle, by category. */
  private SortedMap<String, Long> cycleActivity(int i) {
    int p = person[i];
    if (p < 0) {
      return FrozenSortedMap.empty();
    }
    int[] counts = activityCounts();
    ContributionBatch batch = run.batch;
    int k = batch.categories();
    TreeMap<String, Long> m = null;
    for (int c = 0; c < k; c++) {
      int v = counts[p * k + c];
      if (v > 0) {
        if (m == null) {
          m = new TreeMap<>();
        }
        m.put(batch.categoryId(c), (long) v);
      }
    }
    return m == null ? FrozenSortedMap.empty() : FrozenSortedMap.own(m);
  }

  /** Validated records of contributor {@code i} over all cycles, this one included, by category. */
  private SortedMap<String, Long> lifetimeActivity(int i, SortedMap<String, Long> cycle) {
    ContributorState st = priorState[i];
    if (st == null || st.activity().isEmpty()) {
      return cycle;
    }
    if (cycle.isEmpty() && st.activity().comparator() == null) {
      return FrozenSortedMap.copyOf(st.activity());
    }
    TreeMap<String, Long> m = new TreeMap<>((Map<String, Long>) st.activity());
    cycle.forEach((c, v) -> m.merge(c, v, Long::sum));
    return FrozenSortedMap.own(m);
  }

  /*
   * The privileges stage: every rule is evaluated on every contributor's standing after allocation. A
   * privilege is held while at least one of its rules holds; one held before whose rules all fail this
   * cycle is reported LOST and dropped from the state (it expires when its condition lapses). Without
   * rules, only contributors who held privileges before are visited (they lose them).
   */
  private List<PrivilegeGrant> privileges(List<PrivilegeRule> rules) {
    List<PrivilegeGrant> out = new ArrayList<>();
    int[] start = grantStart;
    TreeSet<String> held = new TreeSet<>();
    for (int i = 0; i < ids.length; i++) {
      start[i] = out.size();
      String id = ids[i];
      ContributorState st = priorState[i];
      SortedMap<String, Long> before = st == null ? Collections.emptySortedMap() : st.privileges();
      if (rules.isEmpty() && before.isEmpty()) {
        continue;
      }
      held.clear();
      if (!rules.isEmpty()) {
        SortedMap<String, Long> cycle = cycleActivity(i);
        // Frozen maps: Standing keeps them instead of copying them again.
        Standing standing = new Standing(id, (st == null ? 0 : st.lifetimeKat()) + kat[i], karmaAfter[i],
            (st == null ? 0 : st.lifetimeCredit()) + credit[i], credit[i], kat[i], lifetimeActivity(i, cycle), cycle);
        for (PrivilegeRule r : rules) {
          if (r.holds(standing)) {
            held.add(r.privilege().id());
          }
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
    start[ids.length] = out.size();
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
    return cycleActivity(at(contributor));
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
    int i = Arrays.binarySearch(ids, Checks.notNull(contributor, "contributor"));
    if (i < 0) {
      throw new IllegalArgumentException("contributor (" + contributor + ") is not part of cycle " + run.cycle.id());
    }
    return i;
  }

  /** Whether {@code contributor} is part of this cycle. */
  public boolean has(String contributor) {
    return contributor != null && Arrays.binarySearch(ids, contributor) >= 0;
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

  /** Karma of {@code contributor} before the cycle, in micro-units (as its {@link Statement} gives it). */
  public long karmaPrior(String contributor) {
    return karmaPrior[at(contributor)];
  }

  /** Karma of {@code contributor} after decay, before this cycle's gain, in micro-units. */
  public long karmaDecayed(String contributor) {
    return karmaDecayed[at(contributor)];
  }

  /** Karma {@code contributor} gained this cycle, in micro-units. */
  public long karmaGain(String contributor) {
    return karmaGain[at(contributor)];
  }

  /** Karma {@code contributor} lost to penalties this cycle, in micro-units. */
  public long karmaPenalty(String contributor) {
    return karmaPenalty[at(contributor)];
  }

  /** The allocation weight of {@code contributor}, in micro-units. */
  public long weight(String contributor) {
    return weight[at(contributor)];
  }

  /**
   * The number of guardrail flags naming {@code contributor}: the size of its {@link Statement#flags()},
   * without building the statement (which explains every record).
   */
  public int flagCount(String contributor) {
    int p = person[at(contributor)];
    if (p < 0) {
      return 0;
    }
    int[][] flagsOf = flagIndex();
    return flagsOf[1][p + 1] - flagsOf[1][p];
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
    List<Flag> mine = new ArrayList<>();
    if (p >= 0) {
      int[][] rows = rowIndex();
      for (int j = rows[1][p]; j < rows[1][p + 1]; j++) {
        RecordLine line = run.explain(rows[0][j]);
        lines.add(line);
        byCategory.merge(line.category(), line.credit(), Long::sum);
      }
      // A flag names this contributor exactly when its people include the contributor's index.
      int[][] flagsOf = flagIndex();
      for (int j = flagsOf[1][p]; j < flagsOf[1][p + 1]; j++) {
        mine.add(run.flags.get(flagsOf[0][j]));
      }
    }
    lines.sort((a, b) -> a.recordId().compareTo(b.recordId()));
    return new Statement(contributor, lines, byCategory, run.overrides.adjustment(contributor), credit[i],
        karmaPrior[i], karmaDecayed[i], karmaGain[i], karmaPenalty[i], karmaAfter[i], weight[i], kat[i], mine);
  }

  /**
   * The batch rows of {@code contributor}'s accepted records, ascending (indices for {@link #batch()} and
   * {@link #rowCredits()}); empty for a contributor with no record in the batch (one carried only by the
   * prior state) or one not in this result.
   */
  public int[] rowsOf(String contributor) {
    int p = run.batch.personIndex(Checks.notNull(contributor, "contributor"));
    if (p < 0) {
      return new int[0];
    }
    int[][] rows = rowIndex();
    return Arrays.copyOfRange(rows[0], rows[1][p], rows[1][p + 1]);
  }

  /** Rows by person, in row order: {@code {rows, start}}, person p's rows at {@code [start[p], start[p + 1])}. */
  private int[][] rowIndex() {
    int[][] index = rowIndex;
    if (index == null) {
      index = CycleRun.rowsByContributor(run.batch);
      rowIndex = index;
    }
    return index;
  }

  /** Flags by person, in flag order: {@code {flags, start}}, like {@link #rowIndex()}. */
  private int[][] flagIndex() {
    int[][] index = flagIndex;
    if (index == null) {
      index = CycleRun.invert(run.flagPeople, run.batch.people());
      flagIndex = index;
    }
    return index;
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
      for (int i = 0; i < ids.length; i++) {
        ContributorState st = priorState[i];
        long lc = (st == null ? 0 : st.lifetimeCredit()) + credit[i];
        long lk = (st == null ? 0 : st.lifetimeKat()) + kat[i];
        // Frozen maps: ContributorState keeps them (or the prior state's, when unchanged) without a copy.
        SortedMap<String, Long> act = lifetimeActivity(i, cycleActivity(i));
        SortedMap<String, Long> privs = FrozenSortedMap.empty();
        if (grantStart[i] < grantStart[i + 1]) {
          TreeMap<String, Long> held = new TreeMap<>();
          for (PrivilegeGrant g : privilegeGrants.subList(grantStart[i], grantStart[i + 1])) {
            if (g.change() != PrivilegeGrant.Change.LOST) {
              held.put(g.privilege(), g.since());
            }
          }
          privs = FrozenSortedMap.own(held);
        }
        m.put(ids[i], new ContributorState(ids[i], karmaAfter[i], lc, lk, decayedCredit[i], act, privs));
      }
      TreeMap<String, Long> goals = new TreeMap<>(run.prior.goalProgress());
      for (GoalProgress g : goalProgress) {
        goals.put(g.goalId(), g.cumulative());
        for (GoalProgress.Group wg : g.workingGroups()) {
          goals.put(g.goalId() + "/" + wg.workingGroup(), wg.cumulative());
        }
      }
      List<String> fresh = new ArrayList<>();
      for (int r = 0; r < run.batch.rows(); r++) {
        int n = run.batch.evidenceCount(r);
        if (n > 0 && run.finalCredit[r] > 0) {
          for (int k = 0; k < n; k++) {
            fresh.add(run.batch.evidenceKey(r, k));
          }
        }
      }
      SortedSet<String> evidence;
      if (run.prior.evidenceKeys().comparator() == null) {
        // One sort of the new keys and a merge with the prior keys, into an array set the next state keeps.
        evidence = SortedArraySet.union(run.prior.evidenceKeys(), fresh.toArray(new String[0]));
      } else {
        TreeSet<String> all = new TreeSet<>(run.prior.evidenceKeys());
        all.addAll(fresh);
        evidence = all;
      }
      s = new PriorState(run.cycle.sequence(), FrozenSortedMap.own(m), evidence, FrozenSortedMap.own(goals));
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

  /** How many bytes of row lines are gathered before they go to the digest. */
  private static final int ROW_CHUNK = 1 << 16;

  private String computeHash() {
    MessageDigest md = Hashing.sha256();
    update(md, "KAT-RESULT-2\n");
    update(md, run.policy.canonicalForm());
    update(md, "\ncycle{" + run.cycle.id() + ";" + run.cycle.sequence() + ";" + run.cycle.start() + ";" + run.cycle.end() + "}\n");
    update(md, run.prior.canonicalForm());
    if (!run.overrides.isEmpty()) {
      update(md, "\n" + run.overrides.canonicalForm());
    }
    ContributionBatch b = run.batch;
    // A batch stores its rows in canonical order (content hash, then canonical bytes): RowStore.freeze.
    update(md, "\naccepted " + b.rows() + "\n");
    // One line per row: canonical bytes, " raw final\n". The lines are written straight into one buffer
    // that goes to the digest in large pieces: no string and no copy per row.
    RecordCodec lines = new RecordCodec(ROW_CHUNK + 4096);
    for (int row = 0; row < b.rows(); row++) {
      b.appendCanonicalBytes(row, lines);
      lines.putByte(' ');
      lines.putDecimal(run.rawCredit[row]);
      lines.putByte(' ');
      lines.putDecimal(run.finalCredit[row]);
      lines.putByte('\n');
      if (lines.length() >= ROW_CHUNK) {
        md.update(lines.bytes(), 0, lines.length());
        lines.reset();
      }
    }
    md.update(lines.bytes(), 0, lines.length());
    DigestWriter w = new DigestWriter(md);
    RejectionList rejected = b.rejectionList();
    w.text("rejected ").number(rejected.size()).ascii('\n');
    for (int i = 0; i < rejected.size(); i++) {
      // The record's canonical bytes as the batch keeps them: RecordCodec.encode of the record.
      w.bytes(rejected.bytes(), rejected.from(i), rejected.to(i) - rejected.from(i)).ascii(' ')
          .text(rejected.code(i).toString()).ascii(' ').text(rejected.message(i)).ascii('\n');
    }
    w.flush();
    update(md, "flags " + run.flags.size() + "\n");
    for (Flag f : run.flags) {
      update(md, f.toString() + "\n");
    }
    update(md, "contributors " + contributors.size() + "\n");
    for (int i = 0; i < contributors.size(); i++) {
      w.text(contributors.get(i)).ascii(' ').number(credit[i]).ascii(' ').number(karmaPrior[i]).ascii(' ')
          .number(karmaDecayed[i]).ascii(' ').number(karmaGain[i]).ascii(' ').number(karmaPenalty[i]).ascii(' ')
          .number(karmaAfter[i]).ascii(' ').number(weight[i]).ascii(' ').number(kat[i]).ascii(' ')
          .number(decayedCredit[i]).ascii('\n');
    }
    w.flush();
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
