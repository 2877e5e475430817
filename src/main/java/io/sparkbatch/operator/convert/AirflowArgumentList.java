package io.sparkbatch.operator.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the argument list of Airflow's KubernetesPodOperator as written in a DAG: Python string
 * literals separated by commas, optionally inside [ ] and after {@code arguments=}. Only literals
 * are accepted: the converter cannot evaluate Python variables or expressions.
 */
final class AirflowArgumentList {
  private final String text;
  private final WarningLog log;
  private final List<Word> words = new ArrayList<>();
  private int pos;
  private int line = 1;

  private AirflowArgumentList(String text, WarningLog log) {
    this.text = text;
    this.log = log;
  }

  /** True when the text starts like a list: a [ or a quoted string followed by a comma. */
  static boolean looksLikeList(String text) {
    AirflowArgumentList probe = new AirflowArgumentList(text, new WarningLog());
    probe.skipSpaceAndComments();
    if (probe.pos >= text.length()) {
      return false;
    }
    char first = text.charAt(probe.pos);
    if (first == '[' || text.startsWith("arguments", probe.pos)) {
      return true;
    }
    if (first != '"' && first != '\'') {
      return false;
    }
    try {
      probe.literal();
    } catch (ConversionException e) {
      return false;
    }
    probe.skipSpaceAndComments();
    return probe.pos < text.length() && text.charAt(probe.pos) == ',';
  }

  static List<Word> parse(String text, WarningLog log) {
    AirflowArgumentList parser = new AirflowArgumentList(text, log);
    parser.list();
    return parser.words;
  }

  private void list() {
    skipSpaceAndComments();
    if (text.startsWith("arguments", pos)) {
      pos += "arguments".length();
      skipSpaceAndComments();
      expect('=');
    }
    skipSpaceAndComments();
    boolean bracketed = pos < text.length() && text.charAt(pos) == '[';
    if (bracketed) {
      pos++;
    }
    while (true) {
      skipSpaceAndComments();
      if (pos >= text.length() || text.charAt(pos) == ']') {
        break;
      }
      int itemLine = line;
      StringBuilder item = new StringBuilder(literal());
      skipSpaceAndComments();
      // Python joins adjacent literals: "--conf " "k=v" is one string.
      while (pos < text.length() && isQuoteStart()) {
        item.append(literal());
        skipSpaceAndComments();
      }
      words.add(new Word(item.toString(), "line " + itemLine));
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
      } else {
        break;
      }
    }
    skipSpaceAndComments();
    if (bracketed) {
      expect(']');
      skipSpaceAndComments();
      while (pos < text.length() && (text.charAt(pos) == ',' || text.charAt(pos) == ')')) {
        pos++;
        skipSpaceAndComments();
      }
    }
    if (pos < text.length()) {
      throw new ConversionException(
          "line " + line, "unexpected '" + snippet() + "' after the list");
    }
  }

  private boolean isQuoteStart() {
    int p = pos;
    while (p < text.length() && "rRuUfFbB".indexOf(text.charAt(p)) >= 0 && p - pos < 2) {
      p++;
    }
    return p < text.length() && (text.charAt(p) == '"' || text.charAt(p) == '\'');
  }

  private String literal() {
    int start = pos;
    while (pos < text.length() && "rRuUfFbB".indexOf(text.charAt(pos)) >= 0 && pos - start < 2) {
      pos++;
    }
    String prefix = text.substring(start, pos).toLowerCase();
    if (pos >= text.length() || (text.charAt(pos) != '"' && text.charAt(pos) != '\'')) {
      pos = start;
      throw new ConversionException(
          "line " + line,
          "expected a quoted string, found '"
              + snippet()
              + "': the converter reads literals only, not Python variables or expressions");
    }
    if (prefix.contains("f")) {
      log.warn(
          "line " + line,
          "f-string: its {placeholders} are kept as written; replace them in the output");
    }
    boolean raw = prefix.contains("r");
    char quote = text.charAt(pos++);
    int startLine = line;
    StringBuilder value = new StringBuilder();
    while (pos < text.length() && text.charAt(pos) != quote) {
      char c = text.charAt(pos);
      if (c == '\n') {
        throw new ConversionException("line " + startLine, "unterminated string");
      }
      if (c == '\\' && pos + 1 < text.length()) {
        pos += escape(text.charAt(pos + 1), raw, value);
      } else {
        value.append(c);
        pos++;
      }
    }
    if (pos >= text.length()) {
      throw new ConversionException("line " + startLine, "unterminated string");
    }
    pos++;
    return value.toString();
  }

  /** Appends the escape sequence starting with a backslash; returns how many chars it used. */
  private int escape(char next, boolean raw, StringBuilder value) {
    if (raw) {
      value.append('\\').append(next);
      return 2;
    }
    switch (next) {
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case '\\', '\'', '"' -> value.append(next);
      case '\n' -> line++;
      default -> value.append('\\').append(next);
    }
    return 2;
  }

  private void skipSpaceAndComments() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '#') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
        pos++;
      } else if (Character.isWhitespace(c)) {
        if (c == '\n') {
          line++;
        }
        pos++;
      } else {
        return;
      }
    }
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw new ConversionException(
          "line " + line, "expected '" + c + "', found '" + snippet() + "'");
    }
    pos++;
  }

  private String snippet() {
    if (pos >= text.length()) {
      return "end of input";
    }
    int end = pos;
    while (end < text.length() && end - pos < 30 && text.charAt(end) != '\n') {
      end++;
    }
    return text.substring(pos, end).strip();
  }
}
