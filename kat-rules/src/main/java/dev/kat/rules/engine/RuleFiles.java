package dev.kat.rules.engine;

import dev.kat.core.policy.Framework;
import dev.kat.rules.internal.Checks;
import dev.kat.rules.policy.Problem;
import dev.kat.rules.policy.ReadResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads rule files (DRL, see docs/rules.md). A rule file is code that runs inside the host: loading one is an
 * explicit call, logged at INFO with the file's SHA-256, and the file is refused unless it keeps to the small
 * language rule files may use. Every problem is reported with file and line, never only the first.
 */
public final class RuleFiles {
  private static final System.Logger LOG = System.getLogger("dev.kat.rules.engine");

  private RuleFiles() {}

  /**
   * Loads and compiles {@code files} as one rule set, checking every multiplying factor against
   * {@code framework}.
   */
  public static ReadResult<RuleSet> load(Framework framework, List<Path> files) {
    Checks.notNull(framework, "framework");
    Map<String, String> texts = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    for (Path f : Checks.notNull(files, "files")) {
      try {
        texts.put(f.toString(), Files.readString(f, StandardCharsets.UTF_8));
      } catch (IOException e) {
        problems.add(new Problem(f.toString(), 0, 0, "$", "cannot read the file: " + e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      return new ReadResult<>(null, problems);
    }
    return parse(framework, texts);
  }

  /** Compiles rule files given as text, by source name, as one rule set. */
  public static ReadResult<RuleSet> parse(Framework framework, Map<String, String> sources) {
    Checks.notNull(framework, "framework");
    Checks.notNull(sources, "sources");
    for (Map.Entry<String, String> e : sources.entrySet()) {
      LOG.log(System.Logger.Level.INFO, "loading rule file {0} ({1} bytes, sha-256 {2})", e.getKey(),
          e.getValue().getBytes(StandardCharsets.UTF_8).length, sha256(e.getValue()));
    }
    ReadResult<RuleSet> r = RuleSet.build(framework, new LinkedHashMap<>(sources));
    if (r.ok()) {
      LOG.log(System.Logger.Level.INFO, "loaded {0} rules from {1}", r.value().rules().size(), sources.keySet());
    } else {
      LOG.log(System.Logger.Level.WARNING, "refused rule files {0}: {1} problems", sources.keySet(),
          r.problems().size());
    }
    return r;
  }

  /** Compiles one rule file given as text. */
  public static ReadResult<RuleSet> parse(Framework framework, String source, String text) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Checks.notBlank(source, "source"), Checks.notNull(text, "text"));
    return parse(framework, m);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is required of every JVM", e);
    }
  }
}
