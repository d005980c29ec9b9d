package dev.kat.rules.policy;

import dev.kat.core.alloc.AllocationPolicy;
import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.guard.Guardrail;
import dev.kat.rules.internal.Checks;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CapSpec;
import dev.kat.core.policy.Caps;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Curve;
import dev.kat.core.policy.Diminishing;
import dev.kat.core.policy.ExceptionLimits;
import dev.kat.core.policy.Goal;
import dev.kat.core.privilege.Metric;
import dev.kat.core.privilege.Privilege;
import dev.kat.core.privilege.PrivilegeRule;
import dev.kat.core.privilege.Privileges;
import dev.kat.core.privilege.ThresholdRule;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.RoleSpec;
import dev.kat.core.policy.Unit;
import dev.kat.core.policy.Violation;
import dev.kat.rules.internal.Json;
import dev.kat.rules.internal.Json.Arr;
import dev.kat.rules.internal.Json.Node;
import dev.kat.rules.internal.Json.Obj;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads policy documents (format {@value #FORMAT}) into {@link PolicyDocument}s, reporting every problem at
 * once: malformed JSON, unknown fields, wrong types, missing fields, bad values, references to undeclared
 * categories, roles, working groups, guardrails or allocation policies, and every violation of the
 * {@link Framework} it checks against, each with line, column and JSON path. Immutable and thread-safe.
 *
 * <p>The document format is described in {@code docs/policy-reference.md} and by the JSON Schema
 * {@code policy.schema.json}.
 */
public final class PolicyReader {
  /** The format id this reader understands, the value of the document's {@code format} field. */
  public static final String FORMAT = "kat-policy/1";

  static final Set<String> TOP = Set.of("$schema", "format", "id", "dao", "description", "framework",
      "workingGroups", "categories", "roles", "modifiers", "adjustments", "caps", "reviewQualityWeighting",
      "guardrails", "karma", "budget", "allocation", "creditDiscount", "privileges", "goals", "exceptionLimits", "creditRules");
  static final Set<String> CATEGORY = Set.of("description", "baseCredit", "unit", "eligibleRoles",
      "evidenceRequired", "minApprovals", "communityContribution");
  static final Set<String> ROLE = Set.of("description", "weight", "external");
  static final Set<String> MODIFIER = Set.of("description", "attribute", "categories", "curve", "default");
  static final Set<String> ADJUSTMENT = Set.of("category", "role", "workingGroup", "attribute", "min", "max",
      "factor", "reason");
  static final Set<String> CAPS = Set.of("perDay", "perCategory", "categories", "perCycle");
  static final Set<String> CAP = Set.of("soft", "hard", "curve");
  static final Set<String> KARMA = Set.of("halfLifeCycles", "gainPerCredit", "penaltyPerFlag", "floor",
      "ceiling", "influence");
  static final Set<String> ALLOCATION = Set.of("policy", "weight", "params");
  static final Set<String> PRIVILEGE = Set.of("privilege", "kind", "description", "metric", "category",
      "threshold", "allOf", "plugin", "params");
  static final Set<String> CONDITION = Set.of("metric", "category", "threshold");
  static final Set<String> GOAL = Set.of("description", "category", "measure", "attribute", "target",
      "workingGroups", "fromCycle", "toCycle");
  static final Set<String> EXCEPTION_LIMITS = Set.of("maxCreditPerContributor", "maxAdjustments");
  static final Set<String> KINDS = Set.of("privilege", "badge");
  static final Set<String> METRICS = Set.of("lifetime_kat", "karma", "lifetime_credit", "cycle_credit", "cycle_kat",
      "activity", "cycle_activity");
  static final Set<String> MEASURES = Set.of("records", "credit", "attribute");
  static final Set<String> UNITS = Set.of("per_record", "per_hour", "per_currency_unit");
  static final Set<String> CURVES = Set.of("none", "sqrt", "log", "flat");

  private final Framework framework;
  private final ComponentRegistry registry;

  private PolicyReader(Framework framework, ComponentRegistry registry) {
    this.framework = framework;
    this.registry = registry;
  }

  /** A reader with the built-in components and the permissive framework. */
  public static PolicyReader defaults() {
    return new PolicyReader(Framework.permissive(), ComponentRegistry.defaults());
  }

  /** A copy that checks documents against {@code value}. */
  public PolicyReader withFramework(Framework value) {
    return new PolicyReader(Checks.notNull(value, "framework"), registry);
  }

  /** A copy that resolves guardrails and allocation policies in {@code value}. */
  public PolicyReader withRegistry(ComponentRegistry value) {
    return new PolicyReader(framework, Checks.notNull(value, "registry"));
  }

  /** The framework documents are checked against. */
  public Framework framework() {
    return framework;
  }

  /** The registry guardrails and allocation policies are resolved in. */
  public ComponentRegistry registry() {
    return registry;
  }

  /** Reads the UTF-8 file at {@code file}; the file's path names the source in problems. */
  public ReadResult<PolicyDocument> read(Path file) {
    Checks.notNull(file, "file");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString());
    } catch (IOException e) {
      DocReader d = new DocReader(file.toString());
      d.problem(Json.Loc.NONE, "$", "cannot read the file: " + e.getMessage());
      return new ReadResult<>(null, d.problems());
    }
  }

  /** Reads the document {@code text}, naming it {@code source} in problems. */
  public ReadResult<PolicyDocument> read(String text, String source) {
    Checks.notNull(text, "text");
    return read(new StringReader(text), source);
  }

  /** Reads a document from {@code text}, naming it {@code source} in problems. */
  public ReadResult<PolicyDocument> read(Reader text, String source) {
    Checks.notNull(text, "text");
    DocReader d = new DocReader(Checks.notBlank(source, "source"));
    Json.Parsed parsed = Json.parse(text);
    d.parseProblems(parsed.problems());
    if (parsed.root() == null) {
      return new ReadResult<>(null, d.problems());
    }
    d.index(parsed.root());
    PolicyDocument doc = document(d, parsed.root());
    List<Problem> problems = d.problems();
    return problems.isEmpty() ? new ReadResult<>(doc, List.of()) : new ReadResult<>(null, problems);
  }

  private PolicyDocument document(DocReader d, Node rootNode) {
    Obj root = d.object(rootNode, "$");
    if (root == null) {
      return null;
    }
    d.only(root, "$", TOP);
    d.string(root, "$", "$schema", "", false);
    String format = d.string(root, "$", "format", null, true);
    if (format != null && !FORMAT.equals(format)) {
      d.problem("$.format", "unsupported format '" + format + "'; this reader understands '" + FORMAT + "'");
      return null;
    }
    String id = d.string(root, "$", "id", "unnamed", true);
    String dao = d.string(root, "$", "dao", "", false);
    String description = d.string(root, "$", "description", "", false);
    String fw = d.string(root, "$", "framework", "", false);
    if (!fw.isEmpty() && !framework.id().equals("permissive") && !fw.equals(framework.id())) {
      d.problem("$.framework", "the document is written for framework '" + fw + "' but is checked against '"
          + framework.id() + "'");
    }
    TreeSet<String> groups = new TreeSet<>(d.strings(root, "$", "workingGroups"));

    Policy.Builder b = Policy.builder(id).dao(dao);
    Map<String, Node> roles = d.members(root, "$", "roles", true);
    if (roles.isEmpty() && root.members().containsKey("roles")) {
      d.problem("$.roles", "declare at least one role");
    }
    for (Map.Entry<String, Node> e : roles.entrySet()) {
      RoleSpec r = role(d, e.getKey(), e.getValue());
      if (r != null) {
        b.role(r);
      }
    }
    Map<String, Node> categories = d.members(root, "$", "categories", true);
    if (categories.isEmpty() && root.members().containsKey("categories")) {
      d.problem("$.categories", "declare at least one category");
    }
    for (Map.Entry<String, Node> e : categories.entrySet()) {
      CategorySpec c = category(d, e.getKey(), e.getValue(), roles.keySet());
      if (c != null) {
        b.category(c);
      }
    }
    for (Map.Entry<String, Node> e : d.members(root, "$", "modifiers", false).entrySet()) {
      AttributeModifier m = modifier(d, e.getKey(), e.getValue(), categories.keySet());
      if (m != null) {
        b.modifier(m);
      }
    }
    for (Map.Entry<String, Node> e : d.members(root, "$", "adjustments", false).entrySet()) {
      CreditAdjustment a = adjustment(d, e.getKey(), e.getValue(), categories.keySet(), roles.keySet(), groups);
      if (a != null) {
        b.adjustment(a);
      }
    }
    Node capsNode = root.members().get("caps");
    if (capsNode != null) {
      Caps caps = caps(d, capsNode, categories.keySet());
      if (caps != null) {
        b.caps(caps);
      }
    }
    Boolean rq = d.bool(root, "$", "reviewQualityWeighting", false);
    b.reviewQualityWeighting(rq != null && rq);
    for (Map.Entry<String, Node> e : d.members(root, "$", "guardrails", false).entrySet()) {
      Guardrail g = guardrail(d, e.getKey(), e.getValue());
      if (g != null) {
        b.guardrail(g);
      }
    }
    Node karmaNode = root.members().get("karma");
    if (karmaNode != null) {
      KarmaPolicy k = karma(d, karmaNode);
      if (k != null) {
        b.karma(k);
      }
    }
    Long budget = d.integer(root, "$", "budget", null, true);
    if (budget != null) {
      if (budget < 0) {
        d.problem("$.budget", "budget " + budget + " must be >= 0 base units");
      } else {
        b.budget(budget);
      }
    }
    Node alloc = root.members().get("allocation");
    if (alloc != null) {
      List<AllocationShare> shares = allocation(d, alloc);
      if (shares != null) {
        b.allocation(shares.toArray(new AllocationShare[0]));
      }
    }
    Double discount = d.number(root, "$", "creditDiscount", null, false);
    if (discount != null) {
      if (discount >= 0 && discount < 1) {
        b.creditDiscount(discount);
      } else {
        d.problem("$.creditDiscount", "creditDiscount " + discount + " must be in [0, 1)");
      }
    }
    for (Map.Entry<String, Node> e : d.members(root, "$", "privileges", false).entrySet()) {
      PrivilegeRule r = privilege(d, e.getKey(), e.getValue(), categories.keySet(), registry);
      if (r != null) {
        b.privilege(r);
      }
    }
    for (Map.Entry<String, Node> e : d.members(root, "$", "goals", false).entrySet()) {
      Goal g = goal(d, e.getKey(), e.getValue(), categories.keySet(), groups);
      if (g != null) {
        b.goal(g);
      }
    }
    Node limitsNode = root.members().get("exceptionLimits");
    if (limitsNode != null) {
      ExceptionLimits l = exceptionLimits(d, limitsNode);
      if (l != null) {
        b.exceptionLimits(l);
      }
    }
    List<String> earlier = new ArrayList<>();
    d.problems().forEach(pr -> earlier.add(pr.path()));
    Policy policy;
    try {
      policy = b.build();
    } catch (IllegalArgumentException e) {
      if (earlier.isEmpty()) {
        d.problem("$", e.getMessage());
      }
      return null;
    }
    Map<String, Node> creditRules = d.members(root, "$", "creditRules", false);
    if (!creditRules.isEmpty()) {
      Policy.Builder withRules = policy.toBuilder();
      for (Map.Entry<String, Node> e : creditRules.entrySet()) {
        for (CreditAdjustment a : creditRule(d, e.getKey(), e.getValue(), policy)) {
          withRules.adjustment(a);
        }
      }
      try {
        policy = withRules.build();
      } catch (IllegalArgumentException e) {
        d.problem("$.creditRules", e.getMessage());
        return null;
      }
      earlier.clear();
      d.problems().forEach(pr -> earlier.add(pr.path()));
    }
    // Framework bounds are checked even when other parts have problems, so that one pass reports all;
    // a violation on a part that already has a problem (and so is missing from the policy) is left out.
    for (Violation v : framework.check(policy)) {
      boolean related = earlier.stream().anyMatch(e -> e.startsWith(v.path()) || v.path().startsWith(e));
      if (!related) {
        String message = v.message();
        if (v.path().equals("$.caps.perCycle.hard") && Double.isInfinite(policy.caps().perCycle().hard())) {
          message = "no per-cycle hard cap is set but the framework allows at most " + framework.maxCycleCap()
              + " credit per contributor per cycle";
        }
        d.problem(v.path(), message);
      }
    }
    return d.problems().isEmpty() ? new PolicyDocument(policy, description, fw, groups) : null;
  }

  private static final java.util.Map<String, Privilege> KNOWN_PRIVILEGES = java.util.Map.of(
      Privileges.PRIORITY_SCHEDULING.id(), Privileges.PRIORITY_SCHEDULING,
      Privileges.ADVANCED_TEMPLATES.id(), Privileges.ADVANCED_TEMPLATES,
      Privileges.LEAD_SPECIAL_THEMES.id(), Privileges.LEAD_SPECIAL_THEMES,
      Privileges.EARLY_ACCESS.id(), Privileges.EARLY_ACCESS);

  private static PrivilegeRule privilege(DocReader d, String id, Node n, Set<String> categories,
      ComponentRegistry registry) {
    String p = "$.privileges." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, PRIVILEGE);
    if (o.members().containsKey("plugin")) {
      return pluginPrivilege(d, id, o, p, registry);
    }
    if (o.members().containsKey("params")) {
      d.problem(p + ".params", "params go with plugin");
      return null;
    }
    String pid = d.string(o, p, "privilege", null, true);
    String kind = d.choice(o, p, "kind", "privilege", KINDS);
    Privilege known = pid == null ? null : KNOWN_PRIVILEGES.get(pid);
    String description = d.string(o, p, "description", known == null ? null : known.description(), known == null);
    Node all = o.members().get("allOf");
    boolean single = o.members().containsKey("metric") || o.members().containsKey("threshold")
        || o.members().containsKey("category");
    if ((all == null) == !single) {
      d.problem(o.loc(), p, "give either metric and threshold (one condition) or allOf (several)");
      return null;
    }
    if (pid == null || description == null) {
      return null;
    }
    Privilege privilege;
    try {
      privilege = new Privilege(pid, Privilege.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), description);
    } catch (IllegalArgumentException e) {
      d.problem(p + ".privilege", e.getMessage());
      return null;
    }
    if (all == null) {
      return condition(d, o, p, id, privilege, categories);
    }
    if (!(all instanceof Arr) || ((Arr) all).items().isEmpty()) {
      d.wrongType(all, p + ".allOf", "a non-empty array of conditions");
      return null;
    }
    List<PrivilegeRule> parts = new ArrayList<>();
    List<Node> items = ((Arr) all).items();
    for (int i = 0; i < items.size(); i++) {
      String ip = p + ".allOf[" + i + "]";
      Obj c = d.object(items.get(i), ip);
      if (c == null) {
        continue;
      }
      d.only(c, ip, CONDITION);
      PrivilegeRule r = condition(d, c, ip, id + "/" + (i + 1), privilege, categories);
      if (r != null) {
        parts.add(r);
      }
    }
    return parts.size() == items.size() ? Privileges.allOf(id, privilege, parts.toArray(new PrivilegeRule[0])) : null;
  }

  private static PrivilegeRule pluginPrivilege(DocReader d, String id, Obj o, String p,
      ComponentRegistry registry) {
    for (String k : List.of("privilege", "kind", "description", "metric", "category", "threshold", "allOf")) {
      if (o.members().containsKey(k)) {
        d.problem(p + "." + k, "a plug-in rule takes only plugin and params; '" + k + "' belongs in params");
        return null;
      }
    }
    String plugin = d.string(o, p, "plugin", null, true);
    if (plugin == null) {
      return null;
    }
    PrivilegeRuleFactory f = registry.privilegeRule(plugin).orElse(null);
    if (f == null) {
      d.problem(p + ".plugin", "unknown privilege rule plug-in '" + plugin + "'; known: "
          + (registry.privilegeRuleIds().isEmpty() ? "(none registered)" : String.join(", ", registry.privilegeRuleIds())));
      return null;
    }
    Node paramsNode = o.members().get("params");
    Obj paramsObj = paramsNode == null ? null : d.object(paramsNode, p + ".params");
    if (paramsNode != null && paramsObj == null) {
      return null;
    }
    Parameters params = paramsObj == null ? Parameters.empty() : parameters(d, paramsObj, p + ".params");
    if (params == null) {
      return null;
    }
    try {
      PrivilegeRule r = f.create(id, params);
      return paramsObj == null || unread(d, paramsObj, p + ".params", params) ? r : null;
    } catch (IllegalArgumentException e) {
      d.problem(p, e.getMessage());
      return null;
    }
  }

  private static ThresholdRule condition(DocReader d, Obj o, String p, String id, Privilege privilege,
      Set<String> categories) {
    String metric = d.choice(o, p, "metric", null, METRICS);
    if (metric == null && !o.members().containsKey("metric")) {
      d.problem(o.loc(), p + ".metric", "missing required field 'metric'");
    }
    String category = d.string(o, p, "category", null, false);
    Double threshold = d.number(o, p, "threshold", null, true);
    if (metric == null || threshold == null) {
      return null;
    }
    boolean activity = metric.equals("activity") || metric.equals("cycle_activity");
    if (activity && category == null) {
      d.problem(o.loc(), p + ".category", "metric " + metric + " needs a category");
      return null;
    }
    if (!activity && category != null) {
      d.problem(p + ".category", "metric " + metric + " takes no category");
      return null;
    }
    if (category != null && !categories.contains(category)) {
      d.problem(p + ".category", "category '" + category + "' is not declared in $.categories");
      return null;
    }
    if (threshold < 0) {
      d.problem(p + ".threshold", "threshold " + threshold + " must be >= 0");
      return null;
    }
    return new ThresholdRule(id, privilege, Metric.valueOf(metric.toUpperCase(Locale.ROOT)), category, threshold);
  }

  private static Goal goal(DocReader d, String id, Node n, Set<String> categories, Set<String> groups) {
    String p = "$.goals." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, GOAL);
    d.string(o, p, "description", "", false);
    String category = d.string(o, p, "category", null, true);
    String measure = d.choice(o, p, "measure", "records", MEASURES);
    String attribute = d.string(o, p, "attribute", null, false);
    Double target = d.number(o, p, "target", null, true);
    TreeMap<String, Double> byGroup = new TreeMap<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : d.members(o, p, "workingGroups", false).entrySet()) {
      String gp = p + ".workingGroups." + e.getKey();
      Double v = d.number(e.getValue(), gp, null);
      if (v == null) {
        ok = false;
      } else if (!(v > 0)) {
        d.problem(gp, "target " + v + " must be > 0");
        ok = false;
      } else if (!groups.isEmpty() && !groups.contains(e.getKey())) {
        d.problem(gp, "working group '" + e.getKey() + "' is not declared in $.workingGroups");
        ok = false;
      } else {
        byGroup.put(e.getKey(), v);
      }
    }
    Long from = d.integer(o, p, "fromCycle", 0L, false);
    Long to = d.integer(o, p, "toCycle", Long.MAX_VALUE, false);
    if (category != null && !categories.contains(category)) {
      d.problem(p + ".category", "category '" + category + "' is not declared in $.categories");
      ok = false;
    }
    if ("attribute".equals(measure) != (attribute != null)) {
      d.problem(p + ".attribute", "attribute is required with measure attribute and not allowed otherwise");
      ok = false;
    }
    if (!ok || category == null || measure == null || target == null || from == null || to == null) {
      return null;
    }
    try {
      return new Goal(id, category, Goal.Measure.valueOf(measure.toUpperCase(Locale.ROOT)), attribute, target,
          byGroup, from, to);
    } catch (IllegalArgumentException e) {
      d.problem(p, e.getMessage());
      return null;
    }
  }

  private static ExceptionLimits exceptionLimits(DocReader d, Node n) {
    String p = "$.exceptionLimits";
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, EXCEPTION_LIMITS);
    Double credit = d.number(o, p, "maxCreditPerContributor", 0.0, false);
    Long count = d.integer(o, p, "maxAdjustments", 0L, false);
    if (credit == null || count == null) {
      return null;
    }
    if (credit < 0) {
      d.problem(p + ".maxCreditPerContributor", "must be >= 0 but is " + credit);
      return null;
    }
    if (count < 0 || count > Integer.MAX_VALUE) {
      d.problem(p + ".maxAdjustments", "must be in [0, " + Integer.MAX_VALUE + "] but is " + count);
      return null;
    }
    return new ExceptionLimits(credit, count.intValue());
  }

  private List<CreditAdjustment> creditRule(DocReader d, String id, Node n, Policy policy) {
    String p = "$.creditRules." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return List.of();
    }
    CreditRuleFactory f = registry.creditRule(id).orElse(null);
    if (f == null) {
      d.problem(p, "unknown credit rule plug-in '" + id + "'; known: "
          + (registry.creditRuleIds().isEmpty() ? "(none registered)" : String.join(", ", registry.creditRuleIds())));
      return List.of();
    }
    Parameters params = parameters(d, o, p);
    if (params == null) {
      return List.of();
    }
    try {
      List<CreditAdjustment> out = List.copyOf(f.create(policy, params));
      return unread(d, o, p, params) ? out : List.of();
    } catch (IllegalArgumentException e) {
      d.problem(p, e.getMessage());
      return List.of();
    }
  }

  private static RoleSpec role(DocReader d, String id, Node n) {
    String p = "$.roles." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, ROLE);
    d.string(o, p, "description", "", false);
    Double w = d.number(o, p, "weight", null, true);
    Boolean ext = d.bool(o, p, "external", false);
    if (w == null || ext == null) {
      return null;
    }
    if (w < 0) {
      d.problem(p + ".weight", "role weight " + w + " must be >= 0");
      return null;
    }
    return new RoleSpec(id, w, ext);
  }

  private static CategorySpec category(DocReader d, String id, Node n, Set<String> roles) {
    String p = "$.categories." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, CATEGORY);
    d.string(o, p, "description", "", false);
    Double base = d.number(o, p, "baseCredit", null, true);
    String unit = d.choice(o, p, "unit", "per_record", UNITS);
    List<String> eligible = d.strings(o, p, "eligibleRoles");
    for (int i = 0; i < eligible.size(); i++) {
      if (!roles.contains(eligible.get(i))) {
        d.problem(p + ".eligibleRoles[" + i + "]", "role '" + eligible.get(i) + "' is not declared in $.roles");
      }
    }
    Boolean evidence = d.bool(o, p, "evidenceRequired", false);
    Long approvals = d.integer(o, p, "minApprovals", 0L, false);
    Boolean community = d.bool(o, p, "communityContribution", false);
    if (base == null || evidence == null || approvals == null || community == null) {
      return null;
    }
    if (base < 0) {
      d.problem(p + ".baseCredit", "base credit " + base + " must be >= 0");
      return null;
    }
    if (approvals < 0 || approvals > 100) {
      d.problem(p + ".minApprovals", "minApprovals " + approvals + " must be in [0, 100]");
      return null;
    }
    return new CategorySpec(id, base, Unit.valueOf(unit.toUpperCase(Locale.ROOT)), new TreeSet<>(eligible),
        evidence, approvals.intValue(), community);
  }

  private static AttributeModifier modifier(DocReader d, String id, Node n, Set<String> categories) {
    String p = "$.modifiers." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, MODIFIER);
    d.string(o, p, "description", "", false);
    String attribute = d.string(o, p, "attribute", null, true);
    List<String> cats = d.strings(o, p, "categories");
    for (int i = 0; i < cats.size(); i++) {
      if (!categories.contains(cats.get(i))) {
        d.problem(p + ".categories[" + i + "]", "category '" + cats.get(i) + "' is not declared in $.categories");
      }
    }
    Curve curve = curve(d, o, p);
    Double dflt = d.number(o, p, "default", null, false);
    if (attribute == null || curve == null) {
      return null;
    }
    double def = dflt != null ? dflt : curve.points().get(0)[0];
    return new AttributeModifier(id, attribute, new TreeSet<>(cats), curve, def);
  }

  private static Curve curve(DocReader d, Obj o, String p) {
    Node n = d.member(o, p, "curve", true);
    if (n == null) {
      return null;
    }
    String cp = p + ".curve";
    if (!(n instanceof Arr) || ((Arr) n).items().isEmpty()) {
      d.wrongType(n, cp, "a non-empty array of [x, y] points");
      return null;
    }
    List<Node> items = ((Arr) n).items();
    double[] pts = new double[items.size() * 2];
    boolean ok = true;
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      String ip = cp + "[" + i + "]";
      if (!(item instanceof Arr) || ((Arr) item).items().size() != 2) {
        d.wrongType(item, ip, "an [x, y] pair of numbers");
        ok = false;
        continue;
      }
      Double x = d.number(((Arr) item).items().get(0), ip + "[0]", null);
      Double y = d.number(((Arr) item).items().get(1), ip + "[1]", null);
      if (x == null || y == null) {
        ok = false;
        continue;
      }
      if (y < 0) {
        d.problem(ip + "[1]", "factor " + y + " must be >= 0");
        ok = false;
      }
      if (i > 0 && ok && !(x > pts[2 * i - 2])) {
        d.problem(ip + "[0]", "x " + x + " must be greater than the previous point's x " + pts[2 * i - 2]);
        ok = false;
      }
      pts[2 * i] = x;
      pts[2 * i + 1] = y;
    }
    if (!ok) {
      return null;
    }
    try {
      return Curve.of(pts);
    } catch (IllegalArgumentException e) {
      d.problem(cp, e.getMessage());
      return null;
    }
  }

  private static CreditAdjustment adjustment(DocReader d, String id, Node n, Set<String> categories,
      Set<String> roles, Set<String> groups) {
    String p = "$.adjustments." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, ADJUSTMENT);
    String category = d.string(o, p, "category", null, false);
    String role = d.string(o, p, "role", null, false);
    String group = d.string(o, p, "workingGroup", null, false);
    String attribute = d.string(o, p, "attribute", null, false);
    Double min = d.number(o, p, "min", Double.NEGATIVE_INFINITY, false);
    Double max = d.number(o, p, "max", Double.POSITIVE_INFINITY, false);
    Double factor = d.number(o, p, "factor", null, true);
    String reason = d.string(o, p, "reason", null, true);
    boolean ok = true;
    if (category != null && !categories.contains(category)) {
      d.problem(p + ".category", "category '" + category + "' is not declared in $.categories");
      ok = false;
    }
    if (role != null && !roles.contains(role)) {
      d.problem(p + ".role", "role '" + role + "' is not declared in $.roles");
      ok = false;
    }
    if (group != null && !groups.isEmpty() && !groups.contains(group)) {
      d.problem(p + ".workingGroup", "working group '" + group + "' is not declared in $.workingGroups");
      ok = false;
    }
    if (attribute == null && (o.members().containsKey("min") || o.members().containsKey("max"))) {
      d.problem(p, "min and max need an attribute to test");
      ok = false;
    }
    if (attribute != null && min != null && max != null && !(min < max)) {
      d.problem(p + ".max", "max " + max + " must be greater than min " + min);
      ok = false;
    }
    if (factor != null && factor < 0) {
      d.problem(p + ".factor", "factor " + factor + " must be >= 0");
      ok = false;
    }
    if (!ok || factor == null || reason == null || min == null || max == null) {
      return null;
    }
    return new CreditAdjustment(id, category, role, group, attribute, min, max, factor, reason);
  }

  private static Caps caps(DocReader d, Node n, Set<String> categories) {
    String p = "$.caps";
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, CAPS);
    CapSpec perDay = cap(d, o.members().get("perDay"), p + ".perDay");
    CapSpec perCategory = cap(d, o.members().get("perCategory"), p + ".perCategory");
    CapSpec perCycle = cap(d, o.members().get("perCycle"), p + ".perCycle");
    TreeMap<String, CapSpec> overrides = new TreeMap<>();
    boolean ok = perDay != null && perCategory != null && perCycle != null;
    for (Map.Entry<String, Node> e : d.members(o, p, "categories", false).entrySet()) {
      String cp = p + ".categories." + e.getKey();
      if (!categories.contains(e.getKey())) {
        d.problem(cp, "category '" + e.getKey() + "' is not declared in $.categories");
        ok = false;
        continue;
      }
      CapSpec c = cap(d, e.getValue(), cp);
      if (c == null) {
        ok = false;
      } else {
        overrides.put(e.getKey(), c);
      }
    }
    return ok ? new Caps(perDay, perCategory, overrides, perCycle) : null;
  }

  private static CapSpec cap(DocReader d, Node n, String p) {
    if (n == null) {
      return CapSpec.NONE;
    }
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, CAP);
    Double hard = d.number(o, p, "hard", Double.POSITIVE_INFINITY, false);
    Double soft = d.number(o, p, "soft", hard, false);
    String curve = d.choice(o, p, "curve", "flat", CURVES);
    if (hard == null || soft == null) {
      return null;
    }
    if (!(soft > 0)) {
      d.problem(p + ".soft", "soft cap " + soft + " must be > 0");
      return null;
    }
    if (!(hard >= soft)) {
      d.problem(p + ".hard", "hard cap " + hard + " must be >= the soft cap " + soft);
      return null;
    }
    return new CapSpec(soft, hard, Diminishing.valueOf(curve.toUpperCase(Locale.ROOT)));
  }

  private static KarmaPolicy karma(DocReader d, Node n) {
    String p = "$.karma";
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, KARMA);
    KarmaPolicy k = KarmaPolicy.DEFAULT;
    Double half = d.number(o, p, "halfLifeCycles", k.halfLifeCycles(), false);
    Double gain = d.number(o, p, "gainPerCredit", k.gainPerCredit(), false);
    Double penalty = d.number(o, p, "penaltyPerFlag", k.penaltyPerFlag(), false);
    Double floor = d.number(o, p, "floor", k.floor(), false);
    Double ceiling = d.number(o, p, "ceiling", k.ceiling(), false);
    Double influence = d.number(o, p, "influence", k.influence(), false);
    if (half == null || gain == null || penalty == null || floor == null || ceiling == null || influence == null) {
      return null;
    }
    boolean ok = true;
    ok &= positive(d, p + ".halfLifeCycles", half);
    ok &= nonNegative(d, p + ".gainPerCredit", gain);
    ok &= nonNegative(d, p + ".penaltyPerFlag", penalty);
    ok &= positive(d, p + ".ceiling", ceiling);
    ok &= nonNegative(d, p + ".influence", influence);
    if (ok && !(ceiling > floor)) {
      d.problem(p + ".ceiling", "ceiling " + ceiling + " must be greater than floor " + floor);
      ok = false;
    }
    return ok ? new KarmaPolicy(half, gain, penalty, floor, ceiling, influence) : null;
  }

  private static boolean positive(DocReader d, String path, double v) {
    if (v > 0) {
      return true;
    }
    d.problem(path, "must be > 0 but is " + v);
    return false;
  }

  private static boolean nonNegative(DocReader d, String path, double v) {
    if (v >= 0) {
      return true;
    }
    d.problem(path, "must be >= 0 but is " + v);
    return false;
  }

  private Guardrail guardrail(DocReader d, String id, Node n) {
    String p = "$.guardrails." + id;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    GuardrailFactory f = registry.guardrail(id).orElse(null);
    if (f == null) {
      d.problem(p, "unknown guardrail '" + id + "'; known: "
          + (registry.guardrailIds().isEmpty() ? "(none registered)" : String.join(", ", registry.guardrailIds())));
      return null;
    }
    Parameters params = parameters(d, o, p);
    if (params == null) {
      return null;
    }
    try {
      Guardrail g = f.create(params);
      if (!unread(d, o, p, params)) {
        return null;
      }
      if (!id.equals(g.id())) {
        d.problem(p, "the factory for '" + id + "' made a guardrail with id '" + g.id() + "'");
        return null;
      }
      return g;
    } catch (IllegalArgumentException e) {
      d.problem(p, e.getMessage());
      return null;
    }
  }

  private List<AllocationShare> allocation(DocReader d, Node n) {
    String p = "$.allocation";
    if (!(n instanceof Arr) || ((Arr) n).items().isEmpty()) {
      d.wrongType(n, p, "a non-empty array of allocation shares");
      return null;
    }
    List<AllocationShare> out = new ArrayList<>();
    boolean ok = true;
    List<Node> items = ((Arr) n).items();
    for (int i = 0; i < items.size(); i++) {
      String ip = p + "[" + i + "]";
      Obj o = d.object(items.get(i), ip);
      if (o == null) {
        ok = false;
        continue;
      }
      d.only(o, ip, ALLOCATION);
      String name = d.string(o, ip, "policy", null, true);
      Long weight = d.integer(o, ip, "weight", 1L, false);
      Node paramsNode = o.members().get("params");
      Obj paramsObj = paramsNode == null ? null : d.object(paramsNode, ip + ".params");
      if (name == null || weight == null || (paramsNode != null && paramsObj == null)) {
        ok = false;
        continue;
      }
      if (weight <= 0) {
        d.problem(ip + ".weight", "weight " + weight + " must be > 0");
        ok = false;
        continue;
      }
      AllocationFactory f = registry.allocation(name).orElse(null);
      if (f == null) {
        d.problem(ip + ".policy", "unknown allocation policy '" + name + "'; known: "
            + String.join(", ", registry.allocationNames()));
        ok = false;
        continue;
      }
      Parameters params = paramsObj == null ? Parameters.empty() : parameters(d, paramsObj, ip + ".params");
      if (params == null) {
        ok = false;
        continue;
      }
      try {
        AllocationPolicy a = f.create(params);
        if (paramsObj != null && !unread(d, paramsObj, ip + ".params", params)) {
          ok = false;
          continue;
        }
        out.add(new AllocationShare(a, weight));
      } catch (IllegalArgumentException e) {
        d.problem(ip, e.getMessage());
        ok = false;
      }
    }
    return ok ? out : null;
  }

  private static Parameters parameters(DocReader d, Obj o, String p) {
    Map<String, Object> values = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, Node> e : o.members().entrySet()) {
      if (e.getKey().isBlank()) {
        d.problem(p, "parameter name '" + e.getKey() + "' is blank; name every parameter");
        ok = false;
        continue;
      }
      Object v = d.plain(e.getValue(), p + "." + e.getKey());
      if (v == null) {
        ok = false;
      } else {
        values.put(e.getKey(), v);
      }
    }
    return ok ? Parameters.of(values) : null;
  }

  private static boolean unread(DocReader d, Obj o, String p, Parameters params) {
    boolean ok = true;
    for (String name : params.unread()) {
      d.problem(o.keyLocs().getOrDefault(name, o.loc()), p + "." + name, "unknown parameter '" + name + "'");
      ok = false;
    }
    return ok;
  }
}
