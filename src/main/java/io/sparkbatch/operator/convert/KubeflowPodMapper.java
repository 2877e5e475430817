package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.Set;

/**
 * A kubeflow driver or executor spec as a SparkBatchJob one. Most fields have the same name and
 * meaning; kubeflow's webhook-only pod fields (sidecars, init containers, host network, DNS config,
 * GPUs, ports, lifecycle...) go into the role's pod template, where the operator applies them
 * without a webhook; configMaps and secrets become volumes and mounts.
 */
final class KubeflowPodMapper {
  private static final Set<String> SAME =
      Set.of(
          "cores",
          "coreRequest",
          "coreLimit",
          "memory",
          "memoryOverhead",
          "image",
          "envFrom",
          "labels",
          "annotations",
          "affinity",
          "tolerations",
          "podSecurityContext",
          "securityContext",
          "schedulerName",
          "serviceAccount",
          "priorityClassName",
          "javaOptions",
          "template");
  private static final Set<String> EXECUTOR_ONLY = Set.of("instances", "deleteOnTermination");
  private static final Set<String> POD_LEVEL =
      Set.of(
          "initContainers",
          "hostNetwork",
          "dnsConfig",
          "terminationGracePeriodSeconds",
          "hostAliases",
          "shareProcessNamespace");
  private static final Set<String> HANDLED =
      Set.of(
          "env",
          "envVars",
          "envSecretKeyRefs",
          "volumeMounts",
          "nodeSelector",
          "configMaps",
          "secrets",
          "sidecars",
          "lifecycle",
          "ports",
          "gpu");

  private final String role;
  private final String path;
  private final ArrayNode volumes;
  private final WarningLog log;

  /**
   * @param specPath where the application spec is (spec, or spec.template when scheduled)
   * @param volumes spec.volumes being built, to which configMaps and secrets add theirs
   */
  KubeflowPodMapper(String role, String specPath, ArrayNode volumes, WarningLog log) {
    this.role = role;
    this.path = specPath + "." + role;
    this.volumes = volumes;
    this.log = log;
  }

  <T extends SparkPodSpec> T map(JsonNode pod, JsonNode appNodeSelector, Class<T> type) {
    ObjectNode out = KubeflowTrees.JSON.createObjectNode();
    if (pod == null || pod.isNull()) {
      pod = out.objectNode();
    }
    KubeflowTrees.copy(pod, out, SAME);
    if (role.equals("executor")) {
      KubeflowTrees.copy(pod, out, EXECUTOR_ONLY);
    }
    nodeSelector(pod, appNodeSelector, out);
    env(pod, out);
    mounts(pod, out);
    template(pod, out);
    warnings(pod);
    return KubeflowTrees.bind(out, type, path);
  }

  private static void nodeSelector(JsonNode pod, JsonNode app, ObjectNode out) {
    ObjectNode selector = out.objectNode();
    if (app != null && app.isObject()) {
      selector.setAll((ObjectNode) app.deepCopy());
    }
    if (pod.get("nodeSelector") instanceof ObjectNode own) {
      selector.setAll(own.deepCopy());
    }
    if (!selector.isEmpty()) {
      out.set("nodeSelector", selector);
    }
  }

  /** env, then the deprecated envVars map and envSecretKeyRefs, as kubeflow orders them. */
  private static void env(JsonNode pod, ObjectNode out) {
    ArrayNode env = out.arrayNode();
    if (pod.get("env") instanceof ArrayNode list) {
      env.addAll(list.deepCopy());
    }
    if (pod.get("envVars") instanceof ObjectNode vars) {
      vars.properties()
          .forEach(
              e -> env.addObject().put("name", e.getKey()).put("value", e.getValue().asText()));
    }
    if (pod.get("envSecretKeyRefs") instanceof ObjectNode refs) {
      refs.properties()
          .forEach(
              e ->
                  env.addObject()
                      .put("name", e.getKey())
                      .putObject("valueFrom")
                      .putObject("secretKeyRef")
                      .put("name", e.getValue().path("name").asText())
                      .put("key", e.getValue().path("key").asText()));
    }
    if (!env.isEmpty()) {
      out.set("env", env);
    }
  }

