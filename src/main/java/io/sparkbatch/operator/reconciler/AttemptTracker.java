package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.sparkbatch.operator.api.AttemptStatus;
import io.sparkbatch.operator.api.ExecutorCounts;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.observe.DriverPodObserver;
import io.sparkbatch.operator.observe.DriverState;
import io.sparkbatch.operator.observe.ExecutorCounter;
import io.sparkbatch.operator.observe.PodRun;
import io.sparkbatch.operator.observe.UsageCalculator;
import io.sparkbatch.operator.status.StatusFactory;
import io.sparkbatch.operator.status.StatusWriter;
import io.sparkbatch.operator.status.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a submitted attempt: reads the driver pod (and its executors) into the job's status, and
 * ends the attempt when the driver ends, cannot start, passes its start timeout or the job's
 * deadline, or disappears.
 */
final class AttemptTracker {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptTracker.class);

  private final KubernetesClient client;
  private final OperatorConfig config;
  private final StatusFactory statuses;
  private final StatusWriter writer;
  private final EventRecorder events;
  private final AttemptEnder ender;
  private final ExecutorLedger ledger;
  private final UsageCalculator usage;

  AttemptTracker(
      KubernetesClient client,
      OperatorConfig config,
      StatusFactory statuses,
      StatusWriter writer,
      EventRecorder events,
      AttemptEnder ender,
      ExecutorLedger ledger,
      UsageCalculator usage) {
    this.client = Objects.requireNonNull(client);
    this.config = Objects.requireNonNull(config);
    this.statuses = Objects.requireNonNull(statuses);
    this.writer = Objects.requireNonNull(writer);
    this.events = Objects.requireNonNull(events);
    this.ender = Objects.requireNonNull(ender);
    this.ledger = Objects.requireNonNull(ledger);
    this.usage = Objects.requireNonNull(usage);
  }

  StepResult track(
      SparkBatchJob job, SparkBatchJobStatus next, JobPods pods, Context<SparkBatchJob> ctx) {
    Instant now = statuses.now();
    AttemptStatus attempt = next.getAttempt();
    String uid = job.getMetadata().getUid();
    Optional<Pod> driver = findDriver(job, attempt, pods);
    if (driver.isEmpty()) {
      next.setExecutors(counts(uid, attempt, pods, false, next));
      addUsage(uid, next, null, now);
      ledger.forget(uid);
      return ender.end(
          job,
          next,
          JobReason.DRIVER_POD_DELETED,
          "the driver pod "
              + attempt.getDriverPodName()
              + " was deleted before the application ended",
          null,
          now,
          ctx);
    }
    DriverState state = DriverPodObserver.observe(driver.get());
    next.setExecutors(counts(uid, attempt, pods, state.succeeded(), next));
    Instant deadline = JobTimes.deadline(job, next);
    if (state.kind() != DriverState.Kind.ENDED && JobTimes.passed(deadline, now)) {
      deleteDriver(driver.get());
      return endAttempt(
          job,
          next,
          driver.get(),
          JobReason.DEADLINE_EXCEEDED,
          AttemptSubmitter.deadlineMessage(job),
          null,
          now,
          ctx);
    }
    return switch (state.kind()) {
      case ENDED ->
          endAttempt(
              job,
              next,
              driver.get(),
              state.reason(),
              state.message(),
              state.exitCode(),
              state.at(),
              ctx);
      case STARTING -> starting(job, next, driver.get(), state, deadline, ctx);
      case RUNNING -> running(job, next, deadline, ctx);
    };
  }

  private StepResult starting(
      SparkBatchJob job,
      SparkBatchJobStatus next,
      Pod driver,
      DriverState state,
      Instant deadline,
      Context<SparkBatchJob> ctx) {
    Instant now = statuses.now();
    if (state.startFailed()) {
      deleteDriver(driver);
      return endAttempt(
          job,
          next,
          driver,
          state.reason(),
          "the driver could not start: " + state.message(),
          null,
          now,
          ctx);
    }
    Duration timeout = JobTimes.startTimeout(job, config.defaultDriverStartTimeout());
    Instant startBy = Timestamps.parse(next.getAttempt().getStartTime()).plus(timeout);
    if (JobTimes.passed(startBy, now)) {
      deleteDriver(driver);
      JobReason reason =
          state.reason() == JobReason.UNSCHEDULABLE
              ? JobReason.UNSCHEDULABLE
              : JobReason.DRIVER_START_TIMEOUT;
      String message =
          "the driver did not start within "
              + timeout.toSeconds()
              + "s (timeouts.driverStartSeconds)"
              + (state.message() == null ? "" : ": " + state.message());
      return endAttempt(job, next, driver, reason, message, null, now, ctx);
    }
    JobReason reason = state.reason() == null ? JobReason.DRIVER_STARTING : state.reason();
    String message =
        state.message() == null
            ? next.getMessage()
            : "attempt " + next.getAttempt().getNumber() + ": driver waiting: " + state.message();
    writer.write(job, statuses.phase(job, next, JobPhase.SUBMITTED, reason, message), ctx);
    return JobTimes.at(deadline != null && deadline.isBefore(startBy) ? deadline : startBy, now);
  }

  private StepResult running(
      SparkBatchJob job, SparkBatchJobStatus next, Instant deadline, Context<SparkBatchJob> ctx) {
    Instant now = statuses.now();
    JobPhase before = job.getStatus().getPhase();
    String uid = job.getMetadata().getUid();
    if (before != JobPhase.RUNNING && !executorsStarted(next.getExecutors())) {
      // The driver runs and is starting its executors: write Running when they run, or one
      // interval after the driver was first seen running, so that one write carries both.
      Instant due = ledger.executorChangeDue(uid, now, config.executorStatusInterval());
      if (now.isBefore(due)) {
        return StepResult.requeueAfter(Duration.between(now, due))
            .orSooner(JobTimes.at(deadline, now));
      }
    }
    if (before == JobPhase.RUNNING) {
      if (sameCounts(job.getStatus().getExecutors(), next.getExecutors())) {
        // Nothing to write; and not counted as a write, which would hold back the next change.
        return JobTimes.at(deadline, now);
      }
      // Only executor counts have changed: coalesce them (see ExecutorLedger#executorChangeDue).
      Instant due = ledger.executorChangeDue(uid, now, config.executorStatusInterval());
      if (now.isBefore(due)) {
        return StepResult.requeueAfter(Duration.between(now, due))
            .orSooner(JobTimes.at(deadline, now));
      }
    }
    String message = "attempt " + next.getAttempt().getNumber() + ": the driver is running";
    SparkBatchJob updated =
        writer.write(
            job,
            statuses.phase(job, next, JobPhase.RUNNING, JobReason.DRIVER_RUNNING, message),
            ctx);
    ledger.executorWrite(uid, now);
    if (before != JobPhase.RUNNING) {
      events.normal(updated, "Running", message);
      LOG.info(
          "{}/{} running attempt {}",
          job.getMetadata().getNamespace(),
          job.getMetadata().getName(),
          next.getAttempt().getNumber());
    }
    return JobTimes.at(deadline, now);
  }

  private StepResult endAttempt(
      SparkBatchJob job,
      SparkBatchJobStatus next,
      Pod driver,
      JobReason reason,
      String message,
      Integer exitCode,
      Instant at,
      Context<SparkBatchJob> ctx) {
    String uid = job.getMetadata().getUid();
    addUsage(uid, next, driver, at == null ? statuses.now() : at);
    ledger.forget(uid);
    return ender.end(job, next, reason, message, exitCode, at, ctx);
  }

  /**
   * Adds the ending attempt's pods to status.usage. A driver the operator is stopping (timeout,
   * deadline) has no end of its own yet: it is counted until {@code end}, when it was stopped.
   */
  private void addUsage(String uid, SparkBatchJobStatus next, Pod driver, Instant end) {
    PodRun driverRun = driver == null ? null : PodRun.of(driver).orElse(null);
    next.setUsage(usage.add(next.getUsage(), driverRun, ledger.executorRuns(uid), end));
  }

  /**
   * The attempt's driver pod, from the cache, else from the API server: the cache can lag behind a
   * pod just created, and a false "driver pod not found" would fail a healthy job.
   */
  private Optional<Pod> findDriver(SparkBatchJob job, AttemptStatus attempt, JobPods pods) {
    Optional<Pod> pod = pods.driver().filter(p -> isAttempt(p, attempt));
    if (pod.isPresent()) {
      return pod;
    }
    Pod live =
        client
            .pods()
            .inNamespace(job.getMetadata().getNamespace())
            .withName(attempt.getDriverPodName())
            .get();
    return Optional.ofNullable(live).filter(p -> isAttempt(p, attempt));
  }

  private static boolean isAttempt(Pod pod, AttemptStatus attempt) {
    return Integer.valueOf(attempt.getNumber()).equals(JobPods.attemptOf(pod));
  }

  private ExecutorCounts counts(
      String uid,
      AttemptStatus attempt,
      JobPods pods,
      boolean succeeded,
      SparkBatchJobStatus next) {
    List<Pod> executors = pods.executorsOf(attempt.getNumber());
    Map<String, String> removed = ledger.observe(uid, attempt.getNumber(), executors);
    ExecutorCounts previous = next.getExecutors();
    int requested =
        previous == null || previous.getRequested() == null ? 0 : previous.getRequested();
    return ExecutorCounter.count(requested, executors, removed, succeeded, previous);
  }

  /** Every executor asked for runs (true when none are asked for). */
  private static boolean executorsStarted(ExecutorCounts counts) {
    int requested = counts == null || counts.getRequested() == null ? 0 : counts.getRequested();
    int running = counts == null || counts.getRunning() == null ? 0 : counts.getRunning();
    return running >= requested;
  }

  private static boolean sameCounts(ExecutorCounts a, ExecutorCounts b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Objects.equals(a.getRequested(), b.getRequested())
        && Objects.equals(a.getPending(), b.getPending())
        && Objects.equals(a.getRunning(), b.getRunning())
        && Objects.equals(a.getSucceeded(), b.getSucceeded())
        && Objects.equals(a.getFailed(), b.getFailed());
  }

  private void deleteDriver(Pod driver) {
    client.resource(driver).delete();
  }
}
