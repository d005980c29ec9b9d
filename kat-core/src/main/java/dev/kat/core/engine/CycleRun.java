package dev.kat.core.engine;

import dev.kat.core.alloc.AllocationInput;
import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.alloc.LargestRemainder;
import dev.kat.core.guard.Action;
import dev.kat.core.guard.CollusionRingGuardrail;
import dev.kat.core.guard.EigenTrustGuardrail;
import dev.kat.core.guard.EvidenceReuseGuardrail;
import dev.kat.core.guard.Flag;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.guard.ReviewerConcentrationGuardrail;
import dev.kat.core.guard.SelfDealingGuardrail;
import dev.kat.core.guard.Severity;
import dev.kat.core.guard.VelocityGuardrail;
import dev.kat.core.internal.Fixed;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/** One execution of the cycle's stages over a batch; produces a {@link CycleResult}. */
final class CycleRun {
  final Policy policy;
  final CreditPlan.Bound credit;
  final ContributionBatch batch;
  final PriorState prior;
  final Overrides overrides;
  final Cycle cycle;
  final int days;
  final long firstDay;
  private final int concurrentRows;
  private InOrder.Task<ContributionBatch, CycleResult.ContributorOrder> contributorOrder;

  long[] rawCredit;
  long[] finalCredit;
  final List<Flag> flags = new ArrayList<>();
  final List<int[]> flagRows = new ArrayList<>();
  final List<int[]> flagPeople = new ArrayList<>();
  final TreeSet<String> held = new TreeSet<>();
  boolean[] voided;
  CellFactors dayFactor;
  CellFactors categoryFactor;
  CellFactors cycleFactor;

  CycleRun(Policy policy, CreditPlan plan, ContributionBatch batch, PriorState prior, Overrides overrides) {
    this(policy, plan, batch, prior, overrides, CONCURRENT_GUARD_ROWS);
  }

  /** A run that computes detectors ahead concurrently from {@code concurrentRows} rows (tests lower it). */
  CycleRun(Policy policy, CreditPlan plan, ContributionBatch batch, PriorState prior, Overrides overrides,
      int concurrentRows) {
    this.concurrentRows = concurrentRows;
    this.policy = policy;
    this.overrides = overrides;
    this.batch = batch;
    this.prior = prior;
    this.cycle = batch.cycle();
    this.credit = plan.new Bound(batch);
    this.days = cycle.days();
    this.firstDay = Math.floorDiv(cycle.start().getEpochSecond(), 86_400L);
  }

  /**
   * The batch's contributors in id order (computed here if no other thread has started it); asked for once,
   * by the result, after which the run no longer holds them.
   */
  CycleResult.ContributorOrder contributorOrder() {
    CycleResult.ContributorOrder order = contributorOrder.result();
    contributorOrder.release();
    contributorOrder = null;
    return order;
  }

  int dayIndex(int row) {
    return (int) (Math.floorDiv(batch.epochSecond(row), 86_400L) - firstDay);
  }

  CycleResult execute() {
    int n = batch.rows();
    // The contributors' id order depends on the batch alone: another thread sorts them while the stages run.
    contributorOrder = new InOrder.Task<>(batch, CycleResult::contributorsById);
    if (n >= concurrentRows) {
      // Never waited for while merely queued: contributorOrder() runs it on the caller if nobody started it.
      (ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool())
          .execute(contributorOrder::runOnce);
    }
    rawCredit = credit.creditAll();
    finalCredit = rawCredit.clone();
    if (!overrides.voidedRecords().isEmpty()) {
      voided = new boolean[n];
      for (int row = 0; row < n; row++) {
        voided[row] = overrides.voidedRecords().contains(batch.recordId(row));
      }
    }
    guard();
    caps();
    if (voided != null) {
      for (int row = 0; row < n; row++) {
        if (voided[row]) {
          finalCredit[row] = 0;
        }
      }
    }
    return new CycleResult(this);
  }

