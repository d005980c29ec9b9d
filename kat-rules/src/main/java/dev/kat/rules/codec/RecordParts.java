package dev.kat.rules.codec;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Attributes;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts of one record as a reader collects them; reused row after row. Internal. */
final class RecordParts {
  String id;
  String contributor;
  String dao;
  String workingGroup;
  String category;
  String role;
  Instant occurredAt;
  final Attributes.Builder attributes = Attributes.builder();
  final List<String> counterparts = new ArrayList<>();
  final List<Evidence> evidence = new ArrayList<>();
  final List<Review> reviews = new ArrayList<>();
  String supersedes;

  void clear() {
    id = null;
    contributor = null;
    dao = null;
    workingGroup = null;
    category = null;
    role = null;
    occurredAt = null;
    attributes.clear();
    counterparts.clear();
    evidence.clear();
    reviews.clear();
    supersedes = null;
  }

  /** The record; a missing required value is a bad value naming its field. */
  Contribution build() throws BadValue {
    checkRequired();
    return new Contribution(id, contributor, dao == null ? "" : dao, workingGroup == null ? "" : workingGroup,
        category, role, occurredAt, attributes.build(), counterparts, evidence, reviews, supersedes);
  }

  /**
   * Appends to {@code out} the canonical form ({@link RecordCodec}) of the record {@link #build} would
   * build, without building it: the same checks, in the same order, with the same problems, then the
   * fields in canonical order (attributes by name, counterparts, evidence and reviews sorted as a record
   * sorts them, which this does in place). Sets {@code hints} for the record's people in that order.
   */
  void encode(RecordCodec out, PersonHints hints) throws BadValue {
    checkRequired();
    String d = dao == null ? "" : dao;
    String wg = workingGroup == null ? "" : workingGroup;
    // what the record's constructor checks (the parsers never give it anything else)
    Checks.recordText(id, contributor, d, wg, category, role, counterparts, supersedes);
    Attributes a = attributes.build();
    counterparts.sort(null);
    evidence.sort(Evidence.CANONICAL_ORDER);
    reviews.sort(Review.CANONICAL_ORDER);
    out.append(id, contributor, d, wg, category, role, occurredAt, a, counterparts, evidence, reviews, supersedes);
    hints.of(contributor, counterparts, reviews);
  }

  /** The problems {@link #build} and {@link #encode} report before anything else: missing values, a self-correction. */
  private void checkRequired() throws BadValue {
    required("id", id);
    required("contributor", contributor);
    required("category", category);
    required("role", role);
    if (occurredAt == null) {
      throw new BadValue("occurredAt", "is missing; every record needs the time the work happened");
    }
    if (supersedes != null && supersedes.equals(id)) {
      throw new BadValue("supersedes", "'" + Values.clip(supersedes) + "' names the record itself");
    }
  }

  private static void required(String field, String value) throws BadValue {
    if (value == null || value.isBlank()) {
      throw new BadValue(field, "is missing; every record needs one");
    }
  }

  /** The value of an optional text field: null when absent or blank. */
  static String optional(String value) {
    if (value == null) {
      return null;
    }
    String t = value.trim();
    return t.isEmpty() ? null : t;
  }
}
