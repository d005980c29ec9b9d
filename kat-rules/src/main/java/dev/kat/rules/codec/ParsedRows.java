package dev.kat.rules.codec;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.internal.Checks;
import dev.kat.core.internal.Interner;
import dev.kat.core.internal.RecordCodec;
import dev.kat.core.model.Contribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows a reader parsed from one chunk of a file, in file order, with locations relative to the chunk
 * (ordinals and lines from 1, offsets from the chunk's first byte); {@link ChunkedReading} rebases them
 * when it hands them on in file order. Internal; filled by one thread, then read by another.
 */
final class ParsedRows {
  /** The record of each row, or null where the row is malformed. */
  Contribution[] records = new Contribution[64];
  /** The problem of each malformed row (location relative to the chunk), or null. */
  MalformedRow[] malformed = new MalformedRow[64];
  long[] line = new long[64];
  long[] start = new long[64];
  long[] end = new long[64];
  int count;
  int malformedCount;
  /** Lines and bytes of the chunk that were read as whole rows (all of it unless a row is carried over). */
  long lines;
  long consumed;
  /**
   * Whether the chunk ended inside a quoted field: for a chunk that is not the file's last, its last row
   * continues in the next chunk, from offset {@link #consumed}, and was not added.
   */
  boolean carried;
  /** Whether the chunk's last row ran to the end of the file inside a quoted field. */
  boolean endedInQuote;
  /** The offset just after the header line if this chunk held it, else -1. */
  long headerEnd = -1;
  /** File problems found in this chunk (header problems), lines relative to the chunk. */
  final List<FileProblem> problems = new ArrayList<>();
  /** The accepted records checked for a batch, when reading into one. */
  ContributionBatch.Prepared prepared;
  /**
   * Whether the rows are read into a batch: a parser that can then writes each accepted row in canonical
   * form ({@link #encoder}, {@link #encodedRow}) instead of building its record, and its entry in
   * {@link #records} stays null.
   */
  boolean encode;
  /** The canonical bytes of the encoded rows, in order; row {@code i} is {@code [offsets[i], offsets[i + 1])}. */
  private RecordCodec encoded;
  int[] offsets = new int[65];
  int encodedCount;
  /** When positive, rows are handed to {@link #flusher} and cleared each time this many are held. */
  int flushAt;
  Consumer<ParsedRows> flusher;
  /** Rows handed to the flusher so far. */
  long flushed;
  /** Person hints of the accepted records, in order, when the parser gives them (see {@link #addHints}). */
  private int[] hints = new int[256];
  private int hintCount;
  private boolean hinted;

  /**
   * The hints still to be looked up ({@link PersonHints#DEFERRED}): their places in {@link #hints}, and where
   * their ids are in the canonical bytes; {@link #resolver} looks them up.
   */
  private int[] deferAt = new int[0];
  private int[] deferFrom = new int[0];
  private int[] deferTo = new int[0];
  private int[] deferCode = new int[0];
  private int deferred;
  /** The interner that looks up the deferred hints (the parser's). */
  Interner resolver;

  /**
   * Adds the person hints of the accepted record about to be {@link #add added}: one per person, in the
   * record's order (see {@link ContributionBatch.Builder#prepare(List, int[])}). A parser gives hints for
   * every accepted record of a chunk or for none. Deferred hints are looked up by {@link #resolveHints}.
   */
  void addHints(PersonHints h) {
    int n = h.count;
    if (hintCount + n > hints.length) {
      hints = Arrays.copyOf(hints, Math.max(hintCount + n, 2 * hints.length));
    }
    int[] row = h.row;
    for (int k = 0; k < n; k++) {
      if (row[k] == PersonHints.DEFERRED) {
        if (deferred == deferAt.length) {
          int cap = Math.max(256, 2 * deferred);
          deferAt = Arrays.copyOf(deferAt, cap);
          deferFrom = Arrays.copyOf(deferFrom, cap);
          deferTo = Arrays.copyOf(deferTo, cap);
        }
        deferAt[deferred] = hintCount + k;
        deferFrom[deferred] = h.from[k];
        deferTo[deferred] = h.to[k];
        deferred++;
      }
    }
    System.arraycopy(row, 0, hints, hintCount, n);
    hintCount += n;
    hinted = true;
  }

  /**
   * Looks up the deferred hints with {@link #resolver}, all at once (see
   * {@link Interner#codes(byte[], int[], int[], int, int[])}): a parser calls this once the chunk is read,
   * and before the rows are flushed.
   */
  void resolveHints() {
    if (deferred == 0) {
      return;
    }
    if (deferCode.length < deferred) {
      deferCode = new int[deferAt.length];
    }
    resolver.codes(encoded.bytes(), deferFrom, deferTo, deferred, deferCode);
    for (int k = 0; k < deferred; k++) {
      hints[deferAt[k]] = deferCode[k];
    }
    deferred = 0;
  }

  /** Where a parser writes the canonical bytes of the accepted rows (see {@link #encode}). */
  RecordCodec encoder() {
    if (encoded == null) {
      encoded = new RecordCodec(1 << 16);
    }
    return encoded;
  }

  /** Ends an accepted row the parser wrote to {@link #encoder}; call before {@link #add}. */
  void encodedRow() {
    if (encodedCount + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, 2 * offsets.length);
    }
    offsets[++encodedCount] = encoded.length();
  }

  /** The canonical bytes of the encoded rows (see {@link #offsets}). */
  byte[] encodedBytes() {
    return encoded.bytes();
  }

  /** The person hints of {@link #accepted()}, or null when the parser gave none. */
  int[] hints() {
    Checks.state(deferred == 0, "the chunk's deferred person hints were not looked up");
    return hinted ? Arrays.copyOf(hints, hintCount) : null;
  }

  void add(Contribution record, MalformedRow bad, long rowLine, long rowStart, long rowEnd) {
    if (count == records.length) {
      int n = count * 2;
      records = Arrays.copyOf(records, n);
      malformed = Arrays.copyOf(malformed, n);
      line = Arrays.copyOf(line, n);
      start = Arrays.copyOf(start, n);
      end = Arrays.copyOf(end, n);
    }
    records[count] = record;
    malformed[count] = bad;
    if (bad != null) {
      malformedCount++;
    }
    line[count] = rowLine;
    start[count] = rowStart;
    end[count] = rowEnd;
    count++;
    if (count == flushAt) {
      resolveHints();
      flusher.accept(this);
      flushed += count;
      clearRows();
    }
  }

  /** Forgets the rows held (handed on), with their hints and canonical bytes. */
  private void clearRows() {
    Arrays.fill(records, 0, count, null);
    Arrays.fill(malformed, 0, count, null);
    count = 0;
    malformedCount = 0;
    hintCount = 0;
    encodedCount = 0;
    if (encoded != null) {
      encoded.reset();
    }
  }

  /**
   * Makes this object ready for another chunk, keeping its arrays (grown to the largest chunk it held) so
   * that a read reuses a few of them rather than allocating a set per chunk. Its rows must have been
   * handed on: nothing read from it before is read after.
   */
  void reset() {
    clearRows();
    lines = 0;
    consumed = 0;
    carried = false;
    endedInQuote = false;
    headerEnd = -1;
    problems.clear();
    prepared = null;
    encode = false;
    flushAt = 0;
    flusher = null;
    flushed = 0;
    hinted = false;
    deferred = 0;
    resolver = null;
  }

  /** The accepted records, in order. */
  List<Contribution> accepted() {
    List<Contribution> out = new ArrayList<>(count - malformedCount);
    for (int i = 0; i < count; i++) {
      if (records[i] != null) {
        out.add(records[i]);
      }
    }
    return out;
  }
}
