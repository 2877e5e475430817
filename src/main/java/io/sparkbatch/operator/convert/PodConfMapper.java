package io.sparkbatch.operator.convert;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves the Spark properties of one role (driver or executor) into its typed pod fields. Role
 * properties win over the shared ones (spark.kubernetes.node.selector.*,
 * spark.kubernetes.scheduler.name), as in Spark 3.3 and later.
 */
final class PodConfMapper {
  private final String role;
  private final SparkPodSpec pod;
  private final WarningLog log;
  private final String kube;
  private final Map<String, String> sharedNodeSelector = new LinkedHashMap<>();
  private final Map<String, String> nodeSelector = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, String> annotations = new LinkedHashMap<>();
  private final List<EnvVar> env = new ArrayList<>();
  private String sharedScheduler;
  private String scheduler;

  PodConfMapper(String role, SparkPodSpec pod, WarningLog log) {
    this.role = role;
    this.pod = pod;
    this.log = log;
    this.kube = "spark.kubernetes." + role + ".";
  }

  /** Takes the property when it is this role's; false leaves it to the caller. */
  boolean accept(String key, ConfValue value) {
    if (key.startsWith(kube + "label.")) {
      labels.put(key.substring((kube + "label.").length()), value.value());
    } else if (key.startsWith(kube + "annotation.")) {
      annotations.put(key.substring((kube + "annotation.").length()), value.value());
    } else if (key.startsWith(kube + "node.selector.")) {
      nodeSelector.put(key.substring((kube + "node.selector.").length()), value.value());
    } else if (key.startsWith(envPrefix())) {
      addEnv(key.substring(envPrefix().length()), value.value());
    } else if (key.startsWith(kube + "secretKeyRef.")) {
      return secretKeyRef(key, value);
    } else if (key.equals(kube + "podTemplateFile")
        || key.equals(kube + "podTemplateContainerName")) {
      log.dropConf(
          key,
          value,
          "the converter does not read pod template files; put the pod's extra settings in"
              + " spec."
              + role
              + ".template (a PodTemplateSpec: metadata and spec of the file's Pod)");
    } else if (key.equals("spark.kubernetes.driver.pod.name") && role.equals("driver")) {
      log.dropConf(key, value, "the operator always names the driver pod <job name>-driver");
    } else if (key.equals(kube + "scheduler.name")) {
      scheduler = value.value();
    } else {
      return scalar(key, value);
    }
    return true;
  }

  private boolean scalar(String key, ConfValue value) {
    String spark = "spark." + role + ".";
    if (key.equals(spark + "cores")) {
      return set(PropertyValues.integer(key, value, 1, log), pod::setCores);
    } else if (key.equals(kube + "request.cores")) {
      return set(cpu(key, value), pod::setCoreRequest);
    } else if (key.equals(kube + "limit.cores")) {
      return set(cpu(key, value), pod::setCoreLimit);
    } else if (key.equals(spark + "memory")) {
      return set(memory(key, value), pod::setMemory);
    } else if (key.equals(spark + "memoryOverhead")) {
      return set(memory(key, value), pod::setMemoryOverhead);
    } else if (key.equals(kube + "container.image")) {
      pod.setImage(value.value());
    } else if (key.equals(spark + "extraJavaOptions")) {
      pod.setJavaOptions(value.value());
    } else if (key.equals("spark.kubernetes.authenticate." + role + ".serviceAccountName")) {
      pod.setServiceAccount(value.value());
    } else if (pod instanceof ExecutorSpec executor && key.equals("spark.executor.instances")) {
      return set(PropertyValues.integer(key, value, 0, log), executor::setInstances);
    } else if (pod instanceof ExecutorSpec executor && key.equals(kube + "deleteOnTermination")) {
      return set(PropertyValues.bool(key, value, log), executor::setDeleteOnTermination);
    } else {
      return false;
    }
    return true;
  }

  /** spark.kubernetes.node.selector.* and spark.kubernetes.scheduler.name: both roles. */
  void acceptShared(String key, ConfValue value) {
    if (key.equals("spark.kubernetes.scheduler.name")) {
      sharedScheduler = value.value();
    } else {
      sharedNodeSelector.put(
          key.substring("spark.kubernetes.node.selector.".length()), value.value());
    }
  }

  void addEnv(String name, String value) {
    env.removeIf(e -> e.getName().equals(name));
    env.add(new EnvVar(name, value, null));
  }

  /** Writes the collected maps and lists into the pod spec. */
  void finish() {
    Map<String, String> selector = new LinkedHashMap<>(sharedNodeSelector);
    selector.putAll(nodeSelector);
    pod.setNodeSelector(selector.isEmpty() ? null : selector);
    pod.setLabels(labels.isEmpty() ? null : labels);
    pod.setAnnotations(annotations.isEmpty() ? null : annotations);
    pod.setEnv(env.isEmpty() ? null : env);
    pod.setSchedulerName(scheduler != null ? scheduler : sharedScheduler);
  }

  private String envPrefix() {
    return role.equals("driver") ? "spark.kubernetes.driverEnv." : "spark.executorEnv.";
  }

  private boolean secretKeyRef(String key, ConfValue value) {
    String[] ref = value.value().split(":", 2);
    if (ref.length != 2 || ref[0].isBlank() || ref[1].isBlank()) {
      log.warn(
          WarningLog.confField(key, value),
          "expected <secret name>:<key>, got '" + value.value() + "'; kept in sparkConf");
      return false;
    }
    String name = key.substring((kube + "secretKeyRef.").length());
    env.removeIf(e -> e.getName().equals(name));
    env.add(
        new EnvVarBuilder()
            .withName(name)
            .withNewValueFrom()
            .withNewSecretKeyRef(ref[1], ref[0], null)
            .endValueFrom()
            .build());
    return true;
  }

  private String cpu(String key, ConfValue value) {
    return PropertyValues.matching(
        key, value, PropertyValues.CPU, "a CPU quantity (0.5, 2, 1500m)", log);
  }

  private String memory(String key, ConfValue value) {
    return PropertyValues.matching(
        key, value, PropertyValues.MEMORY, "a memory size (512m, 4g, 4Gi)", log);
  }

  private static <T> boolean set(T value, java.util.function.Consumer<T> setter) {
    if (value == null) {
      return false;
    }
    setter.accept(value);
    return true;
  }
}
