package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.api.RestartPolicy;
import io.sparkbatch.operator.api.RestartPolicyType;

/**
 * kubeflow's restartPolicy (same field names here) or its older failureRetries/retryInterval, with
 * the differences in retry timing spelled out.
 */
final class KubeflowRestartPolicy {
  private KubeflowRestartPolicy() {}

  static RestartPolicy convert(JsonNode spec, String specPath, WarningLog log) {
    String path = specPath + ".restartPolicy";
    JsonNode node = spec.get("restartPolicy");
    if (node == null || node.isNull()) {
      return legacy(spec, specPath, log);
    }
    RestartPolicy policy = KubeflowTrees.bind(node, RestartPolicy.class, path);
    boolean never = policy.getType() == null || policy.getType() == RestartPolicyType.NEVER;
    if (never && policy.getOnFailureRetries() != null && policy.getOnFailureRetries() > 0) {
      log.warn(
          path + ".onFailureRetries",
          "ignored by kubeflow with type Never, and rejected here: dropped");
      policy.setOnFailureRetries(null);
    }
    if (!never && (policy.getOnFailureRetries() == null || policy.getOnFailureRetries() > 0)) {
      log.warn(
          path,
          "kubeflow waited onFailureRetryInterval times the attempts so far (a linear backoff);"
              + " the operator doubles the wait after each failed attempt, from"
              + " onFailureRetryInterval up to maxRetryInterval (300 s unless set)");
    }
    if (policy.getOnSubmissionFailureRetries() != null
        || policy.getOnSubmissionFailureRetryInterval() != null) {
      log.warn(
          path + ".onSubmissionFailureRetries",
          "kept for compatibility, but there is no spark-submit step to fail here: a driver that"
              + " cannot start is a failed attempt, retried per onFailureRetries");
    }
    for (String legacy : new String[] {"failureRetries", "retryInterval"}) {
      if (spec.has(legacy)) {
        log.warn(specPath + "." + legacy, "restartPolicy is set, which wins; dropped");
      }
    }
    return policy;
  }

  /** failureRetries and retryInterval, kubeflow's fields from before restartPolicy. */
  private static RestartPolicy legacy(JsonNode spec, String specPath, WarningLog log) {
    if (!spec.hasNonNull("failureRetries")) {
      if (spec.has("retryInterval")) {
        log.warn(specPath + ".retryInterval", "no failureRetries to go with it; dropped");
      }
      return null;
    }
    RestartPolicy policy = new RestartPolicy();
    policy.setType(RestartPolicyType.ON_FAILURE);
    policy.setOnFailureRetries(spec.get("failureRetries").asInt());
    if (spec.hasNonNull("retryInterval")) {
      policy.setOnFailureRetryInterval(spec.get("retryInterval").asLong());
    }
    log.warn(
        specPath + ".failureRetries",
        "now spec.restartPolicy OnFailure with onFailureRetries (and retryInterval as"
            + " onFailureRetryInterval)");
    return policy;
  }
}
