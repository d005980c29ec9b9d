package dev.kat.core.policy;

import dev.kat.core.internal.Checks;

/**
 * A stakeholder role as a policy recognises it.
 *
 * @param id the role id (see {@link dev.kat.core.model.Roles}), not blank
 * @param weight the multiplier on credit earned in this role, finite and &gt;= 0
 * @param external whether the role is external (not a DAO member): external contributions are
 *     reported separately and, unless a category is a community-contribution category, not eligible
 */
public record RoleSpec(String id, double weight, boolean external) {

  /** Validates the fields. */
  public RoleSpec {
    Checks.notBlank(id, "id");
    Checks.nonNegative(weight, "roles." + id + ".weight");
  }
}
