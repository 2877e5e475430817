package io.sparkbatch.operator.testing.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process kubelet's pod life, without starting Spark. */
class ProcessKubeletTest {
  @Test
  void aPodWaitsForTheConfigMapItMountsAndGoesOnWhenItIsCreated(@TempDir Path dir) {
    try (SparkCluster spark = SparkCluster.start(dir)) {
      var client = spark.cluster().client();
      client
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName("early")
                  .withNamespace("default")
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("main")
                  .withArgs("sh", "-c", "true")
                  .addNewVolumeMount()
                  .withName("conf")
                  .withMountPath("/etc/conf")
                  .endVolumeMount()
                  .endContainer()
                  .addNewVolume()
                  .withName("conf")
                  .withNewConfigMap()
                  .withName("late")
                  .endConfigMap()
                  .endVolume()
                  .endSpec()
                  .build())
          .create();

      // Scheduled, then held while the ConfigMap does not exist.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> conditions(client.pods().inNamespace("default").withName("early").get()));
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  "Pending"
                      .equals(phase(client.pods().inNamespace("default").withName("early").get())));

      client
          .resource(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("late")
                  .withNamespace("default")
                  .endMetadata()
                  .addToData("a", "b")
                  .build())
          .create();

      // The volume is there now; the container itself is no Spark entrypoint, so it fails to start.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "Failed"
                      .equals(phase(client.pods().inNamespace("default").withName("early").get())));
      Pod failed = client.pods().inNamespace("default").withName("early").get();
      assertThat(
              failed
                  .getStatus()
                  .getContainerStatuses()
                  .get(0)
                  .getState()
                  .getTerminated()
                  .getReason())
          .isEqualTo("StartError");
    }
  }

  private static boolean conditions(Pod pod) {
    return pod != null
        && pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static String phase(Pod pod) {
    return pod == null || pod.getStatus() == null ? null : pod.getStatus().getPhase();
  }
}
