package io.sparkbatch.operator.reconciler;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.state.RetryDecision;
import io.sparkbatch.operator.status.StatusFactory;
import io.sparkbatch.operator.status.StatusWriter;
import io.sparkbatch.operator.status.Timestamps;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an attempt: records how it ended, asks the restart policy what follows, and writes the
 * job's next phase (Retrying, Succeeded or Failed) with an event.
 */
final class AttemptEnder {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptEnder.class);

  private final StatusFactory statuses;
  private final StatusWriter writer;
  private final EventRecorder events;

  AttemptEnder(StatusFactory statuses, StatusWriter writer, EventRecorder events) {
    this.statuses = Objects.requireNonNull(statuses);
    this.writer = Objects.requireNonNull(writer);
    this.events = Objects.requireNonNull(events);
  }

  /**
   * @param next the status being built (already holding the final executor counts)
   * @param at when the attempt ended, from the pod when known
   */
  StepResult end(
      SparkBatchJob job,
      SparkBatchJobStatus next,
      JobReason reason,
      String message,
      Integer exitCode,
      Instant at,
      Context<SparkBatchJob> ctx) {
    Instant now = statuses.now();
    Instant endedAt = at == null ? now : at;
    statuses.endAttempt(next, reason, message, exitCode, endedAt);
    int failedBefore = next.getFailedAttempts() == null ? 0 : next.getFailedAttempts();
    RetryDecision.Outcome outcome =
        RetryDecision.decide(
            job.getSpec().getRestartPolicy(),
            reason,
            failedBefore,
            now,
            JobTimes.deadline(job, next));
    next.setFailedAttempts(outcome.failedAttempts());
    int number = next.getAttempt() == null ? 0 : next.getAttempt().getNumber();
    String name = job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
    if (outcome.retry()) {
      next.setNextAttemptTime(Timestamps.format(outcome.retryAt()));
      String text =
          "attempt "
              + number
              + (outcome.succeeded() ? " succeeded" : " failed: " + message)
              + "; attempt "
              + (number + 1)
              + " starts at "
              + Timestamps.format(outcome.retryAt());
      writer.write(job, statuses.phase(job, next, JobPhase.RETRYING, reason, text), ctx);
      if (outcome.succeeded()) {
        events.normal(job, "Retrying", text);
      } else {
        events.warning(job, reason.value(), text);
      }
      LOG.info(
          "{} attempt {} ended ({}): retrying at {}",
          name,
          number,
          reason.value(),
          outcome.retryAt());
      return JobTimes.at(outcome.retryAt(), now);
    }
    JobPhase phase = outcome.succeeded() ? JobPhase.SUCCEEDED : JobPhase.FAILED;
    String text =
        outcome.succeeded()
            ? "the application completed"
            : failureText(number, failedBefore, message, job);
    SparkBatchJob updated = writer.write(job, statuses.phase(job, next, phase, reason, text), ctx);
    if (outcome.succeeded()) {
      events.normal(updated, "Succeeded", "attempt " + number + ": " + text);
    } else {
      events.warning(updated, reason.value(), text);
    }
    LOG.info("{} {} ({}) after attempt {}", name, phase, reason.value(), number);
    return JobTimes.afterFinish(job);
  }

  private static String failureText(
      int number, int failedBefore, String message, SparkBatchJob job) {
    var policy = job.getSpec().getRestartPolicy();
    boolean retriable = policy != null && policy.getType() != null && failedBefore > 0;
    return retriable
        ? "attempt " + number + " failed and no retries are left: " + message
        : message;
  }
}
