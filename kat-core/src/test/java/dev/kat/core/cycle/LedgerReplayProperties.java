package dev.kat.core.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.guard.Action;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.FlagSink;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.guard.Severity;
import dev.kat.core.ledger.Adjustment;
import dev.kat.core.ledger.InMemoryLedgerStore;
import dev.kat.core.ledger.LedgerCodec;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.Ledgers;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.ExceptionLimits;
import dev.kat.core.policy.Goal;
import dev.kat.core.policy.KarmaPolicy;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import dev.kat.core.alloc.AllocationShare;
import dev.kat.core.alloc.Allocations;
import dev.kat.core.privilege.Metric;
import dev.kat.core.privilege.Privileges;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Replaying a ledger reproduces every finalized result byte for byte: the ledger is built through the
 * workflow from random cycles (records, disputes, voids, releases of guardrail holds, grants, corrections,
 * several allocation policies, karma, privileges, goals), written to text, read back and replayed.
 */
class LedgerReplayProperties {

  /** Holds every record whose {@code suspicious} attribute is positive. */
  static final class HoldSuspicious implements Guardrail {
    @Override
    public String id() {
      return "hold-suspicious";
    }

    @Override
    public SortedMap<String, String> parameters() {
      return Collections.unmodifiableSortedMap(new TreeMap<>());
    }

    @Override
    public void inspect(GuardContext context, FlagSink sink) {
      for (int row = 0; row < context.batch().rows(); row++) {
        if (context.batch().attribute(row, "suspicious", 0) > 0) {
          sink.flag(Severity.MEDIUM, Action.HOLD, 0, new int[] {row}, new int[] {context.batch().contributor(row)},
              "marked suspicious");
        }
      }
    }
  }

  static Policy policy() {
    return Policy.builder("replay").category(CategorySpec.of("session", 4, Unit.PER_HOUR))
        .category(CategorySpec.of("docs", 3, Unit.PER_RECORD))
        .role(Roles.DAO_MEMBER, 1, false).role(Roles.COMMUNITY_COLLABORATOR, 0.5, true)
        .budget(997).karma(new KarmaPolicy(2, 0.5, 3, -10, 500, 0.5)).guardrail(new HoldSuspicious())
        .allocation(new AllocationShare(Allocations.recent(), 60), new AllocationShare(Allocations.balanced(), 30),
            new AllocationShare(Allocations.fixedRate(3), 10))
        .exceptionLimits(new ExceptionLimits(50, 10))
        .privilege(Privileges.atLeast("k", Privileges.EARLY_ACCESS, Metric.KARMA, 8))
        .privilege(Privileges.activity("s", Privileges.ADVANCED_TEMPLATES, "session", 4))
        .goal(Goal.attributeSum("hours", "session", "hours", 100).withWorkingGroup("wg1", 40))
        .build();
  }

  @Property(tries = 30)
  void replay_reproducesEveryFinalizedResult(@ForAll long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Policy policy = policy();
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    List<CycleResult> finalized = new ArrayList<>();
    List<String> earlier = new ArrayList<>();
    int cycles = 1 + rnd.nextInt(4);
    int seq = 0;
    for (int c = 0; c < cycles; c++) {
      seq += 1 + rnd.nextInt(2);
      Cycle cycle = Cycle.ofMonth(YearMonth.of(2025, 1).plusMonths(seq), seq);
      CycleWorkflow w = CycleHistory.open(store, policy).start(policy, cycle);
      List<Contribution> records = new ArrayList<>();
      int n = rnd.nextInt(12);
      for (int i = 0; i < n; i++) {
        String who = "p" + rnd.nextInt(5);
        boolean external = rnd.nextInt(6) == 0;
        Contribution.Builder b = Contribution.builder("c" + seq + "-" + i, who, rnd.nextBoolean() ? "session" : "docs",
            external ? Roles.COMMUNITY_COLLABORATOR : Roles.DAO_MEMBER,
            YearMonth.of(2025, 1).plusMonths(seq).atDay(1 + rnd.nextInt(28)).atStartOfDay().toInstant(ZoneOffset.UTC))
            .workingGroup("wg" + rnd.nextInt(3)).attribute("hours", rnd.nextInt(7) * 0.5)
            .approvedBy("rev" + rnd.nextInt(2));
        if (rnd.nextInt(5) == 0) {
          b.attribute("suspicious", 1);
        }
        if (!earlier.isEmpty() && rnd.nextInt(3) == 0) {
          b.supersedes(earlier.get(rnd.nextInt(earlier.size())));
        }
        records.add(b.build());
      }
      if (rnd.nextInt(8) == 0 && !records.isEmpty()) {
        records.add(records.get(0));
      }
      Collections.shuffle(records, new java.util.Random(rnd.nextLong()));
      w.submitAll(records).beginReview();
      for (Contribution r : records) {
        if (rnd.nextInt(7) == 0) {
          w.dispute(r.id(), "auditor", "checking " + r.id());
        }
      }
      if (rnd.nextBoolean()) {
        w.adjust(Adjustment.grant("p" + rnd.nextInt(5), 1 + rnd.nextInt(20_000_000), "steward", "helped out"));
      }
      w.validate();
      Preview p = w.preview();
      // settle every hold the audit names: release or void at random
      for (String failure : p.audit().checks().get(0).failures()) {
        String id = failure.split(" ")[1];
        String who = records.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().contributor();
        w.adjust(rnd.nextBoolean() ? Adjustment.release(id, who, "steward", "checked, fine")
            : Adjustment.voidRecord(id, who, "steward", "not acceptable"));
      }
      p = w.preview();
      if (!p.audit().passed()) {
        // corrections of corrected records or of records never credited cannot be finalized: drop the cycle
        continue;
      }
      w.finalizeCycle();
      CycleResult done = w.finalizedResult().orElseThrow();
      finalized.add(done);
      done.statements().forEach(st -> st.records().forEach(line -> earlier.add(line.recordId())));
    }
    net.jqwik.api.statistics.Statistics.label("finalized cycles").collect(finalized.size());
    net.jqwik.api.statistics.Statistics.label("corrections").collect(
        store.load().stream().mapToInt(e -> e.inputs().corrections().size()).sum() > 0);
    net.jqwik.api.statistics.Statistics.label("released holds").collect(store.load().stream()
        .anyMatch(e -> e.inputs().adjustments().stream().anyMatch(a -> a.kind() == dev.kat.core.ledger.AdjustmentKind.RELEASE)));
    List<LedgerEntry> entries = LedgerCodec.decodeAll(LedgerCodec.encodeAll(store.load()));
    assertEquals(store.load(), entries);
    List<CycleResult> replayed = Ledgers.replay(entries, policy);
    assertEquals(finalized.size(), replayed.size());
    LedgerEntry previous = null;
    for (int i = 0; i < replayed.size(); i++) {
      assertEquals(finalized.get(i).contentHash(), replayed.get(i).contentHash());
      assertEquals(finalized.get(i).nextState(), replayed.get(i).nextState());
      LedgerEntry resealed = LedgerEntry.seal(previous, entries.get(i).inputs(), replayed.get(i));
      assertEquals(entries.get(i), resealed);
      assertEquals(LedgerCodec.encode(entries.get(i)), LedgerCodec.encode(resealed));
      previous = resealed;
    }
  }
}