  /*
   * The guard stage applies each detector's flags in policy order, and a detector that reads the credit
   * sees the credit as the detectors before it left it. Most built-in detectors never read the credit
   * (they judge the graph, the evidence, the times and the reviews): their findings are the same whenever
   * they are computed, so on large batches they are computed ahead, concurrently, by helper tasks in the
   * fork-join pool, while this thread walks the detectors in order. Each such detector is claimed once,
   * by a helper (which takes them from the last one back) or by this thread when it reaches it unclaimed;
   * this thread then applies its findings at its place in the order. The flags, their order and the credit
   * are therefore the same for any number of threads. Those detectors see a context whose credit() fails,
   * so a change that made one of them read the credit could not go unnoticed.
   */
  private void guard() {
    List<Guardrail> guardrails = policy.guardrails();
    if (guardrails.isEmpty()) {
      return;
    }
    Map<String, Object> sharedValues = new ConcurrentHashMap<>();
    GuardContext withCredit = new StageContext(sharedValues, finalCredit);
    GuardContext withoutCredit = new StageContext(sharedValues, null);
    int m = guardrails.size();
    List<InOrder.Task<Guardrail, Findings>> ahead = new ArrayList<>(Collections.nCopies(m, null));
    int independent = 0;
    for (int i = 0; i < m; i++) {
      if (readsNoCredit(guardrails.get(i))) {
        ahead.set(i, new InOrder.Task<>(guardrails.get(i), g -> inspect(g, withoutCredit)));
        independent++;
      }
    }
    if (batch.rows() >= concurrentRows && independent > 1) {
      ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
      int helpers = Math.min(pool.getParallelism(), independent - 1);
      for (int h = 0; h < helpers; h++) {
        pool.execute(() -> {
          for (int i = m - 1; i >= 0; i--) {
            if (ahead.get(i) != null) {
              ahead.get(i).runOnce();
            }
          }
        });
      }
    }
    for (int i = 0; i < m; i++) {
      apply(ahead.get(i) != null ? ahead.get(i).result() : inspect(guardrails.get(i), withCredit));
    }
  }

  /** Rows from which the detectors that read no credit are computed concurrently. */
  static final int CONCURRENT_GUARD_ROWS = 1 << 16;

  /**
   * Whether {@code g} is a built-in detector whose findings do not depend on the credit (it never calls
   * {@link GuardContext#credit}); the classes are final, so no subclass can change that.
   */
  private static boolean readsNoCredit(Guardrail g) {
    return g instanceof SelfDealingGuardrail || g instanceof EvidenceReuseGuardrail || g instanceof VelocityGuardrail
        || g instanceof CollusionRingGuardrail || g instanceof EigenTrustGuardrail
        || g instanceof ReviewerConcentrationGuardrail;
  }

  /** One detector's flags, in the canonical order, with their sorted rows and contributors. */
  private record Findings(Flag[] flags, int[][] rows, int[][] people) {}

  /** Runs {@code g} and collects its flags in the canonical order; reads nothing this run changes. */
  private Findings inspect(Guardrail g, GuardContext ctx) {
    List<Flag> found = new ArrayList<>();
    List<int[]> foundRows = new ArrayList<>();
    List<int[]> foundPeople = new ArrayList<>();
    try {
      g.inspect(ctx, (Severity severity, Action action, double factor, int[] rows, int[] people, String evidence) -> {
        int[] r = sortedDistinct(rows);
        int[] p = sortedDistinct(people);
        List<String> ids = new ArrayList<>(r.length);
        for (int row : r) {
          ids.add(batch.recordId(row));
        }
        List<String> who = new ArrayList<>(p.length);
        for (int person : p) {
          who.add(batch.personId(person));
        }
        double f = action == Action.DAMPEN ? factor : action == Action.NOTE ? 1.0 : 0.0;
        found.add(new Flag(g.id(), severity, action, f, ids, who, evidence));
        foundRows.add(r);
        foundPeople.add(p);
      });
    } catch (RuntimeException e) {
      throw new GuardrailException(g.id(), e);
    }
    // A detector's flags are applied in a canonical order so that its reporting order cannot matter.
    Integer[] order = new Integer[found.size()];
    String[] idKeys = new String[found.size()];
    String[] whoKeys = new String[found.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      // The text forms the comparison orders by, built once per flag rather than once per comparison.
      idKeys[i] = found.get(i).recordIds().toString();
      whoKeys[i] = found.get(i).contributors().toString();
    }
    Arrays.sort(order, (a, b) -> compareFlags(found.get(a), idKeys[a], whoKeys[a], found.get(b), idKeys[b],
        whoKeys[b]));
    Flag[] flagsInOrder = new Flag[order.length];
    int[][] rows = new int[order.length][];
    int[][] people = new int[order.length][];
    for (int i = 0; i < order.length; i++) {
      flagsInOrder[i] = found.get(order[i]);
      rows[i] = foundRows.get(order[i]);
      people[i] = foundPeople.get(order[i]);
    }
    return new Findings(flagsInOrder, rows, people);
  }

