package dev.kat.rules.engine;

import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Policy;
import dev.kat.rules.internal.Checks;
import dev.kat.rules.policy.Problem;
import dev.kat.rules.policy.ReadResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;
import org.drools.drl.ast.descr.PackageDescr;

/**
 * Rule files loaded, checked and compiled by Drools: immutable and thread-safe. Load one with
 * {@link RuleFiles}.
 *
 * <p>Drools is used as a compiler, never once per record on the hot path:
 * <ul>
 *   <li>{@link #compile(Policy, Set)} evaluates every {@link RuleKind#RECORD record rule} once per distinct
 *       (category, role, working group) and, for a rule that tests an attribute, once per bucket between the
 *       rule's own thresholds, and turns where each rule fired into the policy's
 *       {@link CreditAdjustment}s, which the core engine applies from primitive tables;
 *   <li>{@link #run} evaluates contributor, working-group and pair rules once per contributor, working group and pair,
 *       on facts aggregated from a first pass of the cycle, and applies their effects in a second pass.
 * </ul>
 *
 * <p>Rules cannot modify facts or insert new ones, so no rule sees another rule's effect and the order in
 * which Drools fires them cannot change any figure. Effects are reported in a documented order: salience
 * (higher first), then rule name, then subject.
 */
public final class RuleSet {
  private static final System.Logger LOG = System.getLogger("dev.kat.rules.engine");

  /* A working group no rule names and no policy declares: "any other working group". */
  private static final String OTHER = "\u0000other";

  private final KieBase base;
  private final List<RuleChecker.Meta> metas;
  private final Framework framework;
  private final List<String> sources;

  private RuleSet(KieBase base, List<RuleChecker.Meta> metas, Framework framework, List<String> sources) {
    this.base = base;
    this.metas = List.copyOf(metas);
    this.framework = framework;
    this.sources = List.copyOf(sources);
  }

  /** Parses, checks and builds {@code texts} (source name to DRL text) under {@code framework}. */
  static ReadResult<RuleSet> build(Framework framework, Map<String, String> texts) {
    List<Problem> problems = new ArrayList<>();
    List<RuleChecker.Meta> metas = new ArrayList<>();
    List<PackageDescr> packages = new ArrayList<>();
    for (Map.Entry<String, String> e : texts.entrySet()) {
      PackageDescr pkg = RuleChecker.check(e.getKey(), e.getValue(), framework, metas, problems);
      if (pkg != null) {
        packages.add(pkg);
      }
    }
    Map<String, RuleChecker.Meta> byName = new HashMap<>();
    for (RuleChecker.Meta m : metas) {
      RuleChecker.Meta other = byName.putIfAbsent(m.info.name(), m);
      if (other != null) {
        problems.add(new Problem(m.info.source(), m.info.line(), 0, "rule '" + m.info.name() + "'",
            "a rule with this name is already defined at " + other.info.source() + ":" + other.info.line()));
      }
    }
    if (!problems.isEmpty()) {
      return new ReadResult<>(null, problems);
    }
    KieHelper helper = new KieHelper();
    packages.forEach(helper::addContent);
    Results results = helper.verify();
    if (results.hasMessages(Message.Level.ERROR)) {
      String only = texts.size() == 1 ? texts.keySet().iterator().next() : String.join(", ", texts.keySet());
      for (Message m : results.getMessages(Message.Level.ERROR)) {
        problems.add(new Problem(only, Math.max(0, m.getLine()), Math.max(0, m.getColumn()), "build",
            m.getText().replace('\n', ' ')));
      }
      return new ReadResult<>(null, problems);
    }
    KieBase base = helper.build();
    metas.sort(ORDER);
    return new ReadResult<>(new RuleSet(base, metas, framework, new ArrayList<>(texts.keySet())), List.of());
  }

  private static final Comparator<RuleChecker.Meta> ORDER =
      Comparator.<RuleChecker.Meta>comparingInt(m -> -m.info.salience()).thenComparing(m -> m.info.name());

  /** The rules, in firing order: salience (higher first), then name. */
  public List<RuleInfo> rules() {
    List<RuleInfo> out = new ArrayList<>();
    metas.forEach(m -> out.add(m.info));
    return List.copyOf(out);
  }

  /** The rule files, in the order they were given. */
  public List<String> sources() {
    return sources;
  }

  /** The framework the rules were checked against. */
  public Framework framework() {
    return framework;
  }

