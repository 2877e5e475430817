package io.sparkbatch.operator.validation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A memory amount as the spec accepts it: Spark's format ({@code 512m}, {@code 4g}, {@code 4gb};
 * binary units, case-insensitive, a bare number meaning MiB as for spark.driver.memory) or a binary
 * Kubernetes quantity ({@code 4Gi}).
 */
record MemorySize(long bytes) {

  /** Same pattern as the CRD's, so the operator accepts exactly what the API server does. */
  static final Pattern FORMAT = Pattern.compile("^([0-9]+)([kKmMgGtTpP][bB]?|[KMGTP]i)?$");

  private static final long MIB = 1L << 20;

  /** Empty when the text is not in the format or too large to count in bytes. */
  static Optional<MemorySize> parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String unit = m.group(2) == null ? "m" : m.group(2).substring(0, 1).toLowerCase();
    int shift =
        switch (unit) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 50; // p
        };
    try {
      long amount = Long.parseLong(m.group(1));
      if (amount > (Long.MAX_VALUE >> shift)) {
        return Optional.empty();
      }
      return Optional.of(new MemorySize(amount << shift));
    } catch (NumberFormatException tooManyDigits) {
      return Optional.empty();
    }
  }

  long mebibytes() {
    return bytes / MIB;
  }
}
