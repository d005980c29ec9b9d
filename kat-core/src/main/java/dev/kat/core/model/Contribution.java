package dev.kat.core.model;

import dev.kat.core.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;

/**
 * One piece of work submitted for recognition.
 *
 * <p>A contribution is an immutable value. Collections are copied and put into a canonical order
 * (attributes by name, counterparts, evidence and reviews sorted), so two records that say the same
 * thing are {@code equal} whatever order their parts were given in. Attribute values are not
 * validated here: a non-finite or negative value is a problem <em>in the data</em>, which admission
 * rejects with a reason and keeps, rather than an exception. Text fields must be well-formed Unicode
 * (no unpaired surrogate): the canonical form is UTF-8, which cannot represent one.
 *
 * @param id the record's unique id within the DAO, not blank
 * @param contributor who did the work, not blank
 * @param dao the DAO the work was done for, not null (may be empty when a run covers one DAO)
 * @param workingGroup the working group, not null (may be empty)
 * @param category the policy category, not blank
 * @param role the contributor's stakeholder role for this work (see {@link Roles}), not blank
 * @param occurredAt when the work happened
 * @param attributes named numbers such as {@code durationMinutes}; copied and sorted by name (an
 *     {@link Attributes} map, which {@link #attributes()} always is, is kept as it is)
 * @param counterparts other contributors the work involved (e.g. the Explorer of a hosted session)
 * @param evidence references to the evidence behind the record
 * @param reviews reviewers' verdicts
 * @param supersedes the id of an earlier record this one corrects, or null
 */
public record Contribution(
    String id,
    String contributor,
    String dao,
    String workingGroup,
    String category,
    String role,
    Instant occurredAt,
    SortedMap<String, Double> attributes,
    List<String> counterparts,
    List<Evidence> evidence,
    List<Review> reviews,
    String supersedes) {

  /** Validates and canonicalises the fields. */
  public Contribution {
    // the text checks are shared with the CSV reader, which writes canonical records without this constructor
    Checks.recordText(id, contributor, dao, workingGroup, category, role, counterparts, supersedes);
    Checks.notNull(occurredAt, "occurredAt");
    // an Attributes map is immutable and was checked when it was built; any other map is checked and copied
    attributes = Attributes.copyOf(Checks.notNull(attributes, "attributes"));
    counterparts = sorted(counterparts, Comparator.naturalOrder());
    evidence = sorted(Checks.notNull(evidence, "evidence"), Evidence.CANONICAL_ORDER);
    reviews = sorted(Checks.notNull(reviews, "reviews"), Review.CANONICAL_ORDER);
  }

  /**
   * An unmodifiable copy of {@code list} in {@code order}. Most lists hold zero, one or two items, so those
   * are copied without a sort; null items fail as {@code List.copyOf} would.
   */
  private static <T> List<T> sorted(List<T> list, Comparator<? super T> order) {
    switch (list.size()) {
      case 0:
        return List.of();
      case 1:
        return List.of(list.get(0));
      case 2: {
        T a = list.get(0);
        T b = list.get(1);
        return order.compare(a, b) <= 0 ? List.of(a, b) : List.of(b, a);
      }
      default: {
        List<T> copy = new ArrayList<>(list);
        copy.sort(order);
        return List.copyOf(copy);
      }
    }
  }

  /** The attribute's value, or {@code fallback} when the record does not carry it. */
  public double attribute(String name, double fallback) {
    return ((Attributes) attributes).value(name, fallback);
  }

  /** A builder for a record with the given id, contributor, category, role and time. */
  public static Builder builder(
      String id, String contributor, String category, String role, Instant occurredAt) {
    return new Builder(id, contributor, category, role, occurredAt);
  }

  /** A copy of this record with other reviews. */
  public Contribution withReviews(List<Review> newReviews) {
    return new Contribution(id, contributor, dao, workingGroup, category, role, occurredAt,
        attributes, counterparts, evidence, newReviews, supersedes);
  }

  /** A copy of this record with another id. */
  public Contribution withId(String newId) {
    return new Contribution(newId, contributor, dao, workingGroup, category, role, occurredAt,
        attributes, counterparts, evidence, reviews, supersedes);
  }

  /** A copy of this record credited to another contributor. */
  public Contribution withContributor(String newContributor) {
    return new Contribution(id, newContributor, dao, workingGroup, category, role, occurredAt,
        attributes, counterparts, evidence, reviews, supersedes);
  }

  /** Builds a {@link Contribution} step by step; not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String contributor;
    private final String category;
    private final String role;
    private final Instant occurredAt;
    private String dao = "";
    private String workingGroup = "";
    private final Attributes.Builder attributes = Attributes.builder();
    private final List<String> counterparts = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<Review> reviews = new ArrayList<>();
    private String supersedes;

    private Builder(String id, String contributor, String category, String role, Instant occurredAt) {
      this.id = id;
      this.contributor = contributor;
      this.category = category;
      this.role = role;
      this.occurredAt = occurredAt;
    }

    /** Sets the DAO. */
    public Builder dao(String value) {
      this.dao = value;
      return this;
    }

    /** Sets the working group. */
    public Builder workingGroup(String value) {
      this.workingGroup = value;
      return this;
    }

    /** Sets a named attribute. */
    public Builder attribute(String name, double value) {
      attributes.put(name, value);
      return this;
    }

    /** Adds a counterpart. */
    public Builder counterpart(String value) {
      counterparts.add(value);
      return this;
    }

    /** Adds evidence by URI. */
    public Builder evidence(String uri) {
      evidence.add(Evidence.of(uri));
      return this;
    }

    /** Adds evidence. */
    public Builder evidence(Evidence value) {
      evidence.add(value);
      return this;
    }

    /** Adds a review. */
    public Builder review(Review value) {
      reviews.add(value);
      return this;
    }

    /** Adds an approval by {@code reviewer}. */
    public Builder approvedBy(String reviewer) {
      reviews.add(Review.approve(reviewer));
      return this;
    }

    /** Marks this record as a correction of {@code earlierId}. */
    public Builder supersedes(String earlierId) {
      this.supersedes = earlierId;
      return this;
    }

    /** Builds the record; throws IllegalArgumentException or NullPointerException naming a bad field. */
    public Contribution build() {
      return new Contribution(id, contributor, dao, workingGroup, category, role, occurredAt,
          attributes.build(), counterparts, evidence, reviews, supersedes);
    }
  }
}
