package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.resource.Labels;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The pods of one job as the informer cache has them: its driver pod and the executors the driver
 * created, each carrying the job's labels.
 */
record JobPods(Optional<Pod> driver, List<Pod> executors) {

  static JobPods of(String driverPodName, Collection<Pod> pods) {
    Optional<Pod> driver =
        pods.stream().filter(p -> driverPodName.equals(p.getMetadata().getName())).findFirst();
    List<Pod> executors =
        pods.stream().filter(p -> "executor".equals(label(p, Labels.SPARK_ROLE))).toList();
    return new JobPods(driver, executors);
  }

  /** Executors of one attempt. */
  List<Pod> executorsOf(int attempt) {
    String value = Integer.toString(attempt);
    return executors.stream().filter(p -> value.equals(label(p, Labels.ATTEMPT))).toList();
  }

  static String label(Pod pod, String key) {
    var labels = pod.getMetadata().getLabels();
    return labels == null ? null : labels.get(key);
  }

  static Integer attemptOf(Pod pod) {
    String value = label(pod, Labels.ATTEMPT);
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
