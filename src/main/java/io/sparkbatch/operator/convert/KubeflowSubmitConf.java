package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark properties kubeflow's controller passes to spark-submit for a SparkApplication (its
 * submission.go), read from the kubeflow manifest itself: the "expected" side of the round trip,
 * independent of how the converter maps fields. kubeflow's own bookkeeping labels, the namespace
 * and the driver pod name are left out; the image appears once, as
 * spark.kubernetes.container.image, with per-role keys only where a role overrides it.
 */
final class KubeflowSubmitConf {
  private static final Map<String, String> DEPS =
      Map.of(
          "jars", "spark.jars",
          "files", "spark.files",
          "pyFiles", "spark.submit.pyFiles",
          "packages", "spark.jars.packages",
          "excludePackages", "spark.jars.excludes",
          "repositories", "spark.jars.repositories",
          "archives", "spark.archives");

  private KubeflowSubmitConf() {}

  static Map<String, String> of(String name, JsonNode spec) {
    Map<String, String> conf = new LinkedHashMap<>();
    put(conf, "spark.app.name", name);
    put(conf, "spark.submit.deployMode", text(spec, "mode"));
    spec.path("sparkConf").properties().forEach(e -> conf.put(e.getKey(), e.getValue().asText()));
    conf.remove("spark.kubernetes.driver.pod.name");
    spec.path("hadoopConf")
        .properties()
        .forEach(e -> conf.put("spark.hadoop." + e.getKey(), e.getValue().asText()));
    DEPS.forEach((field, key) -> put(conf, key, joined(spec.path("deps").path(field))));
    put(conf, "spark.kubernetes.container.image", text(spec, "image"));
    put(conf, "spark.kubernetes.container.image.pullPolicy", text(spec, "imagePullPolicy"));
    put(
        conf,
        "spark.kubernetes.container.image.pullSecrets",
        joined(spec.path("imagePullSecrets")));
    put(conf, "spark.kubernetes.memoryOverheadFactor", text(spec, "memoryOverheadFactor"));
    pod(conf, "driver", spec.path("driver"));
    pod(conf, "executor", spec.path("executor"));
    spec.path("nodeSelector")
        .properties()
        .forEach(
            e -> conf.put("spark.kubernetes.node.selector." + e.getKey(), e.getValue().asText()));
    dynamicAllocation(conf, spec.path("dynamicAllocation"));
    return conf;
  }

  private static void pod(Map<String, String> conf, String role, JsonNode pod) {
    String spark = "spark." + role + ".";
    String kube = "spark.kubernetes." + role + ".";
    put(conf, kube + "container.image", text(pod, "image"));
    put(conf, spark + "cores", text(pod, "cores"));
    put(conf, kube + "request.cores", text(pod, "coreRequest"));
    put(conf, kube + "limit.cores", text(pod, "coreLimit"));
    put(conf, spark + "memory", text(pod, "memory"));
    put(conf, spark + "memoryOverhead", text(pod, "memoryOverhead"));
    put(
        conf,
        "spark.kubernetes.authenticate." + role + ".serviceAccountName",
        text(pod, "serviceAccount"));
    put(conf, spark + "extraJavaOptions", text(pod, "javaOptions"));
    pod.path("labels")
        .properties()
        .forEach(e -> conf.put(kube + "label." + e.getKey(), e.getValue().asText()));
    pod.path("annotations")
        .properties()
        .forEach(e -> conf.put(kube + "annotation." + e.getKey(), e.getValue().asText()));
    String env = role.equals("driver") ? "spark.kubernetes.driverEnv." : "spark.executorEnv.";
    pod.path("envVars")
        .properties()
        .forEach(e -> conf.put(env + e.getKey(), e.getValue().asText()));
    if (role.equals("executor")) {
      put(conf, "spark.executor.instances", text(pod, "instances"));
      put(conf, kube + "deleteOnTermination", text(pod, "deleteOnTermination"));
    }
  }

  /** As kubeflow: only when enabled, and shuffle tracking on unless turned off. */
  private static void dynamicAllocation(Map<String, String> conf, JsonNode dynamic) {
    if (!dynamic.path("enabled").asBoolean(false)) {
      return;
    }
    String prefix = "spark.dynamicAllocation.";
    conf.put(prefix + "enabled", "true");
    put(conf, prefix + "initialExecutors", text(dynamic, "initialExecutors"));
    put(conf, prefix + "minExecutors", text(dynamic, "minExecutors"));
    put(conf, prefix + "maxExecutors", text(dynamic, "maxExecutors"));
    conf.put(
        prefix + "shuffleTracking.enabled",
        String.valueOf(dynamic.path("shuffleTrackingEnabled").asBoolean(true)));
    put(conf, prefix + "shuffleTracking.timeout", text(dynamic, "shuffleTrackingTimeout"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
  }

  private static String joined(JsonNode list) {
    if (!list.isArray() || list.isEmpty()) {
      return null;
    }
    List<String> items = new ArrayList<>();
    list.forEach(item -> items.add(item.asText()));
    return String.join(",", items);
  }

  private static void put(Map<String, String> conf, String key, String value) {
    if (value != null) {
      conf.put(key, value);
    }
  }
}
