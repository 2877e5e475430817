package io.sparkbatch.operator.validation;

import io.sparkbatch.operator.api.DynamicAllocation;
import io.sparkbatch.operator.api.RestartPolicy;
import io.sparkbatch.operator.api.RestartPolicyType;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.api.Timeouts;

/** Rules for how the job runs over time: executor scaling, retries, time limits and clean-up. */
final class RunPolicyValidator {

  private RunPolicyValidator() {}

  static void validate(SparkBatchJobSpec spec, SpecViolations out) {
    dynamicAllocation(spec.getDynamicAllocation(), out);
    restartPolicy(spec.getRestartPolicy(), out);
    timeouts(spec, out);
  }

  /**
   * Mirrors the schema's minimums and the CEL rule min <= max, and adds what Spark's
   * ExecutorAllocationManager refuses at start: an initial count outside [min, max] (Spark only
   * warns and then uses max(initial, min)), and maxExecutors of 0 with allocation on.
   */
  private static void dynamicAllocation(DynamicAllocation da, SpecViolations out) {
    if (da == null) {
      return;
    }
    String at = "spec.dynamicAllocation.";
    Integer min = da.getMinExecutors();
    Integer max = da.getMaxExecutors();
    Integer initial = da.getInitialExecutors();
    out.atLeast(at + "minExecutors", min, 0);
    out.atLeast(at + "maxExecutors", max, 0);
    out.atLeast(at + "initialExecutors", initial, 0);
    if (min != null && max != null && min > max) {
      out.add(at + "minExecutors", "must be <= maxExecutors (" + max + "), got " + min);
    }
    if (initial != null && min != null && initial < min) {
      out.add(at + "initialExecutors", "must be >= minExecutors (" + min + "), got " + initial);
    }
    if (initial != null && max != null && initial > max) {
      out.add(at + "initialExecutors", "must be <= maxExecutors (" + max + "), got " + initial);
    }
    if (Boolean.TRUE.equals(da.getEnabled()) && max != null && max == 0) {
      out.add(
          at + "maxExecutors", "must be > 0 when dynamic allocation is enabled (Spark refuses 0)");
    }
  }

  /** Mirrors the schema's minimums and the CEL rule that Never takes no retries. */
  private static void restartPolicy(RestartPolicy policy, SpecViolations out) {
    if (policy == null) {
      return;
    }
    String at = "spec.restartPolicy.";
    out.atLeast(at + "onFailureRetries", policy.getOnFailureRetries(), 0);
    out.atLeast(at + "onFailureRetryInterval", policy.getOnFailureRetryInterval(), 0);
    out.atLeast(at + "onSubmissionFailureRetries", policy.getOnSubmissionFailureRetries(), 0);
    out.atLeast(
        at + "onSubmissionFailureRetryInterval", policy.getOnSubmissionFailureRetryInterval(), 0);
    out.atLeast(at + "maxRetryInterval", policy.getMaxRetryInterval(), 0);
    RestartPolicyType type = policy.getType() == null ? RestartPolicyType.NEVER : policy.getType();
    Integer retries = policy.getOnFailureRetries();
    if (type == RestartPolicyType.NEVER && retries != null && retries != 0) {
      out.add(
          at + "onFailureRetries",
          "needs type OnFailure or Always (type is Never, which runs one attempt), got " + retries);
    }
  }

  private static void timeouts(SparkBatchJobSpec spec, SpecViolations out) {
    Timeouts timeouts = spec.getTimeouts();
    if (timeouts != null) {
      out.atLeast("spec.timeouts.driverStartSeconds", timeouts.getDriverStartSeconds(), 1);
      out.atLeast("spec.timeouts.activeDeadlineSeconds", timeouts.getActiveDeadlineSeconds(), 1);
    }
    out.atLeast("spec.timeToLiveSeconds", spec.getTimeToLiveSeconds(), 0);
    out.atLeast("spec.releaseResourcesAfterSeconds", spec.getReleaseResourcesAfterSeconds(), 0);
  }
}
