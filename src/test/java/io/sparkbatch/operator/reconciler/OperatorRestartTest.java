package io.sparkbatch.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.resource.DriverResources;
import io.sparkbatch.operator.resource.DriverResourcesFactory;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.TestJobs;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator that stops and starts again neither duplicates, loses nor reruns a job. */
class OperatorRestartTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String NS = "restart";
  private OperatorHarness harness;

  @BeforeEach
  void start() {
    harness = OperatorHarness.start(new ScriptedBehaviour());
    harness.createNamespace(NS);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private String driverUid(String job) {
    return harness
        .client()
        .pods()
        .inNamespace(NS)
        .withName(job + "-driver")
        .get()
        .getMetadata()
        .getUid();
  }

  private long submittedEvents(String job) {
    return harness.events(NS, job).stream()
        .map(Event::getReason)
        .filter("Submitted"::equals)
        .count();
  }

  @Test
  void restartMidRunKeepsTrackingTheSameDriver() {
    harness.create(TestJobs.sparkPi(NS, "midrun", "slow"));
    harness.awaitPhase(NS, "midrun", JobPhase.RUNNING, WAIT);
    String uid = driverUid("midrun");

    harness.stopOperator();
    harness.startOperator();

    SparkBatchJob job = harness.awaitPhase(NS, "midrun", JobPhase.SUCCEEDED, WAIT);
    assertThat(driverUid("midrun")).isEqualTo(uid);
    assertThat(job.getStatus().getAttempt().getNumber()).isEqualTo(1);
    assertThat(submittedEvents("midrun")).isEqualTo(1);
  }

  @Test
  void crashAfterCreatingTheDriverButBeforeWritingStatusAdoptsThatDriver() {
    harness.stopOperator();
    SparkBatchJob job = harness.create(TestJobs.sparkPi(NS, "adopt", "slow"));
    // What the operator had created when it died: everything but the status.
    DriverResources resources =
        DriverResourcesFactory.build(job, 1, OperatorConfig.defaults().submissionSettings());
    harness.client().resource(resources.configMap()).create();
    harness.client().resource(resources.service()).create();
    harness.client().resource(resources.pod()).create();
    String uid = driverUid("adopt");

    harness.startOperator();

    SparkBatchJob done = harness.awaitPhase(NS, "adopt", JobPhase.SUCCEEDED, WAIT);
    assertThat(driverUid("adopt")).isEqualTo(uid);
    assertThat(done.getStatus().getAttempt().getNumber()).isEqualTo(1);
  }

  @Test
  void finishedJobIsNotRunAgainAfterARestart() {
    harness.create(TestJobs.sparkPi(NS, "finished", "succeed"));
    harness.awaitPhase(NS, "finished", JobPhase.SUCCEEDED, WAIT);
    String uid = driverUid("finished");

    harness.stopOperator();
    harness.startOperator();
    // A new job after the restart proves the operator reconciled again before we look.
    harness.create(TestJobs.sparkPi(NS, "after", "succeed"));
    harness.awaitPhase(NS, "after", JobPhase.SUCCEEDED, WAIT);

    assertThat(driverUid("finished")).isEqualTo(uid);
    assertThat(submittedEvents("finished")).isEqualTo(1);
    assertThat(harness.get(NS, "finished").getStatus().getPhase()).isEqualTo(JobPhase.SUCCEEDED);
  }
}
