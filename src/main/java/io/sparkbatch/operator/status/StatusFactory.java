package io.sparkbatch.operator.status;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.ApplicationState;
import io.sparkbatch.operator.api.AttemptStatus;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the next status of a job from its current one. Each method returns a fresh object (the
 * current status, which lives in the informer cache, is never modified) with the phase-derived
 * parts (conditions, kubeflow view, observed generation) filled in one place.
 */
public final class StatusFactory {
  /** Earlier attempts kept in status.previousAttempts: bounded, whatever the job does. */
  public static final int HISTORY_LIMIT = 5;

  private final Clock clock;
  private final KubernetesSerialization serialization;

  public StatusFactory(Clock clock, KubernetesSerialization serialization) {
    this.clock = Objects.requireNonNull(clock);
    this.serialization = Objects.requireNonNull(serialization);
  }

  public Instant now() {
    return clock.instant();
  }

  /** A copy of the job's status to change (empty when it has none). */
  public SparkBatchJobStatus copy(SparkBatchJob job) {
    SparkBatchJobStatus status = job.getStatus();
    return status == null ? new SparkBatchJobStatus() : serialization.clone(status);
  }

  /**
   * A new run of the job's current spec: the attempt counter and failure count start again; the
   * last attempt of the previous run moves into the history.
   */
  public SparkBatchJobStatus newRun(SparkBatchJob job, SparkBatchJobStatus next) {
    archiveAttempt(next);
    next.setFailedAttempts(0);
    next.setStartTime(Timestamps.format(now()));
    next.setCompletionTime(null);
    next.setDuration(null);
    next.setNextAttemptTime(null);
    next.setExecutors(null);
    next.setUsage(null);
    next.setSparkApplicationId(null);
    next.setObservedGeneration(job.getMetadata().getGeneration());
    return next;
  }

  /** Moves the current attempt, if any, to the front of the capped history. */
  public void archiveAttempt(SparkBatchJobStatus status) {
    AttemptStatus attempt = status.getAttempt();
    if (attempt == null) {
      return;
    }
    if (attempt.getEndTime() == null) {
      attempt.setEndTime(Timestamps.format(now()));
    }
    List<AttemptStatus> history = new ArrayList<>();
    history.add(attempt);
    if (status.getPreviousAttempts() != null) {
      history.addAll(status.getPreviousAttempts());
    }
    status.setPreviousAttempts(
        List.copyOf(history.subList(0, Math.min(HISTORY_LIMIT, history.size()))));
    status.setAttempt(null);
  }

  /** Ends the current attempt with its outcome (kept in status.attempt until the next starts). */
  public void endAttempt(
      SparkBatchJobStatus status, JobReason reason, String message, Integer exitCode, Instant at) {
    AttemptStatus attempt = status.getAttempt();
    if (attempt == null) {
      return;
    }
    attempt.setEndTime(Timestamps.format(at == null ? now() : at));
    attempt.setExitCode(exitCode);
    attempt.setReason(reason);
    attempt.setMessage(message);
  }

  /** Sets phase, reason and message, and everything derived from them. */
  public SparkBatchJobStatus phase(
      SparkBatchJob job,
      SparkBatchJobStatus status,
      JobPhase phase,
      JobReason reason,
      String message) {
    Instant now = now();
    long generation =
        job.getMetadata().getGeneration() == null ? 0 : job.getMetadata().getGeneration();
    status.setPhase(phase);
    status.setReason(reason);
    status.setMessage(message);
    status.setObservedGeneration(generation);
    if (phase.isFinished()) {
      if (status.getCompletionTime() == null) {
        status.setCompletionTime(Timestamps.format(now));
      }
      Instant start = Timestamps.parse(status.getStartTime());
      if (start != null) {
        status.setDuration(
            Timestamps.human(
                Duration.between(start, Timestamps.parse(status.getCompletionTime()))));
      }
      status.setNextAttemptTime(null);
    }
    ApplicationState state = new ApplicationState();
    state.setState(phase.applicationState());
    state.setErrorMessage(phase == JobPhase.FAILED || phase == JobPhase.RETRYING ? message : null);
    status.setApplicationState(state);
    status.setConditions(
        JobConditions.derive(
            phase,
            reason,
            message,
            generation,
            job.getStatus() == null ? null : job.getStatus().getConditions(),
            now));
    return status;
  }
}
