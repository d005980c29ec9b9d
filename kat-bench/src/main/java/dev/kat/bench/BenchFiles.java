package dev.kat.bench;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link BenchData} records rendered as the files operators feed the {@code kat} command: CSV and JSON
 * Lines in the formats of {@code docs/formats.md}, held in memory so that parsing is measured, not disk.
 */
public final class BenchFiles {
  /** The attribute columns of the CSV header, after the fixed columns. */
  static final List<String> ATTRIBUTES =
      List.of("durationMinutes", "amount", "complexity", "preparationEffort", "crossCultural");

  private BenchFiles() {}

  /** The records of {@code data} as a CSV file with a header line. */
  public static byte[] csv(BenchData data) {
    StringBuilder sb = new StringBuilder(1 << 17);
    sb.append("id,contributor,dao,workingGroup,category,role,occurredAt,");
    sb.append(String.join(",", ATTRIBUTES)).append(",counterparts,evidence,reviews\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.records() * 200);
    for (Contribution c : data.stream()) {
      sb.append(c.id()).append(',').append(c.contributor()).append(',').append(c.dao()).append(',')
          .append(c.workingGroup()).append(',').append(c.category()).append(',').append(c.role()).append(',')
          .append(c.occurredAt()).append(',');
      for (String a : ATTRIBUTES) {
        Double v = c.attributes().get(a);
        if (v != null) {
          number(sb, v);
        }
        sb.append(',');
      }
      sb.append(String.join(";", c.counterparts())).append(',');
      for (int i = 0; i < c.evidence().size(); i++) {
        Evidence e = c.evidence().get(i);
        sb.append(i > 0 ? ";" : "").append(e.uri());
        if (e.contentHash() != null) {
          sb.append('|').append(e.contentHash());
        }
      }
      sb.append(',');
      for (int i = 0; i < c.reviews().size(); i++) {
        Review r = c.reviews().get(i);
        sb.append(i > 0 ? ";" : "").append(r.reviewer()).append(':')
            .append(r.verdict().name().toLowerCase(Locale.ROOT));
        if (r.quality().isPresent()) {
          sb.append(':');
          number(sb, r.quality().getAsDouble());
        }
      }
      sb.append('\n');
      flush(sb, out, false);
    }
    flush(sb, out, true);
    return out.toByteArray();
  }

  /** The records of {@code data} as JSON Lines, one object per line. */
  public static byte[] jsonLines(BenchData data) {
    StringBuilder sb = new StringBuilder(1 << 17);
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.records() * 300);
    for (Contribution c : data.stream()) {
      sb.append("{\"id\":\"").append(c.id()).append("\",\"contributor\":\"").append(c.contributor())
          .append("\",\"dao\":\"").append(c.dao()).append("\",\"workingGroup\":\"").append(c.workingGroup())
          .append("\",\"category\":\"").append(c.category()).append("\",\"role\":\"").append(c.role())
          .append("\",\"occurredAt\":\"").append(c.occurredAt()).append("\",\"attributes\":{");
      boolean first = true;
      for (Map.Entry<String, Double> e : c.attributes().entrySet()) {
        sb.append(first ? "" : ",").append('"').append(e.getKey()).append("\":");
        number(sb, e.getValue());
        first = false;
      }
      sb.append("},\"counterparts\":[");
      for (int i = 0; i < c.counterparts().size(); i++) {
        sb.append(i > 0 ? "," : "").append('"').append(c.counterparts().get(i)).append('"');
      }
      sb.append("],\"evidence\":[");
      for (int i = 0; i < c.evidence().size(); i++) {
        sb.append(i > 0 ? "," : "").append('"').append(c.evidence().get(i).uri()).append('"');
      }
      sb.append("],\"reviews\":[");
      for (int i = 0; i < c.reviews().size(); i++) {
        Review r = c.reviews().get(i);
        sb.append(i > 0 ? "," : "").append("{\"reviewer\":\"").append(r.reviewer()).append("\",\"verdict\":\"")
            .append(r.verdict().name().toLowerCase(Locale.ROOT)).append('"');
        if (r.quality().isPresent()) {
          sb.append(",\"quality\":");
          number(sb, r.quality().getAsDouble());
        }
        sb.append('}');
      }
      sb.append("]}\n");
      flush(sb, out, false);
    }
    flush(sb, out, true);
    return out.toByteArray();
  }

  private static void number(StringBuilder sb, double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      sb.append((long) v);
    } else {
      sb.append(v);
    }
  }

  private static void flush(StringBuilder sb, ByteArrayOutputStream out, boolean last) {
    if (last || sb.length() > 1 << 16) {
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
      sb.setLength(0);
    }
  }
}