  /** Records one detector's flags and applies them to the credit, in their order. */
  private void apply(Findings findings) {
    for (int i = 0; i < findings.flags().length; i++) {
      Flag f = findings.flags()[i];
      int[] rows = findings.rows()[i];
      flags.add(f);
      flagRows.add(rows);
      flagPeople.add(findings.people()[i]);
      for (int row : rows) {
        if (isReleased(f, row)) {
          continue;
        }
        if (f.action() != Action.NOTE) {
          finalCredit[row] = Fixed.scale(finalCredit[row], f.factor());
        }
        if (f.action() == Action.HOLD && !isVoided(row)) {
          held.add(batch.recordId(row));
        }
      }
    }
  }

  /**
   * What the detectors see: the batch, the prior state, the values they share (computed once, safe to ask
   * for from several threads) and, for {@code credit} not null, the credit so far.
   */
  private final class StageContext implements GuardContext {
    private final Map<String, Object> sharedValues;
    private final long[] credit;

    StageContext(Map<String, Object> sharedValues, long[] credit) {
      this.sharedValues = sharedValues;
      this.credit = credit;
    }

    @Override
    public Cycle cycle() {
      return cycle;
    }

    @Override
    public BatchView batch() {
      return batch;
    }

    @Override
    public long credit(int row) {
      if (credit == null) {
        throw new IllegalStateException("this detector is computed ahead of the credit; it cannot read credit("
            + row + ")");
      }
      return credit[row];
    }

    @Override
    public PriorState prior() {
      return prior;
    }

    @Override
    public List<Rejection> rejections() {
      return batch.rejections();
    }

    @Override
    public <T> T shared(String key, Class<T> type, Supplier<T> compute) {
      return type.cast(sharedValues.computeIfAbsent(key, k -> compute.get()));
    }
  }

  /** Whether an approved exception voided {@code row}. */
  boolean isVoided(int row) {
    return voided != null && voided[row];
  }

  /** Whether {@code f} is a hold on {@code row} that an approved exception released. */
  private boolean isReleased(Flag f, int row) {
    return f.action() == Action.HOLD && !overrides.releasedHolds().isEmpty()
        && overrides.releasedHolds().contains(batch.recordId(row));
  }

  /** A sorted copy without repeats: a row named twice in one flag is still acted on once. */
  private static int[] sortedDistinct(int[] values) {
    int[] v = values.clone();
    Arrays.sort(v);
    int n = 0;
    for (int i = 0; i < v.length; i++) {
      if (n == 0 || v[i] != v[n - 1]) {
        v[n++] = v[i];
      }
    }
    return n == v.length ? v : Arrays.copyOf(v, n);
  }

  /**
   * The canonical order of one detector's flags: action, factor, record ids, contributors, evidence,
   * severity; {@code aIds}/{@code aWho} are {@code a.recordIds().toString()} and
   * {@code a.contributors().toString()}, and likewise for {@code b}.
   */
  private static int compareFlags(Flag a, String aIds, String aWho, Flag b, String bIds, String bWho) {
    int c = a.action().compareTo(b.action());
    if (c == 0) {
      c = Double.compare(a.factor(), b.factor());
    }
    if (c == 0) {
      c = aIds.compareTo(bIds);
    }
    if (c == 0) {
      c = aWho.compareTo(bWho);
    }
    if (c == 0) {
      c = a.evidence().compareTo(b.evidence());
    }
    return c == 0 ? a.severity().compareTo(b.severity()) : c;
  }

