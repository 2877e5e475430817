package io.sparkbatch.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sparkbatch.operator.api.ExecutorCounts;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.PodScript;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.SimulatedKubelet;
import io.sparkbatch.operator.testing.TestJobs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * With an executor status interval, the Running status is written once the driver's executors run
 * (or one interval after the driver started), so that one write carries the phase and the executor
 * counts: a job longer than the interval is seen Submitted, Running and Succeeded, nothing more.
 */
class RunningStatusTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final OperatorConfig CONFIG =
      OperatorConfig.defaults().withExecutorStatusInterval(Duration.ofSeconds(2));

  /** What a user watching the job sees: each status as "phase running/requested". */
  private static List<String> watchStatuses(
      OperatorHarness harness, String ns, String name, Runnable whileWatching) {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch watch =
        harness
            .client()
            .resources(SparkBatchJob.class)
            .inNamespace(ns)
            .withName(name)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, SparkBatchJob job) {
                    if (job.getStatus() != null) {
                      seen.add(describe(job));
                    }
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      whileWatching.run();
      return List.copyOf(seen);
    }
  }

  private static String describe(SparkBatchJob job) {
    ExecutorCounts executors = job.getStatus().getExecutors();
    return job.getStatus().getPhase()
        + (executors == null ? "" : " " + executors.getRunning() + "/" + executors.getRequested());
  }

  @Test
  void aJobLongerThanTheIntervalIsWrittenSubmittedRunningWithItsExecutorsAndSucceeded() {
    try (OperatorHarness harness = OperatorHarness.start(new ScriptedBehaviour(), CONFIG)) {
      harness.createNamespace("running");
      // "slow" runs the driver for 3 s, longer than the interval; its two executors start at once.
      List<String> seen =
          watchStatuses(
              harness,
              "running",
              "slow",
              () -> {
                harness.create(TestJobs.sparkPi("running", "slow", "slow"));
                harness.awaitPhase("running", "slow", JobPhase.SUCCEEDED, WAIT);
              });

      assertThat(seen).containsExactly("Submitted 0/2", "Running 2/2", "Succeeded 0/2");
    }
  }

  @Test
  void executorsThatDoNotStartHoldTheRunningStatusForOneIntervalAtMost() {
    // Drivers run until deleted; executors stay Pending (nothing schedules them).
    SimulatedKubelet.Behaviour stuckExecutors =
        pod ->
            "driver".equals(pod.getMetadata().getLabels().get("spark-role"))
                ? PodScript.runForever()
                : new PodScript(List.of());
    try (OperatorHarness harness = OperatorHarness.start(stuckExecutors, CONFIG)) {
      harness.createNamespace("stuck");
      harness.create(TestJobs.sparkPi("stuck", "waits", "forever"));

      SparkBatchJob job = harness.awaitPhase("stuck", "waits", JobPhase.RUNNING, WAIT);

      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(harness.get("stuck", "waits").getStatus().getExecutors().getPending())
                      .isEqualTo(2));
      assertThat(job.getStatus().getExecutors().getRunning()).isZero();
    }
  }
}
