package dev.kat.rules.codec;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.kat.core.engine.BatchView;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.RecordLine;
import dev.kat.core.engine.Rejection;
import dev.kat.core.engine.Statement;
import dev.kat.core.engine.Step;
import dev.kat.core.guard.Flag;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a cycle's result as JSON (format {@code kat-result/1}, documented in {@code docs/formats.md}):
 * the cycle, policy, content hash, input counts, totals, breakdowns, every contributor's figures and
 * statement, flags, held records and rejections. Streams with Jackson's generator, so the output never
 * exists as a tree in memory. The output is byte-identical for identical results.
 */
public final class ResultJsonWriter {
  /** The value of the document's {@code format} field. */
  public static final String FORMAT = "kat-result/1";

  private final boolean statements;
  private final String status;

  private ResultJsonWriter(boolean statements, String status) {
    this.statements = statements;
    this.status = status;
  }

  /** A writer that includes every contributor's statement. */
  public static ResultJsonWriter withStatements() {
    return new ResultJsonWriter(true, null);
  }

  /** A writer that leaves statements out (figures per contributor only). */
  public static ResultJsonWriter withoutStatements() {
    return new ResultJsonWriter(false, null);
  }

  /**
   * This writer, also writing {@code "status": value} after the format field, e.g. {@code preview} or
   * {@code finalized}: what the result is, for readers who find the file on its own.
   *
   * @param value the status, not blank
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public ResultJsonWriter withStatus(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("status (" + value + ") must not be blank");
    }
    return new ResultJsonWriter(statements, value);
  }

  /**
   * Writes {@code result} to {@code out} (UTF-8, indented, LF line ends); does not close {@code out}.
   *
   * @param result the cycle's result
   * @param inputs what the readers saw in each input file, in the order read; may be empty when records
   *     did not come from files
   * @throws IOException if writing fails
   */
  public void write(CycleResult result, List<ReadSummary> inputs, OutputStream out) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = JsonLinesContributions.JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(StreamWriteFeature.AUTO_CLOSE_TARGET.mappedFeature());
      g.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN.mappedFeature());
      g.setPrettyPrinter(pp);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      if (status != null) {
        g.writeStringField("status", status);
      }
      g.writeObjectFieldStart("cycle");
      g.writeStringField("id", result.cycle().id());
      g.writeNumberField("sequence", result.cycle().sequence());
      g.writeStringField("start", result.cycle().start().toString());
      g.writeStringField("end", result.cycle().end().toString());
      g.writeEndObject();
      g.writeObjectFieldStart("policy");
      g.writeStringField("id", result.policy().id());
      g.writeStringField("dao", result.policy().dao());
      g.writeNumberField("budget", result.budget());
      g.writeEndObject();
      g.writeStringField("contentHash", result.contentHash());
      writeInputs(g, result, inputs);
      g.writeObjectFieldStart("totals");
      g.writeNumberField("credit", Micros.decimal(result.totalCredit()));
      g.writeNumberField("externalCredit", Micros.decimal(result.externalCredit()));
      g.writeNumberField("katAllocated", result.allocated());
      g.writeNumberField("katUnallocated", result.unallocated());
      g.writeNumberField("contributors", result.contributors().size());
      g.writeNumberField("flags", result.flags().size());
      g.writeNumberField("held", result.held().size());
      g.writeEndObject();
      amounts(g, "creditByCategory", result.creditByCategory());
      amounts(g, "creditByWorkingGroup", result.creditByWorkingGroup());
      amounts(g, "creditByRole", result.creditByRole());
      g.writeObjectFieldStart("recordsByCategory");
      for (Map.Entry<String, Long> e : result.recordsByCategory().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      writeContributors(g, result);
      g.writeArrayFieldStart("flags");
      for (Flag f : result.flags()) {
        writeFlag(g, f);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("held");
      for (String id : result.held()) {
        g.writeString(id);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("rejections");
      for (Rejection x : result.rejections()) {
        g.writeStartObject();
        g.writeStringField("id", x.record().id());
        g.writeStringField("contributor", x.record().contributor());
        g.writeStringField("category", x.record().category());
        g.writeStringField("code", x.code().name());
        g.writeStringField("message", x.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeInputs(JsonGenerator g, CycleResult result, List<ReadSummary> inputs) throws IOException {
    long rows = 0;
    long malformed = 0;
    for (ReadSummary s : inputs) {
      rows += s.rows();
      malformed += s.malformed();
    }
    if (inputs.isEmpty()) {
      rows = result.inputCount();
    }
    g.writeObjectFieldStart("inputs");
    g.writeNumberField("rowsRead", rows);
    g.writeNumberField("accepted", result.acceptedCount());
    g.writeNumberField("rejected", result.rejections().size());
    g.writeNumberField("malformed", malformed);
    g.writeArrayFieldStart("files");
    for (ReadSummary s : inputs) {
      g.writeStartObject();
      g.writeStringField("source", s.source());
      g.writeStringField("format", s.format().name());
      g.writeNumberField("rows", s.rows());
      g.writeNumberField("parsed", s.parsed());
      g.writeNumberField("malformed", s.malformed());
      g.writeArrayFieldStart("fileProblems");
      for (FileProblem p : s.fileProblems()) {
        g.writeString(p.toString());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void writeContributors(JsonGenerator g, CycleResult result) throws IOException {
    BatchView b = result.batch();
    long[] rowCredit = result.rowCredits();
    long[] external = new long[b.people()];
    int[] records = new int[b.people()];
    for (int r = 0; r < b.rows(); r++) {
      records[b.contributor(r)]++;
      if (result.policy().isExternal(b.roleId(b.role(r)))) {
        external[b.contributor(r)] += rowCredit[r];
      }
    }
    g.writeArrayFieldStart("contributors");
    for (String c : result.contributors()) {
      Statement s = result.statement(c);
      int p = b.personIndex(c);
      g.writeStartObject();
      g.writeStringField("id", c);
      g.writeNumberField("records", p < 0 ? 0 : records[p]);
      g.writeNumberField("credit", Micros.decimal(s.credit()));
      g.writeNumberField("externalCredit", Micros.decimal(p < 0 ? 0 : external[p]));
      g.writeObjectFieldStart("karma");
      g.writeNumberField("prior", Micros.decimal(s.karmaPrior()));
      g.writeNumberField("decayed", Micros.decimal(s.karmaDecayed()));
      g.writeNumberField("gain", Micros.decimal(s.karmaGain()));
      g.writeNumberField("penalty", Micros.decimal(s.karmaPenalty()));
      g.writeNumberField("after", Micros.decimal(s.karmaAfter()));
      g.writeEndObject();
      g.writeNumberField("weight", Micros.decimal(s.weight()));
      g.writeNumberField("kat", s.kat());
      amounts(g, "creditByCategory", s.creditByCategory());
      g.writeNumberField("flags", s.flags().size());
      if (statements) {
        g.writeArrayFieldStart("statement");
        for (RecordLine line : s.records()) {
          g.writeStartObject();
          g.writeStringField("record", line.recordId());
          g.writeStringField("category", line.category());
          steps(g, "creditSteps", line.creditSteps());
          g.writeNumberField("rawCredit", Micros.decimal(line.rawCredit()));
          steps(g, "laterSteps", line.laterSteps());
          g.writeNumberField("credit", Micros.decimal(line.credit()));
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void steps(JsonGenerator g, String name, List<Step> steps) throws IOException {
    g.writeArrayFieldStart(name);
    for (Step s : steps) {
      g.writeStartObject();
      g.writeStringField("stage", s.stage());
      g.writeStringField("rule", s.ruleId());
      g.writeNumberField("factor", s.factor());
      g.writeStringField("reason", s.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeFlag(JsonGenerator g, Flag f) throws IOException {
    g.writeStartObject();
    g.writeStringField("detector", f.detector());
    g.writeStringField("severity", f.severity().name());
    g.writeStringField("action", f.action().name());
    g.writeNumberField("factor", f.factor());
    g.writeArrayFieldStart("records");
    for (String r : f.recordIds()) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("contributors");
    for (String c : f.contributors()) {
      g.writeString(c);
    }
    g.writeEndArray();
    g.writeStringField("evidence", f.evidence());
    g.writeEndObject();
  }

  private static void amounts(JsonGenerator g, String name, Map<String, Long> m) throws IOException {
    g.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : m.entrySet()) {
      g.writeNumberField(e.getKey(), Micros.decimal(e.getValue()));
    }
    g.writeEndObject();
  }
}