  /*
   * The cap stage works contributor by contributor: every cap sums one contributor's credit (per day, per
   * category or per cycle), so a contributor's rows are capped from that contributor's sums alone, the
   * per-day caps first, then the category caps, then the cycle cap, exactly as three passes over all rows
   * would. One pass over the rows in order groups them by contributor (a counting sort, rows ascending
   * within a contributor) and copies each row's credit, day and category to its place in the grouping, so
   * the caps then read consecutive entries instead of looking each row up; a row's credit is written back
   * only when a cap scales it. The sums live in scratch arrays of one contributor's days and categories, so
   * no table is sized people × days. Only factors other than 1 are kept, per contributor, for explanations.
   */
  private void caps() {
    int people = batch.people();
    CapSpec perDay = policy.caps().perDay();
    CapSpec perCycle = policy.caps().perCycle();
    int k = batch.categories();
    boolean dayCap = !perDay.isNone();
    boolean anyCategoryCap = !policy.caps().perCategory().isNone()
        || policy.caps().categoryOverrides().values().stream().anyMatch(c -> !c.isNone());
    boolean cycleCap = !perCycle.isNone();
    if (!dayCap && !anyCategoryCap && !cycleCap) {
      return;
    }
    int n = batch.rows();
    int[] start = contributorStarts(batch);
    int[] fill = Arrays.copyOf(start, people);
    int[] rows = new int[n];
    long[] credit = new long[n];
    int[] dayOf = dayCap ? new int[n] : null;
    int[] categoryOf = anyCategoryCap ? new int[n] : null;
    for (int row = 0; row < n; row++) {
      int at = fill[batch.contributor(row)]++;
      rows[at] = row;
      credit[at] = finalCredit[row];
      if (dayOf != null) {
        dayOf[at] = dayIndex(row);
      }
      if (categoryOf != null) {
        categoryOf[at] = batch.category(row);
      }
    }
    CapSpec[] specs = new CapSpec[k];
    for (int c = 0; c < k; c++) {
      specs[c] = policy.caps().forCategory(batch.categoryId(c));
    }
    long[] sum = new long[Math.max(days, k)];
    double[] factor = new double[sum.length];
    Arrays.fill(factor, Double.NaN);
    dayFactor = dayCap ? new CellFactors(people) : null;
    categoryFactor = anyCategoryCap ? new CellFactors(people) : null;
    cycleFactor = cycleCap ? new CellFactors(people) : null;
    for (int c = 0; c < people; c++) {
      int from = start[c];
      int to = start[c + 1];
      if (dayCap) {
        capCells(c, rows, credit, from, to, dayOf, sum, factor, d -> perDay, dayFactor);
      }
      if (anyCategoryCap) {
        capCells(c, rows, credit, from, to, categoryOf, sum, factor, g -> specs[g], categoryFactor);
      }
      if (cycleCap) {
        capCells(c, rows, credit, from, to, null, sum, factor, x -> perCycle, cycleFactor);
      }
    }
  }

  /**
   * Caps one contributor's grouped entries {@code [from, to)} (row {@code rows[i]}, credit {@code credit[i]},
   * cell {@code cellOf[i]}: a day or a category; all cell 0, the cycle, when {@code cellOf} is null): sums
   * the credit per cell, scales the entries of each cell over its cap (in {@code credit} and in the row's
   * final credit), and records those cells' factors in {@code kept}. {@code sum} (zeros) and {@code factor}
   * (NaN: not yet known) are scratch arrays indexed by cell, left as they were found.
   */
  private void capCells(int contributor, int[] rows, long[] credit, int from, int to, int[] cellOf, long[] sum,
      double[] factor, java.util.function.IntFunction<CapSpec> spec, CellFactors kept) {
    for (int i = from; i < to; i++) {
      sum[cellOf == null ? 0 : cellOf[i]] += credit[i];
    }
    for (int i = from; i < to; i++) {
      int x = cellOf == null ? 0 : cellOf[i];
      if (Double.isNaN(factor[x])) {
        factor[x] = factor(sum[x], spec.apply(x));
        if (factor[x] != 1.0) {
          kept.add(contributor, x, factor[x]);
        }
      }
      double f = factor[x];
      if (f != 1.0) {
        credit[i] = Fixed.scale(credit[i], f);
        finalCredit[rows[i]] = credit[i];
      }
    }
    for (int i = from; i < to; i++) {
      int x = cellOf == null ? 0 : cellOf[i];
      sum[x] = 0;
      factor[x] = Double.NaN;
    }
  }

