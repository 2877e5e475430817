package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.Map;
import java.util.Set;

/**
 * A kubeflow sparkoperator.k8s.io SparkApplication, or a ScheduledSparkApplication's template.
 * SparkBatchJob keeps kubeflow's field names, so most fields carry over as they are; this class
 * handles the rest and reports what has no equivalent.
 */
final class KubeflowParser {
  static final Set<String> SAME =
      Set.of(
          "type",
          "mainClass",
          "mainApplicationFile",
          "arguments",
          "sparkVersion",
          "image",
          "imagePullPolicy",
          "imagePullSecrets",
          "sparkConf",
          "hadoopConf",
          "volumes",
          "timeToLiveSeconds",
          "proxyUser");
  private static final Set<String> DEPS =
      Set.of("jars", "files", "pyFiles", "packages", "excludePackages", "repositories", "archives");
  private static final Set<String> DYNAMIC_ALLOCATION =
      Set.of(
          "enabled", "initialExecutors", "minExecutors", "maxExecutors", "shuffleTrackingEnabled");

  private KubeflowParser() {}

  static ParsedJob parse(JsonNode root, WarningLog log) {
    String apiVersion = StructuredInput.text(root, "apiVersion", "");
    if (apiVersion == null || !apiVersion.startsWith("sparkoperator.k8s.io/")) {
      throw new ConversionException(
          "apiVersion", "expected sparkoperator.k8s.io/v1beta2, got " + apiVersion);
    }
    if (!apiVersion.endsWith("/v1beta2")) {
      log.warn("apiVersion", "the converter knows v1beta2; check the output against the input");
    }
    String kind = StructuredInput.text(root, "kind", "");
    JsonNode spec = required(StructuredInput.object(root, "spec", ""), "spec");
    String specPath = "spec";
    if ("ScheduledSparkApplication".equals(kind)) {
      KubeflowSpecWarnings.scheduled(spec, log);
      spec = required(StructuredInput.object(spec, "template", "spec."), "spec.template");
      specPath = "spec.template";
    } else if (!"SparkApplication".equals(kind)) {
      throw new ConversionException(
          "kind", "expected SparkApplication or ScheduledSparkApplication, got " + kind);
    }
    ObjectNode out = KubeflowTrees.JSON.createObjectNode();
    KubeflowTrees.copy(spec, out, SAME);
    mode(spec, out, specPath, log);
    deps(spec, out, specPath, log);
    dynamicAllocation(spec, out, specPath);
    if (spec.hasNonNull("memoryOverheadFactor")) {
      out.withObjectProperty("sparkConf")
          .put("spark.kubernetes.memoryOverheadFactor", spec.get("memoryOverheadFactor").asText());
    }
    if (spec.hasNonNull("hadoopConfigMap")) {
      // What kubeflow's webhook did by hand, Spark does itself: mount it as HADOOP_CONF_DIR in the
      // driver and, through the driver, in every executor.
      out.withObjectProperty("sparkConf")
          .put("spark.kubernetes.hadoop.configMapName", spec.get("hadoopConfigMap").asText());
    }
    ArrayNode volumes = out.get("volumes") instanceof ArrayNode v ? v : out.arrayNode();
    JsonNode nodeSelector = spec.get("nodeSelector");
    DriverSpec driver =
        new KubeflowPodMapper("driver", specPath, volumes, log)
            .map(spec.get("driver"), nodeSelector, DriverSpec.class);
    ExecutorSpec executor =
        new KubeflowPodMapper("executor", specPath, volumes, log)
            .map(spec.get("executor"), nodeSelector, ExecutorSpec.class);
    if (!volumes.isEmpty()) {
      out.set("volumes", volumes);
    }
    SparkBatchJobSpec result = KubeflowTrees.bind(out, SparkBatchJobSpec.class, specPath);
    result.setDriver(driver);
    result.setExecutor(executor);
    result.setRestartPolicy(KubeflowRestartPolicy.convert(spec, specPath, log));
    KubeflowSpecWarnings.report(spec, specPath, result, log);
    SparkBatchJob job = new SparkBatchJob();
    job.setMetadata(metadata(root.path("metadata"), log));
    job.setSpec(result);
    return new ParsedJob(job, KubeflowSubmitConf.of(job.getMetadata().getName(), spec));
  }

