package io.sparkbatch.operator.reconciler;

import java.time.Duration;
import java.util.Optional;

/**
 * What a step leaves for the framework: nothing (the next pod or spec event will come), or a time
 * to look again (a timeout, a retry, a release, a TTL).
 */
record StepResult(Duration requeueAfter) {
  static final Duration MIN_REQUEUE = Duration.ofMillis(200);

  static StepResult done() {
    return new StepResult(null);
  }

  static StepResult requeueAfter(Duration after) {
    Duration value = after.compareTo(MIN_REQUEUE) < 0 ? MIN_REQUEUE : after;
    return new StepResult(value);
  }

  /** The sooner of two results' requeue times. */
  StepResult orSooner(StepResult other) {
    if (requeueAfter == null) {
      return other;
    }
    if (other.requeueAfter == null || requeueAfter.compareTo(other.requeueAfter) <= 0) {
      return this;
    }
    return other;
  }

  Optional<Duration> requeue() {
    return Optional.ofNullable(requeueAfter);
  }
}
