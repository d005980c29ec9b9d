package dev.kat.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kat.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the example's report in a real browser (headless Chromium, installed by .ci/run) and checks
 * that it loads without errors, that its charts are present and that it can be printed to an image.
 * Skipped, with a message saying so, only when no Chromium is installed.
 */
class ReportBrowserTest {
  @TempDir
  static Path tmp;
  static Path out;
  static String chromium;

  @BeforeAll
  static void runExample() {
    chromium = findChromium();
    out = tmp.resolve("kat-out");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"run", Path.of("..", "examples", "exchange-dao").toString(), "--quiet",
        "--out", out.toString()}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void report_isSelfContained() throws IOException {
    String html = Files.readString(out.resolve("report.html"));
    assertFalse(html.contains("<script"), "no script");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "no external resource");
    assertFalse(html.contains("@import") || html.contains("url("), "no stylesheet loads");
    for (String chart : List.of("kat-by-contributor", "lorenz", "credit-by-category", "credit-by-working-group",
        "credit-by-role")) {
      assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
    }
  }

  @Test
  void report_loadsInChromiumWithChartsAndNoErrors() throws Exception {
    assumeTrue(chromium != null, "Chromium is not installed (Debian package 'chromium'; .ci/run installs it): "
        + "the browser test is skipped");
    Result r = chromium(out.resolve("report.html"), "--dump-dom");
    assertEquals(0, r.exit, r.log);
    Matcher svg = Pattern.compile("<svg[^>]*data-chart=\"([a-z\\-]+)\"").matcher(r.stdout);
    List<String> charts = new ArrayList<>();
    while (svg.find()) {
      charts.add(svg.group(1));
    }
    assertTrue(charts.containsAll(List.of("kat-by-contributor", "lorenz", "credit-by-category",
        "credit-by-working-group", "credit-by-role")), charts.toString());
    assertTrue(r.stdout.contains("<rect class=\"bar bar-a\""), "bars are drawn");
    assertTrue(r.stdout.contains("<polyline class=\"curve\""), "the Lorenz curve is drawn");
    assertNoPageErrors(r.log);

    Path page = out.resolve("statements").resolve("minh.tran.html");
    Result s = chromium(page, "--dump-dom");
    assertEquals(0, s.exit, s.log);
    assertTrue(s.stdout.contains("How the KAT was computed"), "statement page renders");
    assertNoPageErrors(s.log);
  }

  @Test
  void report_screenshotAtPhoneAndDesktopWidths() throws Exception {
    assumeTrue(chromium != null, "Chromium is not installed (Debian package 'chromium'; .ci/run installs it): "
        + "the browser test is skipped");
    for (String size : List.of("390,844", "1200,1600")) {
      Path png = tmp.resolve("shot-" + size.replace(',', 'x') + ".png");
      Result r = chromium(out.resolve("report.html"), "--screenshot=" + png, "--window-size=" + size);
      assertEquals(0, r.exit, r.log);
      byte[] bytes = Files.readAllBytes(png);
      assertTrue(bytes.length > 10_000, "a screenshot with content: " + bytes.length + " bytes");
      assertEquals((byte) 0x89, bytes[0]);
      assertEquals('P', bytes[1]);
    }
  }

  private static void assertNoPageErrors(String log) {
    for (String line : log.split("\n")) {
      assertFalse(line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("net::ERR")
          || line.contains("Refused to"), "page error: " + line);
    }
  }

  record Result(int exit, String stdout, String log) {}

  private static Result chromium(Path file, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
    cmd.addAll(List.of(extra));
    cmd.add(file.toUri().toString());
    Path stdout = Files.createTempFile(tmp, "out", ".txt");
    Path stderr = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + cmd);
    }
    return new Result(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private static String findChromium() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }
}
