package io.sparkbatch.operator.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects violations in the order the rules run, so messages come out in a stable order. */
final class SpecViolations {

  /** Long user values are cut in messages: a status message is not a place for a whole script. */
  private static final int MAX_ECHO = 80;

  private final List<SpecViolation> violations = new ArrayList<>();

  void add(String field, String message) {
    violations.add(new SpecViolation(field, message));
  }

  /** The schema's {@code minimum}: a null value is unset and passes. */
  void atLeast(String field, Number value, long min) {
    if (value != null && value.longValue() < min) {
      add(field, "must be >= " + min + ", got " + value);
    }
  }

  List<SpecViolation> toList() {
    return List.copyOf(violations);
  }

  /**
   * A user-written value, quoted and shortened, for a message. Only for values that cannot hold a
   * secret: never for env values, sparkConf, hadoopConf or annotation values.
   */
  static String quote(String value) {
    String shown = value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
    return '"' + shown + '"';
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
