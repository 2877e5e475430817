package io.sparkbatch.operator.testing.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sparkbatch.operator.testing.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process kubelet's translation of the apache/spark image's entrypoint, checked without
 * starting Spark: what a driver and an executor pod become as local commands.
 */
class ContainerCommandTest {
  private static final String IP = "127.0.10.9";
  private static SimulatedCluster cluster;
  private static SparkImage image;
  private static ClusterDns dns;

  @BeforeAll
  static void start(@TempDir Path dir) {
    cluster = SimulatedCluster.withoutKubelet();
    image = SparkImage.layOut(SparkDistribution.fromBuild(), dir.resolve("image/opt/spark"));
    dns = new ClusterDns(dir.resolve("hosts"));
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void executorRunsTheBackendWithTheArgumentsTheEntrypointBuildsFromItsEnvironment(
      @TempDir Path podDir) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("pi-1-exec-1")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("spark-kubernetes-executor")
            .withArgs("executor")
            .addNewEnv()
            .withName("SPARK_DRIVER_URL")
            .withValue("spark://CoarseGrainedScheduler@pi-driver-svc.default.svc:7078")
            .endEnv()
            .addNewEnv()
            .withName("SPARK_EXECUTOR_ID")
            .withValue("1")
            .endEnv()
            .addNewEnv()
            .withName("SPARK_EXECUTOR_CORES")
            .withValue("1")
            .endEnv()
            .addNewEnv()
            .withName("SPARK_EXECUTOR_MEMORY")
            .withValue("512m")
            .endEnv()
            .addNewEnv()
            .withName("SPARK_APPLICATION_ID")
            .withValue("spark-app-1")
            .endEnv()
            .addNewEnv()
            .withName("SPARK_RESOURCE_PROFILE_ID")
            .withValue("0")
            .endEnv()
            .addNewEnv()
            .withName("SPARK_EXECUTOR_POD_IP")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("status.podIP")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("SPARK_EXECUTOR_POD_NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .endEnv()
            .addNewEnv()
            .withName("SPARK_JAVA_OPT_10")
            .withValue("-Dtenth")
            .endEnv()
            .addNewEnv()
            .withName("SPARK_JAVA_OPT_2")
            .withValue("-Dsecond")
            .endEnv()
            .endContainer()
            .endSpec()
            .build();

    ContainerCommand command = command(pod, podDir);

    List<String> args = command.command();
    assertThat(args)
        .containsSubsequence("-Dsecond", "-Dtenth", "-Xms512m", "-Xmx512m")
        .endsWith(
            ContainerCommand.EXIT_WITH_PARENT,
            "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend",
            "--driver-url",
            "spark://CoarseGrainedScheduler@pi-driver-svc.default.svc:7078",
            "--executor-id",
            "1",
            "--cores",
            "1",
            "--app-id",
            "spark-app-1",
            "--hostname",
            IP,
            "--resourceProfileId",
            "0",
            "--podName",
            "pi-1-exec-1");
    assertThat(args).contains("-Djdk.net.hosts.file=" + dns.hostsFile());
    assertThat(command.environment())
        .containsEntry("SPARK_EXECUTOR_POD_IP", IP)
        .containsEntry("SPARK_LOCAL_IP", IP);
  }

  @Test
  void driverRunsSparkSubmitInClientModeWithPathsInsideTheImageMadeLocal(@TempDir Path podDir)
      throws Exception {
    cluster
        .client()
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("pi-spark-conf")
                .withNamespace("default")
                .endMetadata()
                .addToData(
                    "spark.properties",
                    "spark.driver.memory=768m\n"
                        + "spark.jars=local\\:///opt/spark/examples/jars/app.jar\n")
                .build())
        .create();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("pi-driver")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("spark-kubernetes-driver")
            .withArgs(
                "driver",
                "--properties-file",
                "/opt/spark/conf/spark.properties",
                "--class",
                "org.example.App",
                "local:///opt/spark/examples/jars/app.jar",
                "10")
            .addNewVolumeMount()
            .withName("spark-conf-volume-driver")
            .withMountPath("/opt/spark/conf")
            .endVolumeMount()
            .endContainer()
            .addNewVolume()
            .withName("spark-conf-volume-driver")
            .withNewConfigMap()
            .withName("pi-spark-conf")
            .endConfigMap()
            .endVolume()
            .endSpec()
            .build();

    ContainerCommand command = command(pod, podDir);

    Path properties = podDir.resolve("volumes/spark-conf-volume-driver/spark.properties");
    assertThat(command.command())
        .contains("-Xmx768m")
        .endsWith(
            ContainerCommand.EXIT_WITH_PARENT,
            "org.apache.spark.deploy.SparkSubmit",
            "--conf",
            "spark.driver.bindAddress=" + IP,
            "--conf",
            "spark.executorEnv.SPARK_DRIVER_POD_IP=" + IP,
            "--conf",
            "spark.kubernetes.driver.master=http://127.0.0.1:1",
            "--deploy-mode",
            "client",
            "--properties-file",
            properties.toString(),
            "--class",
            "org.example.App",
            "local://" + image.sparkHome() + "/examples/jars/app.jar",
            "10");
    assertThat(Files.readString(properties))
        .contains("spark.jars=local\\://" + image.sparkHome() + "/examples/jars/app.jar");
  }

  @Test
  void podWaitsWhileAConfigMapItMountsDoesNotExist(@TempDir Path podDir) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("early-driver")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("spark-kubernetes-driver")
            .withArgs("driver")
            .endContainer()
            .addNewVolume()
            .withName("conf")
            .withNewConfigMap()
            .withName("not-yet-created")
            .endConfigMap()
            .endVolume()
            .endSpec()
            .build();

    assertThat(
            PodFilesystem.prepare(
                cluster.client(), pod, pod.getSpec().getContainers().get(0), podDir, image))
        .isEmpty();
  }

  @Test
  void aContainerThatIsNotSparksEntrypointCannotRunHere(@TempDir Path podDir) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName("sidecar-only")
            .withNamespace("default")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("shell")
            .withArgs("sh", "-c", "echo hi")
            .endContainer()
            .endSpec()
            .build();

    assertThatThrownBy(() -> command(pod, podDir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("container shell runs 'sh'");
  }

  private static ContainerCommand command(Pod pod, Path podDir) {
    var container = pod.getSpec().getContainers().get(0);
    PodFilesystem files =
        PodFilesystem.prepare(cluster.client(), pod, container, podDir, image).orElseThrow();
    return ContainerCommand.of(
        cluster.client(), pod, container, IP, files, image, dns, "http://127.0.0.1:1");
  }
}
