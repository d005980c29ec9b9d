package dev.kat.example.plugin;

import dev.kat.core.engine.BatchView;
import dev.kat.core.guard.Action;
import dev.kat.core.guard.FlagSink;
import dev.kat.core.guard.GuardContext;
import dev.kat.core.guard.Guardrail;
import dev.kat.core.guard.Severity;
import dev.kat.rules.policy.GuardrailFactory;
import dev.kat.rules.policy.Parameters;
import java.util.SortedMap;
import java.util.TreeMap;

/** A guardrail in Java: holds for review every record shorter than {@code minMinutes} in one category. */
public final class ShortSessionGuardrail implements GuardrailFactory {
  /** Creates the factory (ServiceLoader needs a public no-argument constructor). */
  public ShortSessionGuardrail() {}

  @Override
  public String id() {
    return "short-session";
  }

  @Override
  public Guardrail create(Parameters parameters) {
    String category = parameters.string("category", "session_hosting");
    double minMinutes = parameters.number("minMinutes", 10);
    if (!(minMinutes > 0)) {
      throw new IllegalArgumentException("parameter minMinutes (" + minMinutes + ") must be > 0");
    }
    return new Guardrail() {
      @Override
      public String id() {
        return "short-session";
      }

      @Override
      public SortedMap<String, String> parameters() {
        TreeMap<String, String> m = new TreeMap<>();
        m.put("category", category);
        m.put("minMinutes", Double.toString(minMinutes));
        return m;
      }

      @Override
      public void inspect(GuardContext context, FlagSink sink) {
        BatchView b = context.batch();
        for (int row = 0; row < b.rows(); row++) {
          double minutes = b.attribute(row, "durationMinutes", Double.NaN);
          if (b.categoryId(b.category(row)).equals(category) && minutes < minMinutes) {
            sink.flag(Severity.LOW, Action.HOLD, 0, new int[] {row}, new int[] {b.contributor(row)},
                "a " + category + " record of " + minutes + " minutes, under " + minMinutes);
          }
        }
      }
    };
  }
}
