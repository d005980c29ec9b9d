package dev.kat.rules.policy;

import dev.kat.core.guard.Guardrail;

/**
 * Creates a {@link Guardrail} from the settings a policy document gives under its id in {@code guardrails}.
 *
 * <p><b>Stability:</b> evolving. Implementations may be registered with {@link java.util.ServiceLoader}.
 */
public interface GuardrailFactory {

  /** The guardrail id this factory answers to, e.g. {@code evidence-reuse}. */
  String id();

  /**
   * A guardrail configured by {@code parameters}.
   *
   * @throws IllegalArgumentException naming the parameter, if a parameter is missing or out of range
   */
  Guardrail create(Parameters parameters);
}
