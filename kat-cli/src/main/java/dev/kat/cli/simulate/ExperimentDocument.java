package dev.kat.cli.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kat.core.policy.Policy;
import dev.kat.core.sim.Behaviour;
import dev.kat.core.sim.Experiment;
import dev.kat.core.sim.Parameters;
import dev.kat.core.sim.Population;
import dev.kat.core.sim.Simulation;
import dev.kat.core.sim.Strategies;
import dev.kat.core.sim.Strategy;
import dev.kat.core.sim.WorkModel;
import dev.kat.rules.policy.PolicyDocument;
import dev.kat.rules.policy.PolicyReader;
import dev.kat.rules.policy.Problem;
import dev.kat.rules.policy.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment described in a JSON document ({@code "format": "kat-experiment/1"}), read into an
 * {@link Experiment} with every grid point's simulation built up front, so that every problem in the
 * document — at any grid point — is reported at once, with its JSON path, before anything runs.
 *
 * <pre>{@code
 * {
 *   "format": "kat-experiment/1",
 *   "name": "collusion-ring-size",
 *   "masterSeed": 20261121,
 *   "runs": 100,
 *   "cycles": 12,
 *   "policy": "policy.json",                      // a policy document: a path (relative to this file) or inline
 *   "policyPatches": {                            // optional: JSON merge patches chosen by a swept value
 *     "guardrails": { "off": { "guardrails": null } }
 *   },
 *   "sweep": { "ringSize": [2, 4, 8], "guardrails": ["off", "on"] },
 *   "population": [
 *     { "strategy": "honest", "agents": 200, "intensity": 3 },
 *     { "strategy": "collusion-ring", "agents": 1, "size": "${ringSize}", "intensity": 6 }
 *   ],
 *   "behaviour": { "leaveAfterIdleCycles": 0, "recruitmentRate": 0, "maxAgents": 100000 },
 *   "work": { "evidence": true },
 *   "report": { "metrics": ["share.collusion-ring", "gini"], "x": "ringSize" }
 * }
 * }</pre>
 *
 * <p>A string {@code "${name}"} anywhere in the document (population, policy, patches) is replaced by the
 * grid point's value of the swept parameter {@code name}, as a number when the value is numeric.
 * Strategies and their {@code intensity} (records, sessions or reviews per cycle) and {@code size} (ring
 * members, sybil identities) are those of {@link Strategies}.
 */
public final class ExperimentDocument {
  /** The format tag experiment documents carry. */
  public static final String FORMAT = "kat-experiment/1";

  static final Set<String> TOP = Set.of("$schema", "format", "name", "description", "masterSeed", "runs", "cycles",
      "threads", "policy", "policyPatches", "sweep", "population", "behaviour", "work", "report");
  static final Set<String> GROUP = Set.of("strategy", "agents", "intensity", "size");
  static final Set<String> BEHAVIOUR = Set.of("leaveAfterIdleCycles", "recruitmentRate", "maxAgents");
  static final Set<String> WORK = Set.of("sessionCategory", "documentationCategory", "reviewCategory", "role",
      "evidence");
  static final Set<String> REPORT = Set.of("metrics", "x");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Experiment experiment;
  private final String description;
  private final int threads;
  private final List<String> metrics;
  private final String x;

  private ExperimentDocument(Experiment experiment, String description, int threads, List<String> metrics,
      String x) {
    this.experiment = experiment;
    this.description = description;
    this.threads = threads;
    this.metrics = List.copyOf(metrics);
    this.x = x;
  }

  /** The experiment. */
  public Experiment experiment() {
    return experiment;
  }

  /** The document's description (may be empty). */
  public String description() {
    return description;
  }

  /** The threads the document asks for, or 0 for "all cores". */
  public int threads() {
    return threads;
  }

  /** The metrics the report plots. */
  public List<String> metrics() {
    return metrics;
  }

  /** The swept parameter on the x axis of the final-value plots, or null when nothing numeric is swept. */
  public String x() {
    return x;
  }