  /** The factor a cap gives a cell whose credit sums to {@code s}: 1 unless the cap lowers it. */
  private static double factor(long s, CapSpec cap) {
    if (s <= 0) {
      return 1.0;
    }
    long capped = Fixed.toMicros(cap.apply(Fixed.toDouble(s)));
    return capped >= s ? 1.0 : capped / (double) s;
  }

  /**
   * The cap factors other than 1 of one kind of cell (days, categories or the cycle), per contributor:
   * entries are added contributor by contributor in ascending order, so each contributor's entries are one
   * run, found through {@code start}.
   */
  static final class CellFactors {
    private final int[] start;
    private int[] cell = new int[16];
    private double[] factor = new double[16];
    private int size;
    private int last;

    CellFactors(int people) {
      start = new int[people + 1];
    }

    /** Records {@code f} for {@code (contributor, c)}; contributors come in ascending order. */
    void add(int contributor, int c, double f) {
      while (last < contributor) {
        start[++last] = size;
      }
      if (size == cell.length) {
        cell = Arrays.copyOf(cell, 2 * size);
        factor = Arrays.copyOf(factor, 2 * size);
      }
      cell[size] = c;
      factor[size++] = f;
      start[contributor + 1] = size;
    }

    /** The factor of {@code (contributor, c)}: 1 unless one was recorded. */
    double get(int contributor, int c) {
      if (contributor > last) {
        return 1.0;
      }
      for (int i = start[contributor]; i < start[contributor + 1]; i++) {
        if (cell[i] == c) {
          return factor[i];
        }
      }
      return 1.0;
    }
  }

  /** The explanation of one row: the credit steps and the later steps, recomputed. */
  RecordLine explain(int row) {
    List<Step> creditSteps = new ArrayList<>();
    long raw = credit.credit(row, creditSteps);
    if (raw != rawCredit[row]) {
      throw new AssertionError("explanation of row " + row + " disagrees with its credit");
    }
    List<Step> later = new ArrayList<>();
    long v = raw;
    int[][] byRow = flagsByRow();
    for (int j = byRow[1][row]; j < byRow[1][row + 1]; j++) {
      Flag f = flags.get(byRow[0][j]);
      if (isReleased(f, row)) {
        later.add(new Step("guard", f.detector(), 1.0, "hold released by an approved exception: " + f.evidence()));
      } else if (f.action() != Action.NOTE) {
        v = Fixed.scale(v, f.factor());
        later.add(new Step("guard", f.detector(), f.factor(), f.action().name().toLowerCase(java.util.Locale.ROOT)
            + ": " + f.evidence()));
      }
    }
    if (dayFactor != null) {
      double f = dayFactor.get(batch.contributor(row), dayIndex(row));
      if (f != 1.0) {
        v = Fixed.scale(v, f);
        later.add(new Step("cap", "cap:per-day", f, "daily credit above the per-day cap " + capWords(policy.caps().perDay())));
      }
    }
    if (categoryFactor != null) {
      double f = categoryFactor.get(batch.contributor(row), batch.category(row));
      if (f != 1.0) {
        v = Fixed.scale(v, f);
        String cat = batch.categoryId(batch.category(row));
        later.add(new Step("cap", "cap:category:" + cat, f, "credit in " + cat + " above the category cap "
            + capWords(policy.caps().forCategory(cat))));
      }
    }
    if (cycleFactor != null) {
      double f = cycleFactor.get(batch.contributor(row), 0);
      if (f != 1.0) {
        v = Fixed.scale(v, f);
        later.add(new Step("cap", "cap:per-cycle", f, "cycle credit above the per-cycle cap " + capWords(policy.caps().perCycle())));
      }
    }
    if (isVoided(row)) {
      v = 0;
      later.add(new Step("exception", "exception:void", 0.0, "voided by an approved exception"));
    }
    if (v != finalCredit[row]) {
      throw new AssertionError("explanation of row " + row + " disagrees with its final credit");
    }
    return new RecordLine(batch.recordId(row), batch.categoryId(batch.category(row)), creditSteps, raw, later, v);
  }

  /** The flags of each row, in flag order: {@code {flags, start}}, row r's at {@code [start[r], start[r + 1])}. */
  private volatile int[][] flagsByRow;

