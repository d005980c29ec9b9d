package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Dictionary;
import dev.kat.core.internal.DoubleColumn;
import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.LongIntMap;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cycle's records after admission, held in columns: the engine's batch form.
 *
 * <p>Records are admitted one at a time as they arrive ({@link Builder#add}); an accepted record is
 * encoded into primitive columns (person, category, role, working group, time, the attributes the policy
 * reads, reviews, counterparts and evidence hashes) plus a compact remainder (id, evidence URIs and the
 * like, dictionary- and varint-coded; see {@link RowStore}) from which its canonical bytes are regenerated
 * exactly, so the caller never holds the record objects and every accepted record can still be given back
 * unchanged. Rejected records are kept whole with their reason. Immutable once built; safe to share
 * between threads.
 */
public final class ContributionBatch implements BatchView {
  private final Cycle cycle;
  private final Policy policy;
  private final RowStore store;
  private final List<String> categoryIds;
  private final List<String> roleIds;
  private final List<String> workingGroupIds;
  private final RejectionList rejections;
  private final long inputCount;

  private ContributionBatch(Builder b, boolean[] live) {
    this.cycle = b.cycle;
    this.policy = b.policy;
    b.store.retain(live);
    b.store.freeze();
    this.store = b.store;
    this.categoryIds = List.copyOf(b.policy.categories().keySet());
    this.roleIds = List.copyOf(b.policy.roles().keySet());
    this.workingGroupIds = store.workingGroups.values();
    List<Rejection> rej = new ArrayList<>(b.rejections);
    rej.sort(REJECTION_ORDER);
    this.rejections = new RejectionList(rej);
    this.inputCount = b.inputCount;
  }

  /** Canonical order of rejections: by record id, then reason, then the record's canonical bytes. */
  static final Comparator<Rejection> REJECTION_ORDER = Comparator
      .comparing((Rejection x) -> x.record().id())
      .thenComparing(Rejection::code)
      .thenComparing((x, y) -> Arrays.compare(RecordCodec.encode(x.record()), RecordCodec.encode(y.record())));

  /** The cycle the batch was admitted for. */
  public Cycle cycle() {
    return cycle;
  }

  /** The policy the batch was admitted under. */
  public Policy policy() {
    return policy;
  }

  /** Records rejected at admission, in canonical order. */
  public List<Rejection> rejections() {
    return rejections;
  }

  /** The rejections as stored: canonical bytes, codes and messages. */
  RejectionList rejectionList() {
    return rejections;
  }

  /** The number of records given to the builder: always {@code rows() + rejections().size()}. */
  public long inputCount() {
    return inputCount;
  }

  @Override
  public int rows() {
    return store.rows();
  }

  @Override
  public int people() {
    return store.people.size();
  }

  @Override
  public String personId(int index) {
    return store.people.value(index);
  }

  @Override
  public int personIndex(String id) {
    return store.people.find(id);
  }

  @Override
  public String recordId(int row) {
    return store.recordId(row);
  }

  @Override
  public int contributor(int row) {
    return store.person(row);
  }

  @Override
  public int category(int row) {
    return store.category(row);
  }

  @Override
  public String categoryId(int index) {
    return categoryIds.get(index);
  }

  @Override
  public int categories() {
    return categoryIds.size();
  }

  @Override
  public int role(int row) {
    return store.role(row);
  }

  @Override
  public String roleId(int index) {
    return roleIds.get(index);
  }

  /** The number of roles. */
  public int roles() {
    return roleIds.size();
  }

  @Override
  public int workingGroup(int row) {
    return store.workingGroup(row);
  }

  @Override
  public String workingGroupId(int index) {
    return workingGroupIds.get(index);
  }

  @Override
  public int workingGroups() {
    return workingGroupIds.size();
  }

  @Override
  public long epochSecond(int row) {
    return store.epochSecond(row);
  }

  @Override
  public double attribute(int row, String name, double fallback) {
    DoubleColumn col = store.attributeColumn(name);
    if (col != null) {
      double v = col.get(row);
      return Double.isNaN(v) ? fallback : v;
    }
    return record(row).attribute(name, fallback);
  }

  /** The column of a policy-read attribute (NaN where absent), or null if the policy does not read it. */
  DoubleColumn attributeColumn(String name) {
    return store.attributeColumn(name);
  }

  @Override
  public int counterpartCount(int row) {
    return store.counterpartCount(row);
  }

  @Override
  public int counterpart(int row, int k) {
    return store.counterpart(row, k);
  }

  @Override
  public int reviewCount(int row) {
    return store.reviewCount(row);
  }

  @Override
  public int reviewer(int row, int k) {
    return store.reviewer(row, k);
  }

  @Override
  public Verdict verdict(int row, int k) {
    return VERDICTS[store.verdict(row, k)];
  }

  @Override
  public double quality(int row, int k) {
    return store.quality(row, k);
  }

  @Override
  public int evidenceCount(int row) {
    return store.evidenceCount(row);
  }

  @Override
  public long evidenceHash(int row, int k) {
    return store.evidenceHash(row, k);
  }

  @Override
  public String evidenceKey(int row, int k) {
    return store.evidenceKey(row, k);
  }

  @Override
  public long contentHash(int row) {
    return store.contentHash(row);
  }

  @Override
  public Contribution record(int row) {
    return store.record(row);
  }

  /** The canonical bytes of {@code row}'s record ({@link RecordCodec#encode} of {@link #record}). */
  byte[] canonicalBytes(int row) {
    RecordCodec out = new RecordCodec(256);
    store.appendCanonical(row, out);
    return Arrays.copyOf(out.bytes(), out.length());
  }

  /**
   * Appends the canonical bytes of {@code row}'s record to {@code out}, which can be reused (after
   * {@link RecordCodec#reset}) to stream every row's bytes without allocating per row. The batch keeps a
   * compact form and regenerates these bytes exactly on each call.
   */
  void appendCanonicalBytes(int row, RecordCodec out) {
    store.appendCanonical(row, out);
  }

  /**
   * Bytes the batch holds per accepted row, an estimate of its resident size: the columns, the arena, the
   * dictionaries and the rejected records, divided by the accepted rows (0 when there are none).
   */
  public double bytesPerRow() {
    int rows = store.rows();
    if (rows == 0) {
      return 0;
    }
    return (store.bytesHeld() + rejections.bytesHeld()) / (double) rows;
  }

  private static final Verdict[] VERDICTS = Verdict.values();

  /**
   * The most credit one record may earn (10⁹). Admission rejects a record whose credit could exceed it
   * (an upper bound from its quantity, the largest modifier and adjustment factors and its role weight),
   * so that a mistaken quantity, such as an amount in the smallest currency unit, is a rejection and not
   * a fixed-point overflow that stops the cycle; it also keeps per-contributor {@code long} sums of
   * micro-units far from overflow.
   */
  public static final double MAX_RECORD_CREDIT = 1e9;

  /**
   * Admits records one at a time into a batch. Not thread-safe; build once.
   *
   * <p>Each record is checked against the policy as it arrives; problems in the data are rejections with
   * a reason, never exceptions. Duplicate ids and in-batch corrections are settled when the batch is
   * built, in a way that does not depend on arrival order.
   */
  public static final class Builder {
    private final Cycle cycle;
    private final Policy policy;
    /* Policy lookups, resolved once per builder so that admitting a record costs array reads. */
    private final Dictionary categoryIndex = new Dictionary();
    private final Dictionary roleIndex = new Dictionary();
    private final CategorySpec[] categorySpecs;
    private final double[] creditBound;
    private final double[] roleWeight;
    private final boolean[] roleExternal;
    /** Whether role r may earn credit in category c, at {@code c * roles + r}. */
    private final boolean[] eligible;
    private final RowStore store;
    /** Scratch for the canonical bytes of the record being admitted (hashed, compared on duplicate ids). */
    private final RecordCodec canonical = new RecordCodec();
    /** Scratch for the canonical bytes of an earlier row with the same id. */
    private final RecordCodec earlier = new RecordCodec();
    private final List<Rejection> rejections = new ArrayList<>();
    /** Row of each admitted id's first record by id hash; released when the batch is built. */
    private LongIntMap idToRow;
    private final Map<String, Integer> collidedIds = new HashMap<>();
    private final Set<String> conflictIds = new HashSet<>();
    private final Map<Integer, String> supersedes = new HashMap<>();
    private long inputCount;
    private boolean built;

    Builder(Cycle cycle, Policy policy) {
      this.cycle = Checks.notNull(cycle, "cycle");
      this.policy = Checks.notNull(policy, "policy");
      for (String c : policy.categories().keySet()) {
        categoryIndex.encode(c);
      }
      for (String r : policy.roles().keySet()) {
        roleIndex.encode(r);
      }
      int roles = roleIndex.size();
      categorySpecs = policy.categories().values().toArray(new CategorySpec[0]);
      creditBound = new double[categorySpecs.length];
      roleWeight = new double[roles];
      roleExternal = new boolean[roles];
      for (int r = 0; r < roles; r++) {
        roleWeight[r] = policy.roles().get(roleIndex.decode(r)).weight();
        roleExternal[r] = policy.isExternal(roleIndex.decode(r));
      }
      eligible = new boolean[categorySpecs.length * roles];
      for (int c = 0; c < categorySpecs.length; c++) {
        for (int r = 0; r < roles; r++) {
          eligible[c * roles + r] = policy.isEligible(categorySpecs[c].id(), roleIndex.decode(r));
        }
      }
      for (int c = 0; c < categorySpecs.length; c++) {
        CategorySpec spec = categorySpecs[c];
        double bound = spec.baseCredit();
        for (AttributeModifier m : policy.modifiers()) {
          if (m.appliesTo(spec.id())) {
            bound *= m.curve().max();
          }
        }
        for (CreditAdjustment a : policy.adjustments()) {
          if (a.category() == null || a.category().equals(spec.id())) {
            bound *= Math.max(1.0, a.factor());
          }
        }
        creditBound[c] = bound;
      }
      store = new RowStore(cycle, policy);
      idToRow = new LongIntMap(1024);
    }

    /** Admits every record of {@code records}. */
    public Builder addAll(Iterable<Contribution> records) {
      for (Contribution c : Checks.notNull(records, "records")) {
        add(c);
      }
      return this;
    }

    /**
     * Admits one record: it is either encoded into the batch or kept as a rejection with its reason.
     *
     * @throws IllegalStateException if the batch was already built
     */
    public Builder add(Contribution c) {
      Checks.notNull(c, "contribution");
      Checks.state(!built, "this batch builder was already built; start a new one");
      inputCount++;
      int admitted = check(c);
      if (admitted < 0) {
        return this;
      }
      if (!conflictIds.isEmpty() && conflictIds.contains(c.id())) {
        reject(c, RejectionCode.DUPLICATE_ID_CONFLICT, "another record with id '" + c.id()
            + "' has different content; none of them is accepted until the conflict is resolved");
        return this;
      }
      canonical.reset();
      canonical.append(c);
      // the id's UTF-8 bytes are the first field of the canonical bytes just written: hash them there
      // rather than encoding the id again
      RecordCodec.Span idSpan = RecordCodec.idSpan(canonical.bytes(), 0);
      long ih = Hashing.hash64(canonical.bytes(), idSpan.start(), idSpan.end());
      long ch = Hashing.hash64(canonical.bytes(), 0, canonical.length());
      int existing = findRow(c.id(), ih);
      if (existing >= 0) {
        boolean same = false;
        if (store.contentHash(existing) == ch) {
          earlier.reset();
          store.appendCanonical(existing, earlier);
          same = Arrays.equals(earlier.bytes(), 0, earlier.length(), canonical.bytes(), 0, canonical.length());
        }
        if (same) {
          reject(c, RejectionCode.DUPLICATE, "identical copy of record '" + c.id() + "'; it counts once");
        } else {
          conflictIds.add(c.id());
          reject(c, RejectionCode.DUPLICATE_ID_CONFLICT, "another record with id '" + c.id()
              + "' has different content; none of them is accepted until the conflict is resolved");
        }
        return this;
      }
      int row = store.append(c, ch, admitted / roleWeight.length, admitted % roleWeight.length);
      if (idToRow.get(ih) >= 0) {
        collidedIds.put(c.id(), row);
      } else {
        idToRow.put(ih, row);
      }
      if (c.supersedes() != null) {
        supersedes.put(row, c.supersedes());
      }
      return this;
    }

    private int findRow(String id, long ih) {
      int r = idToRow.get(ih);
      if (r < 0) {
        return -1;
      }
      if (store.recordId(r).equals(id)) {
        return r;
      }
      Integer c = collidedIds.get(id);
      return c == null ? -1 : c;
    }

    /**
     * Checks {@code c} against the policy. Returns {@code category * roles + role} (policy indices) when it
     * is admissible; otherwise records the rejection and returns -1.
     */
    private int check(Contribution c) {
      if (!cycle.contains(c.occurredAt())) {
        return reject(c, RejectionCode.OUTSIDE_CYCLE, "occurredAt " + c.occurredAt() + " is outside cycle "
            + cycle.id() + " [" + cycle.start() + ", " + cycle.end() + ")");
      }
      if (!policy.dao().isEmpty() && !c.dao().isEmpty() && !policy.dao().equals(c.dao())) {
        return reject(c, RejectionCode.WRONG_DAO, "dao '" + c.dao() + "' is not this policy's DAO '"
            + policy.dao() + "'");
      }
      int ci = categoryIndex.find(c.category());
      if (ci < 0) {
        return reject(c, RejectionCode.UNKNOWN_CATEGORY, "category '" + c.category()
            + "' is not declared by policy " + policy.id() + " (declared: " + policy.categories().keySet() + ")");
      }
      CategorySpec cat = categorySpecs[ci];
      int ri = roleIndex.find(c.role());
      if (ri < 0) {
        return reject(c, RejectionCode.UNKNOWN_ROLE, "role '" + c.role() + "' is not declared by policy "
            + policy.id() + " (declared: " + policy.roles().keySet() + ")");
      }
      if (!eligible[ci * roleWeight.length + ri]) {
        String why = roleExternal[ri] && cat.eligibleRoles().isEmpty()
            ? "external role '" + c.role() + "' may only earn credit in community-contribution categories"
            : "role '" + c.role() + "' is not eligible for category '" + c.category() + "' (eligible: "
                + cat.eligibleRoles() + ")";
        return reject(c, RejectionCode.ROLE_NOT_ELIGIBLE, why);
      }
      for (Map.Entry<String, Double> e : c.attributes().entrySet()) {
        double v = e.getValue();
        if (!Double.isFinite(v) || v < 0) {
          return reject(c, RejectionCode.INVALID_ATTRIBUTE, "attribute '" + e.getKey() + "' is " + v
              + "; attributes must be finite and >= 0");
        }
      }
      String q = cat.unit().quantityAttribute();
      Double qv = q == null ? null : c.attributes().get(q);
      if (q != null && qv == null) {
        return reject(c, RejectionCode.MISSING_QUANTITY, "category '" + c.category() + "' is paid "
            + cat.unit().name().toLowerCase(java.util.Locale.ROOT) + " and needs attribute '" + q + "'");
      }
      double quantity = q == null ? 1.0 : cat.unit().quantity(qv);
      double most = creditBound[ci] * quantity * roleWeight[ri];
      if (!(most <= MAX_RECORD_CREDIT)) {
        return reject(c, RejectionCode.INVALID_ATTRIBUTE, (q == null ? "category '" + c.category() + "'"
            : "attribute '" + q + "' (" + qv + ")") + " could earn up to " + most
            + " credit, above the " + MAX_RECORD_CREDIT + " one record may earn");
      }
      if (cat.evidenceRequired() && c.evidence().isEmpty()) {
        return reject(c, RejectionCode.EVIDENCE_MISSING, "category '" + c.category() + "' requires evidence");
      }
      int approvals = 0;
      int against = 0;
      for (Review r : c.reviews()) {
        if (r.reviewer().equals(c.contributor())) {
          return reject(c, RejectionCode.SELF_REVIEW, "reviewer '" + r.reviewer()
              + "' is the record's own contributor; self-review earns nothing");
        }
        if (r.verdict() == Verdict.APPROVE) {
          approvals++;
        } else {
          against++;
        }
      }
      if (against > 0 && against >= approvals) {
        return reject(c, RejectionCode.REVIEW_REJECTED, against + " review(s) rejected, dismissed or marked "
            + "the record a duplicate against " + approvals + " approval(s)");
      }
      if (approvals < cat.minApprovals()) {
        return reject(c, RejectionCode.NOT_VALIDATED, "category '" + c.category() + "' needs "
            + cat.minApprovals() + " approval(s); the record has " + approvals);
      }
      return ci * roleWeight.length + ri;
    }

    /** Keeps {@code c} as a rejection; returns -1, the "not admitted" result of {@link #check}. */
    private int reject(Contribution c, RejectionCode code, String message) {
      rejections.add(new Rejection(c, code, message));
      return -1;
    }

    /**
     * Settles duplicates and in-batch corrections and returns the batch.
     *
     * <p>Every version of an id that arrived with conflicting content is rejected; a record superseded by
     * another accepted record of the batch is rejected as {@link RejectionCode#SUPERSEDED}. Both rules
     * depend only on the set of records, not on their order.
     *
     * @throws IllegalStateException if called twice
     */
    public ContributionBatch build() {
      Checks.state(!built, "this batch builder was already built");
      built = true;
      int size = store.rows();
      boolean[] live = new boolean[size];
      Arrays.fill(live, true);
      if (!conflictIds.isEmpty()) {
        for (int r = 0; r < size; r++) {
          String id = store.recordId(r);
          if (conflictIds.contains(id)) {
            live[r] = false;
            reject(store.record(r), RejectionCode.DUPLICATE_ID_CONFLICT,
                "another record with id '" + id + "' has different content; none of them is accepted until the "
                    + "conflict is resolved");
          }
        }
        for (int i = 0; i < rejections.size(); i++) {
          Rejection x = rejections.get(i);
          if (x.code() == RejectionCode.DUPLICATE && conflictIds.contains(x.record().id())) {
            rejections.set(i, new Rejection(x.record(), RejectionCode.DUPLICATE_ID_CONFLICT,
                "another record with id '" + x.record().id() + "' has different content; none of them is "
                    + "accepted until the conflict is resolved"));
          }
        }
      }
      if (!supersedes.isEmpty()) {
        Map<String, List<String>> correctedBy = new HashMap<>();
        for (Map.Entry<Integer, String> e : supersedes.entrySet()) {
          if (live[e.getKey()]) {
            correctedBy.computeIfAbsent(e.getValue(), k -> new ArrayList<>())
                .add(store.recordId(e.getKey()));
          }
        }
        for (Map.Entry<String, List<String>> e : correctedBy.entrySet()) {
          byte[] idb = e.getKey().getBytes(StandardCharsets.UTF_8);
          int r = findRow(e.getKey(), Hashing.hash64(idb, 0, idb.length));
          if (r >= 0 && live[r]) {
            live[r] = false;
            List<String> by = new ArrayList<>(e.getValue());
            by.sort(null);
            reject(store.record(r), RejectionCode.SUPERSEDED,
                "corrected by record(s) " + by + " in the same cycle");
          }
        }
      }
      // The id index is not needed once duplicates and corrections are resolved; releasing it before the
      // rows are put in canonical order keeps the builder's largest table out of the batch's peak heap.
      idToRow = null;
      collidedIds.clear();
      return new ContributionBatch(this, live);
    }
  }
}
