package dev.kat.cli.command;

import dev.kat.core.cycle.CycleHistory;
import dev.kat.core.cycle.CycleWorkflow;
import dev.kat.core.cycle.Preview;
import dev.kat.core.engine.ContributionBatch;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.Overrides;
import dev.kat.core.engine.PriorState;
import dev.kat.core.ledger.CycleRunner;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.policy.Framework;
import dev.kat.rules.codec.ContributionReader;
import dev.kat.rules.codec.ContributionSink;
import dev.kat.rules.codec.FileProblem;
import dev.kat.rules.codec.MalformedRow;
import dev.kat.rules.codec.ReadSummary;
import dev.kat.rules.codec.RowLocation;
import dev.kat.rules.policy.PolicyDocument;
import dev.kat.rules.policy.PolicyDocuments;
import dev.kat.rules.policy.PolicyReader;
import dev.kat.rules.policy.Problem;
import dev.kat.rules.policy.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Runs one cycle from a DAO's files: reads the policy (checked against the framework), streams every
 * contributions file into the engine's batch, and runs the engine. Bad rows are collected, never fatal.
 */
public final class CycleJob {
  private static final int PROGRESS_EVERY = 1 << 16;
  /** How many malformed rows an error that stops before the cycle lists. */
  private static final int MAX_LISTED_ROWS = 20;

  private CycleJob() {}

  /** The sequence number of a month: months since year 0, so karma decays by calendar months. */
  public static long sequenceOf(YearMonth month) {
    return month.getYear() * 12L + month.getMonthValue() - 1;
  }

  /**
   * Reads the policy document, checked against the framework when there is one. A policy that declares
   * a framework ({@code "framework"}) when no framework document was found is an error, unless the check
   * was waived with {@code --no-framework}: its bounds would otherwise go unchecked in silence.
   *
   * @throws InputException listing every problem of the framework or the policy, or when the declared
   *     framework cannot be found
   */
  public static PolicyDocument loadPolicy(DaoInputs in) throws InputException {
    PolicyReader reader = PolicyDocuments.reader();
    if (in.framework() != null) {
      ReadResult<Framework> f = PolicyDocuments.readFramework(in.framework());
      if (!f.ok()) {
        throw new InputException("the framework " + in.framework() + " has problems", texts(f.problems()));
      }
      reader = reader.withFramework(f.value());
    }
    ReadResult<PolicyDocument> p = reader.read(in.policy());
    if (!p.ok()) {
      throw new InputException("the policy " + in.policy() + " has problems"
          + (in.framework() == null ? "" : " (checked against " + in.framework() + ")"), texts(p.problems()));
    }
    String declared = p.value().framework();
    if (in.framework() == null && !in.frameworkWaived() && !declared.isEmpty()) {
      throw new InputException("the policy " + in.policy() + " declares the framework '" + declared
          + "' but no framework document was found", List.of(
          "looked for framework.json in " + in.dir() + " and in its parent",
          "give the framework with --framework FILE, or check against none with --no-framework"));
    }
    return p.value();
  }

  private static List<String> texts(List<Problem> problems) {
    List<String> out = new ArrayList<>();
    for (Problem p : problems) {
      out.add(p.toString());
    }
    return out;
  }

  /**
   * Runs the cycle: policy, then contributions, then the engine.
   *
   * @param in the inputs
   * @param prior the state left by the previous finalized cycle, or {@link PriorState#empty()}
   * @param t the terminal, for progress
   * @throws InputException when the policy has problems
   * @throws IOException when a file cannot be read
   */
  public static JobResult run(DaoInputs in, PriorState prior, Terminal t) throws InputException, IOException {
    return run(in, loadPolicy(in), prior, t);
  }

  /**
   * As {@link #run(DaoInputs, PriorState, Terminal)} with the policy document already read (and possibly
   * refined by rule files).
   *
   * @throws InputException when the cycle is not after {@code prior}'s or no month can be inferred
   * @throws IOException when a file cannot be read
   */
  static JobResult run(DaoInputs in, PolicyDocument doc, PriorState prior, Terminal t)
      throws InputException, IOException {
    return run(in, doc, prior, CycleRunner.ENGINE, t);
  }

