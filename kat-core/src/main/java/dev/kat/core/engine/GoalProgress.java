package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Fixed;
import dev.kat.core.policy.Goal;
import java.util.List;

/**
 * Progress towards one {@link Goal} after a cycle. Values are record counts for
 * {@link Goal.Measure#RECORDS}, micro-units for credit and attribute sums.
 *
 * @param goalId the goal
 * @param measure what is summed
 * @param target the target, in the same units as the values
 * @param cycleValue what this cycle added (0 when the cycle is outside the goal's window)
 * @param cumulative the total over the goal's window so far
 * @param workingGroups progress of the working groups that have targets, by working group id
 */
public record GoalProgress(String goalId, Goal.Measure measure, long target, long cycleValue, long cumulative,
    List<Group> workingGroups) {

  /**
   * One working group's part of a goal.
   *
   * @param workingGroup the working group
   * @param target its target
   * @param cycleValue what this cycle added
   * @param cumulative its total so far
   */
  public record Group(String workingGroup, long target, long cycleValue, long cumulative) {

    /** Validates the fields. */
    public Group {
      Checks.notNull(workingGroup, "workingGroup");
    }
  }

  /** Validates and copies the fields. */
  public GoalProgress {
    Checks.notBlank(goalId, "goalId");
    Checks.notNull(measure, "measure");
    workingGroups = List.copyOf(workingGroups);
  }

  /** Cumulative progress as a percentage of the target, rounded half-even to two decimals, as text. */
  public String percent() {
    return percent(cumulative, target);
  }

  static String percent(long value, long target) {
    return new java.math.BigDecimal(value).multiply(java.math.BigDecimal.valueOf(100))
        .divide(new java.math.BigDecimal(target), 2, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  /** One line per goal and working group, the same in every locale. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("goal ").append(goalId).append(": ").append(format(cumulative)).append(" of ").append(format(target))
        .append(" (").append(percent()).append(" %), +").append(format(cycleValue)).append(" this cycle\n");
    for (Group g : workingGroups) {
      sb.append("  ").append(g.workingGroup()).append(": ").append(format(g.cumulative())).append(" of ")
          .append(format(g.target())).append(" (").append(percent(g.cumulative(), g.target())).append(" %), +")
          .append(format(g.cycleValue())).append(" this cycle\n");
    }
    return sb.toString();
  }

  private String format(long v) {
    return measure == Goal.Measure.RECORDS ? Long.toString(v) : Fixed.format(v, 2);
  }
}
