package dev.kat.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's answers to inputs and situations a QA pass found mishandled. */
class CliDefectsTest {

  /** A DAO directory with the example's policy and {@code contributions} as its contributions.csv. */
  static Path dao(Path tmp, String contributions) throws IOException {
    Path dao = tmp.resolve("dao");
    Files.createDirectories(dao);
    Files.copy(Path.of(Cli.EXAMPLE, "policy.json"), dao.resolve("policy.json"));
    Files.writeString(dao.resolve("contributions.csv"), contributions, StandardCharsets.UTF_8);
    return dao;
  }

  @Test
  void validate_unusableHeaderWithoutCycle_namesTheFileProblem(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "mood,happy\n1,2\n");
    Cli c = Cli.run("validate", dao.toString(), "--no-framework");
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("contributions.csv:1:0: the header lacks required columns id, contributor"), c.toString());
    assertTrue(!c.err.contains("reported by kat validate"), c.toString());
  }

  @Test
  void run_emptyFileWithoutCycle_namesTheFileProblem(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "");
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--out", tmp.resolve("out").toString());
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("contributions.csv:0:0: the file is empty"), c.toString());
  }

  @Test
  void validate_duplicateColumnWithoutCycle_namesTheColumn(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "id,id\n");
    Cli c = Cli.run("validate", dao.toString(), "--no-framework");
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("contributions.csv:1:2: column 'id' appears twice"), c.toString());
  }

  @Test
  void run_twoInputsSharingAName_keepEachInputsBadRows(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "");
    Files.delete(dao.resolve("contributions.csv"));
    String header = Files.readAllLines(Path.of(Cli.EXAMPLE, "contributions.csv"), StandardCharsets.UTF_8).get(0);
    String good = Files.readAllLines(Path.of(Cli.EXAMPLE, "contributions.csv"), StandardCharsets.UTF_8).get(1);
    Path x = tmp.resolve("x").resolve("contributions.csv");
    Path y = tmp.resolve("y").resolve("contributions.csv");
    Files.createDirectories(x.getParent());
    Files.createDirectories(y.getParent());
    Files.writeString(x, header + "\n" + good + "\nbad-in-x\n", StandardCharsets.UTF_8);
    Files.writeString(y, header + "\nbad-in-y\n", StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--contributions", x.toString(), "--contributions",
        y.toString(), "--out", out.toString());
    assertEquals(0, c.exit, c.toString());
    assertEquals(header + "\nbad-in-x\n", Files.readString(out.resolve("rejects/1-contributions.csv")));
    assertEquals(header + "\nbad-in-y\n", Files.readString(out.resolve("rejects/2-contributions.csv")));
    assertTrue(c.out.contains("rejects/1-contributions.csv, rejects/2-contributions.csv"), c.out);
  }

  @Test
  void validate_declaredFrameworkNotFound_isAnErrorNamingIt(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, Files.readString(Path.of(Cli.EXAMPLE, "contributions.csv")));
    Cli c = Cli.run("validate", dao.toString());
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("declares the framework 'kat-cohort-2/1.0' but no framework document was found"),
        c.toString());
    assertTrue(!c.out.contains(": ok"), c.toString());
    Cli run = Cli.run("run", dao.toString(), "--out", tmp.resolve("out").toString());
    assertEquals(3, run.exit, run.toString());
    Cli waived = Cli.run("run", dao.toString(), "--no-framework", "--out", tmp.resolve("out").toString());
    assertEquals(0, waived.exit, waived.toString());
  }

  @Test
  void finalize_disputeKeptInReviewFile_holdsUntilReleased(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, Files.readString(Path.of(Cli.EXAMPLE, "contributions.csv")));
    String out = tmp.resolve("out").toString();
    Cli held = Cli.run("finalize", dao.toString(), "--no-framework", "--cycle", "2026-10", "--out", out,
        "--dispute", "H-1043,carol,the session did not take place");
    assertEquals(4, held.exit, held.toString());
    assertEquals("cycle,action,subject,by,amount,reason\n2026-10,dispute,H-1043,carol,,the session did not take place\n",
        Files.readString(dao.resolve("review.csv")));
    Cli still = Cli.run("finalize", dao.toString(), "--no-framework", "--cycle", "2026-10", "--out", out);
    assertEquals(4, still.exit, still.toString());
    assertTrue(still.err.contains("record H-1043 is disputed by carol"), still.toString());
    Cli selfApproved = Cli.run("finalize", dao.toString(), "--no-framework", "--cycle", "2026-10", "--out", out,
        "--release", "H-1043,jordan.lee,it did");
    assertEquals(3, selfApproved.exit, selfApproved.toString());
    assertTrue(selfApproved.err.contains("--release H-1043,jordan.lee,it did: approver (jordan.lee) must not be"),
        selfApproved.toString());
    Cli released = Cli.run("finalize", dao.toString(), "--no-framework", "--cycle", "2026-10", "--out", out,
        "--release", "H-1043,dana,two participants confirmed it");
    assertEquals(0, released.exit, released.toString());
    assertTrue(Files.readString(dao.resolve("review.csv"))
        .endsWith("2026-10,release,H-1043,dana,,two participants confirmed it\n"));
  }

  @Test
  void preview_grantBeyondThePolicysLimit_isInvalidInputNamingTheLimit(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, Files.readString(Path.of(Cli.EXAMPLE, "contributions.csv")));
    Cli c = Cli.run("preview", dao.toString(), "--no-framework", "--out", tmp.resolve("out").toString(),
        "--grant", "thao.pham,1000000,dana,unrecorded work");
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("exceptions.maxCreditPerContributor"), c.toString());
    assertTrue(!Files.exists(dao.resolve("review.csv")), "a refused exception is not recorded");
    Cli bad = Cli.run("preview", dao.toString(), "--no-framework", "--grant", "thao.pham,lots,dana,why");
    assertEquals(2, bad.exit, bad.toString());
  }

  @Test
  void run_quiet_printsOnlyTheProblems(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "");
    String header = Files.readAllLines(Path.of(Cli.EXAMPLE, "contributions.csv"), StandardCharsets.UTF_8).get(0);
    String good = Files.readAllLines(Path.of(Cli.EXAMPLE, "contributions.csv"), StandardCharsets.UTF_8).get(2);
    Files.writeString(dao.resolve("contributions.csv"), header + "\n" + good + "\nbad\n", StandardCharsets.UTF_8);
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--quiet", "--strict", "--out", tmp.resolve("o").toString());
    assertEquals(3, c.exit, c.toString());
    assertEquals(1, c.out.lines().count(), c.toString());
    assertTrue(c.out.contains("contributions.csv:3:0: the row has 1 field but the header has 18"), c.toString());
  }

  @Test
  void run_outIsAFile_saysWhyItCannotWrite(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("afile"), "x");
    Cli c = Cli.run("run", Cli.EXAMPLE, "--out", file.toString());
    assertEquals(6, c.exit, c.toString());
    assertTrue(c.err.contains("kat run: cannot use " + file + ": already exists and is not a directory"), c.toString());
  }

  @Test
  void run_intoAUsedDirectory_leavesNoStaleOutputs(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("statements"));
    Files.createDirectories(out.resolve("rejects"));
    Files.writeString(out.resolve("statements/someone.else.html"), "old");
    Files.writeString(out.resolve("rejects/old-contributions.csv"), "old");
    Files.writeString(out.resolve("notes.txt"), "mine");
    Cli c = Cli.run("run", Cli.EXAMPLE, "--out", out.toString());
    assertEquals(0, c.exit, c.toString());
    assertTrue(!Files.exists(out.resolve("statements/someone.else.html")));
    assertTrue(!Files.exists(out.resolve("rejects/old-contributions.csv")));
    assertTrue(Files.exists(out.resolve("statements/thao.pham.html")));
    assertEquals("mine", Files.readString(out.resolve("notes.txt")));
  }

  @Test
  void previewAndReport_markPreviewAndFinalizedOutputs(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, Files.readString(Path.of(Cli.EXAMPLE, "contributions.csv")));
    Path pre = tmp.resolve("pre");
    Cli p = Cli.run("preview", dao.toString(), "--no-framework", "--out", pre.toString());
    assertEquals(0, p.exit, p.toString());
    assertTrue(Files.readString(pre.resolve("result.json")).contains("\"status\" : \"preview\""));
    assertTrue(Files.readString(pre.resolve("statements/thao.pham.html")).contains("preview — not finalized"));
    Cli f = Cli.run("finalize", dao.toString(), "--no-framework", "--out", tmp.resolve("fin").toString());
    assertEquals(0, f.exit, f.toString());
    assertTrue(Files.readString(tmp.resolve("fin/result.json")).contains("\"status\" : \"finalized\""));
    Path rep = tmp.resolve("rep");
    Cli r = Cli.run("report", dao.toString(), "--no-framework", "--out", rep.toString());
    assertEquals(0, r.exit, r.toString());
    assertTrue(r.out.contains("finalized cycle 2026-10 (ledger entry 0 of ledger.kat, entry hash "), r.out);
    String html = Files.readString(rep.resolve("report.html"));
    assertTrue(html.contains("The cycle is finalized</b> (ledger entry 0 of ledger.kat, entry hash "), "report.html");
    assertTrue(!html.contains("No audit checklist was run"), "report.html");
    assertTrue(Files.readString(rep.resolve("statements/thao.pham.html")).contains("Finalized: ledger entry 0"));
  }

  @Test
  void report_countsRecordsInTheSummarysTerms(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Cli c = Cli.run("run", Cli.EXAMPLE, "--out", out.toString());
    assertEquals(0, c.exit, c.toString());
    assertTrue(c.out.contains("= 249 accepted"), c.out);
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("248 of the 249 accepted records earn credit here; 1 earns none"), "report.html");
    assertTrue(!html.contains("validated records"), "report.html");
  }

  @Test
  void run_daoGivenRelativeOrAbsolute_writesIdenticalOutputs(@TempDir Path tmp) throws IOException {
    Cli a = Cli.run("run", Cli.EXAMPLE, "--out", tmp.resolve("a").toString());
    Cli b = Cli.run("run", Path.of(Cli.EXAMPLE).toAbsolutePath().toString(), "--out", tmp.resolve("b").toString());
    assertEquals(0, a.exit, a.toString());
    assertEquals(0, b.exit, b.toString());
    for (String f : new String[] {"result.json", "rejects.csv", "summary.txt", "report.html"}) {
      assertEquals(Files.readString(tmp.resolve("a").resolve(f)), Files.readString(tmp.resolve("b").resolve(f)), f);
    }
    assertTrue(Files.readString(tmp.resolve("a/rejects.csv")).contains("\ncontributions.csv,19,7,"), "rejects.csv");
  }

  @Test
  void compare_undeclaredCategoryIsADashAndLongValuesKeepTheirColumns() {
    String cc = Path.of("..", "examples", "cultural-creative-dao").toString();
    Cli c = Cli.run("compare", Cli.EXAMPLE, cc);
    assertEquals(0, c.exit, c.toString());
    assertTrue(c.out.lines().anyMatch(l -> l.startsWith("credit: session_hosting") && l.endsWith(" -")), c.out);
    assertTrue(c.out.lines().anyMatch(l -> l.matches("policy +exchange-dao/cohort-2 cultural-creative-dao/cohort-2")),
        c.out);
  }

  @Test
  void finalize_reviewFileExampleOfTheDocs_appliesEveryLine(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, Files.readString(Path.of(Cli.EXAMPLE, "contributions.csv")));
    String docs = Files.readString(Path.of("..", "docs", "cli.md"));
    int from = docs.indexOf("```\ncycle,action") + 4;
    Files.writeString(dao.resolve("review.csv"), docs.substring(from, docs.indexOf("```", from)));
    Path out = tmp.resolve("out");
    Cli c = Cli.run("finalize", dao.toString(), "--no-framework", "--out", out.toString());
    assertEquals(0, c.exit, c.toString());
    // thao.pham earned 115.740608 credit; the grant adds 12.5
    assertTrue(Files.readString(out.resolve("result.json")).contains("\"credit\" : 128.240608"), "result.json");
  }

  @Test
  void validate_malformedReviewLine_isAProblemWithItsLine(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, Files.readString(Path.of(Cli.EXAMPLE, "contributions.csv")));
    Files.writeString(dao.resolve("review.csv"), "cycle,action,subject,by,amount,reason\n2026-10,forgive,H-1043,dana,,x\n");
    Cli c = Cli.run("validate", dao.toString(), "--no-framework");
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.out.contains("review.csv:2: unknown action 'forgive' (dispute, release, void, grant or deduct)"), c.out);
  }
}
