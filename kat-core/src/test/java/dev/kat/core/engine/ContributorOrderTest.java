package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.model.Contribution;
import dev.kat.core.model.Roles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The contributors' id order that a run sorts by packed prefixes of the ids is {@link String#compareTo}'s
 * order, whatever the ids share: long common prefixes, ids that are prefixes of others, characters past
 * Latin-1 and surrogate pairs, and a NUL where the packing pads.
 */
class ContributorOrderTest {
  private static final String[] PIECES = {"a", "b", "0x", "c1", "\u0000", "\u00e9", "\u4e2d", "\ud83d\ude00", "\uffff",
      "abcdefgh", "ab"};

  @Property(tries = 200)
  void contributorsById_isTheIdsNaturalOrder(@ForAll long seed) {
    Random rnd = new Random(seed);
    TreeSet<String> ids = new TreeSet<>();
    List<Contribution> records = new ArrayList<>();
    int people = 1 + rnd.nextInt(60);
    for (int i = 0; i < people; i++) {
      StringBuilder id = new StringBuilder();
      for (int k = 0, m = 1 + rnd.nextInt(6); k < m; k++) {
        id.append(PIECES[rnd.nextInt(PIECES.length)]);
      }
      String who = id.toString();
      if (who.isBlank() || who.indexOf('\u0000') == 0) {
        who = "p" + who;
      }
      ids.add(who);
      records.add(Contribution.builder("r" + i, who, "x", Roles.DAO_MEMBER, Instant.parse("2026-10-03T10:00:00Z"))
          .attribute("amount", 1).build());
    }
    ContributionBatch batch = KatEngine.of(Fixtures.xy().build()).newBatch(Fixtures.OCTOBER).addAll(records).build();
    CycleResult.ContributorOrder order = CycleResult.contributorsById(batch);
    List<String> expected = new ArrayList<>();
    for (String id : ids) {
      if (batch.personIndex(id) >= 0) {
        expected.add(id);
      }
    }
    assertEquals(ids.size(), expected.size(), "every record admitted");
    assertArrayEquals(expected.toArray(new String[0]), order.ids());
    for (int i = 0; i < order.ids().length; i++) {
      assertEquals(order.ids()[i], batch.personId(order.person()[i]));
    }
  }
}
