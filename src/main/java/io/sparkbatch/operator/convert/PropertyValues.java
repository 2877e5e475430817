package io.sparkbatch.operator.convert;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Spark property's value as the type of the SparkBatchJob field it maps to. A value that
 * does not fit is reported and left to sparkConf, where Spark will judge it as it always did.
 */
final class PropertyValues {
  /** The model's memory format (Spark's sizes, or binary Kubernetes quantities). */
  static final Pattern MEMORY = Pattern.compile("^[0-9]+([kKmMgGtTpP][bB]?|[KMGTP]i)?$");

  /** The model's CPU quantity format. */
  static final Pattern CPU = Pattern.compile("^([0-9]+(\\.[0-9]+)?|[0-9]+m)$");

  private PropertyValues() {}

  /** The integer, or null (with a warning) when the value is not one at least min. */
  static Integer integer(String key, ConfValue value, int min, WarningLog log) {
    try {
      int parsed = Integer.parseInt(value.value().strip());
      if (parsed >= min) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    log.warn(
        WarningLog.confField(key, value),
        "'" + value.value() + "' is not a whole number >= " + min + "; kept in sparkConf");
    return null;
  }

  /** The boolean as Spark reads it (true/false, any case), or null with a warning. */
  static Boolean bool(String key, ConfValue value, WarningLog log) {
    String v = value.value().strip();
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.valueOf(v);
    }
    log.warn(
        WarningLog.confField(key, value),
        "'" + value.value() + "' is not true or false; kept in sparkConf");
    return null;
  }

  /** The value when it matches, or null with a warning naming the expected format. */
  static String matching(
      String key, ConfValue value, Pattern pattern, String expected, WarningLog log) {
    String v = value.value().strip();
    if (pattern.matcher(v).matches()) {
      return v;
    }
    log.warn(
        WarningLog.confField(key, value),
        "'" + value.value() + "' is not " + expected + "; kept in sparkConf");
    return null;
  }

  /** A comma-separated list as Spark splits it: trimmed, empty items dropped. */
  static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