  /**
   * As {@link #run(DaoInputs, PolicyDocument, PriorState, Terminal)}, the result computed by {@code runner}.
   *
   * @throws InputException when the cycle is not after {@code prior}'s or no month can be inferred
   * @throws IOException when a file cannot be read
   */
  static JobResult run(DaoInputs in, PolicyDocument doc, PriorState prior, CycleRunner runner, Terminal t)
      throws InputException, IOException {
    YearMonth month = in.month();
    boolean inferred = false;
    if (month == null) {
      month = inferMonth(in, t);
      inferred = true;
    }
    Cycle cycle = Cycle.ofMonth(month, sequenceOf(month));
    if (prior.sequence() >= cycle.sequence()) {
      throw new InputException("cycle " + month + " is not after the last finalized cycle", List.of(
          "the ledger's last cycle has sequence " + prior.sequence() + "; choose a later month with --cycle"));
    }
    KatEngine engine = KatEngine.of(doc.policy());
    ContributionBatch.Builder batch = engine.newBatch(cycle);
    List<MalformedRow> malformed = new ArrayList<>();
    List<ReadSummary> reads = new ArrayList<>();
    for (Path file : in.contributions()) {
      reads.add(readInto(in, file, t, batch, malformed));
    }
    t.progress("running the cycle " + month + " …");
    CycleResult result = runner.run(engine, batch.build(), prior, Overrides.none(), List.of());
    t.clearProgress();
    return new JobResult(in, doc, cycle, inferred, result, reads, malformed);
  }

  /**
   * Runs the cycle through the monthly workflow on a ledger's history: records are submitted, review is
   * opened and closed, and the cycle is previewed (full result, differences, audit checklist) without
   * being committed.
   *
   * @throws InputException when the policy has problems or the cycle is not after the ledger's last
   * @throws IOException when a file cannot be read
   */
  public static Previewed preview(DaoInputs in, PolicyDocument doc, CycleHistory history, Terminal t)
      throws InputException, IOException {
    return preview(in, doc, history, List.of(), t);
  }

  /**
   * As {@link #preview(DaoInputs, PolicyDocument, CycleHistory, Terminal)}: during review, the cycle's
   * lines of the review file ({@link DaoInputs#review()}) and then {@code extra} raise their disputes and
   * apply their exceptions.
   *
   * @throws InputException when the review file is malformed or a dispute or exception does not apply
   */
  static Previewed preview(DaoInputs in, PolicyDocument doc, CycleHistory history, List<Review.Item> extra,
      Terminal t) throws InputException, IOException {
    YearMonth month = in.month();
    boolean inferred = false;
    if (month == null) {
      month = inferMonth(in, t);
      inferred = true;
    }
    Cycle cycle = Cycle.ofMonth(month, sequenceOf(month));
    if (history.lastResult().isPresent() && history.lastResult().get().cycle().sequence() >= cycle.sequence()) {
      throw new InputException("cycle " + month + " is not after the last finalized cycle "
          + history.lastResult().get().cycle().id(), List.of("choose a later month with --cycle"));
    }
    List<Review.Item> review = new ArrayList<>(Review.read(in.review(), cycle.id()));
    review.addAll(extra);
    CycleWorkflow workflow = history.start(doc.policy(), cycle);
    List<MalformedRow> malformed = new ArrayList<>();
    Map<String, String> contributorOf = new HashMap<>();
    List<ReadSummary> reads = readAll(in, t, c -> {
      workflow.submit(c);
      contributorOf.putIfAbsent(c.id(), c.contributor());
    }, malformed);
    t.progress("previewing the cycle " + month + " …");
    workflow.beginReview();
    Review.apply(workflow, review, contributorOf);
    workflow.validate();
    Preview preview = workflow.preview();
    t.clearProgress();
    return new Previewed(new JobResult(in, doc, cycle, inferred, preview.result(), reads, malformed), workflow, preview);
  }

  /**
   * A cycle previewed in the workflow.
   *
   * @param job the result and what was read
   * @param workflow the workflow, in stage PREVIEWED
   * @param preview the preview: differences and audit checklist
   */
  public record Previewed(JobResult job, CycleWorkflow workflow, Preview preview) {}

  private static List<ReadSummary> readAll(DaoInputs in, Terminal t, Consumer<Contribution> target,
      List<MalformedRow> malformed) throws IOException {
    List<ReadSummary> reads = new ArrayList<>();
    for (Path file : in.contributions()) {
      reads.add(read(in, file, t, new ContributionSink() {
        @Override
        public void accept(Contribution record, RowLocation location) {
          target.accept(record);
        }

        @Override
        public void malformed(MalformedRow row) {
          malformed.add(row);
        }
      }));
    }
    return reads;
  }

  /**
   * Reads one file straight into {@code batch}: records are checked and encoded for the batch where their
   * block is parsed, on the fork-join pool, and admitted in file order (the same batch as adding each).
   */
  private static ReadSummary readInto(DaoInputs in, Path file, Terminal t, ContributionBatch.Builder batch,
      List<MalformedRow> malformed) throws IOException {
    t.progress("reading " + file.getFileName() + " …");
    ContributionReader reader = ContributionReader.forFile(file).withMaxRowBytes(in.maxRowBytes());
    try (InputStream stream = Files.newInputStream(file)) {
      return reader.read(stream, sourceName(in, file), batch, malformed::add);
    }
  }

