package io.sparkbatch.operator.convert;

import java.util.Locale;

/**
 * Turns application names into SparkBatchJob names: lowercase letters, digits and '-', starting and
 * ending with a letter or digit, short enough that the operator's derived names (the driver pod,
 * its Service) stay within Kubernetes' 63-character limit.
 */
final class ResourceName {
  static final int MAX_LENGTH = 50;

  private ResourceName() {}

  /** The name as a Kubernetes name, or null when nothing usable is left. */
  static String sanitize(String raw) {
    if (raw == null) {
      return null;
    }
    String name = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    name = trimDashes(name);
    if (name.length() > MAX_LENGTH) {
      name = trimDashes(name.substring(0, MAX_LENGTH));
    }
    return name.isEmpty() ? null : name;
  }

  /** org.apache.spark.examples.SparkPi -> spark-pi. */
  static String fromMainClass(String mainClass) {
    String simple = mainClass.substring(mainClass.lastIndexOf('.') + 1).replace("$", "");
    return sanitize(simple.replaceAll("([a-z0-9])([A-Z])", "$1-$2"));
  }

  /** s3a://bucket/jobs/daily_report.py -> daily-report. */
  static String fromFile(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    return sanitize(dot > 0 ? file.substring(0, dot) : file);
  }

  private static String trimDashes(String name) {
    return name.replaceAll("^-+", "").replaceAll("-+$", "");
  }
}
