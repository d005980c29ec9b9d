package dev.kat.cli.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A separate process for the store tests: {@code write <file> <count> <records>} appends cycles, printing
 * {@code appended <n>} after each; {@code hold <file>} takes the writer lock, prints {@code locked} and
 * keeps it until its standard input closes.
 */
public final class LedgerWriterChild {
  private LedgerWriterChild() {}

  /** Runs the child. */
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[1]);
    try (FileLedgerStore store = FileLedgerStore.open(file)) {
      if (args[0].equals("hold")) {
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait for the parent to close our input
        }
        return;
      }
      int[] n = {store.load().size()};
      TestLedgers.extend(store, Integer.parseInt(args[2]), Integer.parseInt(args[3]), () -> {
        System.out.println("appended " + ++n[0]);
        System.out.flush();
      });
    }
  }
}
