package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's id index finds rows by id exactly, also when hashes or fingerprints collide. */
class RowIdIndexTest {

  @Test
  void find_collidingHashes_toldApartById() {
    List<String> ids = new ArrayList<>();
    RowIdIndex index = new RowIdIndex(4);
    for (int row = 0; row < 1_000; row++) {
      ids.add("id" + row);
      // every third row shares one whole hash; the rest share fingerprints in groups of ten
      long hash = row % 3 == 0 ? 42L : (long) (row / 10) << 32 | row;
      index.add(hash, row);
    }
    assertEquals(1_000, index.size());
    for (int row = 0; row < 1_000; row++) {
      long hash = row % 3 == 0 ? 42L : (long) (row / 10) << 32 | row;
      assertEquals(row, index.find("id" + row, hash, ids::get), "row " + row);
      assertEquals(-1, index.find("other" + row, hash, ids::get), "absent id " + row);
    }
  }

  @Test
  void find_empty_isAbsent() {
    assertEquals(-1, new RowIdIndex(0).find("a", 7, r -> "a"));
  }

  @Test
  void freeSlot_thenAddAt_sameAsAddAcrossGrowth() {
    List<String> ids = new ArrayList<>();
    RowIdIndex index = new RowIdIndex(2);
    for (int row = 0; row < 5_000; row++) {
      ids.add("id" + row);
      // distinct fingerprints, many sharing home slots; the index grows from 16 slots to 16384
      long hash = (long) (row * 7 % 5_003) << 32 | row;
      int slot = index.freeSlot(hash);
      assertTrue(slot >= 0, "row " + row + " has a new fingerprint, so a free slot");
      index.addAt(slot, hash, row);
      assertEquals(-1, index.freeSlot(hash), "row " + row + " once added is held");
    }
    assertEquals(5_000, index.size());
    for (int row = 0; row < 5_000; row++) {
      long hash = (long) (row * 7 % 5_003) << 32 | row;
      assertEquals(row, index.find("id" + row, hash, ids::get), "row " + row);
    }
    // another id sharing a held fingerprint may be held: no free slot, so the caller compares ids
    assertEquals(-1, index.freeSlot(7L << 32 | 123_456));
  }
}
