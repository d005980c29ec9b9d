package dev.kat.cli.command;

import dev.kat.core.cycle.CycleWorkflow;
import dev.kat.core.ledger.Adjustment;
import dev.kat.rules.codec.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The disputes and exceptions raised in a cycle's review, kept in the DAO directory's {@code review.csv}
 * (documented in {@code docs/cli.md}) so that a hold stays until an exception resolves it.
 *
 * <p>Each line names its cycle, so the file keeps the review of every month; a cycle reads only its own
 * lines. {@code preview} and {@code finalize} add the disputes and exceptions given as options to the
 * file once they apply; {@code run}, {@code report} and {@code explain} read it.
 */
final class Review {
  /** The file's name in the DAO directory. */
  static final String FILE = "review.csv";
  /** The file's header. */
  static final String HEADER = "cycle,action,subject,by,amount,reason";

  private Review() {}

  /** What a line of the review does. */
  enum Action {
    /** Holds a record until it is released or voided; {@code by} raised it. */
    DISPUTE,
    /** Releases a held record; {@code by} approved it. */
    RELEASE,
    /** Voids a record: it earns nothing; {@code by} approved it. */
    VOID,
    /** Grants a contributor credit; {@code by} approved it. */
    GRANT,
    /** Deducts credit from a contributor; {@code by} approved it. */
    DEDUCT;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One dispute or exception.
   *
   * @param action what it does
   * @param subject the record (dispute, release, void) or the contributor (grant, deduct)
   * @param by who raised (dispute) or approved (exceptions) it
   * @param amount the credit granted or deducted, as written (empty for the others)
   * @param reason why
   * @param where where it was given, for messages: {@code review.csv:4} or {@code --release}
   */
  record Item(Action action, String subject, String by, String amount, String reason, String where) {

    /** The credit in micro-units (0 without an amount). */
    long credit() {
      return amount.isEmpty() ? 0 : new BigDecimal(amount).movePointRight(6).longValueExact();
    }

    String[] row(String cycle) {
      return new String[] {cycle, action.word(), subject, by, amount, reason};
    }
  }

  /** The options raising disputes and exceptions (preview and finalize add them to the review file). */
  static List<Option> options() {
    return List.of(
        Option.values("dispute", "RECORD,BY,REASON", "put a record on hold: disputed by BY for REASON"),
        Option.values("release", "RECORD,BY,REASON", "release a held record, approved by BY for REASON"),
        Option.values("void", "RECORD,BY,REASON", "void a record (it earns nothing), approved by BY for REASON"),
        Option.values("grant", "CONTRIBUTOR,AMOUNT,BY,REASON", "grant AMOUNT credit, approved by BY for REASON"),
        Option.values("deduct", "CONTRIBUTOR,AMOUNT,BY,REASON", "deduct AMOUNT credit, approved by BY for REASON"));
  }

  /**
   * The disputes and exceptions given as options, disputes first.
   *
   * @throws UsageException when one is malformed
   */
  static List<Item> fromArgs(Args args) throws UsageException {
    List<Item> out = new ArrayList<>();
    for (Action a : Action.values()) {
      boolean amount = a == Action.GRANT || a == Action.DEDUCT;
      String shape = amount ? "CONTRIBUTOR,AMOUNT,BY,REASON" : "RECORD,BY,REASON";
      for (String text : args.values(a.word())) {
        String[] parts = text.split(",", amount ? 4 : 3);
        boolean ok = parts.length == (amount ? 4 : 3);
        for (int i = 0; ok && i < parts.length; i++) {
          ok = !parts[i].isBlank();
        }
        if (!ok) {
          throw new UsageException("--" + a.word() + " " + text + " is not " + shape);
        }
        String where = "--" + a.word() + " " + text;
        Item item = amount
            ? new Item(a, parts[0].trim(), parts[2].trim(), parts[1].trim(), parts[3].trim(), where)
            : new Item(a, parts[0].trim(), parts[1].trim(), "", parts[2].trim(), where);
        String bad = amountProblem(item);
        if (bad != null) {
          throw new UsageException(where + ": " + bad);
        }
        out.add(item);
      }
    }
    return out;
  }

  private static String amountProblem(Item item) {
    boolean needs = item.action() == Action.GRANT || item.action() == Action.DEDUCT;
    if (!needs) {
      return item.amount().isEmpty() ? null : "a " + item.action().word() + " takes no amount";
    }
    try {
      return item.credit() > 0 ? null : "the amount (" + item.amount() + ") must be more than 0";
    } catch (NumberFormatException | ArithmeticException e) {
      return "the amount (" + item.amount() + ") is not a number of credit with at most 6 decimals";
    }
  }