  /** Reads the document at {@code file}; policy paths are resolved against its directory. */
  public static Result read(Path file) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new Result(null, List.of(new Problem(source, 0, 0, "$", "cannot read the file: " + e.getMessage())));
    }
    Path dir = file.toAbsolutePath().getParent();
    return read(text, source, dir);
  }

  /** Reads the document {@code text}, naming it {@code source}; policy paths are resolved against {@code dir}. */
  public static Result read(String text, String source, Path dir) {
    Reader r = new Reader(source, dir);
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
      int col = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
      return new Result(null, List.of(new Problem(source, line, col, "$", "not valid JSON: " + e.getOriginalMessage())));
    }
    ExperimentDocument doc = r.document(root);
    return r.problems.isEmpty() ? new Result(doc, List.of()) : new Result(null, List.copyOf(r.problems));
  }

  /**
   * The outcome of reading: the document, or every problem found.
   *
   * @param document the document when there is no problem, otherwise null
   * @param problems the problems, empty when the document was read
   */
  public record Result(ExperimentDocument document, List<Problem> problems) {
    /** Copies the problems. */
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /** Reads one document, collecting problems. */
  private static final class Reader {
    final String source;
    final Path dir;
    final List<Problem> problems = new ArrayList<>();

    Reader(String source, Path dir) {
      this.source = source;
      this.dir = dir;
    }

    void problem(String path, String message) {
      problems.add(new Problem(source, 0, 0, path, message));
    }

    void only(JsonNode obj, String path, Set<String> allowed) {
      for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!allowed.contains(f)) {
          problem(path + "." + f, "unknown field; allowed are " + new java.util.TreeSet<>(allowed));
        }
      }
    }

    ExperimentDocument document(JsonNode root) {
      if (!root.isObject()) {
        problem("$", "must be a JSON object");
        return null;
      }
      only(root, "$", TOP);
      if (!FORMAT.equals(root.path("format").asText(""))) {
        problem("$.format", "must be \"" + FORMAT + "\"");
      }
      String name = root.path("name").asText("");
      if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
        problem("$.name", "must be a non-empty name of letters, digits, '.', '_' or '-' (it names the output files)");
        name = "experiment";
      }
      long seed = integer(root, "$", "masterSeed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
      int runs = (int) integer(root, "$", "runs", 1, 1, 1_000_000);
      int cycles = (int) integer(root, "$", "cycles", 12, 1, 10_000);
      int threads = (int) integer(root, "$", "threads", 0, 0, 1024);

      Experiment.Builder eb = Experiment.builder(name).masterSeed(seed).runs(runs);
      List<String> numericSweeps = new ArrayList<>();
      JsonNode sweep = root.path("sweep");
      if (!sweep.isMissingNode()) {
        if (!sweep.isObject()) {
          problem("$.sweep", "must be an object of parameter names to arrays of values");
        } else {
          for (Map.Entry<String, JsonNode> e : sweep.properties()) {
            String p = "$.sweep." + e.getKey();
            JsonNode vs = e.getValue();
            if (!vs.isArray() || vs.isEmpty()) {
              problem(p, "must be a non-empty array of numbers or strings");
              continue;
            }
            List<String> values = new ArrayList<>();
            boolean numeric = true;
            for (int i = 0; i < vs.size(); i++) {
              JsonNode v = vs.get(i);
              if (v.isNumber()) {
                values.add(Parameters.format(v.asDouble()));
              } else if (v.isTextual() && !v.asText().isBlank()) {
                values.add(v.asText());
                numeric = false;
              } else {
                problem(p + "[" + i + "]", "must be a number or a non-empty string");
              }
            }
            try {
              eb.sweep(e.getKey(), values.toArray(new String[0]));
              if (numeric) {
                numericSweeps.add(e.getKey());
              }
            } catch (IllegalArgumentException ex) {
              problem(p, ex.getMessage());
            }
          }
        }
      }
      // Build every point's simulation now, so that problems at any point are reported before running.
      eb.model(pt -> null);
      Experiment shape = eb.build();
      Map<String, Simulation> sims = new LinkedHashMap<>();
      for (Parameters point : shape.points()) {
        int before = problems.size();
        JsonNode at = substitute(root, point);
        Simulation s = simulation(at, point, cycles);
        if (s != null) {
          sims.put(point.toString(), s);
        }
        if (problems.size() > before) {
          break;
        }
      }
      List<String> metrics = new ArrayList<>();
      String x = numericSweeps.isEmpty() ? null : numericSweeps.get(0);
      JsonNode report = root.path("report");
      if (report.isObject()) {
        only(report, "$.report", REPORT);
        JsonNode ms = report.path("metrics");
        if (ms.isArray()) {
          for (int i = 0; i < ms.size(); i++) {
            metrics.add(ms.get(i).asText(""));
          }
        } else if (!ms.isMissingNode()) {
          problem("$.report.metrics", "must be an array of metric names");
        }
        if (report.has("x")) {
          x = report.get("x").asText("");
          if (!numericSweeps.contains(x)) {
            problem("$.report.x", "must name a numerically swept parameter, one of " + numericSweeps);
          }
        }
      } else if (!report.isMissingNode()) {
        problem("$.report", "must be an object");
      }
      if (!problems.isEmpty()) {
        return null;
      }
      List<String> available = sims.values().iterator().next().metricNames();
      if (metrics.isEmpty()) {
        for (String m : available) {
          if (m.startsWith("share.") || m.equals("gini") || m.equals("nakamoto50") || m.equals("hhi")
              || m.equals("honest_kat_per_hour") || m.equals("flagged_honest_rate")) {
            metrics.add(m);
          }
        }
      }
      for (int i = 0; i < metrics.size(); i++) {
        if (!available.contains(metrics.get(i))) {
          problem("$.report.metrics[" + i + "]", "unknown metric '" + metrics.get(i) + "'; available are " + available);
        }
      }
      if (!problems.isEmpty()) {
        return null;
      }
      Experiment experiment = eb.model(pt -> sims.get(pt.toString())).build();
      return new ExperimentDocument(experiment, root.path("description").asText(""), threads, metrics, x);
    }

    private long integer(JsonNode obj, String path, String field, long fallback, long min, long max) {
      JsonNode v = obj.path(field);
      if (v.isMissingNode()) {
        return fallback;
      }
      if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
        problem(path + "." + field, "must be an integer in [" + min + ", " + max + "], not " + v);
        return fallback;
      }
      return v.asLong();
    }

    private double number(JsonNode obj, String path, String field, double fallback, double min) {
      JsonNode v = obj.path(field);
      if (v.isMissingNode()) {
        return fallback;
      }
      if (!v.isNumber() || !(v.asDouble() >= min) || Double.isInfinite(v.asDouble())) {
        problem(path + "." + field, "must be a number >= " + Parameters.format(min) + ", not " + v);
        return fallback;
      }
      return v.asDouble();
    }

    /** The simulation at one grid point, or null with problems recorded. */
    private Simulation simulation(JsonNode root, Parameters point, int cycles) {
      String where = point.names().isEmpty() ? "" : " (at " + point + ")";
      Policy policy = policy(root, point, where);
      WorkModel work = work(root.path("work"));
      Population population = population(root.path("population"), where);
      Behaviour behaviour = behaviour(root.path("behaviour"));
      if (policy == null || work == null || population == null || behaviour == null) {
        return null;
      }
      for (String c : List.of(work.sessionCategory(), work.documentationCategory(), work.reviewCategory())) {
        if (!policy.categories().containsKey(c)) {
          problem("$.policy", "the policy must declare category '" + c + "' that the strategies submit in" + where);
        }
      }
      if (!policy.roles().containsKey(work.role())) {
        problem("$.policy", "the policy must declare role '" + work.role() + "' that the strategies act in" + where);
      }
      return Simulation.builder(policy).population(population).cycles(cycles).behaviour(behaviour).work(work).build();
    }

    private Policy policy(JsonNode root, Parameters point, String where) {
      JsonNode p = root.path("policy");
      JsonNode doc;
      String src;
      if (p.isTextual()) {
        Path file = dir == null ? Path.of(p.asText()) : dir.resolve(p.asText());
        try {
          doc = substitute(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)), point);
        } catch (IOException e) {
          problem("$.policy", "cannot read policy document " + p.asText() + ": " + e.getMessage());
          return null;
        }
        src = p.asText();
      } else if (p.isObject()) {
        doc = p;
        src = source + "#policy";
      } else {
        problem("$.policy", "must be a policy document: a path or an inline object");
        return null;
      }
      JsonNode patches = root.path("policyPatches");
      if (patches.isObject()) {
        for (Map.Entry<String, JsonNode> e : patches.properties()) {
          if (!point.has(e.getKey())) {
            problem("$.policyPatches." + e.getKey(), "names a parameter that is not swept");
            continue;
          }
          JsonNode patch = e.getValue().path(point.text(e.getKey()));
          if (!patch.isMissingNode()) {
            doc = mergePatch(doc, patch);
          }
        }
      } else if (!patches.isMissingNode()) {
        problem("$.policyPatches", "must be an object: parameter -> value -> JSON merge patch");
      }
      ReadResult<PolicyDocument> read = PolicyReader.defaults().read(doc.toString(), src);
      if (!read.ok()) {
        for (Problem x : read.problems()) {
          problem("$.policy", x.path() + ": " + x.message() + where);
        }
        return null;
      }
      return read.value().policy();
    }

    private WorkModel work(JsonNode w) {
      WorkModel m = WorkModel.standard();
      if (w.isMissingNode()) {
        return m;
      }
      if (!w.isObject()) {
        problem("$.work", "must be an object");
        return null;
      }
      only(w, "$.work", WORK);
      return new WorkModel(w.path("sessionCategory").asText(m.sessionCategory()),
          w.path("documentationCategory").asText(m.documentationCategory()),
          w.path("reviewCategory").asText(m.reviewCategory()), w.path("role").asText(m.role()),
          w.path("evidence").asBoolean(m.evidence()));
    }

    private Behaviour behaviour(JsonNode b) {
      if (b.isMissingNode()) {
        return Behaviour.STATIC;
      }
      if (!b.isObject()) {
        problem("$.behaviour", "must be an object");
        return null;
      }
      only(b, "$.behaviour", BEHAVIOUR);
      int leave = (int) integer(b, "$.behaviour", "leaveAfterIdleCycles", 0, 0, 1_000_000);
      double rate = number(b, "$.behaviour", "recruitmentRate", 0, 0);
      int max = (int) integer(b, "$.behaviour", "maxAgents", Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
      return new Behaviour(leave, rate, max);
    }

    private Population population(JsonNode groups, String where) {
      if (!groups.isArray() || groups.isEmpty()) {
        problem("$.population", "must be a non-empty array of {strategy, agents, intensity, size}");
        return null;
      }
      Population.Builder b = Population.builder();
      boolean ok = true;
      for (int i = 0; i < groups.size(); i++) {
        JsonNode g = groups.get(i);
        String path = "$.population[" + i + "]";
        if (!g.isObject()) {
          problem(path, "must be an object");
          ok = false;
          continue;
        }
        only(g, path, GROUP);
        int agents = (int) integer(g, path, "agents", 1, 0, 10_000_000);
        try {
          b.add(strategy(g, path), agents);
        } catch (IllegalArgumentException e) {
          problem(path, e.getMessage() + where);
          ok = false;
        }
      }
      return ok ? b.build() : null;
    }

    private Strategy strategy(JsonNode g, String path) {
      String s = g.path("strategy").asText("");
      JsonNode in = g.path("intensity");
      JsonNode size = g.path("size");
      if (!in.isMissingNode() && !in.isNumber()) {
        throw new IllegalArgumentException("intensity must be a number, not " + in);
      }
      if (!size.isMissingNode() && !size.isIntegralNumber()) {
        throw new IllegalArgumentException("size must be an integer, not " + size);
      }
      switch (s) {
        case Strategies.HONEST:
          return in.isMissingNode() ? Strategies.honest() : Strategies.honest(in.asDouble());
        case Strategies.VOLUME_FARMER:
          return in.isMissingNode() ? Strategies.volumeFarmer() : Strategies.volumeFarmer(in.asInt());
        case Strategies.SESSION_SWAPPING_PAIR:
          return in.isMissingNode() ? Strategies.sessionSwappingPair() : Strategies.sessionSwappingPair(in.asInt());
        case Strategies.COLLUSION_RING:
          return Strategies.collusionRing(size.isMissingNode() ? 5 : size.asInt(), in.isMissingNode() ? 6 : in.asInt());
        case Strategies.SYBIL_SPLITTER:
          return Strategies.sybilSplitter(size.isMissingNode() ? 4 : size.asInt(),
              in.isMissingNode() ? 12 : in.asDouble());
        case Strategies.RUBBER_STAMP_REVIEWER:
          return in.isMissingNode() ? Strategies.rubberStampReviewer() : Strategies.rubberStampReviewer(in.asInt());
        case Strategies.LATE_BURST_SUBMITTER:
          return in.isMissingNode() ? Strategies.lateBurstSubmitter() : Strategies.lateBurstSubmitter(in.asInt());
        default:
          throw new IllegalArgumentException("unknown strategy '" + s + "'; known are " + List.of(Strategies.HONEST,
              Strategies.VOLUME_FARMER, Strategies.SESSION_SWAPPING_PAIR, Strategies.COLLUSION_RING,
              Strategies.SYBIL_SPLITTER, Strategies.RUBBER_STAMP_REVIEWER, Strategies.LATE_BURST_SUBMITTER));
      }
    }
  }

  /** A copy of {@code node} with every string {@code "${name}"} replaced by the point's value. */
  static JsonNode substitute(JsonNode node, Parameters point) {
    if (node.isTextual()) {
      String t = node.asText();
      if (t.startsWith("${") && t.endsWith("}")) {
        String name = t.substring(2, t.length() - 1);
        if (point.has(name)) {
          String v = point.text(name);
          try {
            double d = Double.parseDouble(v);
            return d == Math.rint(d) && Math.abs(d) < 1e15
                ? JsonNodeFactory.instance.numberNode((long) d) : JsonNodeFactory.instance.numberNode(d);
          } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(v);
          }
        }
      }
      return node;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.set(e.getKey(), substitute(e.getValue(), point));
      }
      return out;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode v : node) {
        out.add(substitute(v, point));
      }
      return out;
    }
    return node;
  }

  /** {@code target} with the JSON merge patch {@code patch} applied (RFC 7386); neither is modified. */
  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode out = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
        : JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> e : patch.properties()) {
      if (e.getValue().isNull()) {
        out.remove(e.getKey());
      } else {
        out.set(e.getKey(), mergePatch(out.get(e.getKey()), e.getValue()));
      }
    }
    return out;
  }
}
