package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverPodFactoryTest {

  private static final SubmissionSettings DEFAULTS = SubmissionSettings.defaults();

  @Test
  void jvmApplicationRunsItsMainClassThroughTheEntrypoint() {
    assertThat(spark(build(SparkBatchJobs.sparkPi("ns", "pi"))).getArgs())
        .containsExactly(
            "driver",
            "--properties-file",
            "/opt/spark/conf/spark.properties",
            "--class",
            "org.apache.spark.examples.SparkPi",
            "local:///opt/spark/examples/jars/spark-examples.jar",
            "1000");
  }

  @Test
  void pythonAndRRunThroughSparksRunnersAsSparksClientWritesThem() {
    SparkBatchJob python = SparkBatchJobs.pyspark("ns", "py");
    assertThat(spark(build(python)).getArgs())
        .containsSubsequence("--class", "org.apache.spark.deploy.PythonRunner")
        .endsWith("local:///opt/spark/examples/src/main/python/pi.py", "1000");

    SparkBatchJob r = SparkBatchJobs.sparkPi("ns", "r");
    r.getSpec().setType(ApplicationType.R);
    r.getSpec().setMainApplicationFile("local:///opt/app/report.R");
    assertThat(spark(build(r)).getArgs())
        .containsSubsequence(
            "--class", "org.apache.spark.deploy.RRunner", "local:///opt/app/report.R");
    assertThat(spark(build(r)).getResources().getRequests().get("memory"))
        .as("non-JVM overhead")
        .isEqualTo(new Quantity("896Mi"));
  }

  @Test
  void proxyUserAndMissingMainClassFollowSparksDriverCommand() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().setMainClass(null);
    job.getSpec().setProxyUser("alice");
    assertThat(spark(build(job)).getArgs())
        .containsExactly(
            "driver",
            "--proxy-user",
            "alice",
            "--properties-file",
            "/opt/spark/conf/spark.properties",
            "local:///opt/spark/examples/jars/spark-examples.jar",
            "1000");
  }

  @Test
  void resourcesAreComputedAsSparkComputesThem() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().getDriver().setCores(2);
    job.getSpec().getDriver().setCoreRequest("500m");
    job.getSpec().getDriver().setCoreLimit("3");
    job.getSpec().getDriver().setMemory("4Gi");
    var resources = spark(build(job)).getResources();
    assertThat(resources.getRequests())
        .containsEntry("cpu", new Quantity("500m"))
        .containsEntry("memory", new Quantity("4505Mi"));
    assertThat(resources.getLimits())
        .containsEntry("cpu", new Quantity("3"))
        .containsEntry("memory", new Quantity("4505Mi"));

    job.getSpec().getDriver().setCoreRequest(null);
    job.getSpec().getDriver().setCoreLimit(null);
    resources = spark(build(job)).getResources();
    assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("2"));
    assertThat(resources.getLimits()).doesNotContainKey("cpu");
  }

  @Test
  void specEnvComesAfterSparksAndCannotReplaceTheOperatorsOwn() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().setSparkConf(Map.of("spark.kubernetes.driverEnv.FROM_CONF", "1"));
    job.getSpec()
        .getDriver()
        .setEnv(
            List.of(
                new EnvVar("SPARK_CONF_DIR", "/elsewhere", null),
                new EnvVar("SPARK_APPLICATION_ID", "mine", null),
                new EnvVar("SPARK_USER", "alice", null),
                new EnvVar("EXTRA", "x", null)));
    assertThat(spark(build(job)).getEnv())
        .extracting(EnvVar::getName)
        .containsExactly(
            "SPARK_USER",
            "SPARK_APPLICATION_ID",
            "FROM_CONF",
            "SPARK_DRIVER_BIND_ADDRESS",
            "SPARK_LOCAL_DIRS",
            "SPARK_CONF_DIR",
            "EXTRA");
    assertThat(spark(build(job)).getEnv())
        .contains(
            new EnvVar("SPARK_USER", "alice", null),
            new EnvVar("SPARK_CONF_DIR", "/opt/spark/conf", null),
            new EnvVar("SPARK_APPLICATION_ID", Names.applicationId(job, 1), null));
  }

  @Test
  void sparkContainerIsTheNamedOneOrTheFirstAndComesFirst() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec()
        .getDriver()
        .setTemplate(
            new PodTemplateSpecBuilder()
                .withNewSpec()
                .addNewContainer()
                .withName("sidecar")
                .withImage("proxy:1")
                .endContainer()
                .addNewContainer()
                .withName("spark-kubernetes-driver")
                .withWorkingDir("/work")
                .endContainer()
                .endSpec()
                .build());
    Pod pod = build(job);
    assertThat(pod.getSpec().getContainers())
        .extracting(Container::getName)
        .containsExactly("spark-kubernetes-driver", "sidecar");
    assertThat(spark(pod).getWorkingDir()).isEqualTo("/work");
    assertThat(pod.getSpec().getContainers().get(1).getImage()).isEqualTo("proxy:1");

    job.getSpec()
        .getDriver()
        .setTemplate(
            new PodTemplateSpecBuilder()
                .withNewSpec()
                .addToContainers(
                    new ContainerBuilder().withName("main").withArgs("ignored").build())
                .endSpec()
                .build());
    pod = build(job);
    assertThat(pod.getSpec().getContainers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getName()).isEqualTo("spark-kubernetes-driver");
              assertThat(c.getArgs()).first().isEqualTo("driver");
            });
  }

  @Test
  void mountedSparkLocalDirVolumesReplaceTheEmptyDir() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    Volume pvc =
        new VolumeBuilder()
            .withName("spark-local-dir-fast")
            .withNewPersistentVolumeClaim("fast-disk", false)
            .build();
    job.getSpec().setVolumes(List.of(pvc));
    job.getSpec()
        .getDriver()
        .setVolumeMounts(
            List.of(
                new VolumeMount("/scratch", null, "spark-local-dir-fast", null, null, null, null)));
    Pod pod = build(job);
    assertThat(spark(pod).getEnv()).contains(new EnvVar("SPARK_LOCAL_DIRS", "/scratch", null));
    assertThat(pod.getSpec().getVolumes())
        .extracting(Volume::getName)
        .containsExactly("spark-local-dir-fast", "spark-conf-volume-driver");
  }

  @Test
  void localDirsFollowSparkConf() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec()
        .setSparkConf(
            Map.of(
                "spark.local.dir", "/tmp/a,/tmp/b", "spark.kubernetes.local.dirs.tmpfs", "true"));
    Pod pod = build(job);
    assertThat(spark(pod).getEnv()).contains(new EnvVar("SPARK_LOCAL_DIRS", "/tmp/a,/tmp/b", null));
    assertThat(pod.getSpec().getVolumes())
        .filteredOn(v -> v.getEmptyDir() != null)
        .extracting(Volume::getName)
        .containsExactly("spark-local-dir-1", "spark-local-dir-2");
    assertThat(pod.getSpec().getVolumes().get(0).getEmptyDir().getMedium()).isEqualTo("Memory");
  }

  @Test
  void operatorLabelsWinOverTheSpecsAndTheGenerationIsRecorded() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getMetadata().setGeneration(9L);
    job.getSpec().getDriver().setLabels(Map.of("spark-role", "executor", "team", "a"));
    Pod pod = DriverPodFactory.build(job, 4, SparkConfResolver.resolve(job, 4, DEFAULTS), DEFAULTS);
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("spark-role", "driver")
        .containsEntry("team", "a")
        .containsEntry("sparkbatch.io/attempt", "4")
        .containsEntry("spark-app-selector", Names.applicationId(job, 4));
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("sparkbatch.io/generation", "9");
    assertThat(pod.getMetadata().getOwnerReferences()).isEqualTo(Labels.ownedBy(job));
    assertThat(pod.getSpec().getRestartPolicy()).isEqualTo("Never");
  }

  @Test
  void appIdPlaceholdersInTypedLabelsAndAnnotationsAreFilledInAsSparkFillsThem() {
    // `convert` moves spark.kubernetes.driver.annotation.* into these fields, and Spark would
    // replace {{APP_ID}} there (SparkDriverFidelityTest found the operator did not).
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().getDriver().setLabels(Map.of("run", "{{APP_ID}}"));
    job.getSpec().getDriver().setAnnotations(Map.of("ui", "https://ui/{{APP_ID}}{{EXECUTOR_ID}}"));
    Pod pod = build(job);
    String appId = Names.applicationId(job, 1);
    assertThat(pod.getMetadata().getLabels()).containsEntry("run", appId);
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("ui", "https://ui/" + appId);
  }

  @Test
  void customResourcesWithAVendorBecomeLimitsAsSparkBuildsThem() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec()
        .setSparkConf(
            Map.of(
                "spark.driver.resource.gpu.amount", "2",
                "spark.driver.resource.gpu.vendor", "nvidia.com",
                "spark.driver.resource.fpga.amount", "1"));
    assertThat(spark(build(job)).getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("2"))
        .doesNotContainKey("fpga")
        .as("Spark refuses a resource without a vendor; the operator leaves it out")
        .hasSize(2);
  }

  @Test
  void hadoopConfigMapIsMountedForTheDriverAndNamedForTheExecutors() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().setSparkConf(Map.of("spark.kubernetes.hadoop.configMapName", "hadoop-conf"));
    DriverResources resources = DriverResourcesFactory.build(job, 1, DEFAULTS);
    Pod pod = resources.pod();
    assertThat(pod.getSpec().getVolumes())
        .filteredOn(v -> v.getName().equals("hadoop-properties"))
        .singleElement()
        .satisfies(v -> assertThat(v.getConfigMap().getName()).isEqualTo("hadoop-conf"));
    assertThat(spark(pod).getVolumeMounts())
        .anySatisfy(
            m -> {
              assertThat(m.getName()).isEqualTo("hadoop-properties");
              assertThat(m.getMountPath()).isEqualTo("/opt/hadoop/conf");
            });
    assertThat(spark(pod).getEnv())
        .contains(new EnvVar("HADOOP_CONF_DIR", "/opt/hadoop/conf", null));
    assertThat(resources.configMap().getData().get("spark.properties"))
        .contains("spark.kubernetes.executor.hadoopConfigMapName=hadoop-conf");
  }

  @Test
  void pullSecretsOfTheTemplateAndTheSpecAreBothKept() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec().setImagePullSecrets(List.of("a", "b"));
    job.getSpec()
        .getDriver()
        .setTemplate(
            new PodTemplateSpecBuilder()
                .withNewSpec()
                .addNewImagePullSecret("b")
                .addNewImagePullSecret("c")
                .endSpec()
                .build());
    assertThat(build(job).getSpec().getImagePullSecrets())
        .extracting(s -> s.getName())
        .containsExactly("b", "c", "a");
  }

  private static Pod build(SparkBatchJob job) {
    return DriverResourcesFactory.build(job, 1, DEFAULTS).pod();
  }

  private static Container spark(Pod pod) {
    return pod.getSpec().getContainers().get(0);
  }
}
