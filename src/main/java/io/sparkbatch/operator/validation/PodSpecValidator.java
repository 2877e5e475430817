package io.sparkbatch.operator.validation;

import static io.sparkbatch.operator.validation.SpecViolations.isBlank;
import static io.sparkbatch.operator.validation.SpecViolations.quote;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules for spec.driver and spec.executor, which share {@link SparkPodSpec}. */
final class PodSpecValidator {

  /**
   * Labels Spark sets on its pods for its own bookkeeping (Constants.scala). Spark refuses them in
   * spark.kubernetes.*.label.*, and an executor wearing another application's spark-app-selector
   * would be adopted by the wrong driver.
   */
  static final Set<String> SPARK_RESERVED_LABELS =
      Set.of(
          "spark-app-selector",
          "spark-app-name",
          "spark-role",
          "spark-version",
          "spark-exec-id",
          "spark-exec-resourceprofile-id",
          "spark-exec-inactive");

  /**
   * Spark drops executor environment variables whose names do not match this, with only a warning
   * in the driver log (KubernetesExecutorConf.checkExecutorEnvKey); the same rule for both roles.
   */
  private static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");

  /**
   * Stands in for {{APP_ID}} when a label value is checked: an application id as long as the
   * operator's ({@code spark-<32 hex digits>-<attempt>}), for attempts up to 999.
   */
  private static final String APP_ID_STAND_IN = "spark-" + "0".repeat(32) + "-999";

  private PodSpecValidator() {}

  /**
   * The value as it will be on the pod: Spark replaces {{APP_ID}} and {{EXECUTOR_ID}} in the values
   * of spark.kubernetes.*.label.* (the driver's are replaced by the operator, the same way).
   */
  private static String withIdsFilledIn(String value) {
    return value.replace("{{APP_ID}}", APP_ID_STAND_IN).replace("{{EXECUTOR_ID}}", "1");
  }

  /**
   * @param path spec.driver or spec.executor
   * @param specVolumes names of spec.volumes, which both roles may mount
   * @param namespace the job's namespace (may be null in a fixture without metadata)
   */
  static void validate(
      String path,
      SparkPodSpec pod,
      Set<String> specVolumes,
      String namespace,
      SpecViolations out) {
    if (pod == null) {
      return;
    }
    out.atLeast(path + ".cores", pod.getCores(), 1);
    if (pod instanceof ExecutorSpec executor) {
      out.atLeast(path + ".instances", executor.getInstances(), 0);
    }
    cpu(path, pod, out);
    memory(path + ".memory", pod.getMemory(), true, out);
    memory(path + ".memoryOverhead", pod.getMemoryOverhead(), false, out);
    if (!isBlank(pod.getImage()) && !pod.getImage().matches("\\S+")) {
      out.add(
          path + ".image",
          "must be an image reference without spaces, got " + quote(pod.getImage()));
    }
    labels(path + ".labels", pod.getLabels(), true, out);
    labels(path + ".nodeSelector", pod.getNodeSelector(), false, out);
    annotationKeys(path + ".annotations", pod.getAnnotations(), out);
    env(path + ".env", pod.getEnv(), out);
    volumeMounts(path, pod, specVolumes, out);
    templateNamespace(path + ".template", pod.getTemplate(), namespace, out);
  }

  private static void cpu(String path, SparkPodSpec pod, SpecViolations out) {
    Optional<CpuQuantity> request = cpuQuantity(path + ".coreRequest", pod.getCoreRequest(), out);
    Optional<CpuQuantity> limit = cpuQuantity(path + ".coreLimit", pod.getCoreLimit(), out);
    if (pod.getCoreRequest() == null && pod.getCores() != null && pod.getCores() >= 1) {
      request = Optional.of(CpuQuantity.ofCores(pod.getCores()));
    }
    if (request.isPresent() && limit.isPresent() && limit.get().compareTo(request.get()) < 0) {
      // The API server refuses a pod whose CPU limit is below its request.
      out.add(
          path + ".coreLimit",
          "must be >= the CPU request ("
              + (pod.getCoreRequest() == null ? "cores" : "coreRequest")
              + ") "
              + request.get()
              + ", got "
              + limit.get());
    }
  }

