package io.sparkbatch.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.TestJobs;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many jobs submitted at once all reach Succeeded, each with exactly one attempt. */
class ManyJobsTest {
  private static final int JOBS = 200;

  @Test
  void twoHundredJobsSubmittedAtOnceAllSucceed() {
    try (OperatorHarness harness = OperatorHarness.start(new ScriptedBehaviour())) {
      harness.createNamespace("many");
      IntStream.range(0, JOBS)
          .parallel()
          .forEach(i -> harness.create(TestJobs.sparkPi("many", "job-" + i, "succeed")));

      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> succeeded(harness) == JOBS);

      List<SparkBatchJob> jobs =
          harness.client().resources(SparkBatchJob.class).inNamespace("many").list().getItems();
      assertThat(jobs)
          .allSatisfy(j -> assertThat(j.getStatus().getAttempt().getNumber()).isEqualTo(1));
      assertThat(
              harness
                  .client()
                  .pods()
                  .inNamespace("many")
                  .withLabel("spark-role", "driver")
                  .list()
                  .getItems())
          .hasSize(JOBS);
    }
  }

  private static long succeeded(OperatorHarness harness) {
    return harness
        .client()
        .resources(SparkBatchJob.class)
        .inNamespace("many")
        .list()
        .getItems()
        .stream()
        .filter(j -> j.getStatus() != null && j.getStatus().getPhase() == JobPhase.SUCCEEDED)
        .count();
  }
}
