package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A cycle's totals for the people who read reports: validated records and final credit by DAO, working
 * group, category and role; external (non-member) contributors' work tracked separately, as the seeds
 * require; and progress against the policy's goals. Records held or reduced to zero credit do not count
 * as validated. Credit in micro-units.
 *
 * @param byDao totals by DAO ("" when records name none)
 * @param byWorkingGroup totals by working group ("" when records name none)
 * @param byCategory totals by category
 * @param byRole totals by role
 * @param external totals over records in external roles
 * @param externalByContributor those totals by external contributor
 * @param goals progress towards each goal, in goal id order
 */
public record CycleReport(SortedMap<String, Totals> byDao, SortedMap<String, Totals> byWorkingGroup,
    SortedMap<String, Totals> byCategory, SortedMap<String, Totals> byRole, Totals external,
    SortedMap<String, Totals> externalByContributor, List<GoalProgress> goals) {

  /**
   * Validated records and their credit.
   *
   * @param records the number of validated records
   * @param credit their final credit, in micro-units
   */
  public record Totals(long records, long credit) {

    /** No records. */
    public static final Totals ZERO = new Totals(0, 0);

    /** Validates the fields. */
    public Totals {
      Checks.nonNegative(records, "records");
      Checks.nonNegative(credit, "credit");
    }

    /** These totals plus one record of {@code recordCredit}. */
    public Totals plus(long recordCredit) {
      return new Totals(records + 1, credit + recordCredit);
    }
  }

  /** Validates and copies the fields. */
  public CycleReport {
    byDao = copy(byDao);
    byWorkingGroup = copy(byWorkingGroup);
    byCategory = copy(byCategory);
    byRole = copy(byRole);
    Checks.notNull(external, "external");
    externalByContributor = copy(externalByContributor);
    goals = List.copyOf(goals);
  }

  private static SortedMap<String, Totals> copy(SortedMap<String, Totals> m) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(m));
  }

  /** The report as plain text, the same in every locale. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    section(sb, "by DAO", byDao);
    section(sb, "by working group", byWorkingGroup);
    section(sb, "by category", byCategory);
    section(sb, "by role", byRole);
    sb.append("external collaborators: ").append(external.records()).append(" records, ")
        .append(Fixed.format(external.credit(), 2)).append(" credit\n");
    externalByContributor.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v.records())
        .append(" records, ").append(Fixed.format(v.credit(), 2)).append(" credit\n"));
    for (GoalProgress g : goals) {
      sb.append(g.render());
    }
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, Map<String, Totals> m) {
    sb.append(title).append(":\n");
    m.forEach((k, v) -> sb.append("  ").append(k.isEmpty() ? "(none)" : k).append(": ").append(v.records())
        .append(" records, ").append(Fixed.format(v.credit(), 2)).append(" credit\n"));
  }
}
