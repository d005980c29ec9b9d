package dev.kat.rules.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kat.core.engine.CycleResult;
import dev.kat.core.engine.KatEngine;
import dev.kat.core.engine.PriorState;
import dev.kat.core.model.Contribution;
import dev.kat.core.model.Cycle;
import dev.kat.core.model.Roles;
import dev.kat.core.policy.CategorySpec;
import dev.kat.core.policy.Policy;
import dev.kat.core.policy.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultWritersTest {
  private static final Policy POLICY = Policy.builder("p").dao("d")
      .category(CategorySpec.of("docs", 10, Unit.PER_RECORD).withCommunityContribution(true))
      .category(CategorySpec.of("hosting", 4, Unit.PER_HOUR))
      .role(Roles.DAO_MEMBER, 1, false).role(Roles.VOLUNTEER, 0.5, true)
      .budget(100).build();

  private static List<Contribution> records() {
    Instant t = Instant.parse("2026-10-05T10:00:00Z");
    return List.of(
        Contribution.builder("r1", "alice", "docs", Roles.DAO_MEMBER, t).workingGroup("wg").build(),
        Contribution.builder("r2", "alice", "hosting", Roles.DAO_MEMBER, t).attribute("durationMinutes", 90).build(),
        Contribution.builder("r3", "bob", "docs", Roles.VOLUNTEER, t).build(),
        Contribution.builder("r4", "bob", "nope", Roles.DAO_MEMBER, t).build());
  }

  private static CycleResult run(List<Contribution> records) {
    return KatEngine.of(POLICY).run(Cycle.ofMonth(YearMonth.of(2026, 10), 0), records, PriorState.empty());
  }

  @Test
  void write_json_hasTheDocumentedFieldsWithExactAmounts() throws IOException {
    CycleResult r = run(records());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultJsonWriter.withStatements().write(r, List.of(), out);
    String raw = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(raw.contains("\"credit\" : 21.000000,"), raw);
    JsonNode j = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(out.toByteArray());
    assertEquals("kat-result/1", j.get("format").asText());
    assertEquals("2026-10", j.get("cycle").get("id").asText());
    assertEquals(r.contentHash(), j.get("contentHash").asText());
    assertEquals(4, j.get("inputs").get("rowsRead").asLong());
    assertEquals(3, j.get("inputs").get("accepted").asLong());
    assertEquals(1, j.get("inputs").get("rejected").asLong());
    assertEquals("21.000000", dec(j.get("totals").get("credit")));
    assertEquals("5.000000", dec(j.get("totals").get("externalCredit")));
    assertEquals(100, j.get("totals").get("katAllocated").asLong());
    JsonNode alice = j.get("contributors").get(0);
    assertEquals("alice", alice.get("id").asText());
    assertEquals("16.000000", dec(alice.get("credit")));
    assertEquals(76, alice.get("kat").asLong());
    assertEquals(2, alice.get("statement").size());
    assertEquals("1.5", alice.get("statement").get(1).get("creditSteps").get(1).get("factor").asText());
    JsonNode bob = j.get("contributors").get(1);
    assertEquals("5.000000", dec(bob.get("externalCredit")));
    assertEquals(24, bob.get("kat").asLong());
    assertEquals("UNKNOWN_CATEGORY", j.get("rejections").get(0).get("code").asText());
    assertEquals("10.000000", dec(j.get("creditByWorkingGroup").get("wg")));
  }

  @Test
  void write_anyInputOrder_givesIdenticalBytes() throws IOException {
    List<Contribution> shuffled = new ArrayList<>(records());
    Collections.reverse(shuffled);
    assertArrayEquals(bytes(run(records())), bytes(run(shuffled)));
  }

  @Test
  void write_csv_tables() throws IOException {
    CycleResult r = run(records());
    StringWriter people = new StringWriter();
    StatementsCsvWriter.writeContributors(r, people);
    assertEquals(StatementsCsvWriter.CONTRIBUTORS_HEADER + "\n"
        + "alice,2,16.000000,0.000000,0.000000,0.000000,16.000000,0.000000,16.000000,16.000000,76,0\n"
        + "bob,1,5.000000,5.000000,0.000000,0.000000,5.000000,0.000000,5.000000,5.000000,24,0\n", people.toString());
    StringWriter lines = new StringWriter();
    StatementsCsvWriter.writeLines(r, lines);
    String[] rows = lines.toString().split("\n");
    assertEquals(4, rows.length);
    assertEquals("alice,r2,hosting,6.000000,6.000000,credit base:hosting ×4 (base credit of category hosting per hour); "
        + "credit quantity ×1.5 (durationMinutes = 90); credit role:dao_member ×1 (weight of role dao_member)", rows[2]);
  }

  @Test
  void csvWriter_quotesOnlyWhenNeeded() throws IOException {
    StringWriter w = new StringWriter();
    new CsvWriter(w).row("plain", "a,b", "say \"hi\"", "two\nlines", "");
    assertEquals("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n", w.toString());
  }

  private static String dec(JsonNode n) {
    return n.decimalValue().setScale(6).toPlainString();
  }

  private static byte[] bytes(CycleResult r) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultJsonWriter.withStatements().write(r, List.of(), out);
    return out.toByteArray();
  }
}
