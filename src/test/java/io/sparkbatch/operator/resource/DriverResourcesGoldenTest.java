package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.GoldenFiles;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per directory of src/test/resources/driver: {@code in-SparkBatchJob.yaml} is built as
 * attempt 1 with default settings, and the result must equal {@code out-ConfigMap.yaml}, {@code
 * out-Service.yaml} and {@code out-Pod.yaml}. Run with {@code -Dgolden.update=true} to rewrite the
 * expected files after a deliberate change (see {@link GoldenFiles}).
 */
class DriverResourcesGoldenTest {

  static final Path CASES =
      CrdGeneration.projectRoot().resolve(Path.of("src", "test", "resources", "driver"));

  @TestFactory
  Stream<DynamicTest> everyCaseBuildsItsGoldenFiles() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).sorted().toList().stream()
          .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }
  }

  @Test
  void credentialsFromASecretStayReferencesInThePodAndTheExecutorTemplate() {
    SparkBatchJob job =
        SparkBatchJobs.load(CASES.resolve("s3-hadoop-conf").resolve("in-SparkBatchJob.yaml"));
    DriverResources resources = DriverResourcesFactory.build(job, 1, SubmissionSettings.defaults());
    String properties = resources.configMap().getData().get("spark.properties");
    assertThat(properties).doesNotContain("AWS_", "s3-credentials", "secret-key", "access-key");

    Pod template =
        new KubernetesSerialization()
            .unmarshal(
                resources.configMap().getData().get("executor-pod-template.yaml"), Pod.class);
    for (List<EnvVar> env :
        List.of(
            resources.pod().getSpec().getContainers().get(0).getEnv(),
            template.getSpec().getContainers().get(0).getEnv())) {
      assertThat(env)
          .filteredOn(e -> e.getName().startsWith("AWS_"))
          .hasSize(2)
          .allSatisfy(
              e -> {
                assertThat(e.getValue()).isNull();
                assertThat(e.getValueFrom().getSecretKeyRef().getName())
                    .isEqualTo("s3-credentials");
              });
    }
  }

  private static void check(Path dir) {
    SparkBatchJob job = SparkBatchJobs.load(dir.resolve("in-SparkBatchJob.yaml"));
    DriverResources resources = DriverResourcesFactory.build(job, 1, SubmissionSettings.defaults());
    GoldenFiles.assertMatches(dir.resolve("out-ConfigMap.yaml"), resources.configMap());
    GoldenFiles.assertMatches(dir.resolve("out-Service.yaml"), resources.service());
    GoldenFiles.assertMatches(dir.resolve("out-Pod.yaml"), resources.pod());
    assertThat(DriverResourcesFactory.build(job, 1, SubmissionSettings.defaults()))
        .as("building twice gives equal objects")
        .isEqualTo(resources);
  }
}
