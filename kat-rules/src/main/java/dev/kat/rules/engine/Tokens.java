package dev.kat.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of a rule's condition or consequence into tokens: string literals, numbers, identifiers,
 * {@code $bindings} and operators. Anything else (backslashes, quotes of other kinds, {@code #}, {@code @},
 * brackets, braces) is refused, which is part of what keeps rule files to the small language documented in
 * docs/rules.md.
 */
final class Tokens {
  private Tokens() {}

  /** A token and the line (0-based, relative to the text) where it starts. */
  record Token(String text, int line) {
    boolean isString() {
      return text.startsWith("\"");
    }

    boolean isNumber() {
      return Character.isDigit(text.charAt(0));
    }

    boolean isIdent() {
      return Character.isLetter(text.charAt(0)) || text.charAt(0) == '_';
    }

    String unquoted() {
      return text.substring(1, text.length() - 1);
    }
  }

  /** A character outside the language, at a line relative to the text. */
  static final class Bad extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final int line;

    Bad(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  private static final String[] OPERATORS = {
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", ",", "+", "-", "*", "/", ";", ".", ":"
  };

  /**
   * The tokens of {@code text}.
   *
   * @throws Bad naming the character and its line if the text has a character outside the language
   */
  static List<Token> of(String text) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int line = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"') {
        int j = i + 1;
        while (j < n && text.charAt(j) != '"' && text.charAt(j) != '\\' && text.charAt(j) != '\n') {
          j++;
        }
        if (j >= n || text.charAt(j) != '"') {
          throw new Bad(line, "string literals may not contain backslashes"
              + " or line breaks and must be closed");
        }
        out.add(new Token(text.substring(i, j + 1), line));
        i = j + 1;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < n && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
          j++;
        }
        if (j < n && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
          j++;
          if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
            j++;
          }
          while (j < n && Character.isDigit(text.charAt(j))) {
            j++;
          }
        }
        String num = text.substring(i, j);
        try {
          Double.parseDouble(num);
        } catch (NumberFormatException e) {
          throw new Bad(line, "bad number " + num);
        }
        out.add(new Token(num, line));
        i = j;
      } else if (Character.isLetter(c) || c == '_' || c == '$') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
          j++;
        }
        out.add(new Token(text.substring(i, j), line));
        i = j;
      } else {
        String op = null;
        for (String o : OPERATORS) {
          if (text.startsWith(o, i)) {
            op = o;
            break;
          }
        }
        if (op == null) {
          throw new Bad(line, "character '" + c + "' is not allowed in rules");
        }
        out.add(new Token(op, line));
        i += op.length();
      }
    }
    return out;
  }
}
