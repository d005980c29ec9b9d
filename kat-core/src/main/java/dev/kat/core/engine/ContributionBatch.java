package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Dictionary;
import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.LongIntMap;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Evidence;
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
 * reads, reviews, counterparts and evidence hashes) plus its canonical bytes, so the caller never holds
 * the record objects and every accepted record can still be given back unchanged. Rejected records are
 * kept whole with their reason. Immutable once built; safe to share between threads.
 */
public final class ContributionBatch implements BatchView {
  private final Cycle cycle;
  private final Policy policy;
  private final int rows;
  private final List<String> people;
  private final Map<String, Integer> personIndex;
  private final List<String> categoryIds;
  private final List<String> roleIds;
  private final List<String> workingGroupIds;
  private final int[] contributor;
  private final short[] category;
  private final byte[] role;
  private final short[] workingGroup;
  private final long[] epochSecond;
  private final long[] contentHash;
  private final int[] offset;
  private final byte[] arena;
  private final String[] attributeNames;
  private final double[][] attributes;
  private final int[] cpStart;
  private final int[] cp;
  private final int[] rvStart;
  private final int[] reviewer;
  private final byte[] verdict;
  private final double[] quality;
  private final int[] evStart;
  private final long[] evHash;
  private final List<Rejection> rejections;
  private final long inputCount;

