package dev.kat.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.cycle.CycleHistory;
import dev.kat.core.cycle.CycleWorkflow;
import dev.kat.core.cycle.Preview;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.guard.Guardrails;
import dev.kat.core.ledger.InMemoryLedgerStore;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Goal;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  private static final Cycle OCTOBER = Cycle.ofMonth(YearMonth.of(2026, 10), 10);
  private static final String ODD = "<b>eve & \"co\"";

  private static Policy policy() {
    return Policy.builder("p").dao("exchange-dao")
        .category(CategorySpec.of("session_hosting", 10, Unit.PER_HOUR).withCommunityContribution(true))
        .role(Roles.DAO_MEMBER, 1, false).role(Roles.AMBASSADOR, 0.9, true)
        .goal(Goal.records("sessions", "session_hosting", 20).withWorkingGroup("sdf", 8))
        .guardrail(Guardrails.velocity(3600, 2))
        .budget(1000).build();
  }

  private static List<Contribution> records() {
    List<Contribution> out = new ArrayList<>();
    Instant t = Instant.parse("2026-10-05T10:00:00Z");
    for (int i = 0; i < 3; i++) {
      out.add(Contribution.builder("burst-" + i, "bob", "session_hosting", Roles.DAO_MEMBER, t.plusSeconds(600L * i))
          .attribute("durationMinutes", 10).workingGroup("sdf").build());
    }
    for (int i = 0; i < 4; i++) {
      out.add(Contribution.builder("a-" + i, "alice", "session_hosting", Roles.DAO_MEMBER, t.plusSeconds(86_400L * (i + 1)))
          .attribute("durationMinutes", 60).workingGroup("sdf").build());
    }
    out.add(Contribution.builder("e-1", ODD, "session_hosting", Roles.AMBASSADOR, t.plusSeconds(3 * 86_400L))
        .attribute("durationMinutes", 30).workingGroup("wellbeing").build());
    out.add(Contribution.builder("x-1", "alice", "unknown_thing", Roles.DAO_MEMBER, t).build());
    return out;
  }

  private static CycleResult run(List<Contribution> records) {
    return KatEngine.of(policy()).run(OCTOBER, records, PriorState.empty());
  }

  @Test
  void cycle_rendersEverySectionWithGoalsHoldsAndExternalWork() {
    CycleResult r = run(records());
    String html = HtmlReport.cycle(ReportModel.of(r, "Exchange DAO"), c -> "statements/" + HtmlReport.fileName(c));
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    for (String id : List.of("summary", "kat", "fairness", "credit", "goals", "external", "contributors", "review",
        "audit", "rejected")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
    assertTrue(html.contains("data-chart=\"goal-sessions\""), "goal progress bar");
    assertTrue(html.contains("<b>Held for human review</b>"), "held records listed");
    assertTrue(html.contains("burst-0, burst-1, burst-2"), "the held burst");
    assertTrue(html.contains("<details id=\"flags-velocity\" open>"), "flags by detector");
    assertTrue(html.contains("UNKNOWN_CATEGORY"), "rejections listed");
    assertTrue(html.contains("No audit checklist was run"), html);
    assertFalse(html.contains(ODD), "names are escaped");
    assertTrue(html.contains("&lt;b&gt;eve &amp; &quot;co&quot;"), "escaped name present");
    assertFalse(html.contains("<script"));
  }

  @Test
  void cycle_sameResultFromAnyInputOrder_givesSameBytes() {
    List<Contribution> reversed = new ArrayList<>(records());
    Collections.reverse(reversed);
    String a = HtmlReport.cycle(ReportModel.of(run(records()), "X"), c -> c + ".html");
    String b = HtmlReport.cycle(ReportModel.of(run(reversed), "X"), c -> c + ".html");
    assertEquals(a, b);
  }

  @Test
  void cycle_withAudit_showsTheChecklist() {
    CycleHistory history = CycleHistory.open(new InMemoryLedgerStore(), policy());
    CycleWorkflow w = history.start(policy(), OCTOBER);
    w.submitAll(records()).beginReview().validate();
    Preview p = w.preview();
    ReportModel m = new ReportModel(p.result(), "Exchange DAO", "", 9, List.of(), List.of(), List.of(), p.audit(), true);
    String html = HtmlReport.cycle(m, c -> c);
    assertTrue(html.contains("holds resolved"), html);
    assertTrue(html.contains("preview — not finalized"));
    assertEquals(p.audit().passed(), html.contains("The checklist passes."));
  }

  @Test
  void statement_explainsEveryRecordAndLinksBack() {
    CycleResult r = run(records());
    String page = HtmlReport.statement(ReportModel.of(r, "Exchange DAO"), "alice", "../report.html");
    assertTrue(page.contains("href=\"../report.html\""));
    for (int i = 0; i < 4; i++) {
      assertTrue(page.contains("<code>a-" + i + "</code>"), "record a-" + i);
    }
    assertTrue(page.contains("base:session_hosting"), "credit steps");
    assertTrue(page.contains("x-1</code> UNKNOWN_CATEGORY"), "rejected record of theirs");
    String bob = HtmlReport.statement(ReportModel.of(r, "Exchange DAO"), "bob", "r.html");
    assertTrue(bob.contains("velocity"), "the flag naming bob");
  }

  @Test
  void statements_givesEachContributorTheSamePageAsStatement_withOnlyTheirOwnRejections() throws Exception {
    List<Contribution> records = new ArrayList<>(records());
    records.add(Contribution.builder("y-1", "bob", "unknown_thing", Roles.DAO_MEMBER,
        Instant.parse("2026-10-06T10:00:00Z")).build());
    ReportModel m = ReportModel.of(run(records), "Exchange DAO");
    java.util.Map<String, String> pages = new java.util.TreeMap<>();
    HtmlReport.statements(m, "../report.html", pages::put);
    assertEquals(m.result().contributors(), List.copyOf(pages.keySet()));
    for (String c : pages.keySet()) {
      assertEquals(HtmlReport.statement(m, c, "../report.html"), pages.get(c), c);
    }
    assertTrue(pages.get("alice").contains("x-1</code> UNKNOWN_CATEGORY"), "alice's rejection");
    assertFalse(pages.get("alice").contains("y-1</code>"), "bob's rejection is not on alice's page");
    assertTrue(pages.get("bob").contains("y-1</code> UNKNOWN_CATEGORY"), "bob's rejection");
    assertFalse(pages.get("bob").contains("x-1</code>"), "alice's rejection is not on bob's page");
  }

  @Test
  void fileName_isSafeAndDistinct() {
    assertEquals("alice.html", HtmlReport.fileName("alice"));
    assertEquals("mai.tran-2.html", HtmlReport.fileName("mai.tran-2"));
    String odd = HtmlReport.fileName(ODD);
    assertTrue(odd.matches("[A-Za-z0-9._\\-]+\\.html"), odd);
    assertNotEquals(odd, HtmlReport.fileName("<b>eve & 'co'"));
    assertFalse(HtmlReport.fileName("../etc").contains("/"));
    assertFalse(HtmlReport.fileName(".hidden").startsWith("."));
    String upper = HtmlReport.fileName("Minh.Tran");
    assertTrue(upper.startsWith("Minh.Tran-") && upper.endsWith(".html"), upper);
    assertNotEquals(upper.toLowerCase(java.util.Locale.ROOT), HtmlReport.fileName("minh.tran").toLowerCase(java.util.Locale.ROOT));
    assertTrue(HtmlReport.fileName("con").startsWith("con-"), HtmlReport.fileName("con"));
    assertTrue(HtmlReport.fileName("lpt1.x").startsWith("lpt1.x-"), HtmlReport.fileName("lpt1.x"));
  }
}
