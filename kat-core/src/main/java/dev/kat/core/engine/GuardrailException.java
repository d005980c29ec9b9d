package dev.kat.core.engine;

/** A guardrail failed while inspecting a batch; the cycle has no partial result. */
public final class GuardrailException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure of guardrail {@code guardrailId}. */
  public GuardrailException(String guardrailId, RuntimeException cause) {
    super("guardrail '" + guardrailId + "' failed: " + cause, cause);
  }
}
