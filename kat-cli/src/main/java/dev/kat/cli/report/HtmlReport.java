package dev.kat.cli.report;

import dev.kat.core.cycle.AuditReport;
import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.CycleReport;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.GoalProgress;
import dev.kat.core.engine.RecordLine;
import dev.kat.core.engine.Statement;
import dev.kat.core.engine.Step;
import dev.kat.core.guard.Flag;
import dev.kat.core.metrics.Concentration;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import dev.kat.core.policy.Goal;
import dev.kat.rules.codec.FileProblem;
import dev.kat.rules.codec.MalformedRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Renders the HTML reports: the cycle report and one statement page per contributor. Each page is a
 * single self-contained HTML document: inline CSS and SVG, no script, font, image or network access;
 * readable on a phone (fluid layout, tables scroll sideways) and printable (print styles). Rendering is a
 * pure function of the model: the same model gives the same bytes.
 */
public final class HtmlReport {
  /** How many rejected or malformed rows a page lists before pointing to {@code rejects.csv}. */
  public static final int LIST_LIMIT = 500;

  /** How many contributors the report's table lists (by KAT) before pointing to {@code contributors.csv}. */
  public static final int CONTRIBUTOR_LIMIT = 2000;

  private static final int CHART_BARS = 50;

  private HtmlReport() {}

