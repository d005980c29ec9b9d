package dev.kat.rules.engine;

import dev.kat.core.policy.Framework;
import dev.kat.rules.engine.Tokens.Token;
import dev.kat.rules.policy.Problem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * Parses a rule file with the Drools DRL parser and checks it against the small language rule files may use
 * (docs/rules.md): one pattern per rule over one of the four fact types, conditions made only of the fact's
 * own fields and methods, literals and operators, consequences made only of the fact's actions with literal
 * arguments, salience as the only attribute, and no imports, globals, functions, declarations or queries.
 * Multiplying factors are checked against the framework's adjustment bounds here, with the file and line.
 */
final class RuleChecker {
  private RuleChecker() {}

  /** What a fact type offers rule files. */
  record FactSpec(String type, RuleKind kind, Set<String> fields, Map<String, Integer> methods,
      Map<String, String> actions) {}

  static final List<FactSpec> FACTS = List.of(
      new FactSpec("Contribution", RuleKind.RECORD, Set.of("category", "role", "workingGroup"),
          Map.of("attr", 1), Map.of("multiply", "NS")),
      new FactSpec("Contributor", RuleKind.CONTRIBUTOR, Set.of("id", "role", "external", "credit", "records"),
          Map.of("credit", 1, "hours", 1, "count", 1, "distinct", 2, "streak", 1),
          Map.of("multiply", "SNS", "grant", "SS", "flag", "S")),
      new FactSpec("WorkingGroup", RuleKind.WORKING_GROUP,
          Set.of("name", "credit", "records", "contributors", "topShare"), Map.of("credit", 1), Map.of("flag", "S")),
      new FactSpec("Pair", RuleKind.PAIR, Set.of("first", "second", "records", "credit", "reciprocal"), Map.of(),
          Map.of("flag", "S")));

