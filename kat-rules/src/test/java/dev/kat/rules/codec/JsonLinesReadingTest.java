package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Evidence;
import dev.kat.core.model.Review;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReadingTest {

  @Test
  void read_fullObject_mapsEveryField() {
    Collect c = Collect.jsonl("{\"id\":\"s-1\",\"contributor\":\"mai\",\"dao\":\"exchange-dao\",\"workingGroup\":\"sdf\","
        + "\"category\":\"session_hosting\",\"role\":\"dao_member\",\"occurredAt\":\"2026-10-05T16:30:00+02:00\","
        + "\"attributes\":{\"durationMinutes\":45,\"complexity\":2.5},\"counterparts\":[\"explorer-7\"],"
        + "\"evidence\":[\"https://drive/s-1\",{\"uri\":\"https://logs/s-1\",\"contentHash\":\"abc\"}],"
        + "\"reviews\":[{\"reviewer\":\"kenji\",\"verdict\":\"approve\",\"quality\":0.8},"
        + "{\"reviewer\":\"ana\",\"verdict\":\"duplicate\",\"duplicateOf\":\"s-0\"}],\"note\":\"hi\"}\n");
    assertEquals(List.of(), c.malformed);
    Contribution r = c.records.get(0);
    assertEquals(Instant.parse("2026-10-05T14:30:00Z"), r.occurredAt());
    assertEquals(2.5, r.attribute("complexity", 0));
    assertEquals(List.of(Evidence.of("https://drive/s-1"), new Evidence("https://logs/s-1", "abc")), r.evidence());
    assertEquals(List.of(Review.duplicateOf("ana", "s-0"), Review.approve("kenji", 0.8)), r.reviews());
  }

  @Test
  void read_badLines_reportLineColumnFieldAndReason() {
    String ok = "{\"id\":\"a\",\"contributor\":\"x\",\"category\":\"docs\",\"role\":\"dao_member\",\"occurredAt\":\"2026-10-01\"}";
    Collect c = Collect.jsonl(ok + "\n"
        + "{\"id\":\"b\",\"contributor\":\"x\",\"category\":\"docs\",\"role\":\"dao_member\",\"occurredAt\":\"2026-10-01\",\"colour\":1}\n"
        + "{\"id\":\"c\",\"contributor\":5}\n"
        + "{\"id\":\"d\",\"contributor\":\"x\",\"id\":\"e\"}\n"
        + "\n"
        + "[1,2]\n"
        + "{\"id\":\"f\",\"attributes\":{\"durationMinutes\":\"long\"}}\n"
        + "{\"id\":\"g\",\"contributor\":\"x\",\"category\":\"docs\",\"role\":\"dao_member\"}\n"
        + "{\"id\":\"h\",\"contr");
    assertEquals(1, c.records.size());
    assertEquals(8, c.summary.rows());
    List<String> got = c.malformed.stream().map(MalformedRow::toString).toList();
    assertTrue(got.get(0).startsWith("in:2:"), got.get(0));
    assertTrue(got.get(0).contains("colour: is not a field of a contribution record"), got.get(0));
    assertTrue(got.get(1).startsWith("in:3:"), got.get(1));
    assertTrue(got.get(1).endsWith("contributor: must be a string, not a number"), got.get(1));
    assertEquals("in:4:33: id: the field 'id' appears twice; each field may appear once", got.get(2));
    assertEquals("in:6:1: the line is not a JSON object", got.get(3));
    assertTrue(got.get(4).endsWith("attributes.durationMinutes: must be a number, not a string"), got.get(4));
    assertEquals("in:8:0: occurredAt: is missing; every record needs the time the work happened", got.get(5).replaceFirst(":\\d+: occ", ":0: occ"));
    assertTrue(got.get(6).startsWith("in:9:") && got.get(6).contains("not valid JSON"), got.get(6));
  }

  @Test
  void read_invalidUtf8_isMalformed() {
    byte[] bytes = CsvReadingTest.concat(
        "{\"id\":\"a\",\"contributor\":\"Jos".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE9},
        "\",\"category\":\"docs\",\"role\":\"dao_member\",\"occurredAt\":\"2026-10-01\"}\n".getBytes(StandardCharsets.UTF_8));
    Collect c = Collect.read(InputFormat.JSON_LINES, bytes);
    assertEquals(1, c.malformed.size());
    assertTrue(c.malformed.get(0).reason().contains("UTF-8"), c.malformed.get(0).toString());
  }

  @Test
  void read_emptyAndHugeLines() {
    assertTrue(Collect.jsonl("").summary.fileProblems().get(0).reason().startsWith("the file is empty"));
    Collect c = Collect.read(ContributionReader.of(InputFormat.JSON_LINES).withMaxRowBytes(100),
        ("{\"id\":\"" + "x".repeat(500) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    assertEquals("in:1:0: the line is longer than the limit of 100 bytes", c.malformed.get(0).toString());
    assertEquals(7 + 500 + 2 + 1, c.malformed.get(0).location().end());
  }
}