  /** Receives statement pages as they are rendered. */
  public interface PageSink {
    /**
     * Receives one page.
     *
     * @param contributor whose page it is
     * @param html the page
     * @throws IOException if storing it fails
     */
    void page(String contributor, String html) throws IOException;
  }

  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z0-9_\\-][a-z0-9._\\-]{0,80}");
  private static final Pattern RESERVED_NAME = Pattern.compile("con|prn|aux|nul|com[0-9]|lpt[0-9]");
  private static final Pattern UNSAFE_CHARACTER = Pattern.compile("[^A-Za-z0-9._\\-]");

  /**
   * A file name for {@code contributor}'s statement page: the id itself when it is made of lower-case
   * letters, digits, '.', '_' and '-' (and does not start with '.' or name a device Windows reserves, such
   * as {@code con} or {@code lpt1}), otherwise a cleaned id plus a short hash, so different ids never
   * share a file, even on file systems that ignore case ({@code Minh.Tran} and {@code minh.tran}).
   */
  public static String fileName(String contributor) {
    // the patterns are compiled once: a large report names every contributor's page several times
    int dot = contributor.indexOf('.');
    if (PLAIN_NAME.matcher(contributor).matches()
        && !RESERVED_NAME.matcher(dot < 0 ? contributor : contributor.substring(0, dot)).matches()) {
      return contributor + ".html";
    }
    String clean = UNSAFE_CHARACTER.matcher(contributor).replaceAll("_");
    clean = clean.substring(0, Math.min(40, clean.length())).replaceFirst("^\\.", "_");
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(contributor.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(clean).append('-');
      for (int i = 0; i < 4; i++) {
        sb.append(String.format(Locale.ROOT, "%02x", h[i] & 0xFF));
      }
      return sb.append(".html").toString();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("SHA-256 is always available", e);
    }
  }

  /**
   * The cycle report.
   *
   * @param m the model
   * @param statementHref the link to a contributor's statement page
   */
  public static String cycle(ReportModel m, Function<String, String> statementHref) {
    CycleResult r = m.result();
    CycleReport rep = r.report();
    Set<String> external = new HashSet<>(rep.externalByContributor().keySet());
    List<String> byKat = new ArrayList<>(r.contributors());
    Map<String, Long> alloc = r.allocations();
    byKat.sort((a, b) -> {
      int c = Long.compare(alloc.get(b), alloc.get(a));
      return c != 0 ? c : a.compareTo(b);
    });
    long[] kats = new long[byKat.size()];
    for (int i = 0; i < kats.length; i++) {
      kats[i] = alloc.get(byKat.get(i));
    }
    double gini = Concentration.gini(kats);
    int[] records = recordsPerContributor(r);
    String state = m.preview() ? "preview — not finalized" : m.finalized().isEmpty() ? "cycle report"
        : "finalized cycle report";
    StringBuilder sb = new StringBuilder(64 * 1024);
    head(sb, m.title() + " — KAT " + state + " " + r.cycle().id());
    sb.append("<header><p class=\"sub\">KAT ").append(Html.esc(state)).append("</p><h1>")
        .append(Html.esc(m.title())).append(" · cycle ").append(Html.esc(r.cycle().id())).append("</h1>");
    sb.append("<p class=\"sub\">Policy <code>").append(Html.esc(r.policy().id())).append("</code> · ")
        .append(Html.esc(r.cycle().start().toString())).append(" to ").append(Html.esc(r.cycle().end().toString()))
        .append(" (end exclusive)</p>");
    if (!m.finalized().isEmpty()) {
      sb.append("<p class=\"sub\">Finalized: ").append(Html.esc(m.finalized())).append("</p>");
    }
    if (!m.description().isEmpty()) {
      sb.append("<p>").append(Html.esc(m.description())).append("</p>");
    }
    sb.append("</header>");
    sb.append("<nav><a href=\"#kat\">KAT</a><a href=\"#fairness\">Fairness</a><a href=\"#credit\">Credit</a>")
        .append(r.goalProgress().isEmpty() ? "" : "<a href=\"#goals\">Goals</a>")
        .append("<a href=\"#external\">External</a><a href=\"#contributors\">Contributors</a>")
        .append("<a href=\"#review\">Flags &amp; holds</a><a href=\"#audit\">Audit</a><a href=\"#rejected\">Rejected</a></nav>");
    sb.append("<main>");

    long total = r.totalCredit();
    sb.append("<section id=\"summary\"><div class=\"cards\">");
    card(sb, Html.count(r.allocated()) + " / " + Html.count(r.budget()), "KAT allocated of the budget");
    card(sb, Html.count(r.contributors().size()), "contributors");
    card(sb, Html.amount(total), "credit in total");
    card(sb, Html.percent(r.externalCredit(), total), "credit earned in external roles");
    card(sb, String.format(Locale.ROOT, "%.3f", gini), "Gini of KAT (0 = equal)");
    card(sb, Html.count(m.rowsRead()), Html.count(r.acceptedCount()) + " accepted · " + Html.count(r.rejections().size())
        + " rejected · " + Html.count(m.malformed().size()) + " malformed rows");
    card(sb, Html.count(r.flags().size()) + " / " + Html.count(r.held().size()), "guardrail flags / held records");
    sb.append("</div>");
    if (r.unallocated() > 0) {
      sb.append("<p class=\"bad\">").append(Html.count(r.unallocated()))
          .append(" KAT were not allocated: no contributor had credit.</p>");
    }
    sb.append("</section>");

    sb.append("<section id=\"kat\"><h2>KAT by contributor</h2><figure>");
    List<Svg.Bar> bars = new ArrayList<>();
    int shown = byKat.size() > CHART_BARS ? CHART_BARS - 1 : byKat.size();
    for (int i = 0; i < shown; i++) {
      String c = byKat.get(i);
      bars.add(new Svg.Bar(c, kats[i], Html.count(kats[i]) + " KAT", external.contains(c) ? "b" : "a"));
    }
    if (shown < byKat.size()) {
      long rest = 0;
      for (int i = shown; i < kats.length; i++) {
        rest += kats[i];
      }
      bars.add(new Svg.Bar((byKat.size() - shown) + " others", rest, Html.count(rest) + " KAT", "a"));
    }
    sb.append(Svg.bars("kat-by-contributor", "KAT by contributor", bars));
    sb.append("<figcaption><span class=\"key key-a\"></span> members <span class=\"key key-b\"></span> earned (partly) "
        + "in external roles. KAT is split from the budget of ").append(Html.count(r.budget()))
        .append(" in whole units by the largest-remainder method; the parts sum to the budget exactly.</figcaption>");
    sb.append("</figure></section>");

    sb.append("<section id=\"fairness\"><h2>Fairness</h2><div class=\"grid2\"><figure>");
    sb.append(Svg.lorenz("lorenz", "Lorenz curve of KAT", kats, gini));
    sb.append("<figcaption>The further the curve sags below the diagonal, the more unequal the split.</figcaption></figure>");
    sb.append("<div><table><tbody>");
    row(sb, "Gini coefficient", String.format(Locale.ROOT, "%.3f", gini));
    row(sb, "Contributors holding half of the KAT (Nakamoto coefficient)",
        Integer.toString(Concentration.nakamoto(0.5, kats)));
    row(sb, "Concentration (HHI, 0 to 10 000)", String.format(Locale.ROOT, "%.0f", Concentration.hhi(kats)));
    long top10 = 0;
    for (int i = 0; i < Math.max(1, byKat.size() / 10) && i < kats.length; i++) {
      top10 += kats[i];
    }
    row(sb, "Share of the top 10% of contributors", Html.percent(top10, Math.max(1, r.allocated())));
    sb.append("</tbody></table></div></div></section>");

    sb.append("<section id=\"credit\"><h2>Credit</h2><div class=\"grid2 wide\">");
    creditChart(sb, "credit-by-category", "Credit by category", rep.byCategory(), total, r.acceptedCount());
    creditChart(sb, "credit-by-working-group", "Credit by working group", rep.byWorkingGroup(), total, r.acceptedCount());
    creditChart(sb, "credit-by-role", "Credit by role", rep.byRole(), total, r.acceptedCount());
    sb.append("</div></section>");

    if (!r.goalProgress().isEmpty()) {
      sb.append("<section id=\"goals\"><h2>Goals</h2>");
      for (GoalProgress g : r.goalProgress()) {
        goal(sb, g);
      }
      sb.append("</section>");
    }

    sb.append("<section id=\"external\"><h2>External collaborators</h2>");
    if (rep.externalByContributor().isEmpty()) {
      sb.append("<p>No credit was earned in external roles this cycle.</p>");
    } else {
      sb.append("<p>Work in external (non-member) roles — partners, ambassadors, volunteers, community collaborators, ")
          .append("users and KAT holders — is tracked separately: ").append(Html.count(rep.external().records()))
          .append(" records earning credit, ").append(Html.amount(rep.external().credit())).append(" credit (")
          .append(Html.percent(rep.external().credit(), total)).append(" of all credit).</p>");
      sb.append("<div class=\"table\"><table><thead><tr><th>contributor</th><th class=\"n\">records</th>")
          .append("<th class=\"n\">credit in external roles</th><th class=\"n\">KAT (all roles)</th></tr></thead><tbody>");
      for (Map.Entry<String, CycleReport.Totals> e : rep.externalByContributor().entrySet()) {
        String c = e.getKey();
        sb.append("<tr><td>").append(link(c, statementHref)).append("</td><td class=\"n\">")
            .append(Html.count(e.getValue().records())).append("</td><td class=\"n\">").append(Html.amount(e.getValue().credit()))
            .append("</td><td class=\"n\">").append(r.has(c) ? Html.count(r.kat(c)) : "0").append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
    }
    sb.append("</section>");

    sb.append("<section id=\"contributors\"><h2>Contributors</h2><p>Each name links to a statement page that "
        + "explains every record, factor and flag behind the figures.</p><div class=\"table\"><table><thead><tr>"
        + "<th>contributor</th><th class=\"n\">records</th><th class=\"n\">credit</th><th class=\"n\">karma</th>"
        + "<th class=\"n\">KAT</th><th>privileges</th></tr></thead><tbody>");
    BatchView b = r.batch();
    for (String c : byKat.subList(0, Math.min(CONTRIBUTOR_LIMIT, byKat.size()))) {
      int p = b.personIndex(c);
      SortedSet<String> priv = r.privileges(c);
      sb.append("<tr><td>").append(link(c, statementHref)).append(external.contains(c) ? " <span class=\"tag\">external</span>" : "")
          .append("</td><td class=\"n\">").append(p < 0 ? "0" : Html.count(records[p])).append("</td><td class=\"n\">")
          .append(Html.amount(r.credit(c))).append("</td><td class=\"n\">").append(Html.amount(r.karma(c)))
          .append("</td><td class=\"n\"><b>").append(Html.count(alloc.get(c))).append("</b></td><td>")
          .append(Html.esc(String.join(", ", priv))).append("</td></tr>");
    }
    sb.append("</tbody></table></div>");
    if (byKat.size() > CONTRIBUTOR_LIMIT) {
      sb.append("<p>… and ").append(Html.count(byKat.size() - CONTRIBUTOR_LIMIT))
          .append(" more, with fewer KAT: every contributor is in <code>contributors.csv</code>.</p>");
    }
    sb.append("</section>");

    sb.append("<section id=\"review\"><h2>Guardrail flags and held records</h2>");
    if (r.flags().isEmpty()) {
      sb.append("<p class=\"ok\">No guardrail raised a flag.</p>");
    } else {
      java.util.TreeMap<String, List<Flag>> byDetector = new java.util.TreeMap<>();
      for (Flag f : r.flags()) {
        byDetector.computeIfAbsent(f.detector(), k -> new ArrayList<>()).add(f);
      }
      sb.append("<div class=\"table\"><table><thead><tr><th>detector</th><th class=\"n\">flags</th><th>actions</th>")
          .append("<th class=\"n\">records</th><th class=\"n\">contributors</th></tr></thead><tbody>");
      for (Map.Entry<String, List<Flag>> e : byDetector.entrySet()) {
        java.util.TreeSet<String> actions = new java.util.TreeSet<>();
        java.util.TreeSet<String> recs = new java.util.TreeSet<>();
        java.util.TreeSet<String> people = new java.util.TreeSet<>();
        for (Flag f : e.getValue()) {
          actions.add(f.action().name() + " " + f.severity().name());
          recs.addAll(f.recordIds());
          people.addAll(f.contributors());
        }
        sb.append("<tr><td><a href=\"#flags-").append(Html.esc(e.getKey())).append("\">").append(Html.esc(e.getKey()))
            .append("</a></td><td class=\"n\">").append(e.getValue().size()).append("</td><td>")
            .append(Html.esc(String.join(", ", actions))).append("</td><td class=\"n\">").append(recs.size())
            .append("</td><td class=\"n\">").append(people.size()).append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
      for (Map.Entry<String, List<Flag>> e : byDetector.entrySet()) {
        sb.append("<details id=\"flags-").append(Html.esc(e.getKey())).append("\"").append(e.getValue().size() <= 10 ? " open" : "")
            .append("><summary>").append(Html.esc(e.getKey())).append(": ").append(e.getValue().size())
            .append(e.getValue().size() == 1 ? " flag" : " flags").append("</summary><div class=\"table\"><table><thead><tr>")
            .append("<th>severity</th><th>action</th><th>contributors</th><th>records</th><th>evidence</th></tr></thead><tbody>");
        for (Flag f : e.getValue()) {
          sb.append("<tr><td>").append(Html.esc(f.severity().name())).append("</td><td>").append(Html.esc(f.action().name()))
              .append(f.action().name().equals("DAMPEN") ? " ×" + Html.factor(f.factor()) : "").append("</td><td>");
          List<String> links = new ArrayList<>();
          for (String c : f.contributors()) {
            links.add(link(c, statementHref));
          }
          sb.append(String.join(", ", links)).append("</td><td>").append(Html.esc(String.join(", ", f.recordIds())))
              .append("</td><td>").append(Html.esc(f.evidence())).append("</td></tr>");
        }
        sb.append("</tbody></table></div></details>");
      }
    }
    if (r.held().isEmpty()) {
      sb.append("<p>No record is held for review.</p>");
    } else {
      sb.append("<p><b>Held for human review</b> (they earn nothing until released): <code>")
          .append(Html.esc(String.join(", ", r.held()))).append("</code></p>");
    }
    sb.append("</section>");

    sb.append("<section id=\"audit\"><h2>Audit checklist</h2>");
    AuditReport audit = m.audit();
    if (audit == null && !m.finalized().isEmpty()) {
      sb.append("<p><b class=\"ok\">The cycle is finalized</b> (").append(Html.esc(m.finalized()))
          .append("): it passed the audit checklist when it entered the ledger.</p>");
    } else if (audit == null) {
      sb.append("<p>No audit checklist was run for this report. <code>kat preview</code> and <code>kat finalize</code> "
          + "run it before a cycle enters the ledger.</p>");
    } else {
      sb.append("<ul class=\"checks\">");
      for (AuditReport.Check c : audit.checks()) {
        sb.append("<li class=\"").append(c.passed() ? "ok" : "bad").append("\">").append(c.passed() ? "✓ " : "✗ ")
            .append(Html.esc(c.name()));
        for (String f : c.failures()) {
          sb.append("<br><small>").append(Html.esc(f)).append("</small>");
        }
        sb.append("</li>");
      }
      sb.append("</ul><p>").append(audit.passed() ? "<b class=\"ok\">The checklist passes.</b>"
          : "<b class=\"bad\">The checklist fails: the cycle cannot be finalized.</b>").append("</p>");
    }
    sb.append("</section>");

    sb.append("<section id=\"rejected\"><h2>Rejected and malformed rows</h2>");
    if (m.rejected().isEmpty() && m.malformed().isEmpty() && m.fileProblems().isEmpty()) {
      sb.append("<p class=\"ok\">Every row was read and admitted.</p>");
    }
    if (!m.fileProblems().isEmpty()) {
      sb.append("<p class=\"bad\"><b>Problems with input files:</b></p><ul>");
      for (FileProblem p : m.fileProblems()) {
        sb.append("<li><code>").append(Html.esc(p.toString())).append("</code></li>");
      }
      sb.append("</ul>");
    }
    if (!m.rejected().isEmpty()) {
      sb.append("<h3>Rejected by admission (").append(Html.count(m.rejected().size())).append(")</h3>")
          .append("<div class=\"table\"><table><thead><tr><th>where</th><th>record</th><th>contributor</th>")
          .append("<th>reason</th><th>details</th></tr></thead><tbody>");
      for (int i = 0; i < Math.min(LIST_LIMIT, m.rejected().size()); i++) {
        LocatedRejection x = m.rejected().get(i);
        sb.append("<tr><td><code>").append(Html.esc(x.where())).append("</code></td><td>")
            .append(Html.esc(x.rejection().record().id())).append("</td><td>")
            .append(Html.esc(x.rejection().record().contributor())).append("</td><td>")
            .append(Html.esc(x.rejection().code().name())).append("</td><td>").append(Html.esc(x.rejection().message()))
            .append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
      more(sb, m.rejected().size());
    }
    if (!m.malformed().isEmpty()) {
      sb.append("<h3>Malformed rows (").append(Html.count(m.malformed().size())).append(")</h3>")
          .append("<div class=\"table\"><table><thead><tr><th>where</th><th>column</th><th>field</th><th>reason</th>")
          .append("</tr></thead><tbody>");
      for (int i = 0; i < Math.min(LIST_LIMIT, m.malformed().size()); i++) {
        MalformedRow x = m.malformed().get(i);
        sb.append("<tr><td><code>").append(Html.esc(x.location().toString())).append("</code></td><td class=\"n\">")
            .append(x.column()).append("</td><td>").append(Html.esc(x.field())).append("</td><td>")
            .append(Html.esc(x.reason())).append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
      more(sb, m.malformed().size());
    }
    if (!m.rejected().isEmpty() || !m.malformed().isEmpty()) {
      sb.append("<p>The bad rows are kept unchanged in <code>rejects/</code>, with the reasons in <code>rejects.csv</code>.</p>");
    }
    sb.append("</section></main>");
    footer(sb, r);
    return sb.toString();
  }

  /** One contributor's statement page. */
  public static String statement(ReportModel m, String contributor, String reportHref) {
    List<LocatedRejection> mine = new ArrayList<>();
    for (LocatedRejection x : m.rejected()) {
      if (x.rejection().record().contributor().equals(contributor)) {
        mine.add(x);
      }
    }
    return statement(m, contributor, reportHref, mine);
  }

  /**
   * Renders every contributor's statement page, in contributor id order, into {@code sink}.
   *
   * @throws IOException if the sink fails
   */
  public static void statements(ReportModel m, String reportHref, PageSink sink) throws IOException {
    // Each page lists its contributor's rejections: grouped once here, not searched for page by page (at
    // a million records that search, over every rejection for every contributor, took longer than the cycle).
    Map<String, List<LocatedRejection>> rejectedBy = new HashMap<>();
    for (LocatedRejection x : m.rejected()) {
      rejectedBy.computeIfAbsent(x.rejection().record().contributor(), k -> new ArrayList<>()).add(x);
    }
    for (String c : m.result().contributors()) {
      sink.page(c, statement(m, c, reportHref, rejectedBy.getOrDefault(c, List.of())));
    }
  }

  /** The page of {@code contributor}, whose rejections are {@code mine}, in order. */
  private static String statement(ReportModel m, String contributor, String reportHref,
      List<LocatedRejection> mine) {
    CycleResult r = m.result();
    int[] rows = r.rowsOf(contributor);
    Statement s = r.statement(contributor);
    Set<String> adjustments = new HashSet<>();
    r.policy().adjustments().forEach(a -> adjustments.add(a.ruleId()));
    java.util.HashMap<String, Contribution> byId = new java.util.HashMap<>();
    for (int row : rows) {
      Contribution c = r.batch().record(row);
      byId.put(c.id(), c);
    }
    StringBuilder sb = new StringBuilder(16 * 1024);
    head(sb, "Statement of " + contributor + " — " + m.title() + " " + r.cycle().id());
    sb.append("<header><p class=\"sub\"><a href=\"").append(Html.esc(reportHref)).append("\">← ")
        .append(Html.esc(m.title())).append(" · cycle ").append(Html.esc(r.cycle().id())).append("</a></p>");
    if (m.preview()) {
      sb.append("<p class=\"sub\">KAT preview — not finalized: the figures may still change</p>");
    } else if (!m.finalized().isEmpty()) {
      sb.append("<p class=\"sub\">Finalized: ").append(Html.esc(m.finalized())).append("</p>");
    }
    sb.append("<h1>").append(Html.esc(contributor)).append("</h1><p class=\"sub\">Why did I get this? Every record, ")
        .append("every factor applied to it, every flag, and how they add up.</p></header><main>");
    sb.append("<section id=\"summary\"><div class=\"cards\">");
    card(sb, Html.count(s.kat()), "KAT received (of " + Html.count(r.budget()) + ")");
    card(sb, Html.amount(s.credit()), "credit this cycle");
    card(sb, Html.amount(s.karmaAfter()), "karma after the cycle");
    card(sb, Html.count(s.records().size()), "accepted records");
    SortedSet<String> priv = r.privileges(contributor);
    card(sb, priv.isEmpty() ? "—" : Html.esc(String.join(", ", priv)), "privileges and badges");
    sb.append("</div></section>");

    sb.append("<section id=\"how\"><h2>How the KAT was computed</h2><ol>");
    sb.append("<li>Your records earned <b>").append(Html.amount(s.credit())).append("</b> credit (details below).</li>");
    sb.append("<li>Karma: ").append(Html.amount(s.karmaPrior())).append(" carried over, decayed to ")
        .append(Html.amount(s.karmaDecayed())).append(", plus ").append(Html.amount(s.karmaGain()))
        .append(" gained from this cycle's credit, minus ").append(Html.amount(s.karmaPenalty()))
        .append(" for confirmed flags = <b>").append(Html.amount(s.karmaAfter())).append("</b>.</li>");
    sb.append("<li>Your allocation weight (credit raised by the influence of karma) is <b>").append(Html.amount(s.weight()))
        .append("</b>.</li>");
    sb.append("<li>The budget of ").append(Html.count(r.budget())).append(" KAT is split among all contributors by their ")
        .append("weights, under the policy's allocation rules, in whole units (largest remainder): you received <b>")
        .append(Html.count(s.kat())).append(" KAT</b>.</li>");
    sb.append("</ol></section>");

    sb.append("<section id=\"records\"><h2>Records</h2>");
    if (s.records().isEmpty()) {
      sb.append("<p>No accepted record this cycle.</p>");
    }
    for (RecordLine line : s.records()) {
      Contribution c = byId.get(line.recordId());
      sb.append("<article class=\"record\"><h3><code>").append(Html.esc(line.recordId())).append("</code> · ")
          .append(Html.esc(line.category())).append(" <span class=\"credit\">").append(Html.amount(line.credit()))
          .append(" credit</span></h3>");
      if (c != null) {
        sb.append("<p class=\"sub\">").append(Html.esc(c.occurredAt().toString()));
        if (!c.workingGroup().isEmpty()) {
          sb.append(" · working group ").append(Html.esc(c.workingGroup()));
        }
        sb.append(" · role ").append(Html.esc(c.role()));
        if (!c.counterparts().isEmpty()) {
          sb.append(" · with ").append(Html.esc(String.join(", ", c.counterparts())));
        }
        if (!c.reviews().isEmpty()) {
          List<String> rv = new ArrayList<>();
          for (Review v : c.reviews()) {
            rv.add(v.reviewer() + " " + v.verdict().name().toLowerCase(Locale.ROOT)
                + (v.quality().isPresent() ? " " + Html.factor(v.quality().getAsDouble()) : ""));
          }
          sb.append(" · reviewed by ").append(Html.esc(String.join(", ", rv)));
        }
        for (Evidence e : c.evidence()) {
          sb.append(" · evidence <code>").append(Html.esc(e.uri())).append("</code>");
        }
        sb.append("</p>");
      }
      sb.append("<div class=\"table\"><table class=\"steps\"><thead><tr><th>stage</th><th>rule</th><th class=\"n\">factor</th>")
          .append("<th>why</th></tr></thead><tbody>");
      for (Step st : line.creditSteps()) {
        step(sb, st, adjustments.contains(st.ruleId()) ? adjusted(line, st) : "");
      }
      sb.append("<tr class=\"sum\"><td colspan=\"2\">credit</td><td class=\"n\">= ").append(Html.amount(line.rawCredit()))
          .append("</td><td>the factors multiplied</td></tr>");
      for (Step st : line.laterSteps()) {
        step(sb, st);
      }
      if (!line.laterSteps().isEmpty()) {
        sb.append("<tr class=\"sum\"><td colspan=\"2\">final credit</td><td class=\"n\">= ").append(Html.amount(line.credit()))
            .append("</td><td>after guardrails and caps</td></tr>");
      }
      sb.append("</tbody></table></div></article>");
    }
    sb.append("</section>");

    sb.append("<section id=\"categories\"><h2>Credit by category</h2><div class=\"table\"><table><tbody>");
    for (Map.Entry<String, Long> e : s.creditByCategory().entrySet()) {
      row(sb, e.getKey(), Html.amount(e.getValue()));
    }
    row(sb, "total", Html.amount(s.credit()));
    sb.append("</tbody></table></div></section>");

    sb.append("<section id=\"flags\"><h2>Flags</h2>");
    if (s.flags().isEmpty()) {
      sb.append("<p class=\"ok\">No guardrail flag names you this cycle.</p>");
    } else {
      sb.append("<ul>");
      for (Flag f : s.flags()) {
        sb.append("<li><b>").append(Html.esc(f.detector())).append("</b> (").append(Html.esc(f.severity().name()))
            .append(", ").append(Html.esc(f.action().name())).append("): ").append(Html.esc(f.evidence()))
            .append(" — records ").append(Html.esc(String.join(", ", f.recordIds()))).append("</li>");
      }
      sb.append("</ul>");
    }
    if (!mine.isEmpty()) {
      sb.append("<h3>Your records that were not accepted</h3><ul>");
      for (LocatedRejection x : mine) {
        sb.append("<li><code>").append(Html.esc(x.rejection().record().id())).append("</code> ")
            .append(Html.esc(x.rejection().code().name())).append(": ").append(Html.esc(x.rejection().message()))
            .append("</li>");
      }
      sb.append("</ul>");
    }
    sb.append("</section></main>");
    footer(sb, r);
    return sb.toString();
  }

  private static void step(StringBuilder sb, Step st) {
    step(sb, st, "");
  }

  private static void step(StringBuilder sb, Step st, String note) {
    sb.append("<tr><td>").append(Html.esc(st.stage())).append("</td><td><code>").append(Html.esc(st.ruleId()))
        .append("</code></td><td class=\"n\">×").append(Html.factor(st.factor())).append("</td><td>")
        .append(Html.esc(st.reason())).append(Html.esc(note)).append("</td></tr>");
  }

  /**
   * What a credit adjustment (of the policy or of a rule file) changed: the record's credit-stage figure less
   * what it would be without this step, the other steps unchanged; empty for a factor of 0 or 1.
   */
  private static String adjusted(RecordLine line, Step st) {
    if (st.factor() <= 0 || st.factor() == 1) {
      return "";
    }
    long without = java.math.BigDecimal.valueOf(line.rawCredit()).divide(java.math.BigDecimal.valueOf(st.factor()), 0,
        java.math.RoundingMode.HALF_EVEN).longValueExact();
    long delta = line.rawCredit() - without;
    return " (" + (delta >= 0 ? "+" : "−") + Html.amount(Math.abs(delta)) + " credit)";
  }

  private static int[] recordsPerContributor(CycleResult r) {
    BatchView b = r.batch();
    int[] n = new int[b.people()];
    for (int row = 0; row < b.rows(); row++) {
      n[b.contributor(row)]++;
    }
    return n;
  }

  private static void creditChart(StringBuilder sb, String name, String title, Map<String, CycleReport.Totals> totals,
      long all, long accepted) {
    List<Svg.Bar> bars = new ArrayList<>();
    List<Map.Entry<String, CycleReport.Totals>> entries = new ArrayList<>(totals.entrySet());
    entries.sort((a, b) -> {
      int c = Long.compare(b.getValue().credit(), a.getValue().credit());
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    });
    for (Map.Entry<String, CycleReport.Totals> e : entries) {
      String label = e.getKey().isEmpty() ? "(none)" : e.getKey();
      bars.add(new Svg.Bar(label, e.getValue().credit(), Html.amount(e.getValue().credit()) + " · "
          + Html.percent(e.getValue().credit(), all), "a"));
    }
    sb.append("<figure><h3>").append(Html.esc(title)).append("</h3>").append(Svg.bars(name, title, bars, 460, 160, 130))
        .append("<figcaption>").append(recordsEarning(entries.stream().mapToLong(e -> e.getValue().records()).sum(),
            accepted)).append("</figcaption></figure>");
  }

  /**
   * The caption counting the records behind a breakdown, in the terms of the summary: accepted records,
   * of which some may earn no credit (zeroed by a guardrail or held for review).
   */
  static String recordsEarning(long earning, long accepted) {
    if (earning == accepted) {
      return Html.count(accepted) + " accepted records.";
    }
    return Html.count(earning) + " of the " + Html.count(accepted) + " accepted records earn credit here; "
        + Html.count(accepted - earning) + (accepted - earning == 1 ? " earns" : " earn")
        + " none (zeroed by a guardrail or held for review).";
  }

  private static void goal(StringBuilder sb, GoalProgress g) {
    sb.append("<div class=\"goal\"><h3>").append(Html.esc(g.goalId())).append("</h3>");
    sb.append(Svg.progress("goal-" + g.goalId(), g.goalId() + " progress", g.cumulative(), g.target()));
    sb.append("<p>").append(goalValue(g.measure(), g.cumulative())).append(" of ").append(goalValue(g.measure(), g.target()))
        .append(" (").append(Html.percent(g.cumulative(), g.target())).append("); this cycle added ")
        .append(goalValue(g.measure(), g.cycleValue())).append(".</p>");
    if (!g.workingGroups().isEmpty()) {
      sb.append("<div class=\"table\"><table><thead><tr><th>working group</th><th class=\"n\">this cycle</th>")
          .append("<th class=\"n\">so far</th><th class=\"n\">target</th><th class=\"n\">progress</th></tr></thead><tbody>");
      for (GoalProgress.Group w : g.workingGroups()) {
        sb.append("<tr><td>").append(Html.esc(w.workingGroup())).append("</td><td class=\"n\">")
            .append(goalValue(g.measure(), w.cycleValue())).append("</td><td class=\"n\">")
            .append(goalValue(g.measure(), w.cumulative())).append("</td><td class=\"n\">")
            .append(goalValue(g.measure(), w.target())).append("</td><td class=\"n\">")
            .append(Html.percent(w.cumulative(), w.target())).append("</td></tr>");
      }
      sb.append("</tbody></table></div>");
    }
    sb.append("</div>");
  }

  private static String goalValue(Goal.Measure measure, long v) {
    return measure == Goal.Measure.RECORDS ? Html.count(v) : Html.amount(v);
  }

  private static void more(StringBuilder sb, int n) {
    if (n > LIST_LIMIT) {
      sb.append("<p>… and ").append(Html.count(n - LIST_LIMIT)).append(" more in <code>rejects.csv</code>.</p>");
    }
  }

  private static String link(String contributor, Function<String, String> href) {
    return "<a href=\"" + Html.esc(href.apply(contributor)) + "\">" + Html.esc(contributor) + "</a>";
  }

  private static void card(StringBuilder sb, String value, String label) {
    sb.append("<div class=\"card\"><b>").append(value).append("</b><span>").append(Html.esc(label)).append("</span></div>");
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("<tr><th>").append(Html.esc(k)).append("</th><td class=\"n\">").append(Html.esc(v)).append("</td></tr>");
  }

  private static void head(StringBuilder sb, String title) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        .append("<title>").append(Html.esc(title)).append("</title><style>").append(CSS).append("</style></head><body>\n");
  }

  private static void footer(StringBuilder sb, CycleResult r) {
    sb.append("<footer><p>Cycle hash <span class=\"hash\">").append(Html.esc(r.contentHash()))
        .append("</span><br>SHA-256 over the policy, the cycle, the prior state, every input record and every result: ")
        .append("anyone re-running the cycle on the same inputs gets the same hash.</p></footer></body></html>\n");
  }

  private static final String CSS = String.join("",
      ":root{--fg:#1f2937;--muted:#5b6472;--line:#e5e7eb;--a:#2563eb;--b:#d97706;--ok:#15803d;--bad:#b91c1c;--card:#f6f8fb}",
      "*{box-sizing:border-box}",
      "body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;",
      "color:var(--fg);background:#fff}",
      "header,nav,main,footer{max-width:1100px;margin:0 auto;padding:0 16px}",
      "header{padding-top:20px}h1{font-size:1.6rem;margin:.1em 0 .2em}",
      "h2{font-size:1.2rem;margin:1.8em 0 .6em;padding-bottom:.2em;border-bottom:2px solid var(--line)}",
      "h3{font-size:1rem;margin:1em 0 .4em}.sub{color:var(--muted);margin:.2em 0}",
      "nav{display:flex;flex-wrap:wrap;gap:4px 14px;padding-top:8px;padding-bottom:8px;border-bottom:1px solid var(--line)}",
      "a{color:var(--a)}details{margin:.6em 0}summary{cursor:pointer;font-weight:600}",
      ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:10px;margin-top:16px}",
      ".card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 12px}",
      ".card b{display:block;font-size:1.3rem;line-height:1.3}.card span{color:var(--muted);font-size:.85rem}",
      ".grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:12px 28px;align-items:start}",
      ".grid2.wide{grid-template-columns:repeat(auto-fit,minmax(420px,1fr))}@media (max-width:480px){.grid2,.grid2.wide{grid-template-columns:1fr}}",
      "figure{margin:0}figcaption{color:var(--muted);font-size:.85rem}",
      "svg.chart{display:block;width:100%;height:auto;font-size:12px}",
      "svg .label,svg .value,svg .axis{fill:var(--fg)}.bar-a{fill:var(--a)}.bar-b{fill:var(--b)}",
      ".key{display:inline-block;width:10px;height:10px;border-radius:2px;margin:0 2px 0 8px}",
      ".key-a{background:var(--a)}.key-b{background:var(--b)}",
      "svg.lorenz{max-width:380px}.frame{fill:none;stroke:#cbd5e1}.grid{stroke:var(--line)}",
      ".equality{stroke:var(--muted);stroke-dasharray:4 4}.curve{fill:none;stroke:var(--a);stroke-width:2.5}",
      ".gap{fill:rgba(37,99,235,.13)}.gini{font-size:18px;font-weight:600;fill:var(--fg)}",
      "svg.progress{max-width:420px}.progress .track{fill:var(--line)}.progress .fill{fill:var(--ok)}",
      ".table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}",
      "th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}",
      "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}",
      "tr.sum td{font-weight:600;border-bottom:2px solid var(--line)}.steps code{word-break:normal;overflow-wrap:anywhere}",
      ".tag{display:inline-block;padding:0 6px;border-radius:4px;font-size:.72rem;background:#fef3c7;color:#92400e}",
      ".ok{color:var(--ok)}.bad{color:var(--bad)}ul.checks{list-style:none;padding-left:0}",
      ".record{border:1px solid var(--line);border-radius:8px;padding:4px 12px 10px;margin:10px 0}",
      ".record .credit{float:right;font-weight:600}",
      "code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}",
      "footer{margin-top:2.5em;padding-top:1em;padding-bottom:2em;border-top:1px solid var(--line);color:var(--muted);",
      "font-size:.85rem}",
      "@media (max-width:600px){body{font-size:14px}h1{font-size:1.3rem}.cards{grid-template-columns:1fr 1fr}}",
      "@media print{nav{display:none}body{font-size:10.5pt}section,figure,.record{break-inside:avoid}",
      "a{color:inherit;text-decoration:none}.table{overflow:visible}.card{border-color:#999}}");
}