  private static Optional<CpuQuantity> cpuQuantity(String field, String value, SpecViolations out) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<CpuQuantity> parsed = CpuQuantity.parse(value);
    if (parsed.isEmpty()) {
      out.add(field, "must be a CPU quantity like 1, 1.5 or 500m, got " + quote(value));
    }
    return parsed;
  }

  private static void memory(String field, String value, boolean heap, SpecViolations out) {
    if (value == null) {
      return;
    }
    Optional<MemorySize> size = MemorySize.parse(value);
    if (size.isEmpty()) {
      out.add(field, "must be a size like 512m, 4g or 4Gi, got " + quote(value));
    } else if (heap && size.get().mebibytes() < 1) {
      out.add(field, "must be at least 1m (one MiB), got " + quote(value));
    }
  }

  private static void labels(
      String field, Map<String, String> labels, boolean sparkReserved, SpecViolations out) {
    if (labels == null) {
      return;
    }
    labels.forEach(
        (key, value) -> {
          String at = field + "[" + key + "]";
          if (!KubernetesNames.isQualifiedName(key)) {
            out.add(
                at,
                "key must be a Kubernetes label key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'");
          } else if (sparkReserved && SPARK_RESERVED_LABELS.contains(key)) {
            out.add(at, "is set by Spark for its own bookkeeping and cannot be overridden");
          }
          if (value == null || !KubernetesNames.isLabelValue(withIdsFilledIn(value))) {
            out.add(
                at,
                "value must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit, got "
                    + quote(String.valueOf(value)));
          }
        });
  }

  private static void annotationKeys(
      String field, Map<String, String> annotations, SpecViolations out) {
    if (annotations == null) {
      return;
    }
    // Values are free text and may carry tokens: only keys are checked, and none is echoed back.
    for (String key : annotations.keySet()) {
      if (!KubernetesNames.isQualifiedName(key)) {
        out.add(
            field + "[" + key + "]",
            "key must be a Kubernetes annotation key: an optional DNS prefix and '/', then at most 63 letters, digits, '-', '_' or '.'");
      }
    }
  }

  private static void env(String field, List<EnvVar> env, SpecViolations out) {
    if (env == null) {
      return;
    }
    for (int i = 0; i < env.size(); i++) {
      EnvVar var = env.get(i);
      String at = field + "[" + i + "]";
      if (var == null || isBlank(var.getName())) {
        out.add(at + ".name", "must be set");
        continue;
      }
      if (!ENV_NAME.matcher(var.getName()).matches()) {
        out.add(
            at + ".name",
            "must be letters, digits, '_', '-' or '.', not starting with a digit, got "
                + quote(var.getName()));
      }
      // Env values can be secrets: this message names the variable but never shows its value.
      if (var.getValue() != null && !var.getValue().isEmpty() && var.getValueFrom() != null) {
        out.add(at, "set value or valueFrom, not both (variable " + var.getName() + ")");
      }
    }
  }

  private static void volumeMounts(
      String path, SparkPodSpec pod, Set<String> specVolumes, SpecViolations out) {
    List<VolumeMount> mounts = pod.getVolumeMounts();
    if (mounts == null) {
      return;
    }
    // A mount may also name a volume the role's own template declares: the pod gets both.
    Set<String> known = new HashSet<>(specVolumes);
    known.addAll(templateVolumeNames(pod.getTemplate()));
    Set<String> mountPaths = new HashSet<>();
    for (int i = 0; i < mounts.size(); i++) {
      VolumeMount mount = mounts.get(i);
      String at = path + ".volumeMounts[" + i + "]";
      if (mount == null) {
        out.add(at, "must be set");
        continue;
      }
      if (isBlank(mount.getName())) {
        out.add(at + ".name", "must be set");
      } else if (!known.contains(mount.getName())) {
        out.add(
            at + ".name",
            "must name a volume in spec.volumes"
                + (known.isEmpty() ? " (there are none)" : " " + known.stream().sorted().toList())
                + ", got "
                + quote(mount.getName()));
      }
      if (isBlank(mount.getMountPath())) {
        out.add(at + ".mountPath", "must be set");
      } else if (!mountPaths.add(mount.getMountPath())) {
        out.add(
            at + ".mountPath",
            "must be unique within the container, "
                + quote(mount.getMountPath())
                + " is mounted twice");
      }
    }
  }

  private static Set<String> templateVolumeNames(PodTemplateSpec template) {
    if (template == null || template.getSpec() == null || template.getSpec().getVolumes() == null) {
      return Set.of();
    }
    Set<String> names = new HashSet<>();
    for (Volume v : template.getSpec().getVolumes()) {
      if (v != null && v.getName() != null) {
        names.add(v.getName());
      }
    }
    return names;
  }

  /**
   * The operator creates every pod in the job's namespace; a namespace in the template would either
   * be ignored silently or, worse, move a pod the user may not create there.
   */
  private static void templateNamespace(
      String path, PodTemplateSpec template, String namespace, SpecViolations out) {
    if (template == null || template.getMetadata() == null) {
      return;
    }
    String templateNamespace = template.getMetadata().getNamespace();
    if (templateNamespace != null && !Objects.equals(templateNamespace, namespace)) {
      out.add(
          path + ".metadata.namespace",
          "must be unset: pods always run in the job's namespace"
              + (namespace == null ? "" : " (" + namespace + ")")
              + ", got "
              + quote(templateNamespace));
    }
  }
}
