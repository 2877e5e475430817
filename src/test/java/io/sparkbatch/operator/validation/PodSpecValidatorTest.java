package io.sparkbatch.operator.validation;

import static io.sparkbatch.operator.testing.SparkBatchJobs.sparkPi;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rules of spec.driver and spec.executor; each runs on both roles. */
class PodSpecValidatorTest {

  private static final String SECRET = "s3cr3t-VALUE-never-shown";

  private final SparkBatchJobValidator validator = new SparkBatchJobValidator();

  record Role(String path, Function<SparkBatchJob, SparkPodSpec> pod) {
    @Override
    public String toString() {
      return path;
    }
  }

  static Stream<Role> roles() {
    return Stream.of(
        new Role("spec.driver", job -> job.getSpec().getDriver()),
        new Role("spec.executor", job -> job.getSpec().getExecutor()));
  }

  private void assertOnly(SparkBatchJob job, String field, String messagePart) {
    assertThat(validator.validate(job))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo(field);
              assertThat(v.message()).contains(messagePart);
            });
  }

  private void assertValid(SparkBatchJob job) {
    assertThat(validator.validate(job)).isEmpty();
  }

  @Test
  void executorInstancesAreNotNegative() {
    SparkBatchJob job = sparkPi();
    job.getSpec().getExecutor().setInstances(0);
    assertValid(job);
    job.getSpec().getExecutor().setInstances(-1);
    assertOnly(job, "spec.executor.instances", "must be >= 0, got -1");
  }

  @Test
  void rolesMayBeLeftOut() {
    SparkBatchJob job = sparkPi();
    job.getSpec().setDriver(null);
    job.getSpec().setExecutor(null);
    assertValid(job);
  }

  @ParameterizedTest
  @MethodSource("roles")
  void coresAreAtLeastOne(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setCores(0);
    assertOnly(job, role.path() + ".cores", "must be >= 1, got 0");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void memoryIsASize(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setMemory("4 gigs");
    assertOnly(job, role.path() + ".memory", "must be a size like 512m, 4g or 4Gi, got \"4 gigs\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"512m", "4g", "4G", "4gb", "4Gi", "1024", "1t"})
  void memoryAcceptsSparkAndKubernetesForms(String memory) {
    SparkBatchJob job = sparkPi();
    job.getSpec().getExecutor().setMemory(memory);
    job.getSpec().getExecutor().setMemoryOverhead(memory);
    assertValid(job);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0g", "512k"})
  void memoryIsAtLeastOneMebibyte(String memory) {
    SparkBatchJob job = sparkPi();
    job.getSpec().getDriver().setMemory(memory);
    assertOnly(job, "spec.driver.memory", "must be at least 1m");
  }

  @Test
  void memoryTooLargeToCountIsRejected() {
    SparkBatchJob job = sparkPi();
    job.getSpec().getDriver().setMemory("99999999999999999999g");
    assertOnly(job, "spec.driver.memory", "must be a size");
    job.getSpec().getDriver().setMemory("9000000000p");
    assertOnly(job, "spec.driver.memory", "must be a size");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void memoryOverheadIsASizeAndMayBeZero(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setMemoryOverhead("0");
    assertValid(job);
    role.pod().apply(job).setMemoryOverhead("lots");
    assertOnly(job, role.path() + ".memoryOverhead", "must be a size");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void cpuQuantitiesHaveKubernetesForm(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setCoreRequest("half");
    assertOnly(job, role.path() + ".coreRequest", "must be a CPU quantity like 1, 1.5 or 500m");
    role.pod().apply(job).setCoreRequest("500m");
    role.pod().apply(job).setCoreLimit("1.5 cores");
    assertOnly(job, role.path() + ".coreLimit", "must be a CPU quantity");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void coreLimitIsNotBelowTheRequest(Role role) {
    SparkBatchJob job = sparkPi();
    SparkPodSpec pod = role.pod().apply(job);
    pod.setCores(2);
    pod.setCoreLimit("1500m");
    assertOnly(
        job, role.path() + ".coreLimit", "must be >= the CPU request (cores) 2000m, got 1500m");
    pod.setCoreRequest("1");
    assertValid(job);
    pod.setCoreRequest("1.6");
    assertOnly(job, role.path() + ".coreLimit", "(coreRequest) 1600m, got 1500m");
    pod.setCoreLimit("2");
    assertValid(job);
  }

  @Test
  void roleImageHasNoWhitespace() {
    SparkBatchJob job = sparkPi();
    job.getSpec().getExecutor().setImage("repo/image :1");
    assertOnly(job, "spec.executor.image", "without spaces");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void labelsSparkKeepsForItselfAreRefused(Role role) {
    for (String key : PodSpecValidator.SPARK_RESERVED_LABELS) {
      SparkBatchJob job = sparkPi();
      role.pod().apply(job).setLabels(Map.of(key, "x"));
      assertOnly(job, role.path() + ".labels[" + key + "]", "set by Spark");
    }
  }

  @ParameterizedTest
  @MethodSource("roles")
  void labelsAreKubernetesLabels(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setLabels(Map.of("team", "data platform"));
    assertOnly(job, role.path() + ".labels[team]", "value must be at most 63");
    role.pod().apply(job).setLabels(Map.of("team/", "data"));
    assertOnly(job, role.path() + ".labels[team/]", "key must be a Kubernetes label key");
    role.pod().apply(job).setLabels(Map.of("team", "x".repeat(64)));
    assertOnly(job, role.path() + ".labels[team]", "value must be at most 63");
    role.pod()
        .apply(job)
        .setLabels(Map.of("app.kubernetes.io/name", "etl", "team", "", "example.com/x_y", "a.b-c"));
    assertValid(job);
  }

  @ParameterizedTest
  @MethodSource("roles")
  void labelValuesAreCheckedWithTheApplicationIdSparkFillsIn(Role role) {
    // spark-submit accepts spark.kubernetes.*.label.run={{APP_ID}} and `convert` moves it here.
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setLabels(Map.of("run", "{{APP_ID}}", "exec", "e{{EXECUTOR_ID}}"));
    assertValid(job);
    role.pod().apply(job).setLabels(Map.of("run", "x".repeat(30) + "-{{APP_ID}}"));
    assertOnly(job, role.path() + ".labels[run]", "value must be at most 63");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void nodeSelectorIsLabels(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setNodeSelector(Map.of("node-pool", "spark spot"));
    assertOnly(job, role.path() + ".nodeSelector[node-pool]", "value must be at most 63");
    role.pod().apply(job).setNodeSelector(Map.of("spark-role", "driver"));
    assertValid(job); // Spark's reserved labels are about pods, not nodes
  }

  @ParameterizedTest
  @MethodSource("roles")
  void annotationKeysAreCheckedButValuesNeverShown(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setAnnotations(Map.of("not a key", SECRET, "ok.example.com/k", SECRET));
    assertOnly(job, role.path() + ".annotations[not a key]", "annotation key");
    assertThat(validator.validate(job).toString()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @MethodSource("roles")
  void envNeedsAName(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod().apply(job).setEnv(List.of(new EnvVarBuilder().withValue("x").build()));
    assertOnly(job, role.path() + ".env[0].name", "must be set");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void envNamesAreOnesSparkPassesOn(Role role) {
    SparkBatchJob job = sparkPi();
    role.pod()
        .apply(job)
        .setEnv(List.of(new EnvVarBuilder().withName("1BAD").withValue("x").build()));
    assertOnly(job, role.path() + ".env[0].name", "not starting with a digit");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void envValueAndValueFromAreExclusiveAndTheValueIsNeverShown(Role role) {
    SparkBatchJob job = sparkPi();
    EnvVar both =
        new EnvVarBuilder()
            .withName("AWS_SECRET_ACCESS_KEY")
            .withValue(SECRET)
            .withNewValueFrom()
            .withNewSecretKeyRef()
            .withName("s3-credentials")
            .withKey("secret-access-key")
            .endSecretKeyRef()
            .endValueFrom()
            .build();
    role.pod().apply(job).setEnv(List.of(both));
    assertOnly(job, role.path() + ".env[0]", "set value or valueFrom, not both");
    assertThat(validator.validate(job).toString())
        .contains("AWS_SECRET_ACCESS_KEY")
        .doesNotContain(SECRET);
  }

  @Test
  void confValuesAreNeverShownEither() {
    SparkBatchJob job = sparkPi();
    job.getSpec().setSparkConf(Map.of("spark.master", SECRET, "fs.s3a.secret.key", SECRET));
    job.getSpec().setHadoopConf(Map.of("spark.hadoop.fs.s3a.secret.key", SECRET));
    assertThat(validator.validate(job)).hasSize(3);
    assertThat(validator.validate(job).toString()).doesNotContain(SECRET);
  }

  static Stream<Arguments> mounts() {
    return roles().map(Arguments::of);
  }

  private static VolumeMount mount(String name, String path) {
    return new VolumeMountBuilder().withName(name).withMountPath(path).build();
  }

  private static SparkBatchJob withScratchVolume() {
    SparkBatchJob job = sparkPi();
    job.getSpec()
        .setVolumes(
            List.of(
                new VolumeBuilder().withName("scratch").withNewEmptyDir().endEmptyDir().build()));
    return job;
  }

  @ParameterizedTest
  @MethodSource("roles")
  void volumeMountsNameAVolumeOfTheSpec(Role role) {
    SparkBatchJob job = withScratchVolume();
    role.pod().apply(job).setVolumeMounts(List.of(mount("scratch", "/scratch")));
    assertValid(job);
    role.pod().apply(job).setVolumeMounts(List.of(mount("scrach", "/scratch")));
    assertOnly(
        job,
        role.path() + ".volumeMounts[0].name",
        "must name a volume in spec.volumes [scratch], got \"scrach\"");
    job.getSpec().setVolumes(null);
    assertOnly(job, role.path() + ".volumeMounts[0].name", "(there are none)");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void volumeMountsMayNameAVolumeOfTheRolesTemplate(Role role) {
    SparkBatchJob job = sparkPi();
    PodTemplateSpec template =
        new PodTemplateSpecBuilder()
            .withNewSpec()
            .addNewVolume()
            .withName("from-template")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .endSpec()
            .build();
    role.pod().apply(job).setTemplate(template);
    role.pod().apply(job).setVolumeMounts(List.of(mount("from-template", "/t")));
    assertValid(job);
  }

  @ParameterizedTest
  @MethodSource("roles")
  void volumeMountsNeedANameAndAUniquePath(Role role) {
    SparkBatchJob job = withScratchVolume();
    role.pod().apply(job).setVolumeMounts(List.of(mount("scratch", null)));
    assertOnly(job, role.path() + ".volumeMounts[0].mountPath", "must be set");
    role.pod().apply(job).setVolumeMounts(List.of(mount(null, "/scratch")));
    assertOnly(job, role.path() + ".volumeMounts[0].name", "must be set");
    role.pod()
        .apply(job)
        .setVolumeMounts(List.of(mount("scratch", "/scratch"), mount("scratch", "/scratch")));
    assertOnly(job, role.path() + ".volumeMounts[1].mountPath", "mounted twice");
  }

  @ParameterizedTest
  @MethodSource("roles")
  void templatesCannotMovePodsToAnotherNamespace(Role role) {
    SparkBatchJob job = sparkPi();
    PodTemplateSpec template =
        new PodTemplateSpecBuilder()
            .withNewMetadata()
            .withNamespace("kube-system")
            .endMetadata()
            .build();
    role.pod().apply(job).setTemplate(template);
    assertOnly(
        job,
        role.path() + ".template.metadata.namespace",
        "must be unset: pods always run in the job's namespace (spark), got \"kube-system\"");
    template.getMetadata().setNamespace("spark");
    assertValid(job);
  }

  @Test
  void executorAndDriverTypesBothGoThroughTheSameRules() {
    SparkBatchJob job = sparkPi();
    job.getSpec().setDriver(new DriverSpec());
    job.getSpec().setExecutor(new ExecutorSpec());
    job.getSpec().getDriver().setLabels(new HashMap<>(Map.of("spark-role", "x")));
    job.getSpec().getExecutor().setLabels(new HashMap<>(Map.of("spark-role", "x")));
    assertThat(validator.validate(job))
        .extracting(SpecViolation::field)
        .containsExactly("spec.driver.labels[spark-role]", "spec.executor.labels[spark-role]");
  }
}
