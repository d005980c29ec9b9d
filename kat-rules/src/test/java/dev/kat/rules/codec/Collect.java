package dev.kat.rules.codec;

import dev.kat.core.model.Contribution;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A sink that keeps everything, for tests. */
final class Collect implements ContributionSink {
  final List<Contribution> records = new ArrayList<>();
  final List<RowLocation> locations = new ArrayList<>();
  final List<MalformedRow> malformed = new ArrayList<>();
  ReadSummary summary;

  @Override
  public void accept(Contribution record, RowLocation location) {
    records.add(record);
    locations.add(location);
  }

  @Override
  public void malformed(MalformedRow row) {
    malformed.add(row);
  }

  static Collect csv(String text) {
    return read(InputFormat.CSV, text.getBytes(StandardCharsets.UTF_8));
  }

  static Collect jsonl(String text) {
    return read(InputFormat.JSON_LINES, text.getBytes(StandardCharsets.UTF_8));
  }

  static Collect read(InputFormat format, byte[] bytes) {
    return read(ContributionReader.of(format), bytes);
  }

  static Collect read(ContributionReader reader, byte[] bytes) {
    Collect c = new Collect();
    try {
      c.summary = reader.read(new ByteArrayInputStream(bytes), "in", c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }
}
