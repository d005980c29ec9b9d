package dev.kat.core.engine;

import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Dictionary;
import dev.kat.core.internal.DoubleColumn;
import dev.kat.core.internal.EncodedAdmission;
import dev.kat.core.internal.Growth;
import dev.kat.core.internal.Hashing;
import dev.kat.core.internal.Interner;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Attributes;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Review;
import dev.kat.core.model.Verdict;
import dev.kat.core.policy.AttributeModifier;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.CreditAdjustment;
import dev.kat.core.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/**
 * A cycle's records after admission, held in columns: the engine's batch form.
 *
 * <p>Records are admitted one at a time as they arrive ({@link Builder#add}); an accepted record is
 * encoded into primitive columns (person, category, role, working group, time, the attributes the policy
 * reads, reviews and counterparts) plus a compact remainder (id, evidence and the like, dictionary- and
 * varint-coded; see {@link RowStore}) from which its canonical bytes are regenerated exactly, so the caller
 * never holds the record objects and every accepted record can still be given back unchanged. Rejected
 * records are kept, as canonical bytes, with their reason. Immutable once built; safe to share
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

  /** The median quality score of the row's approving reviews that give one, NaN if none does. */
  double approvalQuality(int row) {
    return store.approvalQuality(row);
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
  private static final int APPROVE = Verdict.APPROVE.ordinal();

  static {
    EncodedAdmission.register(new EncodedAdmission() {
      @Override
      public Interner.Shared strings(Builder batch) {
        return Checks.notNull(batch, "batch").strings();
      }

      @Override
      public Prepared prepare(Builder batch, byte[] bytes, int[] offsets, int count, int[] personCodes) {
        return Checks.notNull(batch, "batch").prepareEncoded(bytes, offsets, count, personCodes);
      }
    });
  }

  /**
   * The most credit one record may earn (10⁹). Admission rejects a record whose credit could exceed it
   * (an upper bound from its quantity, the largest modifier and adjustment factors and its role weight),
   * so that a mistaken quantity, such as an amount in the smallest currency unit, is a rejection and not
   * a fixed-point overflow that stops the cycle; it also keeps per-contributor {@code long} sums of
   * micro-units far from overflow.
   */
  public static final double MAX_RECORD_CREDIT = 1e9;

  /** Lists at least this long are prepared in parallel chunks by {@link Builder#addAll}. */
  static final int PARALLEL_MIN_RECORDS = 16_384;
  /** Records per chunk prepared by {@link Builder#addAll}. */
  static final int PREPARE_CHUNK = 4_096;

  /**
   * Records checked and canonically encoded by {@link Builder#prepare}, waiting to be admitted by
   * {@link Builder#add(Prepared)}. Opaque; holds the records until then.
   */
  public static final class Prepared {
    private final Builder owner;
    private final Contribution[] records;
    /** {@code category * roles + role}, or -1 where the record is rejected. */
    private final int[] admitted;
    private final long[] idHash;
    private final long[] contentHash;
    /** The rejection where {@code admitted} is -1, else null. */
    private final Rejection[] rejected;
    /**
     * The person hints given to {@link Builder#prepare(List, int[])}, or, for records prepared from bytes,
     * the person codes of the batch's string table; null for none.
     */
    private final int[] hints;
    /** Where each record's hints start in {@link #hints}, when there are hints. */
    private final int[] hintAt;
    /**
     * For records prepared from canonical bytes: the bytes, and where each record starts ({@code size() + 1}
     * offsets); a record whose entry in {@link #records} is null is admitted from its bytes. Else null.
     */
    private final byte[] bytes;
    private final int[] offsets;
    /**
     * For records prepared from canonical bytes and admitted from them: what reading each one found
     * ({@link EncodedRow#save}), from {@code saved[savedAt[i]]}, so that admitting it reads no byte twice.
     */
    private long[] saved;
    private final int[] savedAt;

    private Prepared(Builder owner, Contribution[] records, int[] admitted, long[] idHash, long[] contentHash,
        Rejection[] rejected, int[] hints, int[] hintAt) {
      this(owner, records, admitted, idHash, contentHash, rejected, hints, hintAt, null, null, null, null);
    }

    private Prepared(Builder owner, Contribution[] records, int[] admitted, long[] idHash, long[] contentHash,
        Rejection[] rejected, int[] hints, int[] hintAt, byte[] bytes, int[] offsets, long[] saved, int[] savedAt) {
      this.bytes = bytes;
      this.offsets = offsets;
      this.saved = saved;
      this.savedAt = savedAt;
      this.owner = owner;
      this.records = records;
      this.admitted = admitted;
      this.idHash = idHash;
      this.contentHash = contentHash;
      this.rejected = rejected;
      this.hints = hints;
      this.hintAt = hintAt;
    }

    /** The number of records prepared. */
    public int size() {
      return records.length;
    }
  }

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
    /** The UTF-8 bytes of the policy's DAO, and of each category's quantity attribute (null for none). */
    private final byte[] daoBytes;
    private final byte[][] quantityName;
    private final RowStore store;
    /** The batch's table of short strings, whose codes encoded records carry as person codes; made on first use. */
    private Interner.Shared strings;
    /**
     * Arrays for what preparing records from bytes found ({@link Prepared#saved}), given back once those
     * records are admitted, for later chunks: as many as chunks are prepared ahead at once, not one per chunk.
     */
    private final ConcurrentLinkedQueue<long[]> spareSaved = new ConcurrentLinkedQueue<>();
    /** Scratch for the canonical bytes of the record being admitted (hashed, compared on duplicate ids). */
    private final RecordCodec canonical = new RecordCodec();
    /** Scratch for the canonical bytes of an earlier row with the same id. */
    private final RecordCodec earlier = new RecordCodec();
    private final List<Rejection> rejections = new ArrayList<>();
    /** Accepted rows by id, to find an earlier record with the same id; released when the batch is built. */
    private RowIdIndex ids = new RowIdIndex(1024);
    private final IntFunction<String> idOfRow;
    /** Scratch for the rejection {@link #check} finds when a record is added on its own. */
    private final Rejection[] oneRejection = new Rejection[1];
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
      daoBytes = policy.dao().getBytes(StandardCharsets.UTF_8);
      quantityName = new byte[categorySpecs.length][];
      for (int c = 0; c < categorySpecs.length; c++) {
        String q = categorySpecs[c].unit().quantityAttribute();
        quantityName[c] = q == null ? null : q.getBytes(StandardCharsets.UTF_8);
      }
      store = new RowStore(cycle, policy);
      idOfRow = store::recordId;
    }

    /**
     * Hints that about {@code records} more records will be added, so that the builder makes room for them
     * at once instead of growing step by step (each step copies what it holds). A hint only: any number
     * gives the same batch, a wrong one costs memory (too high) or later growth (too low). The readers give
     * it when they know a file's size; a caller adding a known number of records can too.
     *
     * @throws IllegalArgumentException if {@code records} is negative
     * @throws IllegalStateException if the batch was already built
     */
    public Builder expect(int records) {
      Checks.argument(records >= 0, "records must be >= 0: " + records);
      Checks.state(!built, "this batch builder was already built; start a new one");
      store.reserve(records);
      ids.reserve(ids.size() + records);
      return this;
    }

    /**
     * Admits every record of {@code records}, in order. A large list is checked and encoded in chunks on
     * the calling thread and the fork-join pool it runs in (the common pool outside one) and admitted in
     * list order, so the batch is the same as adding the records one at a time, whatever the pool.
     */
    public Builder addAll(Iterable<Contribution> records) {
      Checks.notNull(records, "records");
      if (records instanceof List && ((List<Contribution>) records).size() >= PARALLEL_MIN_RECORDS) {
        return addAll((List<Contribution>) records, PREPARE_CHUNK);
      }
      for (Contribution c : records) {
        add(c);
      }
      return this;
    }

    /** {@link #addAll(Iterable)} of a list, prepared in chunks of {@code chunk} records. */
    Builder addAll(List<Contribution> records, int chunk) {
      Checks.state(!built, "this batch builder was already built; start a new one");
      int n = records.size();
      List<List<Contribution>> chunks = new ArrayList<>();
      for (int from = 0; from < n; from += chunk) {
        chunks.add(records.subList(from, Math.min(n, from + chunk)));
      }
      InOrder.run(chunks, this::prepare, this::add);
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
      int admitted = check(c, oneRejection, 0);
      if (admitted < 0) {
        inputCount++;
        rejections.add(oneRejection[0]);
        oneRejection[0] = null;
        return this;
      }
      canonical.reset();
      canonical.append(c);
      admit(c, admitted, idHash(canonical), Hashing.hash64(canonical.bytes(), 0, canonical.length()), true);
      return this;
    }

    /**
     * Checks and canonically encodes {@code records} for this builder without admitting them: the part of
     * admission that does not depend on other records. Thread-safe, and may run on any thread while the
     * builder admits other records; {@link #add(Prepared)} then admits the result, in order with the
     * builder's other additions.
     *
     * @param records the records, none null
     * @return the records with their checks and hashes
     */
    public Prepared prepare(List<Contribution> records) {
      return prepare(records, null);
    }

    /**
     * {@link #prepare(List)} with person hints, which let the batch code the people of the records without
     * looking each id up, for readers that already know which ids are the same.
     *
     * <p>{@code personHints} holds, for each record in order, one hint for its contributor, then one for
     * each of its counterparts and one for each of its reviewers, in the record's own (canonical) order:
     * {@code 1 + counterparts().size() + reviews().size()} per record. A hint is a number the caller gives
     * an id's {@link String} instance, the same number for the same instance, or -1 for none. Hints only
     * save lookups: the batch trusts a hint only for the instance it last saw with it, so wrong or reused
     * hints cost time and never change the batch.
     *
     * @param records the records, none null
     * @param personHints the hints, or null for none
     * @return the records with their checks and hashes
     * @throws IllegalArgumentException if {@code personHints} does not have one hint per person of the records
     */
    public Prepared prepare(List<Contribution> records, int[] personHints) {
      Checks.notNull(records, "records");
      int n = records.size();
      int[] hintAt = null;
      if (personHints != null) {
        hintAt = new int[n];
        long people = 0;
        for (int i = 0; i < n; i++) {
          Contribution c = records.get(i);
          if (c == null) {
            throw new NullPointerException("records[" + i + "] must not be null");
          }
          hintAt[i] = (int) Math.min(people, Integer.MAX_VALUE);
          people += 1L + c.counterparts().size() + c.reviews().size();
        }
        if (people != personHints.length) {
          throw new IllegalArgumentException("personHints has " + personHints.length + " hints but the records name "
              + people + " people (one contributor each, plus their counterparts and reviewers)");
        }
      }
      Contribution[] rs = new Contribution[n];
      int[] admitted = new int[n];
      long[] idHash = new long[n];
      long[] contentHash = new long[n];
      Rejection[] rejected = new Rejection[n];
      RecordCodec codec = new RecordCodec();
      for (int i = 0; i < n; i++) {
        Contribution c = records.get(i);
        if (c == null) {
          throw new NullPointerException("records[" + i + "] must not be null");
        }
        rs[i] = c;
        admitted[i] = check(c, rejected, i);
        if (admitted[i] >= 0) {
          codec.reset();
          codec.append(c);
          idHash[i] = idHash(codec);
          contentHash[i] = Hashing.hash64(codec.bytes(), 0, codec.length());
        }
      }
      return new Prepared(this, rs, admitted, idHash, contentHash, rejected, personHints, hintAt);
    }

    /**
     * {@link #prepare(List, int[])} of records given in canonical form ({@link RecordCodec}): record
     * {@code i} is {@code bytes[offsets[i], offsets[i + 1])}, for {@code i < count}. Admitting the result
     * gives exactly the batch that admitting the decoded records would, but records of the common shape
     * (ASCII text, no correction, no duplicate verdict, only attributes the policy reads) that pass their
     * checks are never decoded: they are checked and stored from their bytes. Any other record is decoded
     * and admitted as a record. Internal to KAT's readers (reached through {@link EncodedAdmission}).
     */
    Prepared prepareEncoded(byte[] bytes, int[] offsets, int count, int[] personCodes) {
      Checks.notNull(bytes, "bytes");
      Checks.notNull(offsets, "offsets");
      Checks.argument(count >= 0 && count < offsets.length, "count (" + count + ") must be in [0, "
          + (offsets.length - 1) + "]: one offset more than records");
      Contribution[] rs = new Contribution[count];
      int[] admitted = new int[count];
      long[] idHash = new long[count];
      long[] contentHash = new long[count];
      Rejection[] rejected = new Rejection[count];
      if (personCodes != null) {
        // codes are trusted once admitted, so each is checked here, before anything changes: it must be one
        // this batch's table gave (the reader's own invariants, held by DirectCsvProperties, do the rest)
        int known;
        synchronized (this) {
          known = strings == null ? 0 : strings.size();
        }
        for (int i = 0; i < personCodes.length; i++) {
          int c = personCodes[i];
          if (c < -1 || c >= known) {
            throw new IllegalArgumentException("personCodes[" + i + "] (" + c + ") is not a code of this batch's "
                + "string table (" + known + " strings) nor -1");
          }
        }
      }
      int[] hintAt = personCodes == null ? null : new int[count];
      EncodedRow v = new EncodedRow();
      long[] saved = spareSaved.poll();
      if (saved == null) {
        saved = new long[24 * Math.max(1, count)];
      }
      int[] savedAt = new int[count];
      int savedEnd = 0;
      long people = 0;
      for (int i = 0; i < count; i++) {
        int from = offsets[i];
        v.read(bytes, from);
        if (hintAt != null) {
          hintAt[i] = (int) Math.min(people, Integer.MAX_VALUE);
          people += 1L + v.counterparts + v.reviews;
        }
        idHash[i] = Hashing.hash64(bytes, v.idStart, v.idEnd);
        contentHash[i] = Hashing.hash64(bytes, from, offsets[i + 1]);
        int a = v.simple && store.readsAll(v) ? checkEncoded(v) : -1;
        if (a >= 0) {
          admitted[i] = a;
          int need = savedEnd + v.savedLength();
          if (need > saved.length) {
            saved = Arrays.copyOf(saved, Growth.capacity(saved.length, need));
          }
          savedAt[i] = savedEnd;
          savedEnd = v.save(saved, savedEnd);
        } else {
          Contribution c = RecordCodec.decode(bytes, from);
          rs[i] = c;
          admitted[i] = check(c, rejected, i);
        }
      }
      if (personCodes != null && people != personCodes.length) {
        throw new IllegalArgumentException("personCodes has " + personCodes.length + " codes but the records name "
            + people + " people (one contributor each, plus their counterparts and reviewers)");
      }
      return new Prepared(this, rs, admitted, idHash, contentHash, rejected, personCodes, hintAt, bytes, offsets,
          saved, savedAt);
    }

    /** The batch's own table of short strings (see {@link EncodedAdmission#strings}), made on first use. */
    synchronized Interner.Shared strings() {
      if (strings == null) {
        strings = new Interner.Shared();
      }
      return strings;
    }

    /**
     * {@link #check} of a record read in place, for records of the common shape: the same index when the
     * record passes every check, else -1, and the record is then decoded and checked as a record (which
     * gives its rejection). Reads only final tables, so it may run on any thread.
     */
    private int checkEncoded(EncodedRow v) {
      // Cycle.contains, on the seconds and nanoseconds as they are, without an Instant per record
      if (v.nano < 0 || v.nano >= 1_000_000_000L
          || compareTime(v.second, v.nano, cycle.start()) < 0 || compareTime(v.second, v.nano, cycle.end()) >= 0) {
        return -1;
      }
      if (daoBytes.length > 0 && v.daoEnd > v.daoStart && !v.fieldIs(v.daoStart, v.daoEnd, daoBytes)) {
        return -1;
      }
      int ci = categoryIndex.findAscii(v.b, v.categoryStart, v.categoryEnd);
      int ri = roleIndex.findAscii(v.b, v.roleStart, v.roleEnd);
      if (ci < 0 || ri < 0 || !eligible[ci * roleWeight.length + ri]) {
        return -1;
      }
      CategorySpec cat = categorySpecs[ci];
      byte[] q = quantityName[ci];
      double qv = Double.NaN;
      for (int i = 0; i < v.attributes; i++) {
        double x = Double.longBitsToDouble(v.valueBits[i]);
        if (!Double.isFinite(x) || x < 0) {
          return -1;
        }
        if (q != null && v.fieldIs(v.nameStart[i], v.nameEnd[i], q)) {
          qv = x;
        }
      }
      if (q != null && Double.isNaN(qv)) {
        return -1;
      }
      double quantity = q == null ? 1.0 : cat.unit().quantity(qv);
      if (!(creditBound[ci] * quantity * roleWeight[ri] <= MAX_RECORD_CREDIT)) {
        return -1;
      }
      if (cat.evidenceRequired() && v.evidence == 0) {
        return -1;
      }
      int approvals = 0;
      int against = 0;
      int cs = v.contributorStart;
      int cn = v.contributorEnd - cs;
      for (int k = 0; k < v.reviews; k++) {
        int rs = v.reviewerStart[k];
        if (v.reviewerEnd[k] - rs == cn && Arrays.equals(v.b, rs, rs + cn, v.b, cs, cs + cn)) {
          return -1;
        }
        if (v.verdict[k] == APPROVE) {
          approvals++;
        } else {
          against++;
        }
      }
      if (against > 0 && against >= approvals || approvals < cat.minApprovals()) {
        return -1;
      }
      return ci * roleWeight.length + ri;
    }

    /**
     * Admits records prepared by this builder's {@link #prepare}, in their order: the same as adding each
     * record with {@link #add(Contribution)}.
     *
     * @throws IllegalArgumentException if {@code prepared} came from another builder
     * @throws IllegalStateException if the batch was already built
     */
    public Builder add(Prepared prepared) {
      Checks.notNull(prepared, "prepared");
      Checks.argument(prepared.owner == this, "prepared records must come from this builder's prepare");
      Checks.state(!built, "this batch builder was already built; start a new one");
      EncodedRow v = prepared.bytes == null ? null : new EncodedRow();
      if (v != null) {
        touch(prepared);
      }
      for (int i = 0; i < prepared.records.length; i++) {
        Contribution c = prepared.records[i];
        if (prepared.admitted[i] < 0) {
          inputCount++;
          rejections.add(prepared.rejected[i]);
        } else if (c == null) {
          admitEncoded(v, prepared, i);
        } else {
          // records decoded from bytes carry person codes, not identity hints: their people are looked up
          int[] hints = prepared.bytes == null ? prepared.hints : null;
          admit(c, prepared.admitted[i], prepared.idHash[i], prepared.contentHash[i], false, hints,
              hints == null ? 0 : prepared.hintAt[i]);
        }
      }
      if (prepared.saved != null) {
        // Added again, every record finds its id admitted and is decoded (admitEncoded never loads it);
        // the array goes to later chunks, and is dropped here so that nothing can read it through this one.
        spareSaved.offer(prepared.saved);
        prepared.saved = null;
      }
      return this;
    }

    /**
     * Reads, before admitting them, where the records of {@code prepared} stored from their bytes will look
     * in the id index and the person table. Both are far larger than the processor's caches, and each row
     * looks up an id and a few people: admitting the rows one by one waits for memory at every look-up,
     * where here the loads are independent, their waits overlap, and the rows then find the places in
     * cache. What the loads read is kept in a field, so that they are made.
     */
    private void touch(Prepared prepared) {
      long t = 0;
      for (int i = 0; i < prepared.records.length; i++) {
        if (prepared.admitted[i] >= 0 && prepared.records[i] == null) {
          t += ids.touch(prepared.idHash[i]);
        }
      }
      int[] codes = prepared.hints;
      if (codes != null) {
        for (int c : codes) {
          t += store.touchPerson(c);
        }
      }
      touched = t;
    }

    /** What {@link #touch} read. */
    private long touched;

    /** {@code Instant.ofEpochSecond(second, nano).compareTo(t)}, for a nano in [0, 10^9). */
    private static int compareTime(long second, long nano, Instant t) {
      int c = Long.compare(second, t.getEpochSecond());
      return c != 0 ? c : Long.compare(nano, t.getNano());
    }

    /**
     * Admits record {@code i} of {@code prepared}, which passed {@link #checkEncoded}, from its bytes: stored
     * without decoding when its id is new to the batch; otherwise (a repeated id, or any id while ids are
     * in conflict) decoded and admitted as a record, which settles it exactly as {@link #admit} does.
     */
    private void admitEncoded(EncodedRow v, Prepared prepared, int i) {
      byte[] bytes = prepared.bytes;
      int from = prepared.offsets[i];
      long ih = prepared.idHash[i];
      int at = prepared.hints == null ? 0 : prepared.hintAt[i];
      int slot = conflictIds.isEmpty() ? ids.freeSlot(ih) : -1;
      if (slot < 0) {
        // person codes are not identity hints: the decoded record's people are looked up by id
        admit(RecordCodec.decode(bytes, from), prepared.admitted[i], ih, prepared.contentHash[i], false, null, 0);
        return;
      }
      inputCount++;
      v.load(bytes, prepared.saved, prepared.savedAt[i]);
      int admitted = prepared.admitted[i];
      int row = store.appendEncoded(v, prepared.contentHash[i], admitted / roleWeight.length,
          admitted % roleWeight.length, prepared.hints, strings, at);
      ids.addAt(slot, ih, row);
    }

    /** The hash of the id, the first field of the canonical bytes in {@code codec}. */
    private static long idHash(RecordCodec codec) {
      RecordCodec.Span idSpan = RecordCodec.idSpan(codec.bytes(), 0);
      return Hashing.hash64(codec.bytes(), idSpan.start(), idSpan.end());
    }

    /**
     * Admits {@code c}, which passed {@link #check} as {@code admitted}, with id hash {@code ih} and content
     * hash {@code ch}: settles a repeated id against the earlier row, or stores the record. The canonical
     * bytes are in {@link #canonical} when {@code encoded}; otherwise they are encoded there if needed.
     */
    private void admit(Contribution c, int admitted, long ih, long ch, boolean encoded) {
      admit(c, admitted, ih, ch, encoded, null, 0);
    }

    /** {@link #admit(Contribution, int, long, long, boolean)} with the record's person hints at {@code hints[at]}. */
    private void admit(Contribution c, int admitted, long ih, long ch, boolean encoded, int[] hints, int at) {
      inputCount++;
      if (!conflictIds.isEmpty() && conflictIds.contains(c.id())) {
        reject(c, RejectionCode.DUPLICATE_ID_CONFLICT, "another record with id '" + c.id()
            + "' has different content; none of them is accepted until the conflict is resolved");
        return;
      }
      int existing = ids.find(c.id(), ih, idOfRow);
      if (existing >= 0) {
        boolean same = false;
        if (store.contentHash(existing) == ch) {
          if (!encoded) {
            canonical.reset();
            canonical.append(c);
          }
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
        return;
      }
      int row = store.append(c, ch, admitted / roleWeight.length, admitted % roleWeight.length, hints, at);
      ids.add(ih, row);
      if (c.supersedes() != null) {
        supersedes.put(row, c.supersedes());
      }
    }

    /**
     * Checks {@code c} against the policy. Returns {@code category * roles + role} (policy indices) when it
     * is admissible; otherwise puts the rejection at {@code rejected[at]} and returns -1. Reads only the
     * builder's final policy tables, so it may run on any thread.
     */
    private int check(Contribution c, Rejection[] rejected, int at) {
      if (!cycle.contains(c.occurredAt())) {
        return refuse(rejected, at, c, RejectionCode.OUTSIDE_CYCLE, "occurredAt " + c.occurredAt() + " is outside cycle "
            + cycle.id() + " [" + cycle.start() + ", " + cycle.end() + ")");
      }
      if (!policy.dao().isEmpty() && !c.dao().isEmpty() && !policy.dao().equals(c.dao())) {
        return refuse(rejected, at, c, RejectionCode.WRONG_DAO, "dao '" + c.dao() + "' is not this policy's DAO '"
            + policy.dao() + "'");
      }
      int ci = categoryIndex.find(c.category());
      if (ci < 0) {
        return refuse(rejected, at, c, RejectionCode.UNKNOWN_CATEGORY, "category '" + c.category()
            + "' is not declared by policy " + policy.id() + " (declared: " + policy.categories().keySet() + ")");
      }
      CategorySpec cat = categorySpecs[ci];
      int ri = roleIndex.find(c.role());
      if (ri < 0) {
        return refuse(rejected, at, c, RejectionCode.UNKNOWN_ROLE, "role '" + c.role() + "' is not declared by policy "
            + policy.id() + " (declared: " + policy.roles().keySet() + ")");
      }
      if (!eligible[ci * roleWeight.length + ri]) {
        String why = roleExternal[ri] && cat.eligibleRoles().isEmpty()
            ? "external role '" + c.role() + "' may only earn credit in community-contribution categories"
            : "role '" + c.role() + "' is not eligible for category '" + c.category() + "' (eligible: "
                + cat.eligibleRoles() + ")";
        return refuse(rejected, at, c, RejectionCode.ROLE_NOT_ELIGIBLE, why);
      }
      Attributes attributes = (Attributes) c.attributes();
      for (int i = 0; i < attributes.size(); i++) {
        double v = attributes.value(i);
        if (!Double.isFinite(v) || v < 0) {
          return refuse(rejected, at, c, RejectionCode.INVALID_ATTRIBUTE, "attribute '" + attributes.name(i) + "' is "
              + v + "; attributes must be finite and >= 0");
        }
      }
      String q = cat.unit().quantityAttribute();
      double qv = q == null ? Double.NaN : attributes.value(q, Double.NaN);
      if (q != null && Double.isNaN(qv)) {
        return refuse(rejected, at, c, RejectionCode.MISSING_QUANTITY, "category '" + c.category() + "' is paid "
            + cat.unit().name().toLowerCase(java.util.Locale.ROOT) + " and needs attribute '" + q + "'");
      }
      double quantity = q == null ? 1.0 : cat.unit().quantity(qv);
      double most = creditBound[ci] * quantity * roleWeight[ri];
      if (!(most <= MAX_RECORD_CREDIT)) {
        return refuse(rejected, at, c, RejectionCode.INVALID_ATTRIBUTE, (q == null ? "category '" + c.category() + "'"
            : "attribute '" + q + "' (" + qv + ")") + " could earn up to " + most
            + " credit, above the " + MAX_RECORD_CREDIT + " one record may earn");
      }
      if (cat.evidenceRequired() && c.evidence().isEmpty()) {
        return refuse(rejected, at, c, RejectionCode.EVIDENCE_MISSING, "category '" + c.category() + "' requires evidence");
      }
      int approvals = 0;
      int against = 0;
      String contributor = c.contributor();
      List<Review> reviews = c.reviews();
      for (int k = 0; k < reviews.size(); k++) {
        Review r = reviews.get(k);
        String reviewer = r.reviewer();
        // the cached hash codes settle most pairs without reading either id's characters
        if (reviewer == contributor || reviewer.hashCode() == contributor.hashCode() && reviewer.equals(contributor)) {
          return refuse(rejected, at, c, RejectionCode.SELF_REVIEW, "reviewer '" + r.reviewer()
              + "' is the record's own contributor; self-review earns nothing");
        }
        if (r.verdict() == Verdict.APPROVE) {
          approvals++;
        } else {
          against++;
        }
      }
      if (against > 0 && against >= approvals) {
        return refuse(rejected, at, c, RejectionCode.REVIEW_REJECTED, against + " review(s) rejected, dismissed or marked "
            + "the record a duplicate against " + approvals + " approval(s)");
      }
      if (approvals < cat.minApprovals()) {
        return refuse(rejected, at, c, RejectionCode.NOT_VALIDATED, "category '" + c.category() + "' needs "
            + cat.minApprovals() + " approval(s); the record has " + approvals);
      }
      return ci * roleWeight.length + ri;
    }

    /** Puts {@code c}'s rejection at {@code rejected[at]}; returns -1, the "not admitted" result of {@link #check}. */
    private static int refuse(Rejection[] rejected, int at, Contribution c, RejectionCode code, String message) {
      rejected[at] = new Rejection(c, code, message);
      return -1;
    }

    /** Keeps {@code c} as a rejection. */
    private void reject(Contribution c, RejectionCode code, String message) {
      rejections.add(new Rejection(c, code, message));
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
      spareSaved.clear();
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
          int r = ids.find(e.getKey(), Hashing.hash64(idb, 0, idb.length), idOfRow);
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
      ids = null;
      synchronized (this) {
        strings = null;
      }
      return new ContributionBatch(this, live);
    }
  }
}
