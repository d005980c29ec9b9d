package dev.kat.bench.baseline;

import dev.kat.core.engine.BatchView;
import dev.kat.core.model.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.internal.utils.KieHelper;

/**
 * The rules-engine baseline for the whole credit formula: {@code whole-policy.drl}, the benchmark policy's
 * credit formula written as Drools rules over one {@link CreditFact} per record, fired once per record.
 *
 * <p>The rule file restates {@code BenchPolicy.creditOnly()} with {@code RulesBenchmark.RULES} compiled in:
 * base credit per category, quantity (hours or currency units), the three modifiers' curves, the twelve
 * adjustments, the role weight and the median quality of the approving reviews, multiplied in the engine's
 * order, so that each record's credit rounded to micro-units is the engine's figure exactly (a test checks
 * this row for row). It exists only to be measured against.
 */
public final class DroolsPerRecordCredit {
  /** The rule file's resource name, next to this class. */
  static final String RULE_FILE = "whole-policy.drl";

  private final KieBase base;

  private DroolsPerRecordCredit(KieBase base) {
    this.base = base;
  }

  /**
   * Compiles the rule file.
   *
   * @throws IllegalStateException if Drools reports an error in the rule file
   */
  public static DroolsPerRecordCredit load() {
    String drl;
    try (InputStream in = DroolsPerRecordCredit.class.getResourceAsStream(RULE_FILE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RULE_FILE + " not found next to "
            + DroolsPerRecordCredit.class.getName());
      }
      drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KieHelper helper = new KieHelper();
    helper.addContent(drl, ResourceType.DRL);
    Results results = helper.verify();
    if (results.hasMessages(Message.Level.ERROR)) {
      throw new IllegalStateException(RULE_FILE + " does not compile: " + results.getMessages(Message.Level.ERROR));
    }
    return new DroolsPerRecordCredit(helper.build());
  }

  /** One fact per row of {@code batch}, in row order. */
  public static List<CreditFact> facts(BatchView batch) {
    List<CreditFact> out = new ArrayList<>(batch.rows());
    for (int row = 0; row < batch.rows(); row++) {
      int n = batch.reviewCount(row);
      double[] qualities = new double[n];
      int m = 0;
      for (int k = 0; k < n; k++) {
        double q = batch.quality(row, k);
        if (batch.verdict(row, k) == Verdict.APPROVE && !Double.isNaN(q)) {
          qualities[m++] = q;
        }
      }
      out.add(new CreditFact(batch.categoryId(batch.category(row)), batch.roleId(batch.role(row)),
          batch.workingGroups() == 0 ? "" : batch.workingGroupId(batch.workingGroup(row)),
          batch.attribute(row, "complexity", Double.NaN), batch.attribute(row, "durationMinutes", Double.NaN),
          batch.attribute(row, "crossCultural", Double.NaN), batch.attribute(row, "preparationEffort", Double.NaN),
          batch.attribute(row, "amount", Double.NaN), Arrays.copyOf(qualities, m)));
    }
    return out;
  }

  /**
   * Each fact's credit, computed in one long-lived session: insert the fact, fire all rules, delete it.
   * The facts' credit is overwritten.
   *
   * <p>Of the ways Drools offers for evaluating one fact at a time, this is the fastest on these rules: a
   * stateless session ({@code KieBase.newStatelessKieSession().execute(fact)} per record) builds a working
   * memory for every record and measured clearly slower in CPU time, and so did a stateless session on a
   * knowledge base built in sequential mode (docs/benchmarks.md has the figures).
   */
  public double[] fireInOneSession(List<CreditFact> facts) {
    double[] out = new double[facts.size()];
    KieSession session = base.newKieSession();
    try {
      for (int i = 0; i < out.length; i++) {
        CreditFact fact = facts.get(i);
        FactHandle h = session.insert(fact);
        session.fireAllRules();
        session.delete(h);
        out[i] = fact.getCredit();
      }
    } finally {
      session.dispose();
    }
    return out;
  }
}
