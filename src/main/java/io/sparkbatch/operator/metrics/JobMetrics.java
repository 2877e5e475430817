package io.sparkbatch.operator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.sparkbatch.operator.api.ExecutorCounts;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.api.Usage;
import io.sparkbatch.operator.status.PhaseListener;
import io.sparkbatch.operator.status.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The job metrics that count events: recorded on each phase change the operator writes (one call
 * per decision, never per reconciliation), labelled by namespace and, where it applies, reason.
 * Current-state gauges are in {@link StateGauges}.
 */
public final class JobMetrics implements PhaseListener {
  /** Latency buckets from a second to a day: batch jobs wait and run for hours. */
  static final double[] LATENCY_BUCKETS = {
    0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800, 86400
  };

  private final MeterRegistry registry;
  private final Clock clock;
  private final MonotonicCounts applications;
  private final MonotonicCounts submitted;
  private final MonotonicCounts failedSubmissions;
  private final MonotonicCounts succeeded;
  private final MonotonicCounts failed;
  private final MonotonicCounts executorsSucceeded;
  private final MonotonicCounts executorsFailed;

  public JobMetrics(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry);
    this.clock = Objects.requireNonNull(clock);
    applications =
        new MonotonicCounts(
            registry, "spark_application_count", "Jobs the operator has seen.", "namespace");
    submitted =
        new MonotonicCounts(
            registry,
            "spark_application_submit_count",
            "Attempts whose driver pod the operator created.",
            "namespace");
    failedSubmissions =
        new MonotonicCounts(
            registry,
            "spark_application_failed_submission_count",
            "Attempts whose driver pod the API server refused.",
            "namespace");
    succeeded =
        new MonotonicCounts(
            registry, "spark_application_success_count", "Jobs that succeeded.", "namespace");
    failed =
        new MonotonicCounts(
            registry,
            "spark_application_failure_count",
            "Jobs that failed (after their retries).",
            "namespace");
    executorsSucceeded =
        new MonotonicCounts(
            registry,
            "spark_executor_success_count",
            "Executor pods that ended normally, counted when their attempt ends.",
            "namespace");
    executorsFailed =
        new MonotonicCounts(
            registry,
            "spark_executor_failure_count",
            "Executor pods that failed while their application ran, counted when their attempt"
                + " ends.",
            "namespace");
  }

  @Override
  public void changed(SparkBatchJob job, JobPhase from, SparkBatchJobStatus to) {
    String namespace = job.getMetadata().getNamespace();
    JobPhase phase = to.getPhase();
    if (from == null) {
      applications.increment(namespace);
    }
    boolean firstAttempt = to.getAttempt() != null && to.getAttempt().getNumber() == 1;
    switch (phase) {
      case SUBMITTED -> {
        submitted.increment(namespace);
        if (firstAttempt) {
          latency("sparkbatch_job_submit_latency_seconds", "seconds", namespace)
              .record(seconds(runStart(job, to), Timestamps.parse(to.getAttempt().getStartTime())));
        }
      }
      case RUNNING -> {
        if (firstAttempt) {
          // Kubeflow's histogram name, which has no unit suffix of its own.
          latency("spark_application_start_latency_seconds_histogram", null, namespace)
              .record(seconds(runStart(job, to), clock.instant()));
        }
      }
      case RETRYING -> {
        counter("sparkbatch_attempts_retried_total", namespace, to.getReason()).increment();
        attemptEnded(job, to);
      }
      case SUCCEEDED, FAILED -> finished(job, from, to);
      case PENDING -> {}
    }
  }

  private void finished(SparkBatchJob job, JobPhase from, SparkBatchJobStatus to) {
    String namespace = job.getMetadata().getNamespace();
    boolean ok = to.getPhase() == JobPhase.SUCCEEDED;
    if (ok) {
      succeeded.increment(namespace);
    } else {
      failed.increment(namespace);
      counter("sparkbatch_jobs_failed_total", namespace, to.getReason()).increment();
      if (to.getReason() == JobReason.SUBMISSION_FAILED) {
        failedSubmissions.increment(namespace);
      }
    }
    if (from != null && JobPhase.DRIVER_EXPECTED.contains(from)) {
      attemptEnded(job, to);
    }
    Instant start = Timestamps.parse(to.getStartTime());
    Instant end = Timestamps.parse(to.getCompletionTime());
    if (start != null && end != null) {
      DistributionSummary.builder("sparkbatch_job_run_duration_seconds")
          .description("From a run's start to its completion, over all its attempts.")
          .baseUnit("seconds")
          .tag("namespace", namespace)
          .tag("outcome", ok ? "succeeded" : "failed")
          .serviceLevelObjectives(LATENCY_BUCKETS)
          .register(registry)
          .record(seconds(start, end));
    }
  }

  /** An attempt ended: its executors and the resources its pods held. */
  private void attemptEnded(SparkBatchJob job, SparkBatchJobStatus to) {
    String namespace = job.getMetadata().getNamespace();
    ExecutorCounts executors = to.getExecutors();
    if (executors != null) {
      executorsSucceeded.add(zero(executors.getSucceeded()), namespace);
      executorsFailed.add(zero(executors.getFailed()), namespace);
    }
    Usage before = job.getStatus() == null ? null : job.getStatus().getUsage();
    Usage after = to.getUsage();
    if (after == null) {
      return;
    }
    usage("sparkbatch_usage_core_seconds_total", namespace, "driver")
        .increment(
            delta(
                before == null ? null : before.getDriverCoreSeconds(),
                after.getDriverCoreSeconds()));
    usage("sparkbatch_usage_core_seconds_total", namespace, "executor")
        .increment(
            delta(
                before == null ? null : before.getExecutorCoreSeconds(),
                after.getExecutorCoreSeconds()));
    usage("sparkbatch_usage_memory_gib_seconds_total", namespace, "driver")
        .increment(
            delta(
                before == null ? null : before.getDriverMemoryGiBSeconds(),
                after.getDriverMemoryGiBSeconds()));
    usage("sparkbatch_usage_memory_gib_seconds_total", namespace, "executor")
        .increment(
            delta(
                before == null ? null : before.getExecutorMemoryGiBSeconds(),
                after.getExecutorMemoryGiBSeconds()));
    if (after.getEstimatedCost() != null) {
      Counter.builder("sparkbatch_usage_estimated_cost_total")
          .description("Estimated cost of the resources jobs' pods held, from configured prices.")
          .tag("namespace", namespace)
          .register(registry)
          .increment(
              delta(before == null ? null : before.getEstimatedCost(), after.getEstimatedCost()));
    }
  }

  private Counter usage(String name, String namespace, String role) {
    return Counter.builder(name)
        .description(
            name.contains("core")
                ? "CPU cores requested times seconds run, by pod role."
                : "GiB of memory requested times seconds run, by pod role.")
        .tag("namespace", namespace)
        .tag("role", role)
        .register(registry);
  }

  private Counter counter(String name, String namespace, JobReason reason) {
    return Counter.builder(name)
        .description(
            name.contains("retried")
                ? "Attempts that ended and will be retried, by the reason the attempt ended."
                : "Jobs that failed, by reason.")
        .tag("namespace", namespace)
        .tag("reason", reason == null ? "Unknown" : reason.value())
        .register(registry);
  }

  private DistributionSummary latency(String name, String unit, String namespace) {
    return DistributionSummary.builder(name)
        .description(
            name.contains("submit")
                ? "From the job's creation to its driver pod's creation (first attempt)."
                : "From the job's creation to its driver running (first attempt).")
        .baseUnit(unit)
        .tag("namespace", namespace)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  /**
   * A run starts when the job is created; a later run (a new spec) when the operator saw that spec,
   * since the creation time then says nothing about it.
   */
  private static Instant runStart(SparkBatchJob job, SparkBatchJobStatus to) {
    Long generation = job.getMetadata().getGeneration();
    String created = job.getMetadata().getCreationTimestamp();
    if ((generation == null || generation <= 1) && created != null) {
      return Timestamps.parse(created);
    }
    return Timestamps.parse(to.getStartTime());
  }

  private static double seconds(Instant from, Instant to) {
    if (from == null || to == null || to.isBefore(from)) {
      return 0;
    }
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static double delta(Double before, Double after) {
    double value = (after == null ? 0 : after) - (before == null ? 0 : before);
    return Math.max(0, value);
  }

  private static int zero(Integer value) {
    return value == null ? 0 : value;
  }
}
