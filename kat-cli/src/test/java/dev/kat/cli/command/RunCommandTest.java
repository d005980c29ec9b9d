package dev.kat.cli.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

  @Test
  void run_example_accountsForEveryRowAndWritesOutputs(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Cli c = Cli.run("run", Cli.EXAMPLE, "--out", out.toString());
    assertEquals(0, c.exit, c.toString());
    Matcher m = Pattern.compile("rows read: +(\\d+) = (\\d+) accepted \\+ (\\d+) rejected by admission \\+ (\\d+) malformed")
        .matcher(c.out);
    assertTrue(m.find(), c.out);
    long read = Long.parseLong(m.group(1));
    long accepted = Long.parseLong(m.group(2));
    long rejected = Long.parseLong(m.group(3));
    long malformed = Long.parseLong(m.group(4));
    List<String> input = Files.readAllLines(Path.of(Cli.EXAMPLE, "contributions.csv"), StandardCharsets.UTF_8);
    assertEquals(input.size() - 1, read);
    assertEquals(read, accepted + rejected + malformed);
    assertTrue(rejected >= 15 && malformed >= 5, c.out);
    List<String> rejects = Files.readAllLines(out.resolve("rejects").resolve("contributions.csv"), StandardCharsets.UTF_8);
    assertEquals(input.get(0), rejects.get(0));
    assertEquals(rejected + malformed, rejects.size() - 1);
    for (String row : rejects) {
      assertTrue(input.contains(row), "not an input row unchanged: " + row);
    }
    assertEquals(rejected + malformed + 1, Files.readAllLines(out.resolve("rejects.csv")).size());
    for (String f : List.of("result.json", "contributors.csv", "statements.csv", "summary.txt", "report.html",
        "statements/thao.pham.html")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    assertTrue(c.out.contains("KAT:        10000 of 10000 allocated"), c.out);
  }

  @Test
  void run_shuffledRows_giveIdenticalOutputs(@TempDir Path tmp) throws IOException {
    Path dao = tmp.resolve("dao");
    Files.createDirectories(dao);
    Files.copy(Path.of(Cli.EXAMPLE, "policy.json"), dao.resolve("policy.json"));
    Files.copy(Path.of(Cli.EXAMPLE, "contributions.csv"), dao.resolve("contributions.csv"));
    Files.copy(Path.of(Cli.EXAMPLE, "rules.drl"), dao.resolve("rules.drl"));
    Cli a = Cli.run("run", dao.toString(), "--no-framework", "--out", tmp.resolve("a").toString());
    List<String> lines = new ArrayList<>(Files.readAllLines(dao.resolve("contributions.csv")));
    String header = lines.remove(0);
    Collections.shuffle(lines, new Random(7));
    lines.add(0, header);
    Files.write(dao.resolve("contributions.csv"), lines);
    Cli b = Cli.run("run", dao.toString(), "--no-framework", "--out", tmp.resolve("b").toString());
    assertEquals(0, a.exit, a.toString());
    assertEquals(0, b.exit, b.toString());
    for (String f : List.of("result.json", "contributors.csv", "statements.csv", "statements/thao.pham.html")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
    }
    assertEquals(hash(a.out), hash(b.out));
  }

  @Test
  void run_streamedOrThroughTheWorkflow_givesTheSameResult(@TempDir Path tmp) throws IOException {
    Cli flow = Cli.run("run", Cli.EXAMPLE, "--out", tmp.resolve("w").toString());
    Cli stream = Cli.run("run", Cli.EXAMPLE, "--stream", "--out", tmp.resolve("s").toString());
    assertEquals(0, flow.exit, flow.toString());
    assertEquals(0, stream.exit, stream.toString());
    assertEquals(hash(flow.out), hash(stream.out));
    assertTrue(flow.out.contains("audit checklist: passes"), flow.out);
    assertTrue(Files.readString(tmp.resolve("w").resolve("report.html")).contains("The checklist passes."));
    for (String f : List.of("result.json", "contributors.csv", "statements.csv", "rejects.csv")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("w").resolve(f)), Files.readAllBytes(tmp.resolve("s").resolve(f)), f);
    }
  }

  @Test
  void run_missingDirectory_isInvalidInput() {
    Cli c = Cli.run("run", "no/such/dir");
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("'no/such/dir' is not a directory"), c.err);
  }

  @Test
  void run_badOption_isUsageError() {
    Cli c = Cli.run("run", Cli.EXAMPLE, "--colour");
    assertEquals(2, c.exit);
    assertTrue(c.err.contains("unknown option --colour"), c.err);
  }

  @Test
  void help_everySubcommand_printsUsageAndOptions() {
    for (Command cmd : Commands.standard().all()) {
      Cli c = Cli.run(cmd.name(), "--help");
      assertEquals(0, c.exit, cmd.name());
      assertTrue(c.out.startsWith("usage: kat " + cmd.name()), c.out);
      assertTrue(c.out.contains("--help"), c.out);
    }
    Cli top = Cli.run("--help");
    assertEquals(0, top.exit);
    assertTrue(top.out.contains("run "), top.out);
    assertEquals(2, Cli.run().exit);
    assertEquals(2, Cli.run("frobnicate").exit);
  }

  @Test
  void validate_example_listsEveryProblemAndFails() {
    Cli c = Cli.run("validate", Cli.EXAMPLE);
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.out.contains("contributions.csv:19:7: occurredAt: '2026-10-32T10:00:00Z' is not a time"), c.out);
    assertTrue(c.out.contains("C-7001: UNKNOWN_CATEGORY"), c.out);
  }

  private static String hash(String out) {
    Matcher m = Pattern.compile("content hash: ([0-9a-f]{64})").matcher(out);
    assertTrue(m.find(), out);
    return m.group(1);
  }
}
