package dev.kat.cli.store;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.ledger.CycleInputs;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.LedgerStore;
import dev.kat.core.ledger.Ledgers;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds ledgers of synthetic cycles for the store tests and the writer child process. */
final class TestLedgers {
  static final Policy POLICY = Policy.builder("store-test").category(CategorySpec.of("docs", 3, Unit.PER_RECORD))
      .role(Roles.DAO_MEMBER, 1, false).budget(10_000).build();
  static final KatEngine ENGINE = KatEngine.of(POLICY);

  private TestLedgers() {}

  /** The inputs of cycle {@code seq}: {@code records} records spread over seven contributors. */
  static CycleInputs inputs(int seq, int records) {
    Cycle cycle = Cycle.ofMonth(YearMonth.of(2020, 1).plusMonths(seq), seq);
    List<Contribution> rs = new ArrayList<>();
    for (int i = 0; i < records; i++) {
      rs.add(Contribution.builder("c" + seq + "-r" + i, "p" + ((i * 7 + seq) % 7), "docs", Roles.DAO_MEMBER,
          YearMonth.of(2020, 1).plusMonths(seq).atDay(1 + i % 28).atStartOfDay().toInstant(ZoneOffset.UTC))
          .approvedBy("validator").evidence("https://evidence.test/" + seq + "/" + i).build());
    }
    return new CycleInputs(cycle, rs, List.of(), List.of(), List.of());
  }

  /** Appends cycles until the store holds {@code count} entries; returns the entries appended. */
  static List<LedgerEntry> extend(LedgerStore store, int count, int records, Runnable afterEach) {
    List<LedgerEntry> existing = store.load();
    List<CycleResult> replayed = Ledgers.replay(existing, POLICY);
    PriorState prior = replayed.isEmpty() ? PriorState.empty() : replayed.get(replayed.size() - 1).nextState();
    LedgerEntry last = existing.isEmpty() ? null : existing.get(existing.size() - 1);
    List<LedgerEntry> out = new ArrayList<>();
    for (int seq = existing.size(); seq < count; seq++) {
      CycleInputs in = inputs(seq, records);
      CycleResult r = in.run(ENGINE, prior);
      last = LedgerEntry.seal(last, in, r);
      store.append(last);
      out.add(last);
      prior = r.nextState();
      afterEach.run();
    }
    return out;
  }
}
