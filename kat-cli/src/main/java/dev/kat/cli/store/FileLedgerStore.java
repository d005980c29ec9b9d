package dev.kat.cli.store;

import dev.kat.core.ledger.LedgerCodec;
import dev.kat.core.ledger.LedgerEntry;
import dev.kat.core.ledger.LedgerException;
import dev.kat.core.ledger.LedgerStore;
import dev.kat.core.ledger.Ledgers;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A durable ledger in one text file ({@link LedgerCodec} format) that never loses a finalized cycle.
 *
 * <p>An append never modifies the ledger file in place. It writes the whole new ledger to a temporary
 * file in the same directory, forces it to disk, atomically renames it over the ledger file and then
 * forces the directory, so that the rename itself is durable:
 *
 * <pre>
 *   write ledger.kat.tmp → fsync(ledger.kat.tmp) → rename(ledger.kat.tmp, ledger.kat) → fsync(directory)
 * </pre>
 *
 * A crash before the rename leaves the old ledger (and perhaps a stray temporary file, which is ignored
 * and overwritten by the next append); a crash after it leaves the new one. No reader ever sees a
 * partly written ledger. Rewriting the whole file costs time linear in the ledger's size, which for
 * monthly cycles stays small; it buys the simplest possible recovery (there is none to do).
 *
 * <p>One writer at a time: opening the store takes an exclusive {@link FileLock} on a companion file
 * {@code <ledger>.lock} (kept, never deleted, so two processes cannot lock different files) and holds it
 * until {@link #close()}. A second writer, in this or another process, is refused with
 * {@link LedgerLockedException}. The lock is released by the operating system if the process dies.
 *
 * <p>Directory fsync is done by opening the directory for reading and forcing it, which POSIX systems
 * support; where the platform refuses (Windows), it is skipped, as the rename is already durable there.
 */
public final class FileLedgerStore implements LedgerStore, Closeable {

  /** The points of an append at which a test can simulate a crash. */
  enum Step {
    /** Half of the new ledger has been written to the temporary file. */
    TEMP_HALF_WRITTEN,
    /** The temporary file is fully written but not forced. */
    TEMP_WRITTEN,
    /** The temporary file is forced to disk, not yet renamed. */
    TEMP_FORCED,
    /** The temporary file has been renamed over the ledger; the directory is not yet forced. */
    RENAMED,
    /** The directory has been forced: the append is complete. */
    DIRECTORY_FORCED
  }

  /** Called at each step of an append; tests throw from it to simulate a crash there. */
  interface StepHook {
    /** Called when {@code step} is reached. */
    void reached(Step step) throws IOException;
  }

  private final Path file;
  private final Path temp;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final StepHook hook;
  private boolean closed;

  private FileLedgerStore(Path file, FileChannel lockChannel, FileLock lock, StepHook hook) {
    this.file = file;
    this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.hook = hook;
  }

  /**
   * Opens the ledger at {@code file} for reading and appending, creating nothing until the first append.
   *
   * @param file the ledger file; its directory must exist
   * @return the store, holding the writer lock until closed
   * @throws LedgerLockedException if another writer holds the ledger
   * @throws LedgerException if the lock file cannot be created
   */
  public static FileLedgerStore open(Path file) {
    return open(file, step -> { });
  }

  static FileLedgerStore open(Path file, StepHook hook) {
    Objects.requireNonNull(file, "file must not be null");
    Path abs = file.toAbsolutePath();
    Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
    FileChannel ch;
    try {
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new LedgerException("cannot open lock file " + lockFile + ": " + e.getMessage(), e);
    }
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    } catch (IOException e) {
      closeQuietly(ch);
      throw new LedgerException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
    if (l == null) {
      closeQuietly(ch);
      throw new LedgerLockedException(abs);
    }
    return new FileLedgerStore(abs, ch, l, hook);
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // nothing more can be done; the caller reports the original problem
    }
  }

  /** The ledger file. */
  public Path file() {
    return file;
  }

  /**
   * Reads and verifies the ledger; an absent file is an empty ledger.
   *
   * @throws dev.kat.core.ledger.LedgerFormatException if the file is not a ledger
   * @throws dev.kat.core.ledger.BrokenChainException naming the first broken link
   * @throws LedgerException if the file cannot be read
   */
  @Override
  public synchronized List<LedgerEntry> load() {
    checkOpen();
    List<LedgerEntry> entries = read();
    Ledgers.requireIntact(entries);
    return entries;
  }

  private List<LedgerEntry> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new LedgerException("cannot read ledger " + file + ": " + e.getMessage(), e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new LedgerException("ledger " + file + " is not valid UTF-8", e);
    }
    return LedgerCodec.decodeAll(text);
  }

  @Override
  public synchronized void append(LedgerEntry entry) {
    Objects.requireNonNull(entry, "entry must not be null");
    checkOpen();
    List<LedgerEntry> entries = new ArrayList<>(load());
    LedgerStore.checkAppend(entries, entry);
    entries.add(entry);
    byte[] bytes = LedgerCodec.encodeAll(entries).getBytes(StandardCharsets.UTF_8);
    try {
      writeTemp(bytes);
      hook.reached(Step.TEMP_FORCED);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new LedgerException("the file system of " + file + " cannot rename atomically; the ledger needs it", e);
      }
      hook.reached(Step.RENAMED);
      forceDirectory();
      hook.reached(Step.DIRECTORY_FORCED);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a stray temporary file is harmless: it is ignored and overwritten by the next append
      }
      throw new LedgerException("cannot write ledger " + file + ": " + e.getMessage(), e);
    }
  }

  private void writeTemp(byte[] bytes) throws IOException {
    try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      int half = bytes.length / 2;
      writeFully(ch, ByteBuffer.wrap(bytes, 0, half));
      hook.reached(Step.TEMP_HALF_WRITTEN);
      writeFully(ch, ByteBuffer.wrap(bytes, half, bytes.length - half));
      hook.reached(Step.TEMP_WRITTEN);
      ch.force(true);
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }

  private void forceDirectory() throws IOException {
    Path dir = file.getParent();
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("ledger store for " + file + " is closed");
    }
  }

  /** Releases the writer lock. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new LedgerException("cannot release the lock of " + file + ": " + e.getMessage(), e);
    }
  }
}
