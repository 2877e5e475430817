package io.sparkbatch.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sparkbatch.operator.observe.DriverPodObserver;
import org.junit.jupiter.api.Test;

class CachedPodPrunerTest {

  private static Pod terminatedDriver() {
    return new PodBuilder()
        .withNewMetadata()
        .withName("pi-driver")
        .withNamespace("spark")
        .withUid("u1")
        .withResourceVersion("42")
        .addToLabels("sparkbatch.io/job-name", "pi")
        .addToAnnotations("sparkbatch.io/generation", "1")
        .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").build())
        .addNewOwnerReference()
        .withName("pi")
        .withUid("job")
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("spark-kubernetes-driver")
        .withImage("apache/spark:4.1.1")
        .withNewResources()
        .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("1"))
        .addToRequests("memory", new io.fabric8.kubernetes.api.model.Quantity("1408Mi"))
        .addToLimits("memory", new io.fabric8.kubernetes.api.model.Quantity("1408Mi"))
        .endResources()
        .addNewEnv()
        .withName("SPARK_DRIVER_BIND_ADDRESS")
        .endEnv()
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Failed")
        .withHostIP("10.0.0.1")
        .addNewContainerStatus()
        .withName("spark-kubernetes-driver")
        .withImage("apache/spark:4.1.1")
        .withImageID("sha256:abc")
        .withNewState()
        .withNewTerminated()
        .withExitCode(137)
        .withReason("OOMKilled")
        .endTerminated()
        .endState()
        .endContainerStatus()
        .endStatus()
        .build();
  }

  @Test
  void keepsWhatTheObserversRead() {
    Pod pod = terminatedDriver();

    Pod kept = CachedPodPruner.prune(pod);

    assertThat(DriverPodObserver.observe(kept)).isEqualTo(DriverPodObserver.observe(pod));
    assertThat(kept.getMetadata().getLabels()).isEqualTo(pod.getMetadata().getLabels());
    assertThat(kept.getMetadata().getAnnotations()).isEqualTo(pod.getMetadata().getAnnotations());
    assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(kept.getMetadata().getUid()).isEqualTo("u1");
    // status.usage and the saturation gauges read the requests.
    assertThat(io.sparkbatch.operator.observe.PodRun.of(kept))
        .isEqualTo(io.sparkbatch.operator.observe.PodRun.of(pod));
    assertThat(kept.getSpec().getContainers().get(0).getResources().getRequests())
        .isEqualTo(pod.getSpec().getContainers().get(0).getResources().getRequests());
  }

  @Test
  void dropsWhatNothingReads() {
    Pod kept = CachedPodPruner.prune(terminatedDriver());

    assertThat(kept.getSpec().getContainers().get(0).getEnv()).isEmpty();
    assertThat(kept.getSpec().getContainers().get(0).getImage()).isNull();
    assertThat(kept.getSpec().getContainers().get(0).getResources().getLimits()).isEmpty();
    assertThat(kept.getMetadata().getManagedFields()).isEmpty();
    assertThat(kept.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(kept.getStatus().getHostIP()).isNull();
    assertThat(kept.getStatus().getContainerStatuses().get(0).getImage()).isNull();
  }
}