  /**
   * Checks the rules' names against {@code policy} and compiles the record rules into it: a copy of the
   * policy whose credit adjustments end with one adjustment per rule and (category, role, working group,
   * attribute range) where the rule fired, merged where a rule fired for every working group, role or
   * category alike.
   *
   * @param policy the policy the rules refine
   * @param workingGroups the DAO's working groups (as a policy document declares them); may be empty
   * @return the compiled policy, or every problem: a rule naming an undeclared category, role or working group,
   *     a rule name that is already an adjustment id, or a rule that would need to exclude undeclared working
   *     groups (the rest of the policy is not checked against the framework again)
   * @throws RuleException if a rule fails while it is evaluated, naming the rule and the key
   */
  public ReadResult<Policy> compile(Policy policy, Set<String> workingGroups) {
    Checks.notNull(policy, "policy");
    Checks.notNull(workingGroups, "workingGroups");
    List<Problem> problems = new ArrayList<>();
    Set<String> adjustmentIds = new TreeSet<>();
    policy.adjustments().forEach(a -> adjustmentIds.add(a.ruleId()));
    TreeSet<String> groups = new TreeSet<>(workingGroups);
    for (RuleChecker.Meta m : metas) {
      String path = "rule '" + m.info.name() + "'";
      if (adjustmentIds.contains(m.info.name())) {
        problems.add(new Problem(m.info.source(), m.info.line(), 0, path,
            "the policy already has an adjustment with this id"));
      }
      for (RuleChecker.NameRef r : m.refs) {
        boolean ok;
        switch (r.what()) {
          case "category":
            ok = policy.categories().containsKey(r.value());
            break;
          case "role":
            ok = policy.roles().containsKey(r.value());
            break;
          default:
            ok = workingGroups.isEmpty() || workingGroups.contains(r.value());
            if (m.info.kind() == RuleKind.RECORD) {
              groups.add(r.value());
            }
            break;
        }
        if (!ok) {
          problems.add(new Problem(m.info.source(), r.line(), 0, path, r.what() + " '" + r.value()
              + "' is not declared in the policy"));
        }
      }
    }
    if (!problems.isEmpty()) {
      return new ReadResult<>(null, problems);
    }
    List<String> wgDomain = new ArrayList<>(groups);
    wgDomain.add(OTHER);
    List<RuleChecker.Meta> record = new ArrayList<>();
    metas.stream().filter(m -> m.info.kind() == RuleKind.RECORD).forEach(record::add);
    Policy.Builder b = policy.toBuilder();
    int evaluations = 0;
    int added = 0;
    for (RuleChecker.Meta m : record) {
      // One session per rule: a fact per (category, role, working group, attribute bucket), fired once.
      List<double[]> buckets = buckets(m);
      List<Contribution> facts = new ArrayList<>();
      List<List<String>> keys = new ArrayList<>();
      Recorder rec = new Recorder();
      String attribute = m.attribute;
      for (String c : policy.categories().keySet()) {
        for (String r : policy.roles().keySet()) {
          for (String w : wgDomain) {
            for (double[] bucket : buckets) {
              double value = bucket[2];
              String key = Integer.toString(facts.size());
              facts.add(new Contribution(rec, c, r, w, n -> n.equals(attribute) ? value : Double.NaN,
                  attribute == null ? "" : attribute + "=" + value, key));
              keys.add(List.of(c, r, w));
            }
          }
        }
      }
      evaluations += facts.size();
      fire(facts, Set.of(m.info.name()), rec, facts.size() + " record keys of rule " + m.info.name());
      boolean[] hit = new boolean[facts.size()];
      for (Effect e : rec.effects) {
        hit[Integer.parseInt(e.subject())] = true;
      }
      // key (category, role, wg) -> intervals [lo, hi) of the tested attribute where the rule fired
      Map<List<String>, List<double[]>> fired = new LinkedHashMap<>();
      for (int i = 0; i < facts.size(); i += buckets.size()) {
        List<double[]> where = new ArrayList<>();
        for (int k = 0; k < buckets.size(); k++) {
          if (hit[i + k]) {
            where.add(buckets.get(k));
          }
        }
        if (!where.isEmpty()) {
          fired.put(keys.get(i), merge(where));
        }
      }
      List<CreditAdjustment> adjustments = adjustments(m, fired, policy, wgDomain, problems);
      adjustments.forEach(b::adjustment);
      added += adjustments.size();
    }
    if (!problems.isEmpty()) {
      return new ReadResult<>(null, problems);
    }
    Policy compiled = b.build();
    for (dev.kat.core.policy.Violation v : framework.check(compiled)) {
      if (v.path().startsWith("$.adjustments.")) {
        problems.add(new Problem(String.join(", ", sources), 0, 0, v.path(), v.message()));
      }
    }
    if (!problems.isEmpty()) {
      return new ReadResult<>(null, problems);
    }
    LOG.log(System.Logger.Level.INFO, "compiled {0} record rules into {1} credit adjustments of policy {2}"
        + " ({3} evaluations)", record.size(), added, policy.id(), evaluations);
    return new ReadResult<>(compiled, List.of());
  }

