package dev.kat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.model.Contribution;
import dev.kat.rules.codec.ContributionReader;
import dev.kat.rules.codec.ContributionSink;
import dev.kat.rules.codec.InputFormat;
import dev.kat.rules.codec.MalformedRow;
import dev.kat.rules.codec.ReadSummary;
import dev.kat.rules.codec.RowLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchFilesTest {
  private static final BenchData DATA = BenchData.of(1_000, 11);

  private static List<Contribution> read(InputFormat format, byte[] file) throws IOException {
    List<Contribution> out = new ArrayList<>();
    List<MalformedRow> bad = new ArrayList<>();
    ReadSummary s = ContributionReader.of(format).read(new ByteArrayInputStream(file), "test", new ContributionSink() {
      @Override
      public void accept(Contribution record, RowLocation location) {
        out.add(record);
      }

      @Override
      public void malformed(MalformedRow row) {
        bad.add(row);
      }
    });
    assertEquals(List.of(), bad);
    assertEquals(DATA.records(), s.parsed());
    return out;
  }

  @Test
  void csv_readBack_givesTheSameRecords() throws IOException {
    assertEquals(DATA.list(), read(InputFormat.CSV, BenchFiles.csv(DATA)));
  }

  @Test
  void jsonLines_readBack_givesTheSameRecords() throws IOException {
    assertEquals(DATA.list(), read(InputFormat.JSON_LINES, BenchFiles.jsonLines(DATA)));
  }

  @Test
  void csv_admitted_sameResultHashAsObjects() throws IOException {
    KatEngine engine = KatEngine.of(BenchPolicy.full());
    ContributionBatch fromFile = engine.newBatch(BenchData.CYCLE)
        .addAll(read(InputFormat.CSV, BenchFiles.csv(DATA))).build();
    ContributionBatch fromObjects = engine.newBatch(BenchData.CYCLE).addAll(DATA.stream()).build();
    assertEquals(engine.run(fromObjects, DATA.prior()).contentHash(), engine.run(fromFile, DATA.prior()).contentHash());
  }
}
