package dev.kat.core.guard;

/** How serious a flag is, for reviewers' triage. */
public enum Severity {
  /** Informational. */
  INFO,
  /** Worth a look. */
  LOW,
  /** Likely gaming. */
  MEDIUM,
  /** Almost certainly gaming. */
  HIGH
}
