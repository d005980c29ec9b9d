package dev.kat.rules.codec;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.internal.EncodedAdmission;
import dev.kat.core.model.Contribution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads contribution records from CSV or JSON Lines, streaming, one row at a time (format:
 * {@code docs/formats.md}). Immutable and thread-safe; each {@code read} call is independent.
 *
 * <p>Every data row ends up either as a record handed to {@link ContributionSink#accept} or as a
 * {@link MalformedRow} handed to {@link ContributionSink#malformed}; nothing is dropped and the rows of a
 * file are never all held in memory. A row longer than {@link #maxRowBytes()} is malformed (its
 * content is not buffered beyond the limit), which bounds memory whatever the file holds.
 */
public final class ContributionReader {
  /** The default limit on one row's size: 1 MiB. */
  public static final int DEFAULT_MAX_ROW_BYTES = 1 << 20;

  private final InputFormat format;
  private final int maxRowBytes;

  private ContributionReader(InputFormat format, int maxRowBytes) {
    this.format = format;
    this.maxRowBytes = maxRowBytes;
  }

  /** A reader of {@code format} with the default row limit. */
  public static ContributionReader of(InputFormat format) {
    if (format == null) {
      throw new IllegalArgumentException("format must not be null");
    }
    return new ContributionReader(format, DEFAULT_MAX_ROW_BYTES);
  }

  /**
   * A reader for the format {@code file}'s extension names.
   *
   * @throws IllegalArgumentException if the extension is not {@code .csv}, {@code .jsonl} or
   *     {@code .ndjson}
   */
  public static ContributionReader forFile(Path file) {
    return of(InputFormat.of(file).orElseThrow(() -> new IllegalArgumentException(
        "file (" + file + ") must end in .csv, .jsonl or .ndjson")));
  }

  /**
   * A copy of this reader with another row limit.
   *
   * @param bytes the largest row accepted, at least 64
   */
  public ContributionReader withMaxRowBytes(int bytes) {
    if (bytes < 64) {
      throw new IllegalArgumentException("maxRowBytes (" + bytes + ") must be at least 64");
    }
    return new ContributionReader(format, bytes);
  }

  /** The format read. */
  public InputFormat format() {
    return format;
  }

  /** The largest row, in bytes, read as a record. */
  public int maxRowBytes() {
    return maxRowBytes;
  }

  /**
   * Reads {@code file}, naming it in locations by its path as given.
   *
   * @throws IOException if the file cannot be opened or read
   */
  public ReadSummary read(Path file, ContributionSink sink) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), sink);
    }
  }

  /**
   * Reads {@code in} to its end; the caller closes it. Rows reach {@code sink} on the calling thread, in
   * file order; the file is parsed in chunks on the calling thread and the fork-join pool it runs in (the
   * common pool outside one), which changes nothing in what the sink receives.
   *
   * @param source the name used in locations, not blank
   * @throws IOException if reading fails
   */
  public ReadSummary read(InputStream in, String source, ContributionSink sink) throws IOException {
    return read(in, source, sink, ChunkedReading.BLOCK_BYTES);
  }

  /** {@link #read(InputStream, String, ContributionSink)} parsing in blocks of {@code blockBytes}. */
  ReadSummary read(InputStream in, String source, ContributionSink sink, int blockBytes) throws IOException {
    if (in == null || sink == null) {
      throw new IllegalArgumentException("in and sink must not be null");
    }
    checkSource(source);
    return new ChunkedReading(source, format, parser(source), maxRowBytes, blockBytes, new ChunkedReading.Target() {
      @Override
      public ContributionBatch.Builder batch() {
        return null;
      }

      @Override
      public void accept(Contribution record, RowLocation location) {
        sink.accept(record, location);
      }

      @Override
      public void malformed(MalformedRow row) {
        sink.malformed(row);
      }
    }).read(in);
  }

  /**
   * Reads {@code in} to its end straight into {@code batch}, as {@link #read(InputStream, String,
   * ContributionSink)} with a sink adding each record to the batch would, but faster: records are also
   * checked and encoded for the batch ({@link ContributionBatch.Builder#prepare}) where their chunk is
   * parsed, and admitted in file order, so the batch is the same whatever the pool.
   * The caller closes {@code in}.
   *
   * @param source the name used in locations, not blank
   * @param malformed receives each malformed row, in file order, on the calling thread
   * @throws IOException if reading fails
   */
  public ReadSummary read(InputStream in, String source, ContributionBatch.Builder batch,
      Consumer<MalformedRow> malformed) throws IOException {
    return read(in, source, batch, malformed, ChunkedReading.BLOCK_BYTES);
  }

  /** {@link #read(InputStream, String, ContributionBatch.Builder, Consumer)} in blocks of {@code blockBytes}. */
  ReadSummary read(InputStream in, String source, ContributionBatch.Builder batch, Consumer<MalformedRow> malformed,
      int blockBytes) throws IOException {
    if (in == null || batch == null || malformed == null) {
      throw new IllegalArgumentException("in, batch and malformed must not be null");
    }
    checkSource(source);
    // a CSV file read into a batch interns into the batch's own table: its codes are the batch's to trust
    ChunkedReading.ChunkParser parser = format == InputFormat.CSV
        ? new CsvContributions(source, maxRowBytes, EncodedAdmission.get().strings(batch)) : parser(source);
    return new ChunkedReading(source, format, parser, maxRowBytes, blockBytes, new ChunkedReading.Target() {
      @Override
      public ContributionBatch.Builder batch() {
        return batch;
      }

      @Override
      public void accept(Contribution record, RowLocation location) {
        batch.add(record);
      }

      @Override
      public void malformed(MalformedRow row) {
        malformed.accept(row);
      }
    }).read(in);
  }

  private ChunkedReading.ChunkParser parser(String source) {
    switch (format) {
      case CSV:
        return new CsvContributions(source, maxRowBytes);
      case JSON_LINES:
        return new JsonLinesContributions(source, maxRowBytes);
      default:
        throw new AssertionError("format " + format);
    }
  }

  private static void checkSource(String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("source (" + source + ") must not be blank");
    }
  }
}
