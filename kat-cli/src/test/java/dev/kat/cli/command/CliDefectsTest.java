package dev.kat.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's answers to inputs and situations a QA pass found mishandled. */
class CliDefectsTest {

  /** A DAO directory with the example's policy and {@code contributions} as its contributions.csv. */
  static Path dao(Path tmp, String contributions) throws IOException {
    Path dao = tmp.resolve("dao");
    Files.createDirectories(dao);
    Files.copy(Path.of(Cli.EXAMPLE, "policy.json"), dao.resolve("policy.json"));
    Files.writeString(dao.resolve("contributions.csv"), contributions, StandardCharsets.UTF_8);
    return dao;
  }

  @Test
  void validate_unusableHeaderWithoutCycle_namesTheFileProblem(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "mood,happy\n1,2\n");
    Cli c = Cli.run("validate", dao.toString(), "--no-framework");
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("contributions.csv:1:0: the header lacks required columns id, contributor"), c.toString());
    assertTrue(!c.err.contains("reported by kat validate"), c.toString());
  }

  @Test
  void run_emptyFileWithoutCycle_namesTheFileProblem(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "");
    Cli c = Cli.run("run", dao.toString(), "--no-framework", "--out", tmp.resolve("out").toString());
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("contributions.csv:0:0: the file is empty"), c.toString());
  }

  @Test
  void validate_duplicateColumnWithoutCycle_namesTheColumn(@TempDir Path tmp) throws IOException {
    Path dao = dao(tmp, "id,id\n");
    Cli c = Cli.run("validate", dao.toString(), "--no-framework");
    assertEquals(3, c.exit, c.toString());
    assertTrue(c.err.contains("contributions.csv:1:2: column 'id' appears twice"), c.toString());
  }
}
