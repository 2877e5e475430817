package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorPodTemplateFactoryTest {

  @Test
  void fieldsSparkConfCanExpressNeedNoTemplate() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().getExecutor().setLabels(Map.of("a", "b"));
    job.getSpec().getExecutor().setNodeSelector(Map.of("pool", "x"));
    job.getSpec().getExecutor().setSchedulerName("volcano");
    job.getSpec().getExecutor().setEnv(List.of(new EnvVar("TZ", "UTC", null)));
    assertThat(ExecutorPodTemplateFactory.needsTemplate(job)).isFalse();
    assertThat(ExecutorPodTemplateFactory.build(job)).isEmpty();
  }

  @Test
  void envReadingASecretTakesAllEnvIntoTheTemplateInOrder() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    EnvVar token =
        new EnvVarBuilder()
            .withName("TOKEN")
            .withNewValueFrom()
            .withNewSecretKeyRef("token", "api", false)
            .endValueFrom()
            .build();
    job.getSpec().getExecutor().setEnv(List.of(new EnvVar("A", "1", null), token));
    Pod template = ExecutorPodTemplateFactory.build(job).orElseThrow();
    Container spark = template.getSpec().getContainers().get(0);
    assertThat(spark.getName()).isEqualTo("spark-kubernetes-executor");
    assertThat(spark.getEnv()).containsExactly(new EnvVar("A", "1", null), token);
    assertThat(template.getApiVersion()).isEqualTo("v1");
    assertThat(template.getKind()).isEqualTo("Pod");
  }

  @Test
  void templateKeepsSidecarsAndTypedMountsReplaceTheTemplatesAtTheSamePath() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec()
        .setVolumes(
            List.of(
                new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir().build(),
                new VolumeBuilder().withName("other").withNewEmptyDir().endEmptyDir().build()));
    job.getSpec()
        .getExecutor()
        .setVolumeMounts(List.of(new VolumeMount("/data", null, "data", null, null, null, null)));
    job.getSpec()
        .getExecutor()
        .setTemplate(
            new PodTemplateSpecBuilder()
                .withNewSpec()
                .addNewContainer()
                .withName("exec")
                .addNewVolumeMount()
                .withName("old")
                .withMountPath("/data")
                .endVolumeMount()
                .endContainer()
                .addNewContainer()
                .withName("sidecar")
                .endContainer()
                .endSpec()
                .build());
    Pod template = ExecutorPodTemplateFactory.build(job).orElseThrow();
    assertThat(template.getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("spark-kubernetes-executor", "sidecar");
    assertThat(template.getSpec().getContainers().get(0).getVolumeMounts())
        .extracting(VolumeMount::getName)
        .containsExactly("data");
    assertThat(template.getSpec().getVolumes())
        .as("only mounted job volumes")
        .extracting(v -> v.getName())
        .containsExactly("data");
    assertThat(template.getMetadata().getLabels()).as("labels go through Spark conf").isNull();
  }
}
