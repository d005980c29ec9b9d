package dev.kat.cli.simulate;

import dev.kat.cli.ExitCode;
import dev.kat.cli.command.Args;
import dev.kat.cli.command.Command;
import dev.kat.cli.command.InputException;
import dev.kat.cli.command.Option;
import dev.kat.cli.command.Terminal;
import dev.kat.cli.command.UsageException;
import dev.kat.core.sim.Experiment;
import dev.kat.core.sim.Parameters;
import dev.kat.core.sim.Summary;
import dev.kat.core.sim.TidyCsvWriter;
import dev.kat.rules.policy.Problem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kat simulate <experiment.json> [--out DIR] [--threads N]}: runs the experiment an
 * {@link ExperimentDocument} describes and writes, into {@code DIR} (default: the working directory),
 * {@code <name>.csv} (tidy rows: experiment, parameters, run, cycle, metric, value), {@code <name>.html}
 * (summary with inline SVG charts) and, when a numeric parameter is swept, {@code <name>.<metric>.svg}
 * (the final value of each reported metric against it). The CSV is streamed while runs finish and is
 * byte-identical for the same document whatever the number of threads.
 */
public final class SimulateCommand implements Command {

  /** The subcommand; the registry creates it. */
  public SimulateCommand() {}

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public String summary() {
    return "run a simulation experiment; write tidy CSV and an HTML summary with charts";
  }

  @Override
  public String synopsis() {
    return "[options] <experiment.json>";
  }

  @Override
  public String description() {
    return """
        Runs the Monte Carlo experiment described in <experiment.json> (format kat-experiment/1, see
        docs/simulation.md): a population of agents with strategies submitting records cycle after cycle,
        recognised under a policy document, repeated over runs with seeds derived from the master seed, at
        every point of the parameter grid. Every problem in the document, at any grid point, is listed
        before anything runs.

        Writes <name>.csv (tidy: experiment,parameters,run,cycle,metric,value), <name>.html (metrics over
        cycles with the 10th-90th percentile band across runs; final values against the first numeric
        swept parameter) and <name>.<metric>.svg charts. The same document gives the same CSV bytes for
        any --threads.""";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("out", "DIR", "directory for the outputs (default: the working directory)"),
        Option.value("threads", "N", "worker threads (default: the document's threads, else all cores)"));
  }

  @Override
  public int execute(Args args, Terminal t) throws Exception {
    args.atMost(1);
    Path file = t.resolve(args.positional(0, "<experiment.json>"));
    Path dir = t.resolve(args.value("out", "."));
    int threads = 0;
    if (args.has("threads")) {
      String v = args.value("threads", "");
      try {
        threads = Integer.parseInt(v);
      } catch (NumberFormatException e) {
        threads = -1;
      }
      if (threads < 1) {
        throw new UsageException("--threads needs a positive integer, not " + v);
      }
    }
    ExperimentDocument.Result read = ExperimentDocument.read(file);
    if (read.document() == null) {
      List<String> lines = new ArrayList<>();
      for (Problem p : read.problems()) {
        lines.add(p.toString());
      }
      throw new InputException(read.problems().size() + " problem(s) in " + file + "; nothing was run", lines);
    }
    ExperimentDocument doc = read.document();
    Experiment e = doc.experiment();
    if (threads == 0) {
      threads = doc.threads() > 0 ? doc.threads() : Runtime.getRuntime().availableProcessors();
    }
    Files.createDirectories(dir);
    Path csv = dir.resolve(e.name() + ".csv");
    Summary summary = new Summary();
    long total = (long) e.runs() * e.points().size();
    long[] done = {0};
    // written beside the target and moved into place when complete: an interrupted run leaves no cut-off CSV
    Path partial = dir.resolve(e.name() + ".csv.partial");
    try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
      TidyCsvWriter sink = new TidyCsvWriter(w);
      e.run(threads, Summary.both(Summary.both(sink, summary),
          (x, p, r, res) -> t.progress("run " + (++done[0]) + " of " + total)));
      sink.flush();
    }
    try {
      Files.move(partial, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException x) {
      Files.move(partial, csv, StandardCopyOption.REPLACE_EXISTING);
    }
    t.clearProgress();
    Path html = dir.resolve(e.name() + ".html");
    Files.writeString(html, HtmlReport.render(doc, summary, csv.getFileName().toString()), StandardCharsets.UTF_8);
    t.out().println("ran " + e.runs() + " run(s) at " + e.points().size() + " grid point(s) on " + threads
        + " thread(s)");
    t.out().println("wrote " + csv);
    t.out().println("wrote " + html);
    if (doc.x() != null) {
      for (String metric : doc.metrics()) {
        Path svg = dir.resolve(e.name() + "." + metric + ".svg");
        Files.writeString(svg, HtmlReport.finalChart(summary, e.name() + ": " + metric + " in the last cycle",
            metric, doc.x()), StandardCharsets.UTF_8);
        t.out().println("wrote " + svg);
      }
    }
    for (String metric : doc.metrics()) {
      t.out().println(metric + " in the last cycle (mean [p10, p90] across runs):");
      for (Parameters p : summary.points()) {
        int last = summary.cycles(p) - 1;
        t.out().println("  " + (p.names().isEmpty() ? "all runs" : p) + ": "
            + SvgPlot.label(summary.mean(p, metric, last)) + " [" + SvgPlot.label(summary.quantile(p, metric, last, 0.1))
            + ", " + SvgPlot.label(summary.quantile(p, metric, last, 0.9)) + "]");
      }
    }
    return ExitCode.OK;
  }
}