  private static JsonNode required(JsonNode node, String path) {
    if (node == null) {
      throw new ConversionException(path, "missing");
    }
    return node;
  }

  private static void mode(JsonNode spec, ObjectNode out, String specPath, WarningLog log) {
    String mode = spec.path("mode").asText(null);
    if (mode == null) {
      return;
    }
    if (mode.equals("cluster")) {
      out.put("mode", mode);
    } else {
      log.uncarried("spark.submit.deployMode");
      log.warn(
          specPath + ".mode",
          mode + " is not supported: the operator always runs the driver in its own pod (cluster)");
    }
  }

  private static void deps(JsonNode spec, ObjectNode out, String specPath, WarningLog log) {
    JsonNode deps = spec.get("deps");
    if (deps == null || !deps.isObject()) {
      return;
    }
    ObjectNode copy = out.objectNode();
    KubeflowTrees.copy(deps, copy, DEPS);
    if (copy.has("pyFiles") && !"Python".equals(spec.path("type").asText())) {
      String joined =
          String.join(",", StructuredInput.strings(copy, "pyFiles", specPath + ".deps."));
      out.withObjectProperty("sparkConf").put("spark.submit.pyFiles", joined);
      copy.remove("pyFiles");
      log.warn(
          specPath + ".deps.pyFiles",
          "Python files for a non-Python application: kept as sparkConf spark.submit.pyFiles");
    }
    deps.fieldNames()
        .forEachRemaining(
            f -> {
              if (!DEPS.contains(f)) {
                log.warn(specPath + ".deps." + f, "not carried over (kubeflow v1beta1 field)");
              }
            });
    if (!copy.isEmpty()) {
      out.set("deps", copy);
    }
  }

  private static void dynamicAllocation(JsonNode spec, ObjectNode out, String specPath) {
    JsonNode dynamic = spec.get("dynamicAllocation");
    if (dynamic == null || !dynamic.isObject()) {
      return;
    }
    ObjectNode copy = out.putObject("dynamicAllocation");
    KubeflowTrees.copy(dynamic, copy, DYNAMIC_ALLOCATION);
    if (dynamic.hasNonNull("shuffleTrackingTimeout")) {
      // kubeflow passes the number as is; Spark reads a bare number as milliseconds.
      out.withObjectProperty("sparkConf")
          .put(
              "spark.dynamicAllocation.shuffleTracking.timeout",
              dynamic.get("shuffleTrackingTimeout").asText());
    }
  }

  private static ObjectMeta metadata(JsonNode metadata, WarningLog log) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(metadata.path("name").asText(null));
    meta.setNamespace(metadata.path("namespace").asText(null));
    if (metadata.get("labels") instanceof ObjectNode labels && !labels.isEmpty()) {
      meta.setLabels(KubeflowTrees.JSON.convertValue(labels, StringMap.TYPE));
    }
    if (metadata.get("annotations") instanceof ObjectNode annotations) {
      Map<String, String> kept = KubeflowTrees.JSON.convertValue(annotations, StringMap.TYPE);
      // kubectl's copy of the old object would describe a SparkApplication, not this job.
      kept.remove("kubectl.kubernetes.io/last-applied-configuration");
      meta.setAnnotations(kept.isEmpty() ? null : kept);
    }
    for (String field : Set.of("generateName", "ownerReferences", "finalizers")) {
      if (metadata.has(field)) {
        log.warn("metadata." + field, "not carried over; set it on the SparkBatchJob if needed");
      }
    }
    return meta;
  }
}
