package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;

/**
 * What Spark's cluster-mode client creates for one attempt: the ConfigMap with spark.properties,
 * the driver's headless Service and the driver pod. Create the ConfigMap and Service before the
 * pod, or the pod waits for its volume.
 */
public record DriverResources(ConfigMap configMap, Service service, Pod pod) {

  /** Spark's application id of the attempt (the spark-app-selector label). */
  public String applicationId() {
    return pod.getMetadata().getLabels().get(Labels.SPARK_APP_SELECTOR);
  }
}
