package dev.kat.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work on chunks done in parallel and consumed in order: the calling thread and a fork-join pool compute
 * {@code work} for each chunk; the calling thread alone gives the results to {@code commit}, in chunk
 * order. The outcome depends only on the chunks, never on the pool or on timing, provided {@code work}
 * is a function of its chunk. Internal.
 */
final class InOrder {
  /** Chunks scheduled ahead of the one being committed, per thread of the pool: bounds memory. */
  private static final int AHEAD_PER_THREAD = 2;
  private static final int MAX_AHEAD = 16;

  private InOrder() {}

  /*
   * Every chunk is a task that runs at most once, claimed by whichever thread gets to it first: a pool
   * worker, or the calling thread when it needs the chunk's result and nobody has started it. The caller
   * therefore never waits for a task that is merely queued, so this cannot deadlock even in a pool whose
   * only worker is the caller itself, and with no free worker it simply does all the work in order.
   */

  /** Computes {@code work} of each chunk on the caller and the pool, and commits the results in order. */
  static <T, R> void run(List<T> chunks, Function<T, R> work, Consumer<R> commit) {
    int n = chunks.size();
    ForkJoinPool pool = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
    int ahead = Math.max(1, Math.min(MAX_AHEAD, pool.getParallelism() * AHEAD_PER_THREAD));
    List<Task<T, R>> tasks = new ArrayList<>(n);
    int scheduled = 0;
    for (int k = 0; k < n; k++) {
      while (scheduled < n && scheduled <= k + ahead) {
        Task<T, R> t = new Task<>(chunks.get(scheduled++), work);
        tasks.add(t);
        pool.execute(t::runOnce);
      }
      Task<T, R> t = tasks.get(k);
      // while a worker finishes this chunk, do later ones here rather than wait
      for (int j = k + 1; j < scheduled && t.isClaimed() && !t.isDone(); j++) {
        tasks.get(j).runOnce();
      }
      R r = t.result();
      // the pool may still hold the task (claimed by this thread first): drop what it refers to
      t.release();
      tasks.set(k, null);
      commit.accept(r);
    }
  }

  /** One chunk's work (or one detector's findings, in the guard stage), run once by whichever thread claims it. */
  static final class Task<T, R> {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private CompletableFuture<R> done = new CompletableFuture<>();
    private T chunk;
    private Function<T, R> work;

    Task(T chunk, Function<T, R> work) {
      this.chunk = chunk;
      this.work = work;
    }

    /** Does the work unless another thread has claimed it. */
    void runOnce() {
      if (claimed.compareAndSet(false, true)) {
        try {
          done.complete(work.apply(chunk));
        } catch (RuntimeException | Error e) {
          done.completeExceptionally(e);
        }
      }
    }

    /** Whether some thread has started the work. */
    boolean isClaimed() {
      return claimed.get();
    }

    /** Whether the result is ready. */
    boolean isDone() {
      return done.isDone();
    }

    /** Drops the chunk and the result once they were taken (the task is claimed by then). */
    void release() {
      chunk = null;
      work = null;
      done = null;
    }

    /** The result: computed here if nobody has started it, else awaited; rethrows the work's failure. */
    R result() {
      runOnce();
      try {
        return done.join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw e;
      }
    }
  }
}