  /** The attribute buckets of a record rule: [-inf, inf) without an attribute; else split at thresholds. */
  private static List<double[]> buckets(RuleChecker.Meta m) {
    List<double[]> out = new ArrayList<>();
    if (m.attribute == null) {
      out.add(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0});
      return out;
    }
    /* Split the line at every threshold t into (prev, t), [t, t] and so on; as half-open intervals [lo, hi)
       of doubles, the point t is [t, nextUp(t)). The third entry is a value inside, which the rule is
       evaluated at; a comparison with a threshold gives the same answer for every value in a bucket. */
    double lo = Double.NEGATIVE_INFINITY;
    for (double t : m.thresholds) {
      if (lo < t) {
        double rep = Double.isInfinite(lo) ? t - 1 : lo + (t - lo) / 2;
        if (!(rep > lo && rep < t) && !Double.isInfinite(lo)) {
          rep = lo;
        }
        out.add(new double[] {lo, t, rep});
      }
      out.add(new double[] {t, Math.nextUp(t), t});
      lo = Math.nextUp(t);
    }
    out.add(new double[] {lo, Double.POSITIVE_INFINITY, Double.isInfinite(lo) ? 0 : lo + 1});
    return out;
  }

  private static List<double[]> merge(List<double[]> intervals) {
    List<double[]> out = new ArrayList<>();
    for (double[] iv : intervals) {
      if (!out.isEmpty() && out.get(out.size() - 1)[1] == iv[0]) {
        out.get(out.size() - 1)[1] = iv[1];
      } else {
        out.add(new double[] {iv[0], iv[1]});
      }
    }
    return out;
  }

  private void fire(List<?> facts, Set<String> ruleNames, Recorder rec, String subject) {
    try {
      fireOnce(facts, ruleNames, rec);
    } catch (RuntimeException e) {
      String rule = rec.rule != null ? rec.rule : conditionOwner(e, ruleNames);
      String on = subject;
      if (facts.size() > 1) {
        // Drools evaluates lazily, so find the fact the failure belongs to by evaluating each alone.
        for (Object f : facts) {
          try {
            fireOnce(List.of(f), ruleNames, new Recorder());
          } catch (RuntimeException again) {
            on = f.toString();
            break;
          }
        }
      }
      throw new RuleException(rule, on, rootCause(e));
    }
  }

  private void fireOnce(List<?> facts, Set<String> ruleNames, Recorder rec) {
    KieSession session = base.newKieSession();
    try {
      session.addEventListener(new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
          rec.rule = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          rec.rule = null;
        }
      });
      for (Object f : facts) {
        session.insert(f);
      }
      session.fireAllRules(match -> ruleNames.contains(match.getRule().getName()));
    } finally {
      session.dispose();
    }
  }

  /**
   * The rule whose condition failed: Drools evaluates conditions when a fact is inserted, before any rule
   * fires, so the rule is found by the condition text the error quotes; failing that, all candidates are named.
   */
  private String conditionOwner(RuntimeException e, Set<String> ruleNames) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null && text.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
      text.append(t.getMessage()).append('\n');
    }
    String all = text.toString().replaceAll("\\s+", "");
    for (RuleChecker.Meta m : metas) {
      if (ruleNames.contains(m.info.name())) {
        for (String c : m.conditions) {
          if (all.contains(c.replaceAll("\\s+", ""))) {
            return m.info.name();
          }
        }
      }
    }
    return "one of " + new TreeSet<>(ruleNames);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** Turns where a record rule fired into adjustments, merging keys that fired alike. */
  private static List<CreditAdjustment> adjustments(RuleChecker.Meta m, Map<List<String>, List<double[]>> fired,
      Policy policy, List<String> wgDomain, List<Problem> problems) {
    double factor = Double.parseDouble(m.actions.get(0).args().get(0));
    String reason = m.actions.get(0).args().get(1);
    Map<String, List<double[]>> rangesByText = new HashMap<>();
    Map<List<String>, String> cur = new LinkedHashMap<>();
    for (Map.Entry<List<String>, List<double[]>> e : fired.entrySet()) {
      String t = text(e.getValue());
      rangesByText.put(t, e.getValue());
      cur.put(e.getKey(), t);
    }
    // Working groups first: a rule that holds for a role in every working group, undeclared ones included,
    // must become one adjustment with no working group, or records in undeclared groups would be missed.
    cur = mergeDimension(cur, 2, wgDomain);
    cur = mergeDimension(cur, 1, new ArrayList<>(policy.roles().keySet()));
    cur = mergeDimension(cur, 0, new ArrayList<>(policy.categories().keySet()));
    List<CreditAdjustment> out = new ArrayList<>();
    for (Map.Entry<List<String>, String> e : cur.entrySet()) {
      List<String> k = e.getKey();
      if (k.get(2).equals(OTHER)) {
        problems.add(new Problem(m.info.source(), m.info.line(), 0, "rule '" + m.info.name() + "'",
            "the rule matches working groups the policy does not declare but not all of them; declare the"
                + " DAO's working groups in the policy or test workingGroup with == only"));
        continue;
      }
      for (double[] iv : rangesByText.get(e.getValue())) {
        out.add(adjustment(m, any(k.get(0)), any(k.get(1)), any(k.get(2)), iv, factor, reason));
      }
    }
    return out;
  }

  private static String any(String v) {
    return v.equals("*") ? null : v;
  }

  /**
   * Replaces the keys that fired alike for every value of dimension {@code dim} by one key with {@code "*"} in
   * that dimension; other keys stay. Keeps the first-seen order.
   */
  private static Map<List<String>, String> mergeDimension(Map<List<String>, String> in, int dim, List<String> domain) {
    Map<List<String>, List<List<String>>> groups = new LinkedHashMap<>();
    for (List<String> k : in.keySet()) {
      List<String> g = new ArrayList<>(k);
      g.set(dim, "*");
      groups.computeIfAbsent(g, x -> new ArrayList<>()).add(k);
    }
    Map<List<String>, String> out = new LinkedHashMap<>();
    for (Map.Entry<List<String>, List<List<String>>> g : groups.entrySet()) {
      List<List<String>> members = g.getValue();
      String first = in.get(members.get(0));
      boolean alike = members.size() == domain.size() && members.stream().allMatch(k -> in.get(k).equals(first));
      if (alike) {
        out.put(List.copyOf(g.getKey()), first);
      } else {
        members.forEach(k -> out.put(k, in.get(k)));
      }
    }
    return out;
  }

  private static CreditAdjustment adjustment(RuleChecker.Meta m, String c, String r, String w, double[] iv,
      double factor, String reason) {
    // A rule that tests an attribute keeps testing it even over (-inf, inf): a record without it never matches.
    String attribute = m.attribute;
    return new CreditAdjustment(m.info.name(), c, r, w, attribute, attribute == null ? Double.NEGATIVE_INFINITY : iv[0],
        attribute == null ? Double.POSITIVE_INFINITY : iv[1], factor, reason);
  }

  private static String text(List<double[]> ranges) {
    StringBuilder sb = new StringBuilder();
    for (double[] iv : ranges) {
      sb.append('[').append(iv[0]).append(',').append(iv[1]).append(')');
    }
    return sb.toString();
  }

  /**
   * Runs a cycle with the contributor, working-group and pair rules: a first pass of {@code engine}, facts
   * aggregated from it (and from {@code history} for streaks), the rules fired once over those facts, and a
   * second pass with the rules' credit changes added to {@code overrides}. Record rules are not evaluated
   * here; compile them into the engine's policy with {@link #compile(Policy, Set)}.
   *
   * @param engine the engine, usually of the policy {@link #compile(Policy, Set)} returned
   * @param batch the cycle's admitted records
   * @param prior the state carried from earlier cycles
   * @param overrides approved human decisions, applied in both passes
   * @param history results of earlier cycles (any order), read for {@code streak(...)}
   * @throws RuleException if a rule fails, naming the rule and the contributor or working group
   */
  public RuledCycle run(KatEngine engine, ContributionBatch batch, PriorState prior, Overrides overrides,
      List<CycleResult> history) {
    Checks.notNull(engine, "engine");
    Checks.notNull(history, "history");
    CycleResult first = engine.run(batch, prior, overrides);
    Set<String> names = new TreeSet<>();
    metas.stream().filter(m -> m.info.kind() != RuleKind.RECORD).forEach(m -> names.add(m.info.name()));
    if (names.isEmpty()) {
      return new RuledCycle(first, List.of(), new TreeMap<>(), recordRuleNames(), List.of());
    }
    Recorder rec = new Recorder();
    Facts facts = Facts.of(rec, first, history);
    fire(facts.all(), names, rec, facts.size() + " contributor, working-group and pair facts");
    List<Effect> effects = new ArrayList<>(rec.effects);
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < metas.size(); i++) {
      rank.put(metas.get(i).info.name(), i);
    }
    effects.sort(Comparator.<Effect>comparingInt(e -> rank.get(e.rule())).thenComparing(Effect::subject)
        .thenComparing(Effect::category).thenComparing(Effect::value));
    TreeMap<String, Long> deltas = new TreeMap<>();
    List<Long> effectCredits = new ArrayList<>();
    for (Effect e : effects) {
      long change = 0;
      if (e.kind() == Effect.Kind.MULTIPLY) {
        Contributor c = facts.contributor(e.subject());
        long base = e.category().equals("*") ? first.credit(c.getId()) : facts.micros(c.getId(), e.category());
        long delta = BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(e.factor()).subtract(BigDecimal.ONE))
            .setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        deltas.merge(e.subject(), delta, Long::sum);
        change = delta;
      }
      effectCredits.add(change);
    }
    LOG.log(System.Logger.Level.INFO, "evaluated {0} rules on {1} facts of cycle {2}: {3} effects",
        names.size(), facts.size(), batch.cycle().id(), effects.size());
    if (deltas.values().stream().allMatch(d -> d == 0)) {
      return new RuledCycle(first, effects, deltas, recordRuleNames(), effectCredits);
    }
    TreeMap<String, Long> merged = new TreeMap<>(overrides.creditAdjustments());
    deltas.forEach((k, v) -> merged.merge(k, v, Long::sum));
    CycleResult second = engine.run(batch, prior, new Overrides(merged, overrides.releasedHolds(), overrides.voidedRecords()));
    return new RuledCycle(second, effects, deltas, recordRuleNames(), effectCredits);
  }

  /**
   * The slow reference evaluation of the record rules: fires them once per record, the way a rules engine is
   * usually used, and returns each row's product of the factors of the record rules that fired. For tests
   * and benchmarks only: the policy {@link #compile(Policy, Set)} returns applies the same factors without
   * firing anything (a property test checks that they agree).
   *
   * @throws RuleException if a rule fails, naming the rule and the record
   */
  public double[] fireRecordRulesPerRecord(BatchView batch) {
    Checks.notNull(batch, "batch");
    Set<String> names = new TreeSet<>();
    Map<String, Double> factors = new HashMap<>();
    for (RuleChecker.Meta m : metas) {
      if (m.info.kind() == RuleKind.RECORD) {
        names.add(m.info.name());
        factors.put(m.info.name(), Double.parseDouble(m.actions.get(0).args().get(0)));
      }
    }
    double[] out = new double[batch.rows()];
    Recorder rec = new Recorder();
    KieSession session = base.newKieSession();
    try {
      session.addEventListener(new DefaultAgendaEventListener() {
        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
          rec.rule = event.getMatch().getRule().getName();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
          rec.rule = null;
        }
      });
      for (int row = 0; row < batch.rows(); row++) {
        int r = row;
        Contribution fact = new Contribution(rec, batch.categoryId(batch.category(row)),
            batch.roleId(batch.role(row)), batch.workingGroupId(batch.workingGroup(row)),
            n -> batch.attribute(r, n, Double.NaN), "record " + batch.recordId(row), batch.recordId(row));
        rec.effects.clear();
        try {
          FactHandle h = session.insert(fact);
          session.fireAllRules(match -> names.contains(match.getRule().getName()));
          session.delete(h);
        } catch (RuntimeException e) {
          throw new RuleException(rec.rule != null ? rec.rule : conditionOwner(e, names), fact.toString(),
              rootCause(e));
        }
        double f = 1;
        for (Effect e : rec.effects) {
          f *= e.factor();
        }
        out[row] = f;
      }
    } finally {
      session.dispose();
    }
    return out;
  }

  private SortedSet<String> recordRuleNames() {
    TreeSet<String> out = new TreeSet<>();
    metas.stream().filter(m -> m.info.kind() == RuleKind.RECORD).forEach(m -> out.add(m.info.name()));
    return out;
  }

  /** The attribute names record rules test, sorted. */
  SortedSet<String> attributes() {
    TreeSet<String> out = new TreeSet<>();
    metas.stream().filter(m -> m.attribute != null).forEach(m -> out.add(m.attribute));
    return out;
  }
}