  /** Reads one file into {@code sink}, showing progress. */
  static ReadSummary read(DaoInputs in, Path file, Terminal t, ContributionSink sink) throws IOException {
    String name = file.getFileName().toString();
    long[] rows = new long[1];
    ContributionReader reader = ContributionReader.forFile(file).withMaxRowBytes(in.maxRowBytes());
    try (InputStream stream = Files.newInputStream(file)) {
      return reader.read(stream, sourceName(in, file), new ContributionSink() {
        @Override
        public void accept(Contribution record, RowLocation location) {
          tick();
          sink.accept(record, location);
        }

        @Override
        public void malformed(MalformedRow row) {
          tick();
          sink.malformed(row);
        }

        private void tick() {
          if (++rows[0] % PROGRESS_EVERY == 0) {
            t.progress(String.format(Locale.ROOT, "reading %s: %,d rows", name, rows[0]));
          }
        }
      });
    }
  }

  /**
   * The name a contributions file goes by in locations and outputs: its path relative to the DAO
   * directory, with {@code /} separators ({@code contributions.csv}, {@code ../shared/extra.csv}), so that
   * outputs are the same whatever directory the command is run from.
   */
  static String sourceName(DaoInputs in, Path file) {
    Path base = in.dir().toAbsolutePath().normalize();
    Path abs = file.toAbsolutePath().normalize();
    String rel;
    try {
      rel = base.relativize(abs).toString();
    } catch (IllegalArgumentException e) {
      rel = abs.toString();
    }
    return rel.isEmpty() ? abs.getFileName().toString() : rel.replace('\\', '/');
  }

  /** The month most records fall in (the earliest on a tie). */
  static YearMonth inferMonth(DaoInputs in, Terminal t) throws IOException, InputException {
    Map<YearMonth, Long> counts = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    long[] malformedRows = new long[1];
    for (Path file : in.contributions()) {
      List<String> rows = new ArrayList<>();
      ReadSummary s = read(in, file, t, new ContributionSink() {
        @Override
        public void accept(Contribution record, RowLocation location) {
          counts.merge(YearMonth.from(record.occurredAt().atZone(ZoneOffset.UTC)), 1L, Long::sum);
        }

        @Override
        public void malformed(MalformedRow row) {
          if (++malformedRows[0] <= MAX_LISTED_ROWS) {
            rows.add(row.toString());
          }
        }
      });
      for (FileProblem p : s.fileProblems()) {
        problems.add(p.toString());
      }
      problems.addAll(rows);
    }
    t.clearProgress();
    YearMonth best = null;
    long most = 0;
    for (Map.Entry<YearMonth, Long> e : counts.entrySet()) {
      if (e.getValue() > most) {
        best = e.getKey();
        most = e.getValue();
      }
    }
    if (best == null) {
      if (malformedRows[0] > MAX_LISTED_ROWS) {
        problems.add(String.format(Locale.ROOT, "... and %,d more malformed rows", malformedRows[0] - MAX_LISTED_ROWS));
      }
      if (problems.isEmpty()) {
        problems.add("the contributions files hold no data row");
      }
      problems.add("fix these, or give the month with --cycle YYYY-MM to see every row's problem");
      throw new InputException("cannot tell which month to run: no record could be read", problems);
    }
    return best;
  }

  /**
   * A cycle run from files.
   *
   * @param inputs what was read
   * @param document the policy document
   * @param cycle the cycle
   * @param cycleInferred whether the month was inferred from the records
   * @param result the engine's result
   * @param reads what the reader saw in each file
   * @param malformed every malformed row, in file order
   */
  public record JobResult(DaoInputs inputs, PolicyDocument document, Cycle cycle, boolean cycleInferred,
      CycleResult result, List<ReadSummary> reads, List<MalformedRow> malformed) {

    /** Copies the lists. */
    public JobResult {
      reads = List.copyOf(reads);
      malformed = List.copyOf(malformed);
    }

    /** Rows read in all files: accepted + rejected by admission + malformed. */
    public long rowsRead() {
      long n = 0;
      for (ReadSummary s : reads) {
        n += s.rows();
      }
      return n;
    }

    /** Problems with files as a whole. */
    public List<FileProblem> fileProblems() {
      List<FileProblem> out = new ArrayList<>();
      for (ReadSummary s : reads) {
        out.addAll(s.fileProblems());
      }
      return out;
    }

    /** Whether every row was read and admitted. */
    public boolean clean() {
      return malformed.isEmpty() && result.rejections().isEmpty() && fileProblems().isEmpty();
    }
  }
}
