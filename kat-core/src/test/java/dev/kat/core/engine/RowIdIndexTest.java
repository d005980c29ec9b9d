package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