  /** volumeMounts, plus a volume and mount per entry of configMaps and secrets. */
  private void mounts(JsonNode pod, ObjectNode out) {
    ArrayNode mounts = out.arrayNode();
    if (pod.get("volumeMounts") instanceof ArrayNode list) {
      mounts.addAll(list.deepCopy());
    }
    for (JsonNode configMap : pod.path("configMaps")) {
      String name = configMap.path("name").asText();
      String volume = name.replace('.', '-') + "-vol";
      addVolume(volume).putObject("configMap").put("name", name);
      mounts.addObject().put("name", volume).put("mountPath", configMap.path("path").asText());
    }
    for (JsonNode secret : pod.path("secrets")) {
      String name = secret.path("name").asText();
      String dir = secret.path("path").asText();
      addVolume(name + "-volume").putObject("secret").put("secretName", name);
      mounts.addObject().put("name", name + "-volume").put("mountPath", dir);
      String env =
          switch (secret.path("secretType").asText()) {
            case "GCPServiceAccount" -> "GOOGLE_APPLICATION_CREDENTIALS=" + dir + "/key.json";
            case "HadoopDelegationToken" -> "HADOOP_TOKEN_FILE_LOCATION=" + dir + "/hadoop.token";
            default -> null;
          };
      if (env != null) {
        ArrayNode list = out.has("env") ? (ArrayNode) out.get("env") : out.putArray("env");
        String[] pair = env.split("=", 2);
        list.addObject().put("name", pair[0]).put("value", pair[1]);
      }
    }
    if (!mounts.isEmpty()) {
      out.set("volumeMounts", mounts);
    }
  }

  /** A new volume in spec.volumes, or a detached node when the driver already added it. */
  private ObjectNode addVolume(String name) {
    for (JsonNode existing : volumes) {
      if (existing.path("name").asText().equals(name)) {
        return volumes.objectNode();
      }
    }
    return volumes.addObject().put("name", name);
  }

  /** Webhook-only fields into the pod template; the Spark container first, then sidecars. */
  private void template(JsonNode pod, ObjectNode out) {
    boolean podLevel = POD_LEVEL.stream().anyMatch(pod::hasNonNull) || pod.hasNonNull("sidecars");
    boolean containerLevel =
        pod.hasNonNull("lifecycle") || pod.hasNonNull("ports") || pod.hasNonNull("gpu");
    if (!podLevel && !containerLevel) {
      return;
    }
    ObjectNode template =
        out.get("template") instanceof ObjectNode t ? t : out.putObject("template");
    ObjectNode spec = template.get("spec") instanceof ObjectNode s ? s : template.putObject("spec");
    KubeflowTrees.copy(pod, spec, POD_LEVEL);
    ArrayNode containers =
        spec.get("containers") instanceof ArrayNode c ? c : spec.putArray("containers");
    String name = "spark-kubernetes-" + role;
    ObjectNode spark = null;
    for (JsonNode c : containers) {
      if (c.path("name").asText().equals(name)) {
        spark = (ObjectNode) c;
      }
    }
    if (spark == null) {
      spark = containers.insertObject(0).put("name", name);
    }
    if (pod.hasNonNull("lifecycle")) {
      spark.set("lifecycle", pod.get("lifecycle").deepCopy());
    }
    if (pod.hasNonNull("ports")) {
      spark.set("ports", pod.get("ports").deepCopy());
    }
    if (pod.hasNonNull("gpu")) {
      JsonNode gpu = pod.get("gpu");
      spark
          .withObjectProperty("resources")
          .withObjectProperty("limits")
          .put(gpu.path("name").asText(), gpu.path("quantity").asText());
    }
    if (pod.get("sidecars") instanceof ArrayNode sidecars) {
      containers.addAll(sidecars.deepCopy());
    }
  }

  private void warnings(JsonNode pod) {
    pod.fieldNames()
        .forEachRemaining(
            field -> {
              String at = path + "." + field;
              if (SAME.contains(field)
                  || HANDLED.contains(field)
                  || POD_LEVEL.contains(field)
                  || role.equals("executor") && EXECUTOR_ONLY.contains(field)) {
                return;
              }
              log.warn(at, advice(field));
            });
  }

  private static String advice(String field) {
    return switch (field) {
      case "memoryLimit" ->
          "the operator sets the memory limit to memory + memoryOverhead: raise memoryOverhead"
              + " to get the same limit";
      case "podName" -> "the operator always names the driver pod <job name>-driver";
      case "kubernetesMaster" ->
          "the driver talks to the API server of its own cluster (kubernetes.default.svc)";
      case "serviceAnnotations", "serviceLabels" ->
          "the operator owns the driver's Service and does not copy these; annotate it with a"
              + " policy tool (Kyverno) if something needs them";
      default -> "not a field the converter knows; not carried over";
    };
  }
}
