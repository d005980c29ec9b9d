package dev.kat.rules.engine;

import dev.kat.rules.internal.Checks;
import java.util.function.ToDoubleFunction;

/**
 * The fact a record rule sees: the discrete fields of a record (category, role, working group) and at most
 * one attribute. Record rules are evaluated once per distinct combination of these, never per record, and
 * compiled into the policy's credit adjustments.
 *
 * <p>Rule files may read {@code category}, {@code role}, {@code workingGroup} and {@code attr("name")}, and
 * call {@link #multiply(double, String)}. A record that does not carry the attribute a rule tests never
 * matches that rule.
 *
 * <p><b>Stability:</b> evolving; the fields rule files read are stable.
 */
public final class Contribution {
  private final String category;
  private final String role;
  private final String workingGroup;
  private final ToDoubleFunction<String> attributes;
  private final String shown;
  private final String key;
  private final Recorder recorder;

  Contribution(Recorder recorder, String category, String role, String workingGroup,
      ToDoubleFunction<String> attributes, String shown, String key) {
    this.key = key;
    this.recorder = recorder;
    this.category = category;
    this.role = role;
    this.workingGroup = workingGroup;
    this.attributes = attributes;
    this.shown = shown;
  }

  /** The record's category. */
  public String getCategory() {
    return category;
  }

  /** The contributor's role for this record. */
  public String getRole() {
    return role;
  }

  /** The record's working group (empty when it has none). */
  public String getWorkingGroup() {
    return workingGroup;
  }

  /** The value of attribute {@code name}; NaN (matching no comparison) when the record does not carry it. */
  public double attr(String name) {
    return attributes.applyAsDouble(name);
  }

  /**
   * Multiplies the record's credit by {@code factor}.
   *
   * @param factor the multiplier, finite and &gt;= 0
   * @param reason words the contributor reads in their statement, not blank
   * @throws IllegalArgumentException if the factor is negative or not finite, or the reason is blank
   */
  public void multiply(double factor, String reason) {
    Checks.argument(Double.isFinite(factor) && factor >= 0, "factor (" + factor + ") must be finite and >= 0");
    Checks.notBlank(reason, "reason");
    recorder.add(Effect.Kind.MULTIPLY, subject(), category, factor, "", reason);
  }

  String subject() {
    return key;
  }

  @Override
  public String toString() {
    String wg = workingGroup.startsWith("\u0000") ? "(any undeclared)" : workingGroup;
    return "Contribution[category=" + category + ", role=" + role + ", workingGroup=" + wg
        + (shown.isEmpty() ? "" : ", " + shown) + "]";
  }
}
