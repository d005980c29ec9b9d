package dev.kat.cli.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  @TempDir
  Path dir;

  private int run(List<String> args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    List<String> all = new java.util.ArrayList<>(List.of("simulate"));
    all.addAll(args);
    return Main.run(all.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void run_sameDocument_sameCsvForOneAndTwoThreads() throws Exception {
    Path exp = dir.resolve("exp.json");
    Files.writeString(exp, ExperimentDocumentTest.doc("[{\"strategy\":\"honest\",\"agents\":6},"
        + "{\"strategy\":\"session-swapping-pair\",\"agents\":1,\"intensity\":2}]"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(List.of(exp.toString(), "--out", dir.resolve("a").toString(), "--threads", "1"), out, err),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(0, run(List.of(exp.toString(), "--out", dir.resolve("b").toString(), "--threads", "2"), out, err));
    byte[] a = Files.readAllBytes(dir.resolve("a/t.csv"));
    byte[] b = Files.readAllBytes(dir.resolve("b/t.csv"));
    assertEquals(new String(a, StandardCharsets.UTF_8), new String(b, StandardCharsets.UTF_8));
    String csv = new String(a, StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("experiment,parameters,run,cycle,metric,value\nt,m=20;guards=off,0,0,records,"), csv);
    assertTrue(!Files.exists(dir.resolve("a/t.csv.partial")), "the partial CSV is moved into place");
    String html = Files.readString(dir.resolve("a/t.html"));
    assertTrue(html.contains("<svg") && html.contains("share.session-swapping-pair over cycles"));
    assertTrue(Files.readString(dir.resolve("a/t.share.honest.svg")).startsWith("<svg"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("share.honest in the last cycle"));
  }

  @Test
  void run_problemsInDocument_exit3AndNothingWritten() throws Exception {
    Path exp = dir.resolve("bad.json");
    Files.writeString(exp, ExperimentDocumentTest.doc("[{\"strategy\":\"wizard\"}]"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(3, run(List.of(exp.toString(), "--out", dir.resolve("o").toString()), out, err));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("$.population[0]: unknown strategy 'wizard'"));
    assertTrue(!Files.exists(dir.resolve("o")));
  }

  @Test
  void run_noArguments_printsUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(List.of(), out, err));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: kat simulate [options] <experiment.json>"),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void ticks_roundSteps() {
    assertEquals(List.of(0.0, 0.05, 0.1, 0.15000000000000002, 0.2, 0.25),
        java.util.Arrays.stream(SvgPlot.ticks(0, 0.23)).boxed().toList());
    assertEquals("0.15", SvgPlot.label(0.15000000000000002));
  }
}
