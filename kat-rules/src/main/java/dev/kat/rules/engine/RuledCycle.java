package dev.kat.rules.engine;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.RecordLine;
import dev.kat.core.engine.Statement;
import dev.kat.core.engine.Step;
import dev.kat.rules.internal.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A cycle run with contributor, working-group and pair rules: the final result, what every rule did and how much
 * credit each contributor gained or lost by them.
 *
 * @param result the cycle's result, with the rules' credit changes applied
 * @param effects what the rules did, in firing order (salience, rule name, subject)
 * @param creditChanges credit gained (positive) or lost (negative) through contributor rules, in micro-units,
 *     by contributor
 * @param recordRules the names of the record rules compiled into the result's policy, whose steps
 *     {@link #render(String)} sums per record
 * @param effectCredits the credit each effect changed, in micro-units, aligned with {@code effects} (0 for
 *     grants, flags and working-group effects)
 */
public record RuledCycle(CycleResult result, List<Effect> effects, SortedMap<String, Long> creditChanges,
    SortedSet<String> recordRules, List<Long> effectCredits) {

  /** Validates and copies the fields. */
  public RuledCycle {
    Checks.notNull(result, "result");
    effects = List.copyOf(effects);
    effectCredits = List.copyOf(effectCredits);
    Checks.argument(effectCredits.size() == effects.size(), "effectCredits (" + effectCredits.size()
        + " values) must have one value per effect (" + effects.size() + ")");
    creditChanges = Collections.unmodifiableSortedMap(new TreeMap<>(creditChanges));
    recordRules = Collections.unmodifiableSortedSet(new TreeSet<>(recordRules));
  }

  /** The effects concerning {@code subject} (a contributor id, or {@code "working group <name>"}). */
  public List<Effect> effects(String subject) {
    List<Effect> out = new ArrayList<>();
    effects.stream().filter(e -> e.subject().equals(subject)).forEach(out::add);
    return out;
  }

  /** The privileges and badges granted, in firing order. */
  public List<Effect> grants() {
    List<Effect> out = new ArrayList<>();
    effects.stream().filter(e -> e.kind() == Effect.Kind.GRANT).forEach(out::add);
    return out;
  }

  /** The credit {@code contributor} gained or lost through rules, in micro-units. */
  public long creditChange(String contributor) {
    Long v = creditChanges.get(contributor);
    return v == null ? 0 : v;
  }

  /**
   * The contributor's statement followed by the rules that changed their recognition: each record rule step
   * with the credit it added to or removed from the record at the credit stage (the other steps unchanged),
   * then the contributor rules with the credit they changed, privileges granted and flags raised. The same
   * text in every locale.
   */
  public String render(String contributor) {
    Statement statement = result.statement(contributor);
    StringBuilder sb = new StringBuilder(statement.render());
    StringBuilder lines = new StringBuilder();
    for (RecordLine line : statement.records()) {
      for (Step step : line.creditSteps()) {
        if (recordRules.contains(step.ruleId())) {
          lines.append("  ").append(line.recordId()).append(' ').append(step.ruleId()).append(": x")
              .append(BigDecimal.valueOf(step.factor()).stripTrailingZeros().toPlainString());
          if (step.factor() > 0) {
            // what the record's credit-stage figure would lose without this step, the other steps unchanged
            BigDecimal raw = BigDecimal.valueOf(line.rawCredit());
            long without = raw.divide(BigDecimal.valueOf(step.factor()), 0, RoundingMode.HALF_EVEN).longValueExact();
            lines.append(" (").append(signed(line.rawCredit() - without)).append(" credit)");
          }
          lines.append('\n');
        }
      }
    }
    if (lines.length() > 0) {
      sb.append("record rules:\n").append(lines);
    }
    List<Effect> mine = effects(contributor);
    if (!mine.isEmpty()) {
      sb.append("rules:\n");
      for (Effect e : mine) {
        sb.append("  ").append(e.rule()).append(": ");
        switch (e.kind()) {
          case MULTIPLY:
            sb.append("x").append(BigDecimal.valueOf(e.factor()).stripTrailingZeros().toPlainString())
                .append(" on ").append(e.category().equals("*") ? "all" : e.category()).append(" credit");
            break;
          case GRANT:
            sb.append("grants ").append(e.value());
            break;
          default:
            sb.append("flag");
            break;
        }
        sb.append(" (").append(e.reason()).append(")\n");
      }
      sb.append("  credit changed by rules: ").append(micros(creditChange(contributor))).append('\n');
    }
    return sb.toString();
  }

  private static String signed(long v) {
    return (v >= 0 ? "+" : "") + micros(v);
  }

  private static String micros(long v) {
    return String.format(Locale.ROOT, "%s", BigDecimal.valueOf(v, 6).toPlainString());
  }
}
