package io.sparkbatch.operator.reconciler;

import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.status.Timestamps;
import java.time.Duration;
import java.time.Instant;

/** The points in time a job's spec and status define: deadline, start timeout. */
final class JobTimes {
  private JobTimes() {}

  /** When the whole run must be over (timeouts.activeDeadlineSeconds), or null. */
  static Instant deadline(SparkBatchJob job, SparkBatchJobStatus status) {
    var timeouts = job.getSpec().getTimeouts();
    Instant start = Timestamps.parse(status.getStartTime());
    if (timeouts == null || timeouts.getActiveDeadlineSeconds() == null || start == null) {
      return null;
    }
    return start.plusSeconds(timeouts.getActiveDeadlineSeconds());
  }

  /** How long a driver may take to start. */
  static Duration startTimeout(SparkBatchJob job, Duration fallback) {
    var timeouts = job.getSpec().getTimeouts();
    return timeouts == null || timeouts.getDriverStartSeconds() == null
        ? fallback
        : Duration.ofSeconds(timeouts.getDriverStartSeconds());
  }

  /**
   * What follows a job's end: a look soon, when the spec asks for a release or TTL (the janitor
   * then schedules it), else nothing.
   */
  static StepResult afterFinish(SparkBatchJob job) {
    var spec = job.getSpec();
    return spec.getTimeToLiveSeconds() != null || spec.getReleaseResourcesAfterSeconds() != null
        ? StepResult.requeueAfter(Duration.ZERO)
        : StepResult.done();
  }

  static boolean passed(Instant point, Instant now) {
    return point != null && !now.isBefore(point);
  }

  static StepResult at(Instant point, Instant now) {
    return point == null
        ? StepResult.done()
        : StepResult.requeueAfter(Duration.between(now, point));
  }
}
