package dev.kat.bench;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import dev.kat.rules.codec.ContributionReader;
import dev.kat.rules.codec.ContributionSink;
import dev.kat.rules.codec.InputFormat;
import dev.kat.rules.codec.MalformedRow;
import dev.kat.rules.codec.RowLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ingestion: CSV and JSON Lines files (held in memory, see {@link BenchFiles}) read by kat-rules'
 * {@link ContributionReader} and admitted into the engine's batch form: straight into a batch builder
 * ({@code csv}, {@code jsonLines}: records are prepared for the batch where their chunk is parsed, as
 * {@code kat run --stream} reads), and through a sink that adds each record ({@code csvThroughSink}, as the
 * monthly workflow reads); and
 * the CSV parse alone, with records discarded. Rows per second and bytes per second are in
 * docs/benchmarks.md.
 *
 * <p>Run alone (after {@code mvn -B -q package -pl kat-bench -am -Pbench -DskipTests}):
 * <pre>{@code
 * java -jar kat-bench/target/benchmarks.jar IngestionBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+UseTransparentHugePages", "-XX:+UseSerialGC"})
public class IngestionBenchmark {
  /** Rows in the file; contributors are a tenth of that. */
  @Param({"10000", "100000", "1000000"})
  public int records;

  private KatEngine engine;
  private byte[] csv;
  private byte[] jsonLines;

  /** Renders the files once per trial. */
  @Setup
  public void setUp() {
    engine = KatEngine.of(BenchPolicy.full());
    BenchData data = BenchData.of(records, 42);
    csv = BenchFiles.csv(data);
    jsonLines = BenchFiles.jsonLines(data);
  }

  /** Reads the CSV file straight into an admitted batch (records prepared for the batch as they are parsed). */
  @Benchmark
  public ContributionBatch csv() throws IOException {
    return readIntoBatch(InputFormat.CSV, csv);
  }

  /** Reads the CSV file into an admitted batch through a sink that adds each record: the earlier path. */
  @Benchmark
  public ContributionBatch csvThroughSink() throws IOException {
    return read(InputFormat.CSV, csv);
  }

  /** Reads the JSON Lines file into an admitted batch. */
  @Benchmark
  public ContributionBatch jsonLines() throws IOException {
    return readIntoBatch(InputFormat.JSON_LINES, jsonLines);
  }

  private ContributionBatch readIntoBatch(InputFormat format, byte[] file) throws IOException {
    ContributionBatch.Builder batch = engine.newBatch(BenchData.CYCLE);
    ContributionReader.of(format).read(new ByteArrayInputStream(file), "bench", batch, row -> {
      throw new IllegalStateException("benchmark file has a malformed row: " + row);
    });
    return batch.build();
  }

  /** Parses the CSV file into records and discards them: the reader alone. */
  @Benchmark
  public long csvParseOnly() throws IOException {
    long[] count = new long[1];
    ContributionReader.of(InputFormat.CSV).read(new ByteArrayInputStream(csv), "bench.csv", new ContributionSink() {
      @Override
      public void accept(Contribution record, RowLocation location) {
        count[0] += record.id().length();
      }

      @Override
      public void malformed(MalformedRow row) {
        count[0]--;
      }
    });
    return count[0];
  }

  private ContributionBatch read(InputFormat format, byte[] file) throws IOException {
    ContributionBatch.Builder batch = engine.newBatch(BenchData.CYCLE);
    ContributionReader.of(format).read(new ByteArrayInputStream(file), "bench", new ContributionSink() {
      @Override
      public void accept(Contribution record, RowLocation location) {
        batch.add(record);
      }

      @Override
      public void malformed(MalformedRow row) {
        throw new IllegalStateException("benchmark file has a malformed row: " + row);
      }
    });
    return batch.build();
  }
}
