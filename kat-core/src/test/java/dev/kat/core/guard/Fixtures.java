package dev.kat.core.guard;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Review;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Shared test data: a small policy, a cycle, record builders and generated populations. */
final class Fixtures {
  private Fixtures() {}

  static final Cycle CYCLE = Cycle.ofMonth(YearMonth.of(2026, 10), 3);
  static final String M = Roles.DAO_MEMBER;

  /** A policy with "session" (10 credit per record) and "docs" (5 credit), one role, budget 1,000,000. */
  static Policy policy(Guardrail... guardrails) {
    Policy.Builder b = Policy.builder("guard-test")
        .category(CategorySpec.of("session", 10, Unit.PER_RECORD))
        .category(CategorySpec.of("docs", 5, Unit.PER_RECORD))
        .role(M, 1, false)
        .budget(1_000_000);
    for (Guardrail g : guardrails) {
      b.guardrail(g);
    }
    return b.build();
  }

  static Policy policy(List<Guardrail> guardrails) {
    return policy(guardrails.toArray(new Guardrail[0]));
  }

  /** October 2026, day {@code day} (1-based), at {@code hour}:00 UTC. */
  static Instant at(int day, int hour) {
    return Instant.parse(String.format(java.util.Locale.ROOT, "2026-10-%02dT%02d:00:00Z", day, hour));
  }

  static Contribution.Builder session(String id, String host, String guest, Instant t) {
    return Contribution.builder(id, host, "session", M, t).counterpart(guest);
  }

  static Contribution.Builder docs(String id, String who, Instant t) {
    return Contribution.builder(id, who, "docs", M, t);
  }

  static CycleResult run(Policy policy, List<Contribution> records) {
    return run(policy, records, PriorState.empty());
  }

  static CycleResult run(Policy policy, List<Contribution> records, PriorState prior) {
    return KatEngine.of(policy).run(CYCLE, records, prior);
  }

  static List<Contribution> shuffled(List<Contribution> records, long seed) {
    List<Contribution> copy = new ArrayList<>(records);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }

  /**
   * A generated population. Honest members host sessions for random other members, write docs and are
   * approved by one of a few stewards; {@code adversarial} adds a swapping ring, farmers with bursts,
   * self-dealers, evidence reusers and a sybil cluster that approves itself.
   */
  static List<Contribution> population(long seed, int honest, boolean adversarial) {
    Random rnd = new Random(seed);
    List<Contribution> out = new ArrayList<>();
    int stewards = Math.max(2, honest / 25);
    int id = 0;
    for (int h = 0; h < honest; h++) {
      String me = "h" + h;
      int records = 1 + rnd.nextInt(6);
      for (int k = 0; k < records; k++) {
        Instant t = at(1 + rnd.nextInt(28), rnd.nextInt(24));
        String steward = "steward" + rnd.nextInt(stewards);
        if (rnd.nextBoolean()) {
          int guest = rnd.nextInt(honest - 1);
          if (guest >= h) {
            guest++;
          }
          out.add(session("r" + id++, me, "h" + guest, t).approvedBy(steward)
              .evidence("https://example.org/h/" + id).build());
        } else {
          out.add(docs("r" + id++, me, t).approvedBy(steward).evidence("https://example.org/h/" + id).build());
        }
      }
    }
    if (adversarial) {
      int ring = 3 + rnd.nextInt(4);
      for (int s = 0; s < 6 * ring; s++) {
        int a = s % ring;
        int b = (a + 1 + rnd.nextInt(ring - 1)) % ring;
        out.add(session("ring" + id++, "ring" + a, "ring" + b, at(1 + rnd.nextInt(28), rnd.nextInt(24)))
            .approvedBy("ring" + b).build());
      }
      for (int s = 0; s < 40; s++) {
        out.add(docs("farm" + id++, "farmer", at(27, 10)).approvedBy("steward0").build());
      }
      out.add(session("self" + id++, "selfish", "selfish", at(5, 5)).approvedBy("steward0").build());
      for (int s = 0; s < 3; s++) {
        out.add(docs("reuse" + id++, "reuser", at(6 + s, 8)).approvedBy("steward1")
            .evidence("https://example.org/same-report").build());
      }
      for (int s = 0; s < 12; s++) {
        out.add(docs("sybil" + id++, "sybil" + (s % 4), at(10 + s, 9)).approvedBy("sybil" + ((s + 1) % 4)).build());
      }
      for (int s = 0; s < 8; s++) {
        out.add(docs("cozy" + id++, "cozy", at(3 + s, 14)).approvedBy("buddy").build());
      }
      for (int s = 0; s < 24; s++) {
        Contribution.Builder peer = docs("peer" + id++, "h" + (s % honest), at(1 + s, 20)).approvedBy("stamp");
        for (int c = 0; c < 3; c++) {
          peer.review(s % 3 == 0 ? Review.reject("critic" + c) : Review.approve("critic" + c));
        }
        out.add(peer.build());
      }
      for (int s = 0; s < 3; s++) {
        out.add(docs("lazy" + id++, "lazy", at(4 + s, 16)).approvedBy("stamp").build());
      }
      for (int s = 0; s < 150; s++) {
        out.add(docs("whale" + id++, "whale", at(1 + s / 6, (s % 6) * 4)).approvedBy("steward0")
            .evidence("https://example.org/whale/" + s).build());
      }
    }
    return out;
  }
}
