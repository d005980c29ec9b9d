package dev.kat.cli.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kat.core.engine.CycleResult;
import dev.kat.core.ledger.BrokenChainException;
import dev.kat.core.ledger.LedgerCodec;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.LedgerException;
import dev.kat.core.ledger.Ledgers;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FileLedgerStoreTest {
  @TempDir
  Path dir;

  /** A crash simulated at one step: nothing after it runs, nothing is cleaned up. */
  static final class SimulatedCrash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SimulatedCrash(FileLedgerStore.Step step) {
      super("simulated crash at " + step);
    }
  }

  @Test
  void append_reopen_loadsTheSameEntriesAndCanonicalBytes() throws IOException {
    Path file = dir.resolve("ledger.kat");
    List<LedgerEntry> written;
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      assertEquals(List.of(), store.load());
      written = TestLedgers.extend(store, 3, 20, () -> { });
    }
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      assertEquals(written, store.load());
      assertEquals(LedgerCodec.encodeAll(written), Files.readString(file, StandardCharsets.UTF_8));
      List<CycleResult> replayed = Ledgers.replay(store.load(), TestLedgers.POLICY);
      assertEquals(written.get(2).resultHash(), replayed.get(2).contentHash());
    }
    assertFalse(Files.exists(dir.resolve("ledger.kat.tmp")));
  }

  @ParameterizedTest
  @EnumSource(FileLedgerStore.Step.class)
  void crashAtEachStep_leavesTheOldOrTheNewLedger(FileLedgerStore.Step crashAt) throws IOException {
    Path file = dir.resolve("ledger.kat");
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      TestLedgers.extend(store, 2, 30, () -> { });
    }
    byte[] before = Files.readAllBytes(file);
    FileLedgerStore crashing = FileLedgerStore.open(file, step -> {
      if (step == crashAt) {
        throw new SimulatedCrash(step);
      }
    });
    assertThrows(SimulatedCrash.class, () -> TestLedgers.extend(crashing, 3, 30, () -> { }));
    crashing.close();
    boolean renamed = crashAt.compareTo(FileLedgerStore.Step.RENAMED) >= 0;
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      List<LedgerEntry> after = store.load();
      assertEquals(renamed ? 3 : 2, after.size());
      if (!renamed) {
        assertArrayEquals(before, Files.readAllBytes(file));
      }
      // a stray temporary file from the crash does not stop the next append
      TestLedgers.extend(store, 4, 30, () -> { });
      assertEquals(4, store.load().size());
      Ledgers.replay(store.load(), TestLedgers.POLICY);
    }
  }

  @Test
  void ioFailureBeforeRename_keepsOldLedgerAndRemovesTemp() throws IOException {
    Path file = dir.resolve("ledger.kat");
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      TestLedgers.extend(store, 1, 5, () -> { });
    }
    try (FileLedgerStore failing = FileLedgerStore.open(file, step -> {
      if (step == FileLedgerStore.Step.TEMP_WRITTEN) {
        throw new IOException("disk full");
      }
    })) {
      LedgerException e = assertThrows(LedgerException.class, () -> TestLedgers.extend(failing, 2, 5, () -> { }));
      assertEquals("cannot write ledger " + file.toAbsolutePath() + ": disk full", e.getMessage());
      assertEquals(1, failing.load().size());
    }
    assertFalse(Files.exists(dir.resolve("ledger.kat.tmp")));
  }

  @Test
  void secondWriter_isRefusedUntilTheFirstCloses() {
    Path file = dir.resolve("ledger.kat");
    FileLedgerStore first = FileLedgerStore.open(file);
    LedgerLockedException e = assertThrows(LedgerLockedException.class, () -> FileLedgerStore.open(file));
    assertTrue(e.getMessage().startsWith("ledger " + file.toAbsolutePath() + " is locked by another writer"),
        e.getMessage());
    first.close();
    FileLedgerStore.open(file).close();
  }

  @Test
  void closedStore_refusesUse() {
    FileLedgerStore store = FileLedgerStore.open(dir.resolve("ledger.kat"));
    store.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, store::load);
    assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
  }

  @Test
  void editedFile_loadNamesTheFirstBrokenLink() throws IOException {
    Path file = dir.resolve("ledger.kat");
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      TestLedgers.extend(store, 3, 5, () -> { });
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int second = text.indexOf("entry 1\n");
    int at = text.indexOf("kat contributor=p1 amount=", second);
    String edited = text.substring(0, at) + text.substring(at).replaceFirst("amount=(\\d)", "amount=9$1");
    Files.writeString(file, edited, StandardCharsets.UTF_8);
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      BrokenChainException e = assertThrows(BrokenChainException.class, store::load);
      assertEquals(1, e.chainBreak().index());
      assertThrows(BrokenChainException.class, () -> TestLedgers.extend(store, 4, 5, () -> { }));
    }
  }

  private static ProcessBuilder child(String... args) {
    List<String> cp = new ArrayList<>();
    for (String prop : new String[] {"jdk.module.path", "java.class.path"}) {
      String v = System.getProperty(prop);
      if (v != null && !v.isEmpty()) {
        cp.add(v);
      }
    }
    try {
      cp.add(Path.of(LedgerWriterChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    } catch (java.net.URISyntaxException e) {
      throw new AssertionError(e);
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", String.join(File.pathSeparator, cp),
        LedgerWriterChild.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
  }

  @Test
  void writerKilledMidAppend_ledgerStillLoadsWithEveryAcknowledgedCycle() throws Exception {
    Path file = dir.resolve("ledger.kat");
    Process p = child("write", file.toString(), "1000", "400").start();
    int acknowledged = 0;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        acknowledged = Integer.parseInt(line.substring("appended ".length()));
        if (acknowledged == 4) {
          p.destroyForcibly();
          break;
        }
      }
    } finally {
      p.destroyForcibly();
      p.waitFor();
    }
    assertEquals(4, acknowledged);
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      List<LedgerEntry> entries = store.load();
      // the child may have run ahead of our reading before the kill; it never loses an acknowledged cycle
      assertTrue(entries.size() >= 4, "entries: " + entries.size());
      Ledgers.replay(entries, TestLedgers.POLICY);
    }
  }

  @Test
  void writerInAnotherProcess_isRefused() throws Exception {
    Path file = dir.resolve("ledger.kat");
    Process p = child("hold", file.toString()).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("locked", out.readLine());
      assertThrows(LedgerLockedException.class, () -> FileLedgerStore.open(file));
      p.getOutputStream().close();
      assertEquals(0, p.waitFor());
    } finally {
      p.destroyForcibly();
    }
    FileLedgerStore.open(file).close();
  }
}
