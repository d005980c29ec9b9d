package dev.kat.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kat.core.model.Contribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One engine and one result shared by several threads give the same figures as one thread. */
class ConcurrencyTest {

  @Test
  void sharedEngine_concurrentRunsOnShuffledInput_sameHashAndStatements() throws Exception {
    KatEngine engine = KatEngine.of(StatementTest.richPolicy());
    List<Contribution> records = ContentHashTest.mixedRecords();
    CycleResult reference = engine.run(Fixtures.OCTOBER, records, PriorState.empty());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        long seed = t;
        Callable<String> run = () -> {
          List<Contribution> shuffled = new ArrayList<>(records);
          Collections.shuffle(shuffled, new Random(seed));
          CycleResult r = engine.run(Fixtures.OCTOBER, shuffled, PriorState.empty());
          return r.contentHash() + r.statements();
        };
        futures.add(pool.submit(run));
      }
      for (Future<String> f : futures) {
        assertEquals(reference.contentHash() + reference.statements(), f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void sharedResult_lazyHashAndStatementsFromManyThreads_agree() throws Exception {
    CycleResult shared = KatEngine.of(StatementTest.richPolicy()).run(Fixtures.OCTOBER, ContentHashTest.mixedRecords(),
        PriorState.empty());
    CycleResult fresh = KatEngine.of(StatementTest.richPolicy()).run(Fixtures.OCTOBER, ContentHashTest.mixedRecords(),
        PriorState.empty());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> shared.contentHash() + shared.nextState() + shared.statement("bob").render()));
      }
      String expected = fresh.contentHash() + fresh.nextState() + fresh.statement("bob").render();
      for (Future<String> f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
