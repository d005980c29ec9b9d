package dev.kat.core.privilege;

/** The privileges and badges the seeds name, and factories for threshold rules. */
public final class Privileges {
  private Privileges() {}

  /** First pick of session slots and times. */
  public static final Privilege PRIORITY_SCHEDULING = new Privilege("priority-scheduling", Privilege.Kind.PRIVILEGE,
      "priority when scheduling sessions");

  /** Access to the advanced session templates. */
  public static final Privilege ADVANCED_TEMPLATES = new Privilege("advanced-templates", Privilege.Kind.PRIVILEGE,
      "access to advanced session templates");

  /** May lead special themes. */
  public static final Privilege LEAD_SPECIAL_THEMES = new Privilege("lead-special-themes", Privilege.Kind.PRIVILEGE,
      "may lead special themes");

  /** Early access to new features and programmes. */
  public static final Privilege EARLY_ACCESS = new Privilege("early-access", Privilege.Kind.PRIVILEGE,
      "early access to new features and programmes");

  /** A recognition badge with the given id and description. */
  public static Privilege badge(String id, String description) {
    return new Privilege(id, Privilege.Kind.BADGE, description);
  }

  /**
   * A rule granting {@code privilege} while {@code metric} is at least {@code threshold}.
   *
   * @throws IllegalArgumentException as {@link ThresholdRule} does
   */
  public static ThresholdRule atLeast(String ruleId, Privilege privilege, Metric metric, double threshold) {
    return new ThresholdRule(ruleId, privilege, metric, null, threshold);
  }

  /**
   * A rule granting {@code privilege} while the contributor has at least {@code count} validated records in
   * {@code category} over their lifetime (e.g. hosted at least 10 validated sessions).
   */
  public static ThresholdRule activity(String ruleId, Privilege privilege, String category, long count) {
    return new ThresholdRule(ruleId, privilege, Metric.ACTIVITY, category, count);
  }

  /**
   * A rule granting {@code privilege} while the contributor has at least {@code count} validated records in
   * {@code category} this cycle.
   */
  public static ThresholdRule recentActivity(String ruleId, Privilege privilege, String category, long count) {
    return new ThresholdRule(ruleId, privilege, Metric.CYCLE_ACTIVITY, category, count);
  }

  /** A rule that holds while every one of {@code rules} holds; grants {@code privilege}. */
  public static PrivilegeRule allOf(String ruleId, Privilege privilege, PrivilegeRule... rules) {
    return new AllOfRule(ruleId, privilege, java.util.List.of(rules));
  }
}
