package dev.kat.rules.codec;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.internal.EncodedAdmission;
import dev.kat.core.model.Contribution;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a CSV or JSON Lines file in chunks parsed in parallel and handed on in file order. Internal; one
 * instance per read.
 *
 * <p>The file is read in blocks of about {@link #BLOCK_BYTES}, each cut after its last line break. The
 * calling thread and the fork-join pool it runs in (the common pool outside one) parse the blocks, and,
 * when reading into a batch, check and encode their records ({@link ContributionBatch.Builder#prepare});
 * the calling thread alone hands rows on, in file order, with their ordinals, lines and offsets counted
 * from the start of the file. What is handed on is therefore exactly what one thread reading the file
 * from start to end produces, whatever the pool.
 */
final class ChunkedReading {
  /**
   * The size of a block of the file parsed as one chunk: large enough that handing chunks between threads
   * costs little, small enough that a block's array (up to twice this) stays below the size at which the
   * G1 collector allocates an object outside the young generation (half a region, at least 512 KiB), and
   * that the records read ahead are still in cache when they are admitted (64 KiB read a million rows
   * about 5 % faster than 128 KiB, and 32 KiB no faster).
   */
  static final int BLOCK_BYTES = 1 << 16;
  /**
   * Blocks read ahead of the one being handed on, per thread of the pool, and at most: enough that the
   * pool keeps parsing while the calling thread admits rows (with two blocks ahead a one-thread pool sat
   * idle about a third of the time), few enough to bound memory (each block is about {@link #BLOCK_BYTES}
   * of text plus its parsed records).
   */
  private static final int AHEAD_PER_THREAD = 8;
  private static final int MAX_AHEAD = 32;
  /** Rows handed on at a time when the rest of a file is read as one stream (a line too long for a block). */
  private static final int STREAM_ROWS = 4_096;

  /*
   * A block is cut after a line break, which is a row boundary unless it lies inside a quoted field. Each
   * chunk is parsed as if it started a row; the chunk before it knows whether that held: if its last row
   * reached the chunk's end inside quotes (ParsedRows.carried), the rest of that row is carried into the
   * next chunk, which the calling thread parses again from the carried row's start. So quoted line
   * breaks at a cut cost a second parse of one chunk and never change what is read.
   *
   * Lines named in the text of a problem (a quoted field running to the end of the file) are only known
   * in order; a chunk with that problem is parsed again on the calling thread, which knows them.
   *
   * A line with no break for longer than a block plus the row limit is not buffered: the rest of the file
   * is then read as one stream, on the calling thread, as a reader without chunks would.
   */

  /** A format's parser, which parses a file a chunk at a time. */
  interface ChunkParser {
    /**
     * Parses the rows of one chunk, which starts at a row boundary, into {@code out}, with locations
     * relative to the chunk. A chunk that is not the file's {@code last} ends in a line break.
     *
     * @param lineBase lines before the chunk, for the text of problems that name a line; 0 if unknown
     */
    void parse(ByteInput in, ParsedRows out, boolean last, long lineBase) throws IOException;

    /** Whether further chunks can be parsed by {@link #forChunks} copies, in any order. */
    boolean readyForChunks();

    /** A parser of further chunks of the same file (after {@link #readyForChunks}). */
    ChunkParser forChunks();

    /**
     * Checks the file's first bytes ({@code length} of them, fewer than asked only at the end of the file):
     * returns how many to skip, or -1 having added a file problem that stops the read.
     */
    int start(byte[] first, int length, List<FileProblem> problems);

    /** Adds the file problems found once the whole file, with {@code rows} rows, is read. */
    void finish(long rows, List<FileProblem> problems);
  }

  /** What rows are handed to. */
  interface Target {
    /** The batch checked records are prepared for and admitted into, or null. */
    ContributionBatch.Builder batch();

    /** An accepted row; not called when reading into a batch. */
    void accept(Contribution record, RowLocation location);

    /** A malformed row. */
    void malformed(MalformedRow row);
  }

  private final String source;
  private final InputFormat format;
  private final int maxRowBytes;
  private final int blockBytes;
  private final Target target;
  private final ContributionBatch.Builder batch;
  private final ChunkParser main;
  private final ConcurrentLinkedQueue<ChunkParser> idle = new ConcurrentLinkedQueue<>();
  /** Chunks' rows handed on, for later chunks to reuse (any thread takes, the calling thread returns). */
  private final ConcurrentLinkedQueue<ParsedRows> spareRows = new ConcurrentLinkedQueue<>();
  /** Blocks' arrays whose chunks were handed on, for later blocks (the calling thread's alone). */
  private final ArrayDeque<byte[]> spareBlocks = new ArrayDeque<>();
  private final List<FileProblem> fileProblems = new ArrayList<>();

  private InputStream in;
  private byte[] pending = new byte[0];
  private int pendingLength;
  private boolean eof;

  private long rowBase;
  private long lineBase;
  private long offsetBase;
  private long parsed;
  private long malformed;
  private long headerEnd;
  private byte[] carry;
  /** The bytes the input said it held at the start ({@link InputStream#available}), for {@link #expectRest}. */
  private long size;
  private boolean expected;

  ChunkedReading(String source, InputFormat format, ChunkParser parser, int maxRowBytes, int blockBytes,
      Target target) {
    this.source = source;
    this.format = format;
    this.maxRowBytes = maxRowBytes;
    this.blockBytes = blockBytes;
    this.target = target;
    this.batch = target.batch();
    this.main = parser;
  }

  /** A block of the file: {@code bytes[0, length)}, ending in a line break unless it is the last. */
  private static final class Block {
    final byte[] bytes;
    final int length;
    final boolean last;
    /** Whether no line break was found within the block limit: the rest is read as one stream. */
    final boolean stream;

    Block(byte[] bytes, int length, boolean last, boolean stream) {
      this.bytes = bytes;
      this.length = length;
      this.last = last;
      this.stream = stream;
    }
  }

  /**
   * One block's parse, run once by whichever thread claims it. The pool may hold a task long after it was
   * committed (the calling thread claimed it first), so committing drops its block and result.
   */
  private final class Task {
    Block block;
    /** Whether the task is (or may be) run on the pool; read and written by the calling thread only. */
    boolean shared;
    final AtomicBoolean claimed = new AtomicBoolean();
    CompletableFuture<ParsedRows> done = new CompletableFuture<>();

    Task(Block block, boolean shared) {
      this.block = block;
      this.shared = shared;
    }

    void runOnce() {
      // block and done are only dropped (by release) after the task was claimed, so a claim sees them set
      if (claimed.compareAndSet(false, true)) {
        try {
          done.complete(parseShared(block));
        } catch (IOException e) {
          done.completeExceptionally(new UncheckedIOException(e));
        } catch (RuntimeException | Error e) {
          done.completeExceptionally(e);
        }
      }
    }

    /** Claims the task so that no worker runs it; true if nobody had started it. */
    boolean cancel() {
      return claimed.compareAndSet(false, true);
    }

    /** Whether the result is ready. */
    boolean isDone() {
      return done.isDone();
    }

    /** Drops the block and the result once committed (the task is claimed by then). */
    void release() {
      block = null;
      done = null;
    }

    ParsedRows result() {
      runOnce();
      try {
        return done.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw e;
      }
    }
  }

  ReadSummary read(InputStream input) throws IOException {
    this.in = input;
    try {
      size = input.available();
    } catch (IOException e) {
      size = 0; // no size, no hint: the read itself reports a stream that cannot be read
    }
    if (!start()) {
      return new ReadSummary(source, format, 0, 0, 0, 0, fileProblems);
    }
    ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
    int ahead = Math.max(1, Math.min(MAX_AHEAD, pool.getParallelism() * AHEAD_PER_THREAD));
    ArrayDeque<Task> queue = new ArrayDeque<>();
    boolean more = true;
    while (true) {
      while (more && queue.size() <= ahead) {
        Block b = nextBlock();
        if (b == null) {
          more = false;
          break;
        }
        // chunks are parsed off this thread only once the parser is ready for them (a CSV header is read)
        boolean shared = main.readyForChunks() && !b.stream;
        Task t = new Task(b, shared);
        queue.add(t);
        if (shared) {
          pool.execute(t::runOnce);
        }
        if (b.last || b.stream) {
          more = false;
        }
      }
      Task t = queue.poll();
      if (t == null) {
        break;
      }
      if (t.shared && t.claimed.get()) {
        // while a worker finishes this chunk, parse later ones here rather than wait
        for (Task later : queue) {
          if (t.isDone()) {
            break;
          }
          if (later.shared) {
            later.runOnce();
          }
        }
      }
      commit(t);
      t.release();
      if (main.readyForChunks()) {
        for (Task q : queue) {
          if (!q.shared && !q.block.stream) {
            q.shared = true;
            pool.execute(q::runOnce);
          }
        }
      }
    }
    main.finish(rowBase, fileProblems);
    return new ReadSummary(source, format, rowBase, parsed, malformed, headerEnd, fileProblems);
  }

  /** Hands on the rows of the next chunk in file order. */
  private void commit(Task t) throws IOException {
    Block b = t.block;
    if (b.stream) {
      stream(b);
      return;
    }
    byte[] bytes = b.bytes;
    int length = b.length;
    ParsedRows rows;
    // whether no other thread reads the block any more, so its array may serve a later block
    boolean blockFree = true;
    if (carry != null) {
      // a worker may still be parsing the block (for nothing): its array is then left to it
      blockFree = t.cancel() || t.isDone();
      bytes = Arrays.copyOf(carry, carry.length + length);
      System.arraycopy(b.bytes, 0, bytes, carry.length, length);
      length = bytes.length;
      carry = null;
      rows = parseHere(bytes, length, b.last);
    } else if (!t.shared) {
      t.cancel();
      rows = parseHere(bytes, length, b.last);
    } else {
      rows = t.result();
      if (rows.endedInQuote && !rows.carried) {
        rows = parseHere(bytes, length, b.last);
      }
    }
    deliver(rows);
    advance(rows, 0);
    if (rows.carried) {
      carry = Arrays.copyOfRange(bytes, (int) rows.consumed, length);
    }
    expectRest();
    rows.reset();
    spareRows.add(rows);
    if (blockFree && spareBlocks.size() < MAX_AHEAD + 2) {
      spareBlocks.push(b.bytes);
    }
  }

  /** Parses a chunk on a worker (or on this thread, claiming it first) with a parser of its own. */
  private ParsedRows parseShared(Block b) throws IOException {
    ChunkParser p = idle.poll();
    if (p == null) {
      p = main.forChunks();
    }
    ParsedRows rows = newRows();
    p.parse(new ByteInput(b.bytes, 0, b.length, 0), rows, b.last, 0);
    idle.add(p);
    if (batch != null && rows.count > rows.malformedCount) {
      rows.prepared = prepare(rows);
    }
    return rows;
  }

  /** Rows for one chunk (a spare one when there is one): written in canonical form when read into a batch. */
  private ParsedRows newRows() {
    ParsedRows rows = spareRows.poll();
    if (rows == null) {
      rows = new ParsedRows();
    }
    rows.encode = batch != null;
    return rows;
  }

  /** The accepted rows of {@code rows} checked for the batch: from their canonical bytes when written so. */
  private ContributionBatch.Prepared prepare(ParsedRows rows) {
    return rows.encodedCount > 0
        ? EncodedAdmission.get().prepare(batch, rows.encodedBytes(), rows.offsets, rows.encodedCount, rows.hints())
        : batch.prepare(rows.accepted(), rows.hints());
  }

  /** Parses a chunk on this thread, where its place in the file is known, with the reader's own parser. */
  private ParsedRows parseHere(byte[] bytes, int length, boolean last) throws IOException {
    ParsedRows rows = newRows();
    main.parse(new ByteInput(bytes, 0, length, 0), rows, last, lineBase);
    return rows;
  }

  /** Reads the rest of the file, starting with {@code b}, as one stream on this thread. */
  private void stream(Block b) throws IOException {
    byte[] head = b.bytes;
    int length = b.length;
    if (carry != null) {
      head = Arrays.copyOf(carry, carry.length + length);
      System.arraycopy(b.bytes, 0, head, carry.length, length);
      length = head.length;
      carry = null;
    }
    InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head, 0, length), in);
    ParsedRows rows = newRows();
    rows.flushAt = STREAM_ROWS;
    rows.flusher = this::deliver;
    main.parse(new ByteInput(rest, 0), rows, true, lineBase);
    deliver(rows);
    advance(rows, rows.flushed);
  }

  /** Hands on {@code rows}, rebased on the chunk's place in the file. */
  private void deliver(ParsedRows rows) {
    if (batch != null && rows.prepared == null && rows.encodedCount > 0) {
      rows.prepared = prepare(rows);
    }
    for (int i = 0; i < rows.count; i++) {
      MalformedRow bad = rows.malformed[i];
      if (bad != null) {
        RowLocation at = bad.location();
        target.malformed(new MalformedRow(new RowLocation(source, rowBase + at.ordinal(), lineBase + at.line(),
            offsetBase + at.start(), offsetBase + at.end()), bad.column(), bad.field(), bad.reason()));
      } else if (batch == null) {
        target.accept(rows.records[i], new RowLocation(source, rowBase + rows.flushed + i + 1, lineBase + rows.line[i],
            offsetBase + rows.start[i], offsetBase + rows.end[i]));
      } else if (rows.prepared == null) {
        batch.add(rows.records[i]);
      }
    }
    if (rows.prepared != null) {
      batch.add(rows.prepared);
      rows.prepared = null;
    }
    parsed += rows.count - rows.malformedCount;
    malformed += rows.malformedCount;
    for (FileProblem p : rows.problems) {
      fileProblems.add(new FileProblem(source, p.line() > 0 ? lineBase + p.line() : 0, p.column(), p.reason()));
    }
    rows.problems.clear();
    if (rows.headerEnd >= 0) {
      headerEnd = offsetBase + rows.headerEnd;
    }
  }

  /** Moves the place in the file past a chunk's whole rows ({@code flushed} of them handed on earlier). */
  private void advance(ParsedRows rows, long flushed) {
    rowBase += flushed + rows.count;
    lineBase += rows.lines;
    offsetBase += rows.consumed;
  }

  /** Reads the file's first bytes and lets the parser check them; false if the read stops there. */
  private boolean start() throws IOException {
    pending = new byte[Math.max(blockBytes, 16)];
    pendingLength = 0;
    while (pendingLength < 3 && !eof) {
      int n = in.read(pending, pendingLength, 3 - pendingLength);
      if (n < 0) {
        eof = true;
      } else {
        pendingLength += n;
      }
    }
    int skip = main.start(pending, pendingLength, fileProblems);
    if (skip < 0) {
      return false;
    }
    System.arraycopy(pending, skip, pending, 0, pendingLength - skip);
    pendingLength -= skip;
    offsetBase = skip;
    return true;
  }

  /** The next block, or null at the end of the file. */
  private Block nextBlock() throws IOException {
    byte[] b = pending;
    int n = pendingLength;
    // a block is read up to this limit, whatever its array's capacity (a reused array may be larger)
    int limit = n + blockBytes;
    if (b.length < limit) {
      b = Arrays.copyOf(b, limit);
    }
    int searched = 0;
    while (true) {
      while (n < limit && !eof) {
        int r = in.read(b, n, limit - n);
        if (r < 0) {
          eof = true;
        } else {
          n += r;
        }
      }
      int cut = lastLineBreak(b, searched, n);
      if (cut >= 0 || eof) {
        int length = cut >= 0 ? cut + 1 : n;
        if (length == 0) {
          return null;
        }
        pendingLength = n - length;
        pending = blockArray(pendingLength + blockBytes);
        System.arraycopy(b, length, pending, 0, pendingLength);
        return new Block(b, length, eof && pendingLength == 0, false);
      }
      searched = n;
      if (n > blockBytes + maxRowBytes + 4) {
        pending = new byte[0];
        pendingLength = 0;
        return new Block(b, n, false, true);
      }
      limit += blockBytes;
      if (b.length < limit) {
        b = Arrays.copyOf(b, limit);
      }
    }
  }

  /**
   * Once the first rows are read into a batch, tells it about how many the rest of the file holds (see
   * {@link ContributionBatch.Builder#expect}): the bytes left, from the size the input gave at the start,
   * at the rows per byte so far. A file on disk or in memory gives its whole size; a stream that gives
   * less only makes the hint smaller.
   */
  private void expectRest() {
    if (expected || batch == null || rowBase == 0 || offsetBase == 0) {
      return;
    }
    expected = true;
    long rest = (long) ((double) (size - offsetBase) * rowBase / offsetBase);
    if (rest > 0) {
      batch.expect((int) Math.min(rest, Integer.MAX_VALUE - 16));
    }
  }

  /** An array of at least {@code size} bytes for a block: a spare one when it is large enough. */
  private byte[] blockArray(int size) {
    byte[] spare = spareBlocks.poll();
    return spare != null && spare.length >= size ? spare : new byte[size];
  }

  /** The index of the last line break in {@code b[from, to)}, or -1. */
  private static int lastLineBreak(byte[] b, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
