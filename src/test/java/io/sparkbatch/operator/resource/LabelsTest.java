package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.OwnerReference;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void attemptLabelsNameTheOperatorTheJobAndTheAttempt() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    assertThat(Labels.forAttempt(job, 2))
        .containsEntry("app.kubernetes.io/managed-by", "spark-batch-operator")
        .containsEntry("sparkbatch.io/job-name", "pi")
        .containsEntry("sparkbatch.io/attempt", "2")
        .hasSize(3);
    assertThat(Labels.MANAGED_SELECTOR)
        .isEqualTo("app.kubernetes.io/managed-by=spark-batch-operator");
  }

  @Test
  void longJobNamesBecomeValidLabelValues() {
    String name = "very-long." + "x".repeat(100);
    String value = Labels.jobNameValue(name);
    assertThat(Labels.isValidValue(value)).isTrue();
    assertThat(value).hasSize(63).isEqualTo(Labels.jobNameValue(name));
    assertThat(Labels.jobNameValue("short.name")).isEqualTo("short.name");
  }

  @Test
  void appNameIsSanitisedAsSparkDoes() {
    assertThat(Labels.appNameValue("My Spark_App!")).isEqualTo("my-spark-app");
    assertThat(Labels.appNameValue("--x--")).isEqualTo("x");
    assertThat(Labels.appNameValue("a".repeat(70))).hasSize(63);
    assertThat(Labels.isValidValue(Labels.appNameValue("Ünïcode app.v2"))).isTrue();
  }

  @Test
  void ownerReferenceMakesTheJobTheBlockingController() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    OwnerReference ref = Labels.ownedBy(job).get(0);
    assertThat(ref.getApiVersion()).isEqualTo("sparkbatch.io/v1alpha1");
    assertThat(ref.getKind()).isEqualTo("SparkBatchJob");
    assertThat(ref.getName()).isEqualTo("pi");
    assertThat(ref.getUid()).isEqualTo(job.getMetadata().getUid());
    assertThat(ref.getController()).isTrue();
    assertThat(ref.getBlockOwnerDeletion()).isTrue();
  }
}
