package dev.kat.core.engine;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Verdict;

/**
 * Read-only columnar access to a batch's accepted records. Rows are numbered {@code 0 … rows()−1};
 * people (contributors, reviewers, counterparts) share one dictionary of dense indices. Row order carries
 * no meaning: code that reads a batch must give the same answer for any order. (A {@link ContributionBatch}
 * stores its rows in canonical order, by content hash and then canonical bytes, whatever the arrival order.)
 */
public interface BatchView {

  /** The number of accepted rows. */
  int rows();

  /** The number of distinct people (contributors, reviewers, counterparts). */
  int people();

  /** The id of person {@code index}. */
  String personId(int index);

  /** The index of person {@code id}, or -1. */
  int personIndex(String id);

  /** The record id of {@code row}. */
  String recordId(int row);

  /** The contributor (person index) of {@code row}. */
  int contributor(int row);

  /** The category index of {@code row}. */
  int category(int row);

  /** The id of category {@code index}. */
  String categoryId(int index);

  /** The number of categories. */
  int categories();

  /** The role index of {@code row}. */
  int role(int row);

  /** The id of role {@code index}. */
  String roleId(int index);

  /** The working-group index of {@code row}. */
  int workingGroup(int row);

  /** The id of working group {@code index}. */
  String workingGroupId(int index);

  /** The number of working groups. */
  int workingGroups();

  /** The time of {@code row} in epoch seconds. */
  long epochSecond(int row);

  /** The value of attribute {@code name} on {@code row}, or {@code fallback}. */
  double attribute(int row, String name, double fallback);

  /** The number of counterparts of {@code row}. */
  int counterpartCount(int row);

  /** The {@code k}-th counterpart (person index) of {@code row}. */
  int counterpart(int row, int k);

  /** The number of reviews of {@code row}. */
  int reviewCount(int row);

  /** The {@code k}-th reviewer (person index) of {@code row}. */
  int reviewer(int row, int k);

  /** The {@code k}-th verdict of {@code row}. */
  Verdict verdict(int row, int k);

  /** The {@code k}-th review's quality score, or NaN. */
  double quality(int row, int k);

  /** The number of evidence references of {@code row}. */
  int evidenceCount(int row);

  /** The 64-bit hash of the {@code k}-th evidence key of {@code row}. */
  long evidenceHash(int row, int k);

  /**
   * The {@code k}-th evidence key of {@code row} ({@link dev.kat.core.model.Evidence#key()}), the text
   * {@link #evidenceHash} hashes. The default decodes the whole record; a batch may read the key alone.
   */
  default String evidenceKey(int row, int k) {
    return record(row).evidence().get(k).key();
  }

  /** A 64-bit hash of the whole record's canonical form. */
  long contentHash(int row);

  /** The record of {@code row}, decoded unchanged. */
  Contribution record(int row);
}
