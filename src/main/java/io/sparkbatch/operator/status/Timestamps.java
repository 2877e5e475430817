package io.sparkbatch.operator.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps as Kubernetes writes them (whole seconds, UTC), and durations for people. */
public final class Timestamps {
  private Timestamps() {}

  public static String format(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  public static Instant parse(String value) {
    return value == null || value.isBlank() ? null : Instant.parse(value);
  }

  /** 1h2m3s, 5m0s, 42s: the way kubectl shows durations. */
  public static String human(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long hours = seconds / 3600;
    long minutes = (seconds % 3600) / 60;
    long secs = seconds % 60;
    if (hours > 0) {
      return hours + "h" + minutes + "m" + secs + "s";
    }
    if (minutes > 0) {
      return minutes + "m" + secs + "s";
    }
    return secs + "s";
  }
}
