package dev.kat.cli.command;

import dev.kat.cli.report.LocatedRejection;
import dev.kat.core.engine.Rejection;
import dev.kat.core.model.Contribution;
import dev.kat.rules.codec.ContributionSink;
import dev.kat.rules.codec.CsvWriter;
import dev.kat.rules.codec.MalformedRow;
import dev.kat.rules.codec.RawRows;
import dev.kat.rules.codec.ReadSummary;
import dev.kat.rules.codec.RowLocation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the rows admission rejected and writes every bad row: a table of reasons and, per input file,
 * the bad rows themselves, byte for byte.
 */
public final class Rejects {
  /** The header of {@code rejects.csv}. */
  public static final String HEADER = "source,line,column,field,record,code,reason";

  private Rejects() {}

  /**
   * Locates each rejected record's row by reading the inputs again (only when there are rejections).
   * Identical records submitted several times are matched to their rows in file order: the last rows
   * are the rejected copies.
   *
   * @return the rejections in the result's order, each with its row when found
   * @throws IOException if an input cannot be read
   */
  public static List<LocatedRejection> locate(CycleJob.JobResult job, Terminal t) throws IOException {
    List<Rejection> rejections = job.result().rejections();
    if (rejections.isEmpty()) {
      return List.of();
    }
    Map<String, List<Contribution>> ids = new HashMap<>();
    Map<Contribution, List<RowLocation>> rows = new LinkedHashMap<>();
    for (Rejection r : rejections) {
      ids.computeIfAbsent(r.record().id(), k -> new ArrayList<>()).add(r.record());
      rows.put(r.record(), new ArrayList<>());
    }
    for (Path file : job.inputs().contributions()) {
      CycleJob.read(job.inputs(), file, t, new ContributionSink() {
        @Override
        public void accept(Contribution record, RowLocation location) {
          List<Contribution> same = ids.get(record.id());
          if (same != null && same.contains(record)) {
            rows.get(record).add(location);
          }
        }

        @Override
        public void malformed(MalformedRow row) {
          // reported from the first pass
        }
      });
    }
    t.clearProgress();
    Map<Contribution, Integer> count = new HashMap<>();
    for (Rejection r : rejections) {
      count.merge(r.record(), 1, Integer::sum);
    }
    Map<Contribution, Integer> next = new HashMap<>();
    List<LocatedRejection> out = new ArrayList<>();
    for (Rejection r : rejections) {
      List<RowLocation> found = rows.get(r.record());
      int k = count.get(r.record());
      int i = next.merge(r.record(), 1, Integer::sum) - 1;
      int at = found.size() - k + i;
      out.add(new LocatedRejection(r, at >= 0 && at < found.size() ? found.get(at) : null));
    }
    return out;
  }

  /**
   * Writes {@code rejects.csv} (one row per bad row, in file and line order) to {@code out}.
   *
   * @throws IOException if writing fails
   */
  public static void writeTable(List<MalformedRow> malformed, List<LocatedRejection> rejected, Writer out)
      throws IOException {
    record Entry(long file, long start, String[] fields) {}
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> order = new HashMap<>();
    for (MalformedRow m : malformed) {
      RowLocation l = m.location();
      entries.add(new Entry(order.computeIfAbsent(l.source(), k -> order.size()), l.start(), new String[] {
          l.source(), Long.toString(l.line()), Integer.toString(m.column()), m.field(), "", "MALFORMED", m.reason()}));
    }
    for (LocatedRejection r : rejected) {
      RowLocation l = r.location();
      Rejection x = r.rejection();
      entries.add(new Entry(l == null ? Long.MAX_VALUE : order.computeIfAbsent(l.source(), k -> order.size()),
          l == null ? 0 : l.start(), new String[] {l == null ? "" : l.source(), l == null ? "" : Long.toString(l.line()),
              "", "", x.record().id(), x.code().name(), x.message()}));
    }
    entries.sort(Comparator.comparingLong(Entry::file).thenComparingLong(Entry::start));
    CsvWriter csv = new CsvWriter(out);
    csv.row(HEADER.split(","));
    for (Entry e : entries) {
      csv.row(e.fields());
    }
  }

  /**
   * The name under {@code rejects/} of the bad rows of input {@code i}: the input's file name, or, when
   * several inputs share that name (ignoring case, as some file systems do), the name prefixed with the
   * input's position from 1, as in {@code 2-contributions.csv}, so that no input's rows overwrite
   * another's.
   */
  static String rawName(List<Path> inputs, int i) {
    String name = inputs.get(i).getFileName().toString();
    for (int j = 0; j < inputs.size(); j++) {
      if (j != i && inputs.get(j).getFileName().toString().equalsIgnoreCase(name)) {
        return (i + 1) + "-" + name;
      }
    }
    return name;
  }

  /**
   * Writes, for each input file with bad rows, a file under {@code dir} holding its header and its bad
   * rows unchanged, named by {@link #rawName}. A file none of whose rows could be read (e.g. UTF-16) is
   * copied whole.
   *
   * @return the files written
   * @throws IOException if reading or writing fails
   */
  public static List<Path> writeRaw(CycleJob.JobResult job, List<LocatedRejection> rejected, Path dir)
      throws IOException {
    List<Path> written = new ArrayList<>();
    for (int i = 0; i < job.inputs().contributions().size(); i++) {
      Path file = job.inputs().contributions().get(i);
      ReadSummary s = job.reads().get(i);
      List<RowLocation> bad = new ArrayList<>();
      for (MalformedRow m : job.malformed()) {
        if (m.location().source().equals(s.source())) {
          bad.add(m.location());
        }
      }
      for (LocatedRejection r : rejected) {
        if (r.location() != null && r.location().source().equals(s.source())) {
          bad.add(r.location());
        }
      }
      boolean unreadable = s.rows() == 0 && !s.fileProblems().isEmpty() && Files.size(file) > 0;
      if (bad.isEmpty() && !unreadable) {
        continue;
      }
      Files.createDirectories(dir);
      Path target = dir.resolve(rawName(job.inputs().contributions(), i));
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
        if (unreadable) {
          Files.copy(file, out);
        } else {
          RawRows.copy(file, s.headerEnd(), bad, out);
        }
      }
      written.add(target);
    }
    return written;
  }
}
