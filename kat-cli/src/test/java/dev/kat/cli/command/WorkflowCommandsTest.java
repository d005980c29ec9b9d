package dev.kat.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.cli.store.FileLedgerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowCommandsTest {
  @TempDir
  Path tmp;
  Path dao;

  @BeforeEach
  void copyExample() throws IOException {
    dao = tmp.resolve("exchange-dao");
    Files.createDirectories(dao);
    Files.copy(Path.of(Cli.EXAMPLE, "policy.json"), dao.resolve("policy.json"));
    Files.copy(Path.of(Cli.EXAMPLE, "contributions.csv"), dao.resolve("contributions.csv"));
    Files.copy(Path.of(Cli.EXAMPLE).resolve("..").resolve("framework.json"), tmp.resolve("framework.json"));
  }

  private String out(String name) {
    return tmp.resolve(name).toString();
  }

  @Test
  void preview_thenFinalize_thenNextMonth_chainsTheLedger() throws IOException {
    Cli preview = Cli.run("preview", dao.toString(), "--out", out("p"));
    assertEquals(0, preview.exit, preview.toString());
    assertTrue(preview.out.startsWith("PREVIEW (not finalized)"), preview.out);
    assertTrue(preview.out.contains("finalize would pass the checklist"), preview.out);
    assertFalse(Files.exists(dao.resolve("ledger.kat")), "preview writes no ledger");
    assertTrue(Files.readString(tmp.resolve("p").resolve("report.html")).contains("preview — not finalized"));

    Cli fin = Cli.run("finalize", dao.toString(), "--out", out("f"));
    assertEquals(0, fin.exit, fin.toString());
    assertTrue(fin.out.contains("finalized: cycle 2026-10 is ledger entry 0"), fin.out);
    assertTrue(Files.size(dao.resolve("ledger.kat")) > 0);

    Cli again = Cli.run("finalize", dao.toString(), "--out", out("f2"));
    assertEquals(3, again.exit, again.toString());
    assertTrue(again.err.contains("is not after the last finalized cycle 2026-10"), again.err);

    Files.writeString(dao.resolve("contributions.csv"), String.join("\n",
        "id,contributor,category,role,occurredAt,durationMinutes,evidence,reviews,workingGroup",
        "N-1,minh.tran,session_hosting,dao_member,2026-11-03T10:00:00Z,60,https://ced.example.org/sessions/N-1,olivia.brown:approve:0.9,sdf",
        "N-2,yui.tanaka,session_hosting,dao_member,2026-11-04T10:00:00Z,45,https://ced.example.org/sessions/N-2,mia.taylor:approve:0.8,cross_cultural",
        ""), StandardCharsets.UTF_8);
    Cli nov = Cli.run("preview", dao.toString(), "--out", out("n"));
    assertEquals(0, nov.exit, nov.toString());
    assertTrue(nov.out.contains("differences from the previous finalized cycle"), nov.out);
    Cli finNov = Cli.run("finalize", dao.toString(), "--out", out("nf"));
    assertEquals(0, finNov.exit, finNov.toString());
    assertTrue(finNov.out.contains("ledger entry 1"), finNov.out);

    Cli explain = Cli.run("explain", dao.toString(), "minh.tran", "--cycle", "2026-10", "--html", out("minh.html"));
    assertEquals(0, explain.exit, explain.toString());
    assertTrue(explain.out.startsWith("Cycle 2026-10 (finalized: ledger entry 0 of ledger.kat, entry hash "), explain.out);
    assertTrue(explain.out.contains("Statement for minh.tran"), explain.out);
    assertTrue(Files.readString(tmp.resolve("minh.html")).contains("How the KAT was computed"));
  }

  @Test
  void finalize_disputedRecord_failsTheAuditAndWritesNothing() {
    Cli c = Cli.run("finalize", dao.toString(), "--dispute", "H-1042,olivia.brown,the session log is missing",
        "--out", out("f"));
    assertEquals(4, c.exit, c.toString());
    assertTrue(c.err.contains("the audit checklist fails"), c.err);
    assertTrue(c.err.contains("holds resolved"), c.err);
    assertFalse(Files.exists(dao.resolve("ledger.kat")));
    Cli bad = Cli.run("finalize", dao.toString(), "--dispute", "no-such-record,olivia.brown,why", "--out", out("g"));
    assertEquals(3, bad.exit, bad.toString());
    assertEquals(2, Cli.run("finalize", dao.toString(), "--dispute", "only-an-id").exit);
  }

  @Test
  @SuppressWarnings("try")
  void finalize_lockedLedger_isLedgerError() {
    try (FileLedgerStore other = FileLedgerStore.open(dao.resolve("ledger.kat"))) {
      Cli c = Cli.run("finalize", dao.toString(), "--out", out("f"));
      assertEquals(5, c.exit, c.toString());
      assertTrue(c.err.contains("lock"), c.err);
    }
  }

  @Test
  void preview_unreadableLedger_saysItCannotBeRead() throws IOException {
    Files.writeString(dao.resolve("ledger.kat"), "not a ledger\n");
    Cli c = Cli.run("preview", dao.toString(), "--out", out("p"));
    assertEquals(5, c.exit, c.toString());
    assertTrue(c.err.contains("the ledger " + dao.resolve("ledger.kat") + " cannot be read: "), c.err);
    assertFalse(c.err.contains("replayed"), c.err);
  }

  @Test
  void preview_tamperedLedger_namesTheBrokenChain() throws IOException {
    assertEquals(0, Cli.run("finalize", dao.toString(), "--out", out("f")).exit);
    Path ledger = dao.resolve("ledger.kat");
    String text = Files.readString(ledger);
    String tampered = text.replaceFirst("complexity:4\\.0", "complexity:5.0");
    assertFalse(text.equals(tampered), "the test must change the ledger");
    Files.writeString(ledger, tampered);
    Cli c = Cli.run("preview", dao.toString(), "--cycle", "2026-11", "--out", out("p"));
    assertEquals(5, c.exit, c.toString());
    assertTrue(c.err.contains("the ledger " + ledger), c.err);
  }

  @Test
  void report_and_explain_withoutLedger_showAPreview() throws IOException {
    Cli r = Cli.run("report", dao.toString(), "--out", out("r"));
    assertEquals(0, r.exit, r.toString());
    assertTrue(Files.exists(tmp.resolve("r").resolve("report.html")));
    assertTrue(Files.exists(tmp.resolve("r").resolve("statements").resolve("thao.pham.html")));
    Cli who = Cli.run("explain", dao.toString(), "nobody.at.all");
    assertEquals(3, who.exit, who.toString());
    assertTrue(who.err.contains("'nobody.at.all' is not part of cycle 2026-10"), who.err);
    Cli rejected = Cli.run("explain", dao.toString(), "amara.okafor");
    assertEquals(0, rejected.exit, rejected.toString());
    assertTrue(rejected.out.contains("H-8001 SELF_REVIEW"), rejected.out);
  }

  @Test
  void compare_twoDaos_printsMeasuresSideBySideAndTidyCsv() throws IOException {
    Cli c = Cli.run("compare", dao.toString(), Path.of(Cli.EXAMPLE, "..", "cultural-creative-dao").toString(),
        "--csv", out("cmp.csv"));
    assertEquals(0, c.exit, c.toString());
    assertTrue(c.out.contains("exchange-dao") && c.out.contains("cultural-creative-dao"), c.out);
    assertTrue(c.out.contains("Gini"), c.out);
    List<String> csv = Files.readAllLines(tmp.resolve("cmp.csv"));
    assertEquals("dao,cycle,metric,value", csv.get(0));
    assertTrue(csv.contains("exchange-dao,2026-10,KAT allocated,10000"), csv.toString());
    assertEquals(2, Cli.run("compare", dao.toString()).exit);
  }
}
