package dev.kat.core.guard;

/** What a guardrail flag does to the records it names. */
public enum Action {
  /** The records earn nothing; the flag counts as confirmed for karma penalties. */
  REJECT,
  /** The records' credit is multiplied by the flag's factor. */
  DAMPEN,
  /** The records earn nothing this cycle and are listed for human reviewers. */
  HOLD,
  /** Nothing changes; the flag is shown to reviewers only. */
  NOTE
}
