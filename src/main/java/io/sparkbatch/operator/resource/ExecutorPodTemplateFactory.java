package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The executor pod template, for the executor fields Spark configuration cannot express: env read
 * from Secrets or ConfigMaps (valueFrom), envFrom, volume mounts, tolerations, affinity, security
 * contexts, priority class, and spec.executor.template itself. Spark's driver reads it from {@value
 * Names#EXECUTOR_TEMPLATE_PATH} and builds every executor on top of it. Everything Spark
 * configuration can say (resources, image, labels, annotations, node selector, scheduler, plain
 * env) stays in spark.properties, so a job without such fields has no template at all.
 */
public final class ExecutorPodTemplateFactory {

  // Quotes every scalar: the driver parses this file, and a plain 0x1F or yes would change type.
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private ExecutorPodTemplateFactory() {}

  /** Whether the job's executors need a pod template. */
  public static boolean needsTemplate(SparkBatchJob job) {
    ExecutorSpec executor = job.getSpec().getExecutor();
    if (executor == null) {
      return false;
    }
    return executor.getTemplate() != null
        || envNeedsTemplate(executor)
        || !SparkPodOverlay.orEmpty(executor.getEnvFrom()).isEmpty()
        || !SparkPodOverlay.orEmpty(executor.getVolumeMounts()).isEmpty()
        || !SparkPodOverlay.orEmpty(executor.getTolerations()).isEmpty()
        || executor.getAffinity() != null
        || executor.getSecurityContext() != null
        || executor.getPodSecurityContext() != null
        || executor.getPriorityClassName() != null;
  }

  /**
   * Whether spec.executor.env goes into the template rather than {@code spark.executorEnv.*}: when
   * any entry reads a Secret, ConfigMap or field (valueFrom), which Spark configuration cannot
   * express and whose value must never be copied. All entries then go, to keep their order.
   */
  public static boolean envNeedsTemplate(ExecutorSpec executor) {
    return SparkPodOverlay.orEmpty(executor.getEnv()).stream()
        .anyMatch(e -> e.getValueFrom() != null);
  }

  /** The template pod, when the job needs one. */
  public static Optional<Pod> build(SparkBatchJob job) {
    if (!needsTemplate(job)) {
      return Optional.empty();
    }
    ExecutorSpec executor = job.getSpec().getExecutor();
    Pod pod =
        SparkPodOverlay.apply(
            templateOnlyFields(executor), job.getSpec().getVolumes(), Names.EXECUTOR_CONTAINER);
    pod.setApiVersion("v1");
    pod.setKind("Pod");
    if (envNeedsTemplate(executor)) {
      Container spark = pod.getSpec().getContainers().get(0);
      spark.setEnv(EnvMerge.merge(spark.getEnv(), executor.getEnv()));
    }
    return Optional.of(new PodBuilder(pod).build());
  }

  /** The template as the YAML file Spark's driver loads. */
  public static String toYaml(Pod template) {
    return YAML.asYaml(template);
  }

  /**
   * The executor spec reduced to what only the template can carry; the rest goes through Spark
   * configuration (see {@link SparkConfResolver}), so it is not said twice.
   */
  private static ExecutorSpec templateOnlyFields(ExecutorSpec executor) {
    ExecutorSpec only = new ExecutorSpec();
    only.setTemplate(executor.getTemplate());
    only.setEnvFrom(executor.getEnvFrom());
    only.setVolumeMounts(executor.getVolumeMounts());
    only.setTolerations(executor.getTolerations());
    only.setAffinity(executor.getAffinity());
    only.setSecurityContext(executor.getSecurityContext());
    only.setPodSecurityContext(executor.getPodSecurityContext());
    only.setPriorityClassName(executor.getPriorityClassName());
    return only;
  }

  /** Plain env entries of the executor, for {@code spark.executorEnv.*}. */
  static List<EnvVar> plainEnv(ExecutorSpec executor) {
    if (envNeedsTemplate(executor)) {
      return List.of();
    }
    return new ArrayList<>(SparkPodOverlay.orEmpty(executor.getEnv()));
  }
}
