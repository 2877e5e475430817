package io.sparkbatch.operator.testing;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a PromQL parser: it drops what cannot be a metric
 * name (label matchers, strings, ranges, grouping clauses, function calls, keywords) and keeps the
 * identifiers left. Good enough for our dashboard and rules, and checked by its own test.
 */
public final class PromQlNames {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of(
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "and",
          "or",
          "unless",
          "offset",
          "bool",
          "le",
          "inf",
          "nan");

  private PromQlNames() {}

  public static Set<String> of(String expr) {
    String text =
        // Grafana's label_values(metric, label): only the first argument is a metric.
        expr.replaceAll("label_values\\(\\s*([^,)]+)(,[^)]*)?\\)", "$1")
            .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
            .replaceAll("\\{[^}]*\\}", " ")
            .replaceAll("\\[[^\\]]*\\]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new LinkedHashSet<>();
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      String token = m.group();
      int after = m.end();
      while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
        after++;
      }
      boolean call = after < text.length() && text.charAt(after) == '(';
      boolean number = m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1));
      if (!call && !number && !KEYWORDS.contains(token.toLowerCase(java.util.Locale.ROOT))) {
        names.add(token);
      }
    }
    return names;
  }
}
