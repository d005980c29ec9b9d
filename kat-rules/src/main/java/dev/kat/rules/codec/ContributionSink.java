package dev.kat.rules.codec;

import dev.kat.core.model.Contribution;

/** Receives what a {@link ContributionReader} reads, one row at a time, in file order. */
public interface ContributionSink {

  /**
   * Receives a row read as a record.
   *
   * @param record the record
   * @param location where its row is
   */
  void accept(Contribution record, RowLocation location);

  /**
   * Receives a row that could not be read as a record.
   *
   * @param row the row's location and the reason
   */
  void malformed(MalformedRow row);
}
