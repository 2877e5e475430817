package io.sparkbatch.operator.convert;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.Dependencies;
import io.sparkbatch.operator.api.DynamicAllocation;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A stand-in for the operator's SparkConfResolver, written from the CRD's field documentation: the
 * Spark properties a SparkBatchJob stands for. It lets the round-trip test run before the resolver
 * lands; the round trip must then use the resolver itself (see RoundTripTest).
 */
final class ReferenceSparkConf {
  private ReferenceSparkConf() {}

  static Map<String, String> of(SparkBatchJob job) {
    SparkBatchJobSpec spec = job.getSpec();
    Map<String, String> conf = new LinkedHashMap<>();
    put(conf, "spark.app.name", job.getMetadata().getName());
    put(conf, "spark.kubernetes.namespace", job.getMetadata().getNamespace());
    if (spec.getSparkConf() != null) {
      conf.putAll(spec.getSparkConf());
    }
    if (spec.getHadoopConf() != null) {
      spec.getHadoopConf().forEach((k, v) -> conf.put("spark.hadoop." + k, v));
    }
    put(conf, "spark.submit.deployMode", spec.getMode());
    put(conf, "spark.kubernetes.container.image", spec.getImage());
    put(conf, "spark.kubernetes.container.image.pullPolicy", spec.getImagePullPolicy());
    put(conf, "spark.kubernetes.container.image.pullSecrets", joined(spec.getImagePullSecrets()));
    deps(conf, spec.getDeps());
    dynamicAllocation(conf, spec.getDynamicAllocation());
    pod(conf, "driver", spec.getDriver(), spec.getVolumes());
    pod(conf, "executor", spec.getExecutor(), spec.getVolumes());
    return conf;
  }

  private static void deps(Map<String, String> conf, Dependencies deps) {
    if (deps == null) {
      return;
    }
    put(conf, "spark.jars", joined(deps.getJars()));
    put(conf, "spark.files", joined(deps.getFiles()));
    put(conf, "spark.submit.pyFiles", joined(deps.getPyFiles()));
    put(conf, "spark.jars.packages", joined(deps.getPackages()));
    put(conf, "spark.jars.repositories", joined(deps.getRepositories()));
    put(conf, "spark.jars.excludes", joined(deps.getExcludePackages()));
    put(conf, "spark.archives", joined(deps.getArchives()));
  }

  private static void dynamicAllocation(Map<String, String> conf, DynamicAllocation dyn) {
    if (dyn == null) {
      return;
    }
    String p = "spark.dynamicAllocation.";
    put(conf, p + "enabled", dyn.getEnabled());
    put(conf, p + "initialExecutors", dyn.getInitialExecutors());
    put(conf, p + "minExecutors", dyn.getMinExecutors());
    put(conf, p + "maxExecutors", dyn.getMaxExecutors());
    boolean enabled = Boolean.TRUE.equals(dyn.getEnabled());
    Boolean tracking = dyn.getShuffleTrackingEnabled();
    put(conf, p + "shuffleTracking.enabled", tracking != null ? tracking : enabled ? true : null);
  }

  private static void pod(
      Map<String, String> conf, String role, SparkPodSpec pod, List<Volume> volumes) {
    if (pod == null) {
      return;
    }
    String spark = "spark." + role + ".";
    String kube = "spark.kubernetes." + role + ".";
    put(conf, spark + "cores", pod.getCores());
    put(conf, kube + "request.cores", pod.getCoreRequest());
    put(conf, kube + "limit.cores", pod.getCoreLimit());
    put(conf, spark + "memory", pod.getMemory());
    put(conf, spark + "memoryOverhead", pod.getMemoryOverhead());
    put(conf, kube + "container.image", pod.getImage());
    put(conf, spark + "extraJavaOptions", pod.getJavaOptions());
    put(
        conf,
        "spark.kubernetes.authenticate." + role + ".serviceAccountName",
        pod.getServiceAccount());
    put(conf, kube + "scheduler.name", pod.getSchedulerName());
    each(pod.getLabels(), (k, v) -> conf.put(kube + "label." + k, v));
    each(pod.getAnnotations(), (k, v) -> conf.put(kube + "annotation." + k, v));
    each(pod.getNodeSelector(), (k, v) -> conf.put(kube + "node.selector." + k, v));
    String env = role.equals("driver") ? "spark.kubernetes.driverEnv." : "spark.executorEnv.";
    for (EnvVar var : pod.getEnv() == null ? List.<EnvVar>of() : pod.getEnv()) {
      if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
        var ref = var.getValueFrom().getSecretKeyRef();
        conf.put(kube + "secretKeyRef." + var.getName(), ref.getName() + ":" + ref.getKey());
      } else {
        conf.put(env + var.getName(), var.getValue());
      }
    }
    for (VolumeMount mount :
        pod.getVolumeMounts() == null ? List.<VolumeMount>of() : pod.getVolumeMounts()) {
      volumes.stream()
          .filter(v -> v.getName().equals(mount.getName()))
          .findFirst()
          .ifPresent(v -> volume(conf, kube, v, mount));
    }
    if (pod instanceof ExecutorSpec executor) {
      put(conf, "spark.executor.instances", executor.getInstances());
      put(conf, kube + "deleteOnTermination", executor.getDeleteOnTermination());
    }
  }

  private static void volume(Map<String, String> conf, String kube, Volume v, VolumeMount mount) {
    if (v.getSecret() != null) {
      conf.put(kube + "secrets." + v.getSecret().getSecretName(), mount.getMountPath());
      return;
    }
    String type =
        v.getHostPath() != null
            ? "hostPath"
            : v.getEmptyDir() != null
                ? "emptyDir"
                : v.getNfs() != null
                    ? "nfs"
                    : v.getPersistentVolumeClaim() != null ? "persistentVolumeClaim" : null;
    if (type == null) {
      return;
    }
    String p = kube + "volumes." + type + "." + v.getName() + ".";
    put(conf, p + "mount.path", mount.getMountPath());
    put(conf, p + "mount.readOnly", mount.getReadOnly());
    put(conf, p + "mount.subPath", mount.getSubPath());
    if (v.getPersistentVolumeClaim() != null) {
      put(conf, p + "options.claimName", v.getPersistentVolumeClaim().getClaimName());
    }
    if (v.getEmptyDir() != null) {
      put(conf, p + "options.medium", v.getEmptyDir().getMedium());
    }
  }

  private static void each(Map<String, String> map, BiConsumer<String, String> action) {
    if (map != null) {
      map.forEach(action);
    }
  }

  private static String joined(List<String> items) {
    return items == null || items.isEmpty() ? null : String.join(",", items);
  }

  private static void put(Map<String, String> conf, String key, Object value) {
    if (value != null) {
      conf.put(key, value.toString());
    }
  }
}
