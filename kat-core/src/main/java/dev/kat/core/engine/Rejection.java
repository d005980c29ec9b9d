package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.model.Contribution;

/**
 * A record admission did not accept, kept unchanged with the reason.
 *
 * @param record the record as submitted
 * @param code the reason code
 * @param message the reason in words, naming the field at fault
 */
public record Rejection(Contribution record, RejectionCode code, String message) {

  /** Validates the fields. */
  public Rejection {
    Checks.notNull(record, "record");
    Checks.notNull(code, "code");
    Checks.notBlank(message, "message");
  }

  @Override
  public String toString() {
    return record.id() + " " + code + ": " + message;
  }
}
