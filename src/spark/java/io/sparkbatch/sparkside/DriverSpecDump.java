package io.sparkbatch.sparkside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.SparkSubmit;
import org.apache.spark.deploy.SparkSubmitArguments;
import org.apache.spark.deploy.k8s.KubernetesDriverConf;
import org.apache.spark.deploy.k8s.KubernetesDriverSpec;
import org.apache.spark.deploy.k8s.submit.ClientArguments;
import org.apache.spark.deploy.k8s.submit.KubernetesClientUtils;
import org.apache.spark.deploy.k8s.submit.KubernetesDriverBuilder;
import org.apache.spark.util.ManualClock;
import scala.Option;
import scala.Tuple4;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What Spark's own cluster-mode submission would create for a spark-submit command line, without
 * an API server: the driver Pod, the Service and the ConfigMap with spark.properties.
 *
 * <p>Per case, it takes the path spark-submit takes: {@code SparkSubmitArguments} and {@code
 * SparkSubmit.prepareSubmitEnvironment} turn the command line into the SparkConf and the arguments
 * of {@code KubernetesClientApplication}; {@code ClientArguments} parses those; the driver conf is
 * built as {@code KubernetesConf.createDriverConf} builds it; {@code KubernetesDriverBuilder} runs
 * every feature step. The last part of {@code Client.run} (SPARK_CONF_DIR, the conf volume, the
 * ConfigMap from {@code KubernetesClientUtils}) is repeated here, because Client.run goes on to
 * call the API server.
 *
 * <p>Spark's random parts come from the case: the application id (Spark: a random UUID) and the
 * resource name prefix (Spark: the app name and a time-based random id), which names the driver pod
 * and the Service; Spark reads spark.kubernetes.driver.resourceNamePrefix only in its own tests, so
 * the driver conf's {@code resourceNamePrefix} is overridden instead. The clock is fixed at 0. What stays random (the
 * ConfigMap's name, the default local directory, the fallback Service name) is left to the caller
 * to recognise.
 *
 * <p>Usage: {@code DriverSpecDump CASES.json OUT.json}. CASES.json is {@code {"cases": [{"name",
 * "appId", "resourceNamePrefix", "args": [spark-submit arguments, without spark-submit]}]}};
 * OUT.json maps each case name to {@code {"pod", "resources": [...], "configMap"}} or {@code
 * {"error"}}. The JVM must not see SPARK_HOME, SPARK_CONF_DIR or PYSPARK_* in its environment, and
 * SPARK_USER is the user Spark writes into the pod.
 */
public final class DriverSpecDump {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();

  private DriverSpecDump() {}

