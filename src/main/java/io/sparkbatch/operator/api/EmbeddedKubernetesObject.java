package io.sparkbatch.operator.api;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * Schema stand-in for large embedded Kubernetes types (pod template, affinity, volumes, security
 * contexts). Their full OpenAPI schemas would make the CRD larger than kubectl apply accepts
 * (262,144 bytes of last-applied annotation); the API server still validates them when the operator
 * creates the pod, and a rejection is reported as SubmissionFailed naming the field.
 */
@PreserveUnknownFields
public final class EmbeddedKubernetesObject {
  private EmbeddedKubernetesObject() {}
}
