package dev.kat.core.engine;

import dev.kat.core.guard.Action;
import dev.kat.core.guard.FlagSink;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.guard.Severity;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** A test guardrail that raises one flag with a fixed action on the named records, as listed. */
final class FlagRecords implements Guardrail {
  private final String id;
  private final Action action;
  private final double factor;
  private final List<String> recordIds;

  FlagRecords(String id, Action action, double factor, String... recordIds) {
    this.id = id;
    this.action = action;
    this.factor = factor;
    this.recordIds = List.of(recordIds);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public SortedMap<String, String> parameters() {
    TreeMap<String, String> m = new TreeMap<>();
    m.put("records", String.join(",", recordIds));
    return Collections.unmodifiableSortedMap(m);
  }

  @Override
  public void inspect(GuardContext context, FlagSink sink) {
    int[] rows = new int[recordIds.size()];
    int[] people = new int[recordIds.size()];
    int n = 0;
    for (String rid : recordIds) {
      for (int row = 0; row < context.batch().rows(); row++) {
        if (context.batch().recordId(row).equals(rid)) {
          rows[n] = row;
          people[n] = context.batch().contributor(row);
          n++;
        }
      }
    }
    if (n > 0) {
      sink.flag(Severity.HIGH, action, factor, java.util.Arrays.copyOf(rows, n), java.util.Arrays.copyOf(people, n),
          id + " on " + recordIds);
    }
  }
}