  static final String FACT_PACKAGE = "dev.kat.rules.engine";
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "(", ")",
      "+", "-", "*", "/");

  /** A reference to a category, role or working group by a literal, checked against a policy later. */
  record NameRef(String what, String value, int line) {}

  /** One call in a consequence. */
  record Action(String method, List<String> args, int line) {}

  /** A checked rule. */
  static final class Meta {
    RuleInfo info;
    FactSpec fact;
    String attribute;
    final TreeSet<Double> thresholds = new TreeSet<>();
    final List<NameRef> refs = new ArrayList<>();
    final List<Action> actions = new ArrayList<>();
    final List<String> conditions = new ArrayList<>();
  }

  /** Parses and checks {@code text}; appends problems; returns the package (null on a syntax error). */
  static PackageDescr check(String source, String text, Framework framework, List<Meta> metas,
      List<Problem> problems) {
    DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
    PackageDescr pkg;
    try {
      pkg = parser.parse(new StringReader(text));
    } catch (DroolsParserException e) {
      problems.add(new Problem(source, 0, 0, "$", "cannot parse: " + e.getMessage()));
      return null;
    }
    if (parser.hasErrors() || pkg == null) {
      for (DroolsError e : parser.getErrors()) {
        int line = 0;
        int col = 0;
        if (e instanceof ParserError) {
          line = Math.max(0, ((ParserError) e).getRow());
          col = Math.max(0, ((ParserError) e).getCol());
        } else if (e.getLines() != null && e.getLines().length > 0) {
          line = Math.max(0, e.getLines()[0]);
        }
        problems.add(new Problem(source, line, col, "syntax", e.getMessage()));
      }
      if (problems.isEmpty()) {
        problems.add(new Problem(source, 0, 0, "syntax", "the DRL parser returned nothing"));
      }
      return null;
    }
    for (ImportDescr i : pkg.getImports()) {
      boolean ours = FACTS.stream().anyMatch(f -> (FACT_PACKAGE + "." + f.type()).equals(i.getTarget()));
      if (!ours) {
        problems.add(at(source, i, "import", "import of " + i.getTarget() + " is not allowed; rule files see only"
            + " Contribution, Contributor, WorkingGroup and Pair, which need no import"));
      }
    }
    notAllowed(source, problems, pkg.getGlobals(), "global");
    notAllowed(source, problems, pkg.getFunctions(), "function");
    notAllowed(source, problems, pkg.getFunctionImports(), "function import");
    notAllowed(source, problems, pkg.getAccumulateImports(), "accumulate import");
    notAllowed(source, problems, pkg.getTypeDeclarations(), "declare");
    notAllowed(source, problems, pkg.getEnumDeclarations(), "declare");
    notAllowed(source, problems, new ArrayList<>(pkg.getEntryPointDeclarations()), "entry point");
    notAllowed(source, problems, new ArrayList<>(pkg.getWindowDeclarations()), "window");
    for (AttributeDescr a : pkg.getAttributes()) {
      problems.add(at(source, a, "attribute", "package-level attribute '" + a.getName() + "' is not allowed"));
    }
    String[] lines = text.split("\n", -1);
    for (RuleDescr r : pkg.getRules()) {
      Meta m = rule(source, lines, r, framework, problems);
      if (m != null) {
        metas.add(m);
      }
    }
    for (FactSpec f : FACTS) {
      String fqn = FACT_PACKAGE + "." + f.type();
      if (pkg.getImports().stream().noneMatch(i -> fqn.equals(i.getTarget()))) {
        pkg.addImport(new ImportDescr(fqn));
      }
    }
    return pkg;
  }

  private static void notAllowed(String source, List<Problem> problems, List<? extends BaseDescr> items,
      String what) {
    for (BaseDescr d : items) {
      problems.add(at(source, d, what, what + " is not allowed in rule files"));
    }
  }

  private static Problem at(String source, BaseDescr d, String path, String message) {
    return new Problem(source, Math.max(0, d.getLine()), Math.max(0, d.getColumn()), path, message);
  }

  private static Meta rule(String source, String[] lines, RuleDescr r, Framework framework,
      List<Problem> problems) {
    String path = "rule '" + r.getName() + "'";
    int before = problems.size();
    int line = Math.max(0, r.getLine());
    if (r.isQuery()) {
      problems.add(new Problem(source, line, 0, path, "queries are not allowed in rule files"));
      return null;
    }
    int salience = 0;
    for (Map.Entry<String, AttributeDescr> a : r.getAttributes().entrySet()) {
      if (!a.getKey().equals("salience")) {
        problems.add(new Problem(source, line, 0, path, "attribute '" + a.getKey() + "' is not allowed; only salience"));
      } else {
        String v = a.getValue().getValue().trim();
        if (!v.matches("-?[0-9]{1,6}")) {
          problems.add(new Problem(source, line, 0, path, "salience must be an integer literal, not " + v));
        } else {
          salience = Integer.parseInt(v);
        }
      }
    }
    AndDescr lhs = r.getLhs();
    List<? extends BaseDescr> parts = lhs == null ? List.of() : lhs.getDescrs();
    if (parts.size() != 1 || !(parts.get(0) instanceof PatternDescr)) {
      problems.add(new Problem(source, line, 0, path,
          "a rule must have exactly one pattern: Contribution(...), Contributor(...), WorkingGroup(...) or Pair(...)"));
      return null;
    }
    PatternDescr p = (PatternDescr) parts.get(0);
    FactSpec fact = FACTS.stream().filter(f -> f.type().equals(p.getObjectType())).findFirst().orElse(null);
    if (fact == null) {
      problems.add(at(source, p, path, "unknown fact type '" + p.getObjectType()
          + "'; rules match Contribution, Contributor, WorkingGroup or Pair"));
      return null;
    }
    if (p.getSource() != null || !p.getBehaviors().isEmpty()) {
      problems.add(at(source, p, path, "'from', 'accumulate', 'collect' and windows are not allowed"));
      return null;
    }
    Meta m = new Meta();
    m.fact = fact;
    m.info = new RuleInfo(r.getName(), fact.kind(), salience, source, line);
    for (BaseDescr c : p.getConstraint().getDescrs()) {
      int cl = c.getLine() > 0 ? c.getLine() : Math.max(0, p.getLine());
      if (!(c instanceof ExprConstraintDescr)) {
        problems.add(new Problem(source, cl, 0, path, "constraint not allowed: " + c));
        continue;
      }
      m.conditions.add(((ExprConstraintDescr) c).getExpression());
      condition(source, path, cl, ((ExprConstraintDescr) c).getExpression(), m, problems);
    }
    String binding = p.getIdentifier();
    String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
    int cline = consequenceLine(lines, Math.max(0, r.getConsequenceLine()), consequence);
    int beforeConsequence = problems.size();
    consequence(source, path, cline, consequence, binding, m, framework, problems);
    if (fact.kind() == RuleKind.RECORD && problems.size() == beforeConsequence
        && (m.actions.size() != 1 || !m.actions.get(0).method().equals("multiply"))) {
      problems.add(new Problem(source, cline, 0, path, "a record rule's consequence must be exactly one"
          + " multiply(factor, reason) call"));
    }
    return problems.size() == before ? m : null;
  }

  /**
   * The line where the consequence's text starts. Drools gives the line of {@code then} and the text without
   * leading whitespace, so the text may start on that line or a later one.
   */
  private static int consequenceLine(String[] lines, int thenLine, String consequence) {
    String head = consequence.strip();
    if (head.isEmpty() || thenLine < 1) {
      return thenLine;
    }
    int nl = head.indexOf('\n');
    String first = (nl < 0 ? head : head.substring(0, nl)).strip();
    for (int l = thenLine; l <= lines.length; l++) {
      String text = lines[l - 1];
      if (l == thenLine) {
        int t = text.indexOf("then");
        text = t < 0 ? text : text.substring(t + 4);
      }
      if (text.contains(first)) {
        return l;
      }
    }
    return thenLine;
  }

  private static void condition(String source, String path, int line, String expr, Meta m,
      List<Problem> problems) {
    List<Token> toks;
    try {
      toks = Tokens.of(expr);
    } catch (Tokens.Bad e) {
      problems.add(new Problem(source, line + e.line, 0, path, e.getMessage()));
      return;
    }
    FactSpec f = m.fact;
    for (int i = 0; i < toks.size(); i++) {
      Token t = toks.get(i);
      int tl = line + t.line();
      if (t.isIdent()) {
        String name = t.text();
        if (name.equals("true") || name.equals("false") || name.equals("null")) {
          continue;
        }
        if (i + 1 < toks.size() && toks.get(i + 1).text().equals("(")) {
          Integer arity = f.methods().get(name);
          if (arity == null) {
            problems.add(new Problem(source, tl, 0, path, "unknown method '" + name + "' of " + f.type()
                + "; known: " + String.join(", ", new TreeSet<>(f.methods().keySet()))));
            return;
          }
          List<String> args = new ArrayList<>();
          int j = i + 2;
          while (j < toks.size() && toks.get(j).isString()) {
            args.add(toks.get(j).unquoted());
            j++;
            if (j < toks.size() && toks.get(j).text().equals(",")) {
              j++;
            }
          }
          if (j >= toks.size() || !toks.get(j).text().equals(")") || args.size() != arity) {
            problems.add(new Problem(source, tl, 0, path, name + "(...) takes " + arity
                + " string literal argument" + (arity == 1 ? "" : "s")));
            return;
          }
          if (f.kind() == RuleKind.RECORD) {
            if (!attributeTest(toks, i, j, args.get(0), m)) {
              problems.add(new Problem(source, tl, 0, path, "compare attr(\"" + args.get(0)
                  + "\") directly with a number, e.g. attr(\"" + args.get(0) + "\") >= 3"));
              return;
            }
            if (m.attribute != null && !m.attribute.equals(args.get(0))) {
              problems.add(new Problem(source, tl, 0, path, "a record rule may test one attribute; it tests "
                  + m.attribute + " and " + args.get(0) + " (use a modifier curve for the other)"));
              return;
            }
            m.attribute = args.get(0);
          } else {
            m.refs.add(new NameRef("category", args.get(0), tl));
          }
          i = j;
          continue;
        }
        if (!f.fields().contains(name)) {
          problems.add(new Problem(source, tl, 0, path, "unknown field '" + name + "' of " + f.type() + "; known: "
              + String.join(", ", new TreeSet<>(f.fields()))));
          return;
        }
        String literal = comparedLiteral(toks, i);
        if (literal != null) {
          String what = name.equals("name") ? "workingGroup" : name;
          if (what.equals("category") || what.equals("role") || what.equals("workingGroup")) {
            m.refs.add(new NameRef(what, literal, tl));
          }
        }
      } else if (t.text().startsWith("$")) {
        problems.add(new Problem(source, tl, 0, path, "bindings and joins are not allowed in conditions"));
        return;
      } else if (!t.isString() && !t.isNumber() && !OPERATORS.contains(t.text())) {
        problems.add(new Problem(source, tl, 0, path, "'" + t.text() + "' is not allowed in a condition; use the"
            + " fact's fields and methods, literals and operators"));
        return;
      }
    }
  }

  /** Records the threshold when attr(...) at [i, close] is compared with a number literal. */
  private static boolean attributeTest(List<Token> toks, int i, int close, String attribute, Meta m) {
    // The comparison must be with a bare number: arithmetic on either side would move the threshold.
    if (close + 1 < toks.size() && COMPARISONS.contains(toks.get(close + 1).text())) {
      Double v = number(toks, close + 2);
      if (v != null && !arithmetic(toks, close + 2 + (toks.get(close + 2).text().equals("-") ? 2 : 1))) {
        m.thresholds.add(v);
        return true;
      }
    }
    if (i >= 2 && COMPARISONS.contains(toks.get(i - 1).text()) && toks.get(i - 2).isNumber()
        && !arithmetic(toks, close + 1)) {
      double v = Double.parseDouble(toks.get(i - 2).text());
      int before = i - 3;
      if (before >= 0 && toks.get(before).text().equals("-")) {
        v = -v;
        before--;
      }
      if (!arithmetic(toks, before)) {
        m.thresholds.add(v);
        return true;
      }
    }
    return false;
  }

  private static boolean arithmetic(List<Token> toks, int k) {
    return k >= 0 && k < toks.size() && Set.of("+", "-", "*", "/").contains(toks.get(k).text());
  }

  private static Double number(List<Token> toks, int k) {
    if (k < toks.size() && toks.get(k).isNumber()) {
      return Double.valueOf(toks.get(k).text());
    }
    if (k + 1 < toks.size() && toks.get(k).text().equals("-") && toks.get(k + 1).isNumber()) {
      return -Double.parseDouble(toks.get(k + 1).text());
    }
    return null;
  }

  private static String comparedLiteral(List<Token> toks, int i) {
    if (i + 2 < toks.size() && (toks.get(i + 1).text().equals("==") || toks.get(i + 1).text().equals("!="))
        && toks.get(i + 2).isString()) {
      return toks.get(i + 2).unquoted();
    }
    if (i >= 2 && (toks.get(i - 1).text().equals("==") || toks.get(i - 1).text().equals("!="))
        && toks.get(i - 2).isString()) {
      return toks.get(i - 2).unquoted();
    }
    return null;
  }

  private static void consequence(String source, String path, int line, String text, String binding, Meta m,
      Framework framework, List<Problem> problems) {
    List<Token> toks;
    try {
      toks = Tokens.of(text);
    } catch (Tokens.Bad e) {
      problems.add(new Problem(source, line + e.line, 0, path, e.getMessage()));
      return;
    }
    FactSpec f = m.fact;
    int i = 0;
    while (i < toks.size()) {
      Token start = toks.get(i);
      int tl = line + start.line();
      if (binding == null || !start.text().equals(binding)) {
        problems.add(new Problem(source, tl, 0, path, "a consequence may only call the matched fact's actions,"
            + " e.g. $c.multiply(1.2, \"reason\"); found '" + start.text() + "'"
            + (binding == null ? " (bind the pattern: $c : " + f.type() + "(...))" : "")));
        return;
      }
      if (i + 3 >= toks.size() || !toks.get(i + 1).text().equals(".") || !toks.get(i + 2).isIdent()
          || !toks.get(i + 3).text().equals("(")) {
        problems.add(new Problem(source, tl, 0, path, "expected " + start.text() + ".action(...)"));
        return;
      }
      String method = toks.get(i + 2).text();
      String sig = f.actions().get(method);
      if (sig == null) {
        problems.add(new Problem(source, tl, 0, path, "unknown action '" + method + "' of " + f.type() + "; known: "
            + String.join(", ", new TreeSet<>(f.actions().keySet()))));
        return;
      }
      int j = i + 4;
      List<String> args = new ArrayList<>();
      StringBuilder kinds = new StringBuilder();
      while (j < toks.size() && !toks.get(j).text().equals(")")) {
        Token a = toks.get(j);
        if (a.isString()) {
          args.add(a.unquoted());
          kinds.append('S');
          j++;
        } else if (number(toks, j) != null) {
          args.add(Double.toString(number(toks, j)));
          kinds.append('N');
          j += a.text().equals("-") ? 2 : 1;
        } else {
          problems.add(new Problem(source, line + a.line(), 0, path, "action arguments must be string or number"
              + " literals; found '" + a.text() + "'"));
          return;
        }
        if (j < toks.size() && toks.get(j).text().equals(",")) {
          j++;
        }
      }
      if (j + 1 >= toks.size() || !toks.get(j + 1).text().equals(";") || !kinds.toString().equals(sig)) {
        problems.add(new Problem(source, tl, 0, path, method + " takes (" + signature(sig) + ") and ends with ';'"));
        return;
      }
      Action act = new Action(method, args, tl);
      if (method.equals("multiply")) {
        double factor = Double.parseDouble(args.get(f.kind() == RuleKind.RECORD ? 0 : 1));
        if (!(factor >= 0) || !framework.adjustmentFactor().contains(factor)) {
          problems.add(new Problem(source, tl, 0, path, "multiplies by " + factor + ", outside the allowed range "
              + (factor >= 0 ? framework.adjustmentFactor() : "[0, ∞)") + " (framework " + framework.id() + ")"));
        }
        if (f.kind() == RuleKind.CONTRIBUTOR && !args.get(0).equals("*")) {
          m.refs.add(new NameRef("category", args.get(0), tl));
        }
      }
      m.actions.add(act);
      i = j + 2;
    }
    if (m.actions.isEmpty()) {
      problems.add(new Problem(source, line, 0, path, "the consequence does nothing"));
    }
  }

  private static String signature(String sig) {
    List<String> out = new ArrayList<>();
    for (char c : sig.toCharArray()) {
      out.add(c == 'N' ? "number" : "string");
    }
    return String.join(", ", out);
  }
}
