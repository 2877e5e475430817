package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.sparkbatch.operator.api.Dependencies;
import io.sparkbatch.operator.api.DynamicAllocation;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SparkConfResolverTest {

  private static final SubmissionSettings DEFAULTS = SubmissionSettings.defaults();

  @Test
  void clusterModeKeysTieTheDriverToWhatTheOperatorCreates() {
    TreeMap<String, String> conf = resolve(SparkBatchJobs.sparkPi("analytics", "pi"), 2);
    assertThat(conf)
        .containsEntry("spark.master", "k8s://https://kubernetes.default.svc")
        .containsEntry("spark.submit.deployMode", "cluster")
        .containsEntry("spark.kubernetes.submitInDriver", "true")
        .containsEntry("spark.app.name", "pi")
        .containsEntry("spark.kubernetes.namespace", "analytics")
        .containsEntry("spark.kubernetes.driver.pod.name", "pi-driver")
        .containsEntry("spark.driver.host", "pi-driver-svc.analytics.svc")
        .containsEntry("spark.driver.port", "7078")
        .containsEntry("spark.driver.blockManager.port", "7079")
        .containsEntry("spark.kubernetes.resource.type", "java")
        .containsEntry("spark.kubernetes.executor.podNamePrefix", "pi-2")
        .containsEntry(
            "spark.kubernetes.authenticate.driver.serviceAccountName", "spark-batch-driver")
        .containsEntry(
            "spark.kubernetes.executor.label.app.kubernetes.io/managed-by", "spark-batch-operator")
        .containsEntry("spark.kubernetes.executor.label.sparkbatch.io/job-name", "pi")
        .containsEntry("spark.kubernetes.executor.label.sparkbatch.io/attempt", "2")
        .containsEntry(
            "spark.app.id", Names.applicationId(SparkBatchJobs.sparkPi("analytics", "pi"), 2));
    assertThat(conf).doesNotContainKeys("spark.kubernetes.driver.master", "spark.jars.ivy");
  }

  @Test
  void everyReservedKeyInSparkConfIsReplacedOrDropped() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    Map<String, String> sparkConf = new HashMap<>();
    SparkConfResolver.RESERVED_KEYS.forEach(k -> sparkConf.put(k, "user-value"));
    job.getSpec().setSparkConf(sparkConf);
    TreeMap<String, String> conf = resolve(job, 1);
    SparkConfResolver.RESERVED_KEYS.forEach(
        k -> assertThat(conf.get(k)).as(k).isNotEqualTo("user-value"));
    assertThat(conf)
        .doesNotContainKeys(
            "spark.driver.bindAddress",
            "spark.ui.port",
            "spark.kubernetes.driver.podTemplateFile",
            "spark.kubernetes.driver.podTemplateContainerName");
  }

  @Test
  void reservedKeysIncludeWhatSparkAndTheOperatorMustOwn() {
    assertThat(SparkConfResolver.RESERVED_KEYS)
        .contains(
            "spark.master",
            "spark.kubernetes.namespace",
            "spark.kubernetes.driver.pod.name",
            "spark.driver.host",
            "spark.app.id",
            "spark.kubernetes.submitInDriver",
            "spark.submit.deployMode",
            "spark.kubernetes.executor.podNamePrefix",
            "spark.kubernetes.authenticate.driver.serviceAccountName")
        .doesNotContain("spark.app.name", "spark.executor.instances", "spark.driver.memory");
  }

  @Test
  void sparkConfPassesThroughButTypedFieldsWin() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec()
        .setSparkConf(
            Map.of(
                "spark.sql.shuffle.partitions", "400",
                "spark.executor.instances", "50",
                "spark.driver.memory", "8g",
                "spark.executor.cores", "8",
                "spark.app.name", "custom name"));
    job.getSpec().setHadoopConf(Map.of("fs.s3a.endpoint", "http://minio:9000"));
    TreeMap<String, String> conf = resolve(job, 1);
    assertThat(conf)
        .containsEntry("spark.sql.shuffle.partitions", "400")
        .containsEntry("spark.executor.instances", "2")
        .containsEntry("spark.driver.memory", "512m")
        .containsEntry("spark.executor.cores", "1")
        .containsEntry("spark.app.name", "custom name")
        .containsEntry("spark.hadoop.fs.s3a.endpoint", "http://minio:9000");
  }

  @Test
  void executorLabelsSparkWouldRefuseAreDropped() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec()
        .getExecutor()
        .setLabels(Map.of("spark-role", "x", "spark-app-selector", "y", "team", "web"));
    assertThat(resolve(job, 1))
        .containsEntry("spark.kubernetes.executor.label.team", "web")
        .doesNotContainKeys(
            "spark.kubernetes.executor.label.spark-role",
            "spark.kubernetes.executor.label.spark-app-selector");
  }

  @Test
  void kubernetesMemoryQuantitiesBecomeSparkSizes() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().getDriver().setMemory("4Gi");
    job.getSpec().getDriver().setMemoryOverhead("512Mi");
    job.getSpec().getExecutor().setMemory("8Gi");
    TreeMap<String, String> conf = resolve(job, 1);
    assertThat(conf)
        .containsEntry("spark.driver.memory", "4g")
        .containsEntry("spark.driver.memoryOverhead", "512m")
        .containsEntry("spark.executor.memory", "8g");
  }

  @Test
  void envFromSecretsIsNeverCopiedIntoProperties() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    EnvVar secret =
        new EnvVarBuilder()
            .withName("AWS_SECRET_ACCESS_KEY")
            .withNewValueFrom()
            .withNewSecretKeyRef("secret-key", "s3-credentials", false)
            .endValueFrom()
            .build();
    job.getSpec().getDriver().setEnv(List.of(secret));
    job.getSpec().getExecutor().setEnv(List.of(secret, new EnvVar("REGION", "eu-west-1", null)));
    TreeMap<String, String> conf = resolve(job, 1);
    assertThat(String.join("\n", conf.keySet()) + String.join("\n", conf.values()))
        .doesNotContain("AWS_SECRET_ACCESS_KEY", "s3-credentials", "secret-key", "REGION");
    assertThat(conf)
        .containsEntry(
            "spark.kubernetes.executor.podTemplateFile",
            "/opt/spark/conf/executor-pod-template.yaml")
        .containsEntry(
            "spark.kubernetes.executor.podTemplateContainerName", "spark-kubernetes-executor");
  }

  @Test
  void plainExecutorEnvGoesThroughSparkExecutorEnv() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().getExecutor().setEnv(List.of(new EnvVar("TZ", "UTC", null)));
    TreeMap<String, String> conf = resolve(job, 1);
    assertThat(conf).containsEntry("spark.executorEnv.TZ", "UTC");
    assertThat(conf).doesNotContainKey("spark.kubernetes.executor.podTemplateFile");
  }

  @Test
  void jvmApplicationJarIsAddedToSparkJarsOnce() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    Dependencies deps = new Dependencies();
    deps.setJars(
        List.of("s3a://libs/a.jar", "local:///opt/spark/examples/jars/spark-examples.jar"));
    job.getSpec().setDeps(deps);
    assertThat(resolve(job, 1))
        .containsEntry(
            "spark.jars", "s3a://libs/a.jar,local:///opt/spark/examples/jars/spark-examples.jar");

    SparkBatchJob fromConf = SparkBatchJobs.sparkPi("ns", "pi");
    fromConf.getSpec().setSparkConf(Map.of("spark.jars", "s3a://libs/b.jar, s3a://libs/c.jar"));
    assertThat(resolve(fromConf, 1))
        .containsEntry(
            "spark.jars",
            "s3a://libs/b.jar,s3a://libs/c.jar,local:///opt/spark/examples/jars/spark-examples.jar");

    assertThat(resolve(SparkBatchJobs.pyspark("ns", "py"), 1))
        .as("a Python script is not a jar")
        .doesNotContainKey("spark.jars")
        .containsEntry("spark.kubernetes.resource.type", "python")
        .containsEntry("spark.kubernetes.memoryOverheadFactor", "0.4");
  }

  @Test
  void packagesGetAWritableIvyDirectoryUnlessOneIsSet() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    Dependencies deps = new Dependencies();
    deps.setPackages(List.of("org.apache.hadoop:hadoop-aws:3.3.4"));
    deps.setExcludePackages(List.of("com.amazonaws:aws-java-sdk-bundle"));
    job.getSpec().setDeps(deps);
    assertThat(resolve(job, 1))
        .containsEntry("spark.jars.packages", "org.apache.hadoop:hadoop-aws:3.3.4")
        .containsEntry("spark.jars.excludes", "com.amazonaws:aws-java-sdk-bundle")
        .containsEntry("spark.jars.ivy", "/tmp/.ivy2");
    job.getSpec().setSparkConf(Map.of("spark.jars.ivy", "/cache/ivy"));
    assertThat(resolve(job, 1)).containsEntry("spark.jars.ivy", "/cache/ivy");
  }

  @Test
  void dynamicAllocationTurnsShuffleTrackingOnUnlessTold() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    DynamicAllocation da = new DynamicAllocation();
    da.setEnabled(true);
    da.setMaxExecutors(10);
    job.getSpec().setDynamicAllocation(da);
    assertThat(resolve(job, 1))
        .containsEntry("spark.dynamicAllocation.enabled", "true")
        .containsEntry("spark.dynamicAllocation.shuffleTracking.enabled", "true")
        .containsEntry("spark.dynamicAllocation.maxExecutors", "10")
        .doesNotContainKey("spark.dynamicAllocation.minExecutors");

    job.getSpec().setSparkConf(Map.of("spark.dynamicAllocation.shuffleTracking.enabled", "false"));
    assertThat(resolve(job, 1))
        .containsEntry("spark.dynamicAllocation.shuffleTracking.enabled", "false");

    da.setShuffleTrackingEnabled(true);
    assertThat(resolve(job, 1))
        .containsEntry("spark.dynamicAllocation.shuffleTracking.enabled", "true");

    da.setEnabled(false);
    assertThat(resolve(job, 1))
        .containsEntry("spark.dynamicAllocation.enabled", "false")
        .doesNotContainKey("spark.dynamicAllocation.maxExecutors");
  }

  @Test
  void settingsProvideMasterAccountImageAndApiServer() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().setImage(null);
    SubmissionSettings settings =
        new SubmissionSettings(
            "k8s://https://10.0.0.1:6443",
            "drivers",
            null,
            "apache/spark:3.5.5",
            "https://api:443");
    TreeMap<String, String> conf = SparkConfResolver.resolve(job, 1, settings);
    assertThat(conf)
        .containsEntry("spark.master", "k8s://https://10.0.0.1:6443")
        .containsEntry("spark.kubernetes.authenticate.driver.serviceAccountName", "drivers")
        .containsEntry("spark.kubernetes.container.image", "apache/spark:3.5.5")
        .containsEntry("spark.kubernetes.driver.master", "https://api:443");
  }

  @Test
  void driverServiceAccountOfTheSpecOptsOutOfTheManagedOne() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().getDriver().setServiceAccount("team-spark");
    job.getSpec().getExecutor().setServiceAccount("team-executor");
    assertThat(resolve(job, 1))
        .containsEntry("spark.kubernetes.authenticate.driver.serviceAccountName", "team-spark")
        .containsEntry(
            "spark.kubernetes.authenticate.executor.serviceAccountName", "team-executor");
  }

  @Test
  void aJobWithoutAnyImageCannotBeBuilt() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().setImage(null);
    assertThatThrownBy(() -> resolve(job, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image");
    job.getSpec().getDriver().setImage("d:1");
    job.getSpec().getExecutor().setImage("e:1");
    assertThat(resolve(job, 1))
        .containsEntry("spark.kubernetes.driver.container.image", "d:1")
        .containsEntry("spark.kubernetes.executor.container.image", "e:1");
  }

  @Test
  void resolvingIsDeterministicAndOnlyTheAttemptKeysChangeBetweenAttempts() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    TreeMap<String, String> first = resolve(job, 1);
    assertThat(resolve(job, 1)).isEqualTo(first);
    TreeMap<String, String> second = resolve(job, 2);
    Map<String, String> changed = new TreeMap<>();
    second.forEach(
        (k, v) -> {
          if (!v.equals(first.get(k))) {
            changed.put(k, v);
          }
        });
    assertThat(changed)
        .containsOnlyKeys(
            "spark.app.id",
            "spark.kubernetes.executor.podNamePrefix",
            "spark.kubernetes.executor.label.sparkbatch.io/attempt");
  }

  private static TreeMap<String, String> resolve(SparkBatchJob job, int attempt) {
    return SparkConfResolver.resolve(job, attempt, DEFAULTS);
  }
}
