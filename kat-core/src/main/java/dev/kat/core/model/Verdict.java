package dev.kat.core.model;

/** What a reviewer decided about a contribution. */
public enum Verdict {
  /** The reviewer validates the record. */
  APPROVE,
  /** The reviewer finds the record not valid. */
  REJECT,
  /** The reviewer finds the record out of scope (not recognisable work). */
  DISMISS,
  /** The reviewer finds the record a duplicate of another record ({@link Review#duplicateOf()}). */
  DUPLICATE
}
