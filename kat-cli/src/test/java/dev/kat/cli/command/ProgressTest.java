package dev.kat.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressTest {

  @Test
  void progress_isShownOnATerminalOnlyAndErased(@TempDir Path tmp) throws IOException {
    Path dao = tmp.resolve("dao");
    Files.createDirectories(dao);
    Files.copy(Path.of(Cli.EXAMPLE, "policy.json"), dao.resolve("policy.json"));
    try (Writer w = Files.newBufferedWriter(dao.resolve("contributions.csv"), StandardCharsets.UTF_8)) {
      w.write("id,contributor,category,role,occurredAt\n");
      for (int i = 0; i < 70_000; i++) {
        w.write(String.format(java.util.Locale.ROOT, "g%d,c%d,governance,dao_member,2026-10-%02d%n", i, i % 500, 1 + i % 28));
      }
    }
    String quiet = stderr(dao, false);
    assertFalse(quiet.contains("\r"), "no progress when nobody watches");
    String shown = stderr(dao, true);
    assertTrue(shown.contains("\rreading contributions.csv: 65,536 rows"), shown);
    assertTrue(shown.endsWith("\r"), "the progress line is erased before output continues");
  }

  private static String stderr(Path dao, boolean interactive) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code = Commands.standard().run(new String[] {"validate", dao.toString(), "--no-framework"},
        new Terminal(o, e, interactive, Path.of("")));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return err.toString(StandardCharsets.UTF_8);
  }
}
