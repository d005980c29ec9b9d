package dev.kat.rules.policy;

import dev.kat.rules.internal.Checks;
import dev.kat.core.policy.Framework;
import dev.kat.core.policy.Range;
import dev.kat.rules.internal.Json;
import dev.kat.rules.internal.Json.Node;
import dev.kat.rules.internal.Json.Obj;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads framework documents (format {@value #FORMAT}): the cohort-wide bounds every DAO's policy must
 * respect. Reports every problem at once with line, column and JSON path, like {@link PolicyReader}.
 */
public final class FrameworkReader {
  /** The format id this reader understands, the value of the document's {@code format} field. */
  public static final String FORMAT = "kat-framework/1";

  static final Set<String> TOP = Set.of("$schema", "format", "id", "description", "baseCredit", "roleWeight",
      "modifierFactor", "adjustmentFactor", "maxCycleCap", "karmaHalfLifeCycles", "karmaInfluence",
      "requiredCategories", "requiredGuardrails");
  static final Set<String> RANGE = Set.of("min", "max");

  private FrameworkReader() {}

  /** Reads the UTF-8 file at {@code file}; the file's path names the source in problems. */
  public static ReadResult<Framework> read(Path file) {
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
  public static ReadResult<Framework> read(String text, String source) {
    Checks.notNull(text, "text");
    return read(new StringReader(text), source);
  }

  /** Reads a document from {@code text}, naming it {@code source} in problems. */
  public static ReadResult<Framework> read(Reader text, String source) {
    Checks.notNull(text, "text");
    DocReader d = new DocReader(Checks.notBlank(source, "source"));
    Json.Parsed parsed = Json.parse(text);
    d.parseProblems(parsed.problems());
    if (parsed.root() == null) {
      return new ReadResult<>(null, d.problems());
    }
    d.index(parsed.root());
    Framework f = framework(d, parsed.root());
    List<Problem> problems = d.problems();
    return problems.isEmpty() && f != null ? new ReadResult<>(f, List.of()) : new ReadResult<>(null, problems);
  }

  private static Framework framework(DocReader d, Node rootNode) {
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
    String id = d.string(root, "$", "id", null, true);
    d.string(root, "$", "description", "", false);
    Range baseCredit = range(d, root, "baseCredit");
    Range roleWeight = range(d, root, "roleWeight");
    Range modifierFactor = range(d, root, "modifierFactor");
    Range adjustmentFactor = range(d, root, "adjustmentFactor");
    Double maxCycleCap = d.number(root, "$", "maxCycleCap", Double.POSITIVE_INFINITY, false);
    if (maxCycleCap != null && !(maxCycleCap > 0)) {
      d.problem("$.maxCycleCap", "maxCycleCap " + maxCycleCap + " must be > 0");
    }
    Range half = range(d, root, "karmaHalfLifeCycles");
    Range influence = range(d, root, "karmaInfluence");
    TreeSet<String> categories = new TreeSet<>(d.strings(root, "$", "requiredCategories"));
    TreeSet<String> guardrails = new TreeSet<>(d.strings(root, "$", "requiredGuardrails"));
    if (!d.problems().isEmpty()) {
      return null;
    }
    return new Framework(id, baseCredit, roleWeight, modifierFactor, adjustmentFactor, maxCycleCap, half,
        influence, categories, guardrails);
  }

  private static Range range(DocReader d, Obj root, String key) {
    Node n = root.members().get(key);
    if (n == null) {
      return Range.ANY;
    }
    String p = "$." + key;
    Obj o = d.object(n, p);
    if (o == null) {
      return null;
    }
    d.only(o, p, RANGE);
    Double min = d.number(o, p, "min", Double.NEGATIVE_INFINITY, false);
    Double max = d.number(o, p, "max", Double.POSITIVE_INFINITY, false);
    if (min == null || max == null) {
      return null;
    }
    if (min > max) {
      d.problem(p + ".max", "max " + max + " must be >= min " + min);
      return null;
    }
    return Range.of(min, max);
  }
}
