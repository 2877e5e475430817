package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The entry point the reconciler calls: everything one attempt of a job needs, as pure values. No
 * client, no clock, no environment: the same job, attempt and settings always give equal objects,
 * so a restarted operator rebuilds exactly what it created before.
 */
public final class DriverResourcesFactory {

  private DriverResourcesFactory() {}

  /**
   * The ConfigMap, Service and driver pod of attempt {@code attempt} (from 1).
   *
   * @throws IllegalArgumentException when the spec cannot be turned into a driver (no image, a
   *     memory size Spark rejects, no main application file, no metadata.uid); the validator is
   *     expected to have rejected such specs already
   */
  public static DriverResources build(SparkBatchJob job, int attempt, SubmissionSettings settings) {
    Objects.requireNonNull(job.getSpec(), "spec");
    Objects.requireNonNull(settings, "settings");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + attempt);
    }
    TreeMap<String, String> conf = SparkConfResolver.resolve(job, attempt, settings);
    Optional<Pod> executorTemplate = ExecutorPodTemplateFactory.build(job);
    return new DriverResources(
        DriverConfigMapFactory.build(job, attempt, conf, executorTemplate),
        DriverServiceFactory.build(job, attempt, conf),
        DriverPodFactory.build(job, attempt, conf, settings));
  }
}