  public static void main(String[] args) throws Exception {
    JsonNode cases = JSON.readTree(Path.of(args[0]).toFile()).get("cases");
    ObjectNode out = JSON.createObjectNode();
    // A client that is never asked anything: only the pod template step uses it, to parse a file.
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build())
            .build()) {
      for (JsonNode c : cases) {
        String name = c.get("name").asText();
        try {
          out.set(name, dump(c, client));
        } catch (Exception | AssertionError e) {
          StringWriter trace = new StringWriter();
          e.printStackTrace(new PrintWriter(trace));
          out.set(name, JSON.createObjectNode().put("error", trace.toString()));
        }
      }
    }
    Files.writeString(
        Path.of(args[1]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
  }

  private static ObjectNode dump(JsonNode c, KubernetesClient client) throws Exception {
    List<String> argv = new ArrayList<>();
    c.get("args").forEach(a -> argv.add(a.asText()));
    String appId = c.get("appId").asText();
    String prefix = c.get("resourceNamePrefix").asText();

    SparkSubmitArguments submitArgs =
        new SparkSubmitArguments(
            CollectionConverters.asScala(argv).toSeq(),
            scala.collection.immutable.Map$.MODULE$.<String, String>empty());
    if (argv.contains("--packages")
        || argv.stream().anyMatch(a -> a.startsWith("spark.jars.packages="))) {
      throw new IllegalArgumentException("spark-submit would resolve --packages from the network");
    }
    Tuple4<Seq<String>, Seq<String>, SparkConf, String> env =
        new SparkSubmit().prepareSubmitEnvironment(submitArgs, Option.apply(offlineStores()));
    if (!env._4().endsWith("KubernetesClientApplication")) {
      throw new IllegalArgumentException("not a Kubernetes cluster-mode submission: " + env._4());
    }
    SparkConf sparkConf = env._3();
    ClientArguments submitted =
        ClientArguments.fromCommandLineArgs(
            CollectionConverters.asJava(env._1()).toArray(new String[0]));
    KubernetesDriverConf conf =
        new KubernetesDriverConf(
            sparkConf.clone(),
            appId,
            submitted.mainAppResource(),
            submitted.mainClass(),
            submitted.driverArgs(),
            submitted.proxyUser(),
            new ManualClock(0)) {
          @Override
          public String resourceNamePrefix() {
            return prefix;
          }
        };
    KubernetesDriverSpec spec = new KubernetesDriverBuilder().buildFromFeatures(conf, client);

    // What Client.run adds before it creates the objects.
    String configMapName = KubernetesClientUtils.configMapNameDriver();
    Map<String, String> systemProperties =
        new LinkedHashMap<>(CollectionConverters.asJava(spec.systemProperties()));
    Map<String, String> files =
        new LinkedHashMap<>(
            KubernetesClientUtils.buildSparkConfDirFilesMapJava(
                configMapName, conf.sparkConf(), systemProperties));
    Map<String, String> data = new LinkedHashMap<>(files);
    data.put("spark.kubernetes.namespace", conf.namespace());
    ConfigMap configMap =
        KubernetesClientUtils.buildConfigMapJava(configMapName, data, Map.of());
    Container container =
        new ContainerBuilder(spec.pod().container())
            .addNewEnv()
            .withName("SPARK_CONF_DIR")
            .withValue("/opt/spark/conf")
            .endEnv()
            .addNewVolumeMount()
            .withName("spark-conf-volume-driver")
            .withMountPath("/opt/spark/conf")
            .endVolumeMount()
            .build();
    Pod pod =
        new PodBuilder(spec.pod().pod())
            .editSpec()
            .addToContainers(container)
            .addNewVolume()
            .withName("spark-conf-volume-driver")
            .withNewConfigMap()
            .withItems(KubernetesClientUtils.buildKeyToPathObjectsJava(files))
            .withName(configMapName)
            .endConfigMap()
            .endVolume()
            .endSpec()
            .build();

    ObjectNode result = JSON.createObjectNode();
    result.set("pod", tree(pod));
    ArrayNode resources = result.putArray("resources");
    for (HasMetadata r : CollectionConverters.asJava(spec.driverPreKubernetesResources())) {
      resources.add(tree(r));
    }
    for (HasMetadata r : CollectionConverters.asJava(spec.driverKubernetesResources())) {
      resources.add(tree(r));
    }
    result.set("configMap", tree(configMap));
    return result;
  }

  /**
   * The Hadoop configuration spark-submit resolves file lists with: object stores answer "no such
   * file" instead of needing hadoop-aws and a network, so their URIs pass through unchanged, as
   * they do when spark-submit finds them.
   */
  private static Configuration offlineStores() {
    Configuration hadoop = new Configuration(false);
    for (String scheme : List.of("s3a", "s3", "gs", "abfs", "abfss", "hdfs")) {
      hadoop.set("fs." + scheme + ".impl", OfflineStore.class.getName());
      hadoop.setBoolean("fs." + scheme + ".impl.disable.cache", true);
    }
    return hadoop;
  }

  /** A file system in which no file exists. */
  public static final class OfflineStore extends RawLocalFileSystem {
    @Override
    public FileStatus[] globStatus(org.apache.hadoop.fs.Path pattern) {
      return null;
    }
  }

  private static JsonNode tree(Object value) throws Exception {
    return JSON.readTree(KUBE.asJson(value));
  }
}