  /**
   * The lines of {@code file} for cycle {@code cycle}, in file order; none when the file does not exist.
   *
   * @throws InputException listing every malformed line
   * @throws IOException when the file cannot be read
   */
  static List<Item> read(Path file, String cycle) throws InputException, IOException {
    if (file == null || !Files.exists(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Item> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    String name = file.getFileName().toString();
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
      throw new InputException("the review file " + file + " has problems",
          List.of(name + ":1: the header must be " + HEADER));
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String where = name + ":" + (i + 1);
      List<String> f = fields(lines.get(i));
      if (f == null || f.size() != 6) {
        problems.add(where + ": expected 6 fields (" + HEADER + ")" + (f == null ? ", found an unclosed quote"
            : ", found " + f.size()));
        continue;
      }
      Action action = null;
      for (Action a : Action.values()) {
        if (a.word().equals(f.get(1).strip())) {
          action = a;
        }
      }
      if (action == null) {
        problems.add(where + ": unknown action '" + f.get(1) + "' (dispute, release, void, grant or deduct)");
        continue;
      }
      Item item = new Item(action, f.get(2).strip(), f.get(3).strip(), f.get(4).strip(), f.get(5).strip(), where);
      if (item.subject().isEmpty() || item.by().isEmpty() || item.reason().isEmpty()) {
        problems.add(where + ": subject, by and reason must not be empty");
        continue;
      }
      String bad = amountProblem(item);
      if (bad != null) {
        problems.add(where + ": " + bad);
        continue;
      }
      if (f.get(0).strip().equals(cycle)) {
        out.add(item);
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException("the review file " + file + " has problems", problems);
    }
    return out;
  }

  /** The fields of one CSV line (RFC 4180 quotes), or null for an unclosed quote. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          sb.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(sb.toString());
        sb.setLength(0);
      } else {
        sb.append(c);
      }
    }
    if (quoted) {
      return null;
    }
    out.add(sb.toString());
    return out;
  }

  /**
   * Applies {@code items} to a workflow in review: disputes first, then the exceptions, each in order.
   *
   * @param contributorOf the contributor of each submitted record, by id
   * @throws InputException listing every item that does not apply (unknown record, approver is the
   *     beneficiary, beyond the policy's exception limits ...)
   */
  static void apply(CycleWorkflow workflow, List<Item> items, Map<String, String> contributorOf)
      throws InputException {
    List<String> bad = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      for (Item i : items) {
        if ((i.action() == Action.DISPUTE) != (pass == 0)) {
          continue;
        }
        try {
          String owner = contributorOf.get(i.subject());
          if (i.action() != Action.DISPUTE && i.action() != Action.GRANT && i.action() != Action.DEDUCT
              && owner == null) {
            bad.add(i.where() + ": " + i.subject() + " is not a record of cycle " + workflow.cycle().id());
            continue;
          }
          switch (i.action()) {
            case DISPUTE -> workflow.dispute(i.subject(), i.by(), i.reason());
            case RELEASE -> workflow.adjust(Adjustment.release(i.subject(), owner, i.by(), i.reason()));
            case VOID -> workflow.adjust(Adjustment.voidRecord(i.subject(), owner, i.by(), i.reason()));
            case GRANT -> workflow.adjust(Adjustment.grant(i.subject(), i.credit(), i.by(), i.reason()));
            case DEDUCT -> workflow.adjust(Adjustment.deduct(i.subject(), i.credit(), i.by(), i.reason()));
            default -> throw new AssertionError(i.action());
          }
        } catch (IllegalArgumentException e) {
          bad.add(i.where() + ": " + e.getMessage());
        }
      }
    }
    if (!bad.isEmpty()) {
      throw new InputException("a dispute or exception cannot be applied", bad);
    }
  }

  /**
   * Adds {@code items} to {@code file} as lines of cycle {@code cycle}, creating the file with its header;
   * a line the file already holds is not added again.
   *
   * @return how many lines were added
   * @throws IOException when the file cannot be read or written
   */
  static int record(Path file, String cycle, List<Item> items) throws IOException {
    if (items.isEmpty()) {
      return 0;
    }
    boolean exists = Files.exists(file);
    Set<String> have = new HashSet<>();
    if (exists) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        List<String> f = fields(line);
        if (f != null) {
          have.add(String.join("\u0000", f));
        }
      }
    }
    int added = 0;
    byte[] before = exists ? Files.readAllBytes(file) : new byte[0];
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      if (before.length > 0 && before[before.length - 1] != '\n') {
        w.write('\n');
      }
      CsvWriter csv = new CsvWriter(w);
      if (!exists) {
        csv.row(HEADER.split(","));
      }
      for (Item i : items) {
        String[] row = i.row(cycle);
        if (have.add(String.join("\u0000", row))) {
          csv.row(row);
          added++;
        }
      }
    }
    return added;
  }
}
