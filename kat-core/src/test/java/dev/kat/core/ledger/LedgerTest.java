package dev.kat.core.ledger;

import static dev.kat.core.ledger.LedgerFixtures.C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerTest {

  @Test
  void codec_roundTrip_reproducesEveryEntryAndItsBytes() {
    List<LedgerEntry> entries = LedgerFixtures.threeCycles(new InMemoryLedgerStore());
    String text = LedgerCodec.encodeAll(entries);
    List<LedgerEntry> back = LedgerCodec.decodeAll(text);
    assertEquals(entries, back);
    assertEquals(text, LedgerCodec.encodeAll(back));
    assertEquals(Optional.empty(), Ledgers.verify(back));
    assertEquals(LedgerFixtures.odd("r3", 0), back.get(0).inputs().records().get(2));
  }

  @Test
  void codec_escapesSeparators() {
    assertEquals("a%20b%3Dc%2Cd%3Ae%7Cf%7Eg%25h%0Ai", LedgerCodec.esc("a b=c,d:e|f~g%h\ni"));
    assertEquals("zoë", LedgerCodec.esc("zoë"));
  }

  @Test
  void codec_truncatedText_failsNamingTheLine() {
    String text = LedgerCodec.encodeAll(LedgerFixtures.threeCycles(new InMemoryLedgerStore()));
    String cut = text.substring(0, text.indexOf("\nresult ") + 1);
    LedgerFormatException e = assertThrows(LedgerFormatException.class, () -> LedgerCodec.decodeAll(cut));
    assertTrue(e.getMessage().startsWith("ledger line "), e.getMessage());
    assertThrows(LedgerFormatException.class, () -> LedgerCodec.decodeAll("not a ledger\n"));
  }

  @Test
  void verify_changedAllocation_namesThatEntry() {
    List<LedgerEntry> entries = new ArrayList<>(LedgerFixtures.threeCycles(new InMemoryLedgerStore()));
    String text = LedgerCodec.encodeAll(entries).replace("kat contributor=bob amount=", "kat contributor=bob amount=1");
    List<LedgerEntry> tampered = LedgerCodec.decodeAll(text);
    ChainBreak b = Ledgers.verify(tampered).orElseThrow();
    assertEquals(0, b.index());
    assertEquals("2026-01", b.cycleId());
    assertTrue(b.reason().contains("does not match the content"), b.reason());
  }

  @Test
  void verify_rehashedEntry_breaksTheNextLink() {
    List<LedgerEntry> entries = new ArrayList<>(LedgerFixtures.threeCycles(new InMemoryLedgerStore()));
    LedgerEntry e1 = entries.get(1);
    LedgerEntry forged = new LedgerEntry(1, e1.inputs(), e1.policyId(), e1.policyHash(), e1.resultHash(),
        new java.util.TreeMap<>(java.util.Map.of("alice", 1000L)), 0, e1.previousHash(), "x");
    entries.set(1, forged.withHash(forged.computeHash()));
    ChainBreak b = Ledgers.verify(entries).orElseThrow();
    assertEquals(2, b.index());
    assertTrue(b.reason().startsWith("previous hash "), b.reason());
    BrokenChainException ex = assertThrows(BrokenChainException.class, () -> new InMemoryLedgerStore(entries).load());
    assertEquals(b, ex.chainBreak());
    assertEquals("ledger chain broken at entry 2 (cycle 2026-03): " + b.reason(), ex.getMessage());
  }

  @Test
  void verify_droppedEntry_isReported() {
    List<LedgerEntry> entries = new ArrayList<>(LedgerFixtures.threeCycles(new InMemoryLedgerStore()));
    entries.remove(1);
    assertEquals(1, Ledgers.verify(entries).orElseThrow().index());
  }

  @Test
  void append_outOfOrder_isRefused() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    List<LedgerEntry> entries = LedgerFixtures.threeCycles(store);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.append(entries.get(2)));
    assertEquals("entry.index (2) must be 3, the next position in the ledger", e.getMessage());
    assertEquals(3, store.load().size());
  }

  @Test
  void replay_reproducesEveryResult() {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    List<LedgerEntry> entries = LedgerFixtures.threeCycles(store);
    List<CycleResult> results = Ledgers.replay(store.load(), LedgerFixtures.policy());
    assertEquals(3, results.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(entries.get(i).resultHash(), results.get(i).contentHash());
    }
    // cycle 1: r5 disputed and unresolved (held out), alice granted 5 credit: 15 vs bob 0 -> all to alice
    assertEquals(1000, results.get(1).kat("alice"));
    assertEquals(0, results.get(1).kat("bob"));
    assertEquals(15 * C, results.get(1).credit("alice"));
    // cycle 2: r7 corrects r1: alice 10 (r7) - 10 (r1 reversed) = 0, bob 10
    assertEquals(0, results.get(2).credit("alice"));
    assertEquals(1000, results.get(2).kat("bob"));
  }

  @Test
  void replay_otherPolicy_isRefused() {
    List<LedgerEntry> entries = LedgerFixtures.threeCycles(new InMemoryLedgerStore());
    LedgerException e = assertThrows(LedgerException.class,
        () -> Ledgers.replay(entries, LedgerFixtures.policy().toBuilder().budget(999).build()));
    assertTrue(e.getMessage().startsWith("entry 0 (cycle 2026-01): policy fixture hashes to "), e.getMessage());
  }

  @Test
  void replay_editedAllocationWithRecomputedHash_namesTheDifference() {
    LedgerEntry e = LedgerFixtures.threeCycles(new InMemoryLedgerStore()).get(0);
    java.util.TreeMap<String, Long> edited = new java.util.TreeMap<>(e.allocations());
    String who = edited.firstKey();
    long kat = edited.get(who);
    edited.put(who, kat + 73);
    LedgerEntry forged = new LedgerEntry(e.index(), e.inputs(), e.policyId(), e.policyHash(), e.resultHash(), edited,
        e.unallocated(), e.previousHash(), e.hash());
    LedgerEntry sealed = forged.withHash(forged.computeHash());
    LedgerException x = assertThrows(LedgerException.class,
        () -> Ledgers.replay(List.of(sealed), LedgerFixtures.policy()));
    assertEquals("entry 0 (cycle 2026-01): replay differs from the ledger: contributor " + who + ": KAT " + kat
        + " on replay, " + (kat + 73) + " recorded", x.getMessage());
  }

  @Test
  void adjustment_approverIsBeneficiary_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Adjustment.grant("alice", C, "alice", "self-service"));
    assertEquals("approver (alice) must not be the beneficiary of the adjustment", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Adjustment.grant("alice", 0, "bob", "zero"));
    assertThrows(IllegalArgumentException.class, () -> Adjustment.grant("alice", C, "bob", " "));
    assertNotEquals(Adjustment.grant("a", C, "b", "x"), Adjustment.deduct("a", C, "b", "x"));
  }
}
