package dev.kat.core.engine;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** Shared test data: a cycle (October 2026, sequence 1), record and policy shorthands. */
final class Fixtures {
  private Fixtures() {}

  static final Cycle OCTOBER = Cycle.ofMonth(YearMonth.of(2026, 10), 1);

  /** Noon UTC on {@code day} October 2026. */
  static Instant day(int day) {
    return Instant.parse(String.format(Locale.ROOT, "2026-10-%02dT12:00:00Z", day));
  }

  /** A DAO member's record on {@code day} October. */
  static Contribution.Builder rec(String id, String contributor, String category, int day) {
    return Contribution.builder(id, contributor, category, Roles.DAO_MEMBER, day(day));
  }

  /** A policy builder with a member role (weight 1) and an external partner role (weight 1). */
  static Policy.Builder members() {
    return Policy.builder("test").role(Roles.DAO_MEMBER, 1, false).role(Roles.PARTNER, 1, true);
  }

  /** A policy with categories {@code x} and {@code y} paying 1 credit per currency unit. */
  static Policy.Builder xy() {
    return members().category(CategorySpec.of("x", 1, Unit.PER_CURRENCY_UNIT))
        .category(CategorySpec.of("y", 1, Unit.PER_CURRENCY_UNIT));
  }

  /** A record of {@link #xy()} worth exactly {@code credit} before caps. */
  static Contribution worth(String id, String contributor, String category, int day, double credit) {
    return rec(id, contributor, category, day).attribute("amount", credit).build();
  }

  static CycleResult run(Policy policy, List<Contribution> records) {
    return KatEngine.of(policy).run(OCTOBER, records, PriorState.empty());
  }

  static CycleResult run(Policy policy, Contribution... records) {
    return run(policy, List.of(records));
  }
}