  /**
   * The flags naming each row, built once when the first row is explained: explaining rows one flag list
   * at a time would cost every row a search of every flag, hours at a million rows with many flags.
   */
  private int[][] flagsByRow() {
    int[][] index = flagsByRow;
    if (index == null) {
      index = invert(flagRows, batch.rows());
      flagsByRow = index;
    }
    return index;
  }

  /** Where each person's rows start in a grouping by contributor: {@code start[p + 1] − start[p]} rows. */
  static int[] contributorStarts(ContributionBatch batch) {
    int people = batch.people();
    int[] start = new int[people + 1];
    for (int row = 0, n = batch.rows(); row < n; row++) {
      start[batch.contributor(row) + 1]++;
    }
    for (int p = 0; p < people; p++) {
      start[p + 1] += start[p];
    }
    return start;
  }

  /**
   * The batch's rows grouped by contributor with one counting sort, ascending within each: {@code {rows,
   * start}}, person p's rows at {@code rows[start[p]], …, rows[start[p + 1] − 1]}.
   */
  static int[][] rowsByContributor(ContributionBatch batch) {
    int n = batch.rows();
    int[] start = contributorStarts(batch);
    int[] fill = Arrays.copyOf(start, batch.people());
    int[] rows = new int[n];
    for (int row = 0; row < n; row++) {
      rows[fill[batch.contributor(row)]++] = row;
    }
    return new int[][] {rows, start};
  }

  /**
   * The lists that name each key: for lists of keys in {@code [0, keys)}, {@code {of, start}} where key
   * k is named by lists {@code of[start[k]], …, of[start[k + 1] − 1]}, in ascending list order.
   */
  static int[][] invert(List<int[]> lists, int keys) {
    int[] start = new int[keys + 1];
    for (int[] list : lists) {
      for (int k : list) {
        start[k + 1]++;
      }
    }
    for (int k = 0; k < keys; k++) {
      start[k + 1] += start[k];
    }
    int[] fill = Arrays.copyOf(start, keys);
    int[] of = new int[start[keys]];
    for (int i = 0; i < lists.size(); i++) {
      for (int k : lists.get(i)) {
        of[fill[k]++] = i;
      }
    }
    return new int[][] {of, start};
  }

  private static String capWords(CapSpec c) {
    return "(soft " + c.soft() + ", hard " + c.hard() + ", " + c.curve().name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  /** Allocation over the contributors, in id order; fills {@code kat} and returns the unallocated rest. */
  static long allocate(Policy policy, AllocationInput input, long[] kat) {
    List<AllocationShare> shares = policy.allocation();
    long[] shareWeights = new long[shares.size()];
    for (int i = 0; i < shares.size(); i++) {
      shareWeights[i] = shares.get(i).weight();
    }
    long[] parts = LargestRemainder.apportion(policy.budget(), shareWeights);
    long unallocated = 0;
    for (int i = 0; i < shares.size(); i++) {
      long[] got = shares.get(i).policy().allocate(input, parts[i]);
      if (got.length != input.size()) {
        throw new IllegalStateException("allocation policy " + shares.get(i).policy().name() + " returned "
            + got.length + " parts for " + input.size() + " contributors");
      }
      long sum = 0;
      for (int c = 0; c < got.length; c++) {
        if (got[c] < 0) {
          throw new IllegalStateException("allocation policy " + shares.get(i).policy().name()
              + " gave a negative part to " + input.contributors().get(c));
        }
        sum += got[c];
        kat[c] += got[c];
      }
      if (sum > parts[i]) {
        throw new IllegalStateException("allocation policy " + shares.get(i).policy().name() + " allocated "
            + sum + " of its " + parts[i] + " base units");
      }
      unallocated += parts[i] - sum;
    }
    return unallocated;
  }

  /** The factor that decays carried credit to this cycle (before this cycle's credit is added). */
  double creditDecay() {
    long cycles = cycle.sequence() - prior.sequence();
    return Math.pow(1.0 - policy.creditDiscount(), cycles);
  }

  /** The factor that decays carried karma to this cycle. */
  double karmaDecay(KarmaPolicy karma) {
    long cycles = cycle.sequence() - prior.sequence();
    return karma.decay(cycles);
  }
}
