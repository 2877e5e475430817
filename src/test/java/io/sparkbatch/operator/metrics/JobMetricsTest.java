package io.sparkbatch.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sparkbatch.operator.api.AttemptStatus;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.api.Usage;
import io.sparkbatch.operator.testing.TestJobs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Phase changes in, meters out: exact latencies from known timestamps. */
class JobMetricsTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
  private SimpleMeterRegistry registry;
  private JobMetrics metrics;

  @BeforeEach
  void setUp() {
    registry = new SimpleMeterRegistry();
    metrics = new JobMetrics(registry, Clock.fixed(CREATED.plusSeconds(90), ZoneOffset.UTC));
  }

  private static SparkBatchJob job(SparkBatchJobStatus previous) {
    SparkBatchJob job = TestJobs.sparkPi("team-a", "pi", "succeed");
    job.getMetadata().setCreationTimestamp(CREATED.toString());
    job.getMetadata().setGeneration(1L);
    job.setStatus(previous);
    return job;
  }

  private static SparkBatchJobStatus status(JobPhase phase, JobReason reason, int attempt) {
    SparkBatchJobStatus status = new SparkBatchJobStatus();
    status.setPhase(phase);
    status.setReason(reason);
    status.setStartTime("2026-01-01T10:00:01Z");
    AttemptStatus current = new AttemptStatus();
    current.setNumber(attempt);
    current.setStartTime("2026-01-01T10:00:03Z");
    status.setAttempt(current);
    return status;
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }

  @Test
  void submitAndStartLatenciesRunFromTheJobsCreation() {
    metrics.changed(job(null), null, status(JobPhase.PENDING, JobReason.ACCEPTED, 1));
    metrics.changed(
        job(null), JobPhase.PENDING, status(JobPhase.SUBMITTED, JobReason.DRIVER_STARTING, 1));
    metrics.changed(
        job(null), JobPhase.SUBMITTED, status(JobPhase.RUNNING, JobReason.DRIVER_RUNNING, 1));

    var submit = registry.get("sparkbatch_job_submit_latency_seconds").summary();
    assertThat(submit.count()).isEqualTo(1);
    assertThat(submit.totalAmount()).isEqualTo(3.0);
    var start = registry.get("spark_application_start_latency_seconds_histogram").summary();
    assertThat(start.count()).isEqualTo(1);
    assertThat(start.totalAmount()).isEqualTo(90.0);
    assertThat(gauge("spark_application_count", "namespace", "team-a")).isEqualTo(1);
    assertThat(gauge("spark_application_submit_count", "namespace", "team-a")).isEqualTo(1);
  }

  @Test
  void laterAttemptsCountAsSubmissionsButNotAsLatencies() {
    metrics.changed(
        job(null), JobPhase.RETRYING, status(JobPhase.SUBMITTED, JobReason.DRIVER_STARTING, 2));
    metrics.changed(
        job(null), JobPhase.SUBMITTED, status(JobPhase.RUNNING, JobReason.DRIVER_RUNNING, 2));

    assertThat(gauge("spark_application_submit_count", "namespace", "team-a")).isEqualTo(1);
    assertThat(registry.find("sparkbatch_job_submit_latency_seconds").summary()).isNull();
    assertThat(registry.find("spark_application_start_latency_seconds_histogram").summary())
        .isNull();
  }

  @Test
  void aRejectedSpecIsOneJobSeenAndOneFailureByReason() {
    SparkBatchJobStatus failed = status(JobPhase.FAILED, JobReason.INVALID_SPEC, 1);
    failed.setAttempt(null);
    failed.setCompletionTime("2026-01-01T10:00:01Z");

    metrics.changed(job(null), null, failed);

    assertThat(gauge("spark_application_count", "namespace", "team-a")).isEqualTo(1);
    assertThat(gauge("spark_application_failure_count", "namespace", "team-a")).isEqualTo(1);
    assertThat(
            registry
                .get("sparkbatch_jobs_failed_total")
                .tags("namespace", "team-a", "reason", "InvalidSpec")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("sparkbatch_job_run_duration_seconds")
                .tags("outcome", "failed")
                .summary()
                .totalAmount())
        .isZero();
  }

  @Test
  void usageCountersAddOnlyWhatTheAttemptAdded() {
    SparkBatchJobStatus before = status(JobPhase.RUNNING, JobReason.DRIVER_RUNNING, 2);
    Usage earlier = new Usage();
    earlier.setDriverCoreSeconds(100.0);
    earlier.setExecutorCoreSeconds(400.0);
    before.setUsage(earlier);
    SparkBatchJobStatus after = status(JobPhase.SUCCEEDED, JobReason.COMPLETED, 2);
    after.setCompletionTime("2026-01-01T10:10:01Z");
    Usage total = new Usage();
    total.setDriverCoreSeconds(160.0);
    total.setExecutorCoreSeconds(1000.0);
    after.setUsage(total);

    metrics.changed(job(before), JobPhase.RUNNING, after);

    assertThat(
            registry
                .get("sparkbatch_usage_core_seconds_total")
                .tags("role", "driver")
                .counter()
                .count())
        .isEqualTo(60.0);
    assertThat(
            registry
                .get("sparkbatch_usage_core_seconds_total")
                .tags("role", "executor")
                .counter()
                .count())
        .isEqualTo(600.0);
    assertThat(
            registry
                .get("sparkbatch_job_run_duration_seconds")
                .tags("outcome", "succeeded")
                .summary()
                .totalAmount())
        .isEqualTo(600.0);
  }
}