  private ContributionBatch(Builder b, boolean[] live) {
    this.cycle = b.cycle;
    this.policy = b.policy;
    int n = 0;
    for (int i = 0; i < b.size; i++) {
      if (live[i]) {
        n++;
      }
    }
    this.rows = n;
    this.people = b.people.values();
    HashMap<String, Integer> pi = new HashMap<>();
    for (int i = 0; i < people.size(); i++) {
      pi.put(people.get(i), i);
    }
    this.personIndex = pi;
    this.categoryIds = List.copyOf(b.policy.categories().keySet());
    this.roleIds = List.copyOf(b.policy.roles().keySet());
    this.workingGroupIds = b.workingGroups.values();
    contributor = new int[n];
    category = new short[n];
    role = new byte[n];
    workingGroup = new short[n];
    epochSecond = new long[n];
    contentHash = new long[n];
    offset = new int[n];
    attributeNames = b.attributeNames;
    attributes = new double[attributeNames.length][n];
    cpStart = new int[n + 1];
    rvStart = new int[n + 1];
    evStart = new int[n + 1];
    int cpTotal = 0;
    int rvTotal = 0;
    int evTotal = 0;
    for (int i = 0; i < b.size; i++) {
      if (live[i]) {
        cpTotal += b.cpStart[i + 1] - b.cpStart[i];
        rvTotal += b.rvStart[i + 1] - b.rvStart[i];
        evTotal += b.evStart[i + 1] - b.evStart[i];
      }
    }
    cp = new int[cpTotal];
    reviewer = new int[rvTotal];
    verdict = new byte[rvTotal];
    quality = new double[rvTotal];
    evHash = new long[evTotal];
    int r = 0;
    for (int i = 0; i < b.size; i++) {
      if (!live[i]) {
        continue;
      }
      contributor[r] = b.contributor[i];
      category[r] = b.category[i];
      role[r] = b.role[i];
      workingGroup[r] = b.workingGroup[i];
      epochSecond[r] = b.epochSecond[i];
      contentHash[r] = b.contentHash[i];
      offset[r] = b.offset[i];
      for (int a = 0; a < attributeNames.length; a++) {
        attributes[a][r] = b.attributes[a][i];
      }
      int c0 = b.cpStart[i];
      int c1 = b.cpStart[i + 1];
      System.arraycopy(b.cp, c0, cp, cpStart[r], c1 - c0);
      cpStart[r + 1] = cpStart[r] + (c1 - c0);
      int v0 = b.rvStart[i];
      int v1 = b.rvStart[i + 1];
      System.arraycopy(b.reviewer, v0, reviewer, rvStart[r], v1 - v0);
      System.arraycopy(b.verdict, v0, verdict, rvStart[r], v1 - v0);
      System.arraycopy(b.quality, v0, quality, rvStart[r], v1 - v0);
      rvStart[r + 1] = rvStart[r] + (v1 - v0);
      int e0 = b.evStart[i];
      int e1 = b.evStart[i + 1];
      System.arraycopy(b.evHash, e0, evHash, evStart[r], e1 - e0);
      evStart[r + 1] = evStart[r] + (e1 - e0);
      r++;
    }
    b.codec.trim();
    this.arena = b.codec.bytes();
    List<Rejection> rej = new ArrayList<>(b.rejections);
    rej.sort(REJECTION_ORDER);
    this.rejections = List.copyOf(rej);
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

  /** The number of records given to the builder: always {@code rows() + rejections().size()}. */
  public long inputCount() {
    return inputCount;
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int people() {
    return people.size();
  }

  @Override
  public String personId(int index) {
    return people.get(index);
  }

  @Override
  public int personIndex(String id) {
    Integer i = personIndex.get(id);
    return i == null ? -1 : i;
  }

  @Override
  public String recordId(int row) {
    RecordCodec.Span span = RecordCodec.idSpan(arena, offset[row]);
    return new String(arena, span.start(), span.end() - span.start(), StandardCharsets.UTF_8);
  }

  @Override
  public int contributor(int row) {
    return contributor[row];
  }

  @Override
  public int category(int row) {
    return category[row];
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
    return role[row];
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
    return workingGroup[row];
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
    return epochSecond[row];
  }

  @Override
  public double attribute(int row, String name, double fallback) {
    for (int a = 0; a < attributeNames.length; a++) {
      if (attributeNames[a].equals(name)) {
        double v = attributes[a][row];
        return Double.isNaN(v) ? fallback : v;
      }
    }
    return record(row).attribute(name, fallback);
  }

  /** The column of a policy-read attribute (NaN where absent), or null if the policy does not read it. */
  double[] attributeColumn(String name) {
    for (int a = 0; a < attributeNames.length; a++) {
      if (attributeNames[a].equals(name)) {
        return attributes[a];
      }
    }
    return null;
  }

  @Override
  public int counterpartCount(int row) {
    return cpStart[row + 1] - cpStart[row];
  }

  @Override
  public int counterpart(int row, int k) {
    return cp[cpStart[row] + k];
  }

  @Override
  public int reviewCount(int row) {
    return rvStart[row + 1] - rvStart[row];
  }

  @Override
  public int reviewer(int row, int k) {
    return reviewer[rvStart[row] + k];
  }

  @Override
  public Verdict verdict(int row, int k) {
    return VERDICTS[verdict[rvStart[row] + k]];
  }

  @Override
  public double quality(int row, int k) {
    return quality[rvStart[row] + k];
  }

  @Override
  public int evidenceCount(int row) {
    return evStart[row + 1] - evStart[row];
  }

  @Override
  public long evidenceHash(int row, int k) {
    return evHash[evStart[row] + k];
  }

  @Override
  public long contentHash(int row) {
    return contentHash[row];
  }

  @Override
  public Contribution record(int row) {
    return RecordCodec.decode(arena, offset[row]);
  }

  /** The canonical bytes of {@code row}'s record. */
  byte[] canonicalBytes(int row) {
    int end = RecordCodec.end(arena, offset[row]);
    return Arrays.copyOfRange(arena, offset[row], end);
  }

  /**
   * Bytes held per accepted row in the batch's columns and arena (excluding rejected records and the
   * dictionaries), an estimate of the batch form's resident size.
   */
  public double bytesPerRow() {
    if (rows == 0) {
      return 0;
    }
    long bytes = (long) rows * (4 + 2 + 1 + 2 + 8 + 8 + 4) + 8L * attributeNames.length * rows
        + 4L * (cp.length + 3L * rows) + 13L * reviewer.length + 8L * evHash.length + arena.length;
    return bytes / (double) rows;
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
    private final Dictionary people = new Dictionary();
    private final Dictionary workingGroups = new Dictionary();
    private final Map<String, Integer> categoryIndex = new HashMap<>();
    private final Map<String, Integer> roleIndex = new HashMap<>();
    private final String[] attributeNames;
    private final Map<String, Double> creditBound = new HashMap<>();
    private final RecordCodec codec = new RecordCodec();
    private final List<Rejection> rejections = new ArrayList<>();
    private final LongIntMap idToRow;
    private final Map<String, Integer> collidedIds = new HashMap<>();
    private final Set<String> conflictIds = new HashSet<>();
    private final Map<Integer, String> supersedes = new HashMap<>();
    private long inputCount;
    private boolean built;
    private int size;
    private int[] contributor;
    private short[] category;
    private byte[] role;
    private short[] workingGroup;
    private long[] epochSecond;
    private long[] contentHash;
    private long[] idHash;
    private int[] offset;
    private double[][] attributes;
    private int[] cpStart = new int[17];
    private int[] cp = new int[16];
    private int[] rvStart = new int[17];
    private int[] reviewer = new int[16];
    private byte[] verdict = new byte[16];
    private double[] quality = new double[16];
    private int[] evStart = new int[17];
    private long[] evHash = new long[16];

    Builder(Cycle cycle, Policy policy) {
      this.cycle = Checks.notNull(cycle, "cycle");
      this.policy = Checks.notNull(policy, "policy");
      int i = 0;
      for (String c : policy.categories().keySet()) {
        categoryIndex.put(c, i++);
      }
      i = 0;
      for (String r : policy.roles().keySet()) {
        roleIndex.put(r, i++);
      }
      attributeNames = policy.attributesRead().toArray(new String[0]);
      for (CategorySpec spec : policy.categories().values()) {
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
        creditBound.put(spec.id(), bound);
      }
      int cap = 16;
      contributor = new int[cap];
      category = new short[cap];
      role = new byte[cap];
      workingGroup = new short[cap];
      epochSecond = new long[cap];
      contentHash = new long[cap];
      idHash = new long[cap];
      offset = new int[cap];
      attributes = new double[attributeNames.length][cap];
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
      RejectionCode problem = check(c);
      if (problem != null) {
        return this;
      }
      byte[] idBytes = c.id().getBytes(StandardCharsets.UTF_8);
      long ih = Hashing.hash64(idBytes, 0, idBytes.length);
      if (conflictIds.contains(c.id())) {
        reject(c, RejectionCode.DUPLICATE_ID_CONFLICT, "another record with id '" + c.id()
            + "' has different content; none of them is accepted until the conflict is resolved");
        return this;
      }
      int start = codec.append(c);
      int end = codec.length();
      long ch = Hashing.hash64(codec.bytes(), start, end);
      int existing = findRow(c.id(), ih);
      if (existing >= 0) {
        int eStart = offset[existing];
        int eEnd = RecordCodec.end(codec.bytes(), eStart);
        boolean same = contentHash[existing] == ch
            && Arrays.equals(codec.bytes(), eStart, eEnd, codec.bytes(), start, end);
        codec.truncate(start);
        if (same) {
          reject(c, RejectionCode.DUPLICATE, "identical copy of record '" + c.id() + "'; it counts once");
        } else {
          conflictIds.add(c.id());
          reject(c, RejectionCode.DUPLICATE_ID_CONFLICT, "another record with id '" + c.id()
              + "' has different content; none of them is accepted until the conflict is resolved");
        }
        return this;
      }
      int row = size;
      ensure(row + 1);
      size++;
      if (idToRow.get(ih) >= 0) {
        collidedIds.put(c.id(), row);
      } else {
        idToRow.put(ih, row);
      }
      idHash[row] = ih;
      offset[row] = start;
      contentHash[row] = ch;
      contributor[row] = people.encode(c.contributor());
      category[row] = (short) (int) categoryIndex.get(c.category());
      role[row] = (byte) (int) roleIndex.get(c.role());
      int wg = workingGroups.encode(c.workingGroup());
      Checks.argument(wg <= Short.MAX_VALUE, "too many working groups in one batch: " + (wg + 1));
      workingGroup[row] = (short) wg;
      epochSecond[row] = c.occurredAt().getEpochSecond();
      for (int a = 0; a < attributeNames.length; a++) {
        Double v = c.attributes().get(attributeNames[a]);
        attributes[a][row] = v == null ? Double.NaN : v;
      }
      int cpn = cpStart[row];
      cp = grow(cp, cpn + c.counterparts().size());
      for (String p : c.counterparts()) {
        cp[cpn++] = people.encode(p);
      }
      cpStart[row + 1] = cpn;
      int rvn = rvStart[row];
      int need = rvn + c.reviews().size();
      reviewer = grow(reviewer, need);
      if (verdict.length < need) {
        int cap = Math.max(need, verdict.length * 2);
        verdict = Arrays.copyOf(verdict, cap);
        quality = Arrays.copyOf(quality, cap);
      }
      for (Review r : c.reviews()) {
        reviewer[rvn] = people.encode(r.reviewer());
        verdict[rvn] = (byte) r.verdict().ordinal();
        quality[rvn] = r.quality().isPresent() ? r.quality().getAsDouble() : Double.NaN;
        rvn++;
      }
      rvStart[row + 1] = rvn;
      int evn = evStart[row];
      if (evHash.length < evn + c.evidence().size()) {
        evHash = Arrays.copyOf(evHash, Math.max(evn + c.evidence().size(), evHash.length * 2));
      }
      for (Evidence e : c.evidence()) {
        evHash[evn++] = Hashing.hash64(e.key());
      }
      evStart[row + 1] = evn;
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
      if (RecordCodec.idEquals(codec.bytes(), offset[r], id)) {
        return r;
      }
      Integer c = collidedIds.get(id);
      return c == null ? -1 : c;
    }

    /** Returns null when {@code c} is admissible, otherwise records the rejection and returns its code. */
    private RejectionCode check(Contribution c) {
      if (!cycle.contains(c.occurredAt())) {
        return reject(c, RejectionCode.OUTSIDE_CYCLE, "occurredAt " + c.occurredAt() + " is outside cycle "
            + cycle.id() + " [" + cycle.start() + ", " + cycle.end() + ")");
      }
      if (!policy.dao().isEmpty() && !c.dao().isEmpty() && !policy.dao().equals(c.dao())) {
        return reject(c, RejectionCode.WRONG_DAO, "dao '" + c.dao() + "' is not this policy's DAO '"
            + policy.dao() + "'");
      }
      CategorySpec cat = policy.categories().get(c.category());
      if (cat == null) {
        return reject(c, RejectionCode.UNKNOWN_CATEGORY, "category '" + c.category()
            + "' is not declared by policy " + policy.id() + " (declared: " + policy.categories().keySet() + ")");
      }
      if (!policy.roles().containsKey(c.role())) {
        return reject(c, RejectionCode.UNKNOWN_ROLE, "role '" + c.role() + "' is not declared by policy "
            + policy.id() + " (declared: " + policy.roles().keySet() + ")");
      }
      if (!policy.isEligible(c.category(), c.role())) {
        String why = policy.isExternal(c.role()) && cat.eligibleRoles().isEmpty()
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
      if (q != null && !c.attributes().containsKey(q)) {
        return reject(c, RejectionCode.MISSING_QUANTITY, "category '" + c.category() + "' is paid "
            + cat.unit().name().toLowerCase(java.util.Locale.ROOT) + " and needs attribute '" + q + "'");
      }
      double quantity = q == null ? 1.0 : cat.unit().quantity(c.attributes().get(q));
      double most = creditBound.get(c.category()) * quantity * policy.roles().get(c.role()).weight();
      if (!(most <= MAX_RECORD_CREDIT)) {
        return reject(c, RejectionCode.INVALID_ATTRIBUTE, (q == null ? "category '" + c.category() + "'"
            : "attribute '" + q + "' (" + c.attributes().get(q) + ")") + " could earn up to " + most
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
      return null;
    }

    private RejectionCode reject(Contribution c, RejectionCode code, String message) {
      rejections.add(new Rejection(c, code, message));
      return code;
    }

    private void ensure(int n) {
      if (n <= contributor.length) {
        return;
      }
      int cap = Math.max(n, contributor.length * 2);
      contributor = Arrays.copyOf(contributor, cap);
      category = Arrays.copyOf(category, cap);
      role = Arrays.copyOf(role, cap);
      workingGroup = Arrays.copyOf(workingGroup, cap);
      epochSecond = Arrays.copyOf(epochSecond, cap);
      contentHash = Arrays.copyOf(contentHash, cap);
      idHash = Arrays.copyOf(idHash, cap);
      offset = Arrays.copyOf(offset, cap);
      for (int a = 0; a < attributes.length; a++) {
        attributes[a] = Arrays.copyOf(attributes[a], cap);
      }
      cpStart = Arrays.copyOf(cpStart, cap + 1);
      rvStart = Arrays.copyOf(rvStart, cap + 1);
      evStart = Arrays.copyOf(evStart, cap + 1);
    }

    private static int[] grow(int[] a, int need) {
      return a.length >= need ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
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
      boolean[] live = new boolean[size];
      Arrays.fill(live, true);
      byte[] bytes = codec.bytes();
      if (!conflictIds.isEmpty()) {
        for (int r = 0; r < size; r++) {
          String id = RecordCodec.decodeId(bytes, offset[r]);
          if (conflictIds.contains(id)) {
            live[r] = false;
            reject(RecordCodec.decode(bytes, offset[r]), RejectionCode.DUPLICATE_ID_CONFLICT,
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
                .add(RecordCodec.decodeId(bytes, offset[e.getKey()]));
          }
        }
        for (Map.Entry<String, List<String>> e : correctedBy.entrySet()) {
          byte[] idb = e.getKey().getBytes(StandardCharsets.UTF_8);
          int r = findRow(e.getKey(), Hashing.hash64(idb, 0, idb.length));
          if (r >= 0 && live[r]) {
            live[r] = false;
            List<String> by = new ArrayList<>(e.getValue());
            by.sort(null);
            reject(RecordCodec.decode(bytes, offset[r]), RejectionCode.SUPERSEDED,
                "corrected by record(s) " + by + " in the same cycle");
          }
        }
      }
      return new ContributionBatch(this, live);
    }
  }
}
