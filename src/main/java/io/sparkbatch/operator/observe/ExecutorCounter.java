package io.sparkbatch.operator.observe;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.api.ExecutorCounts;
import java.util.Collection;
import java.util.Map;

/**
 * Counts an attempt's executor pods by state. Executors end in many normal ways (the driver deletes
 * them when the application stops, dynamic allocation removes idle ones, Spark kills them with
 * SIGTERM at shutdown), so only an executor that failed while the application was still going
 * counts as failed: after a successful driver, every executor counts as succeeded.
 */
public final class ExecutorCounter {

  private ExecutorCounter() {}

  /**
   * @param requested executors asked for
   * @param current the attempt's executor pods that exist now
   * @param removed last seen phase of executor pods of this attempt that no longer exist
   * @param driverSucceeded whether the driver ended with success
   * @param previous the counts in status, so that finished counts never go down (after an operator
   *     restart the removed pods are no longer known)
   */
  public static ExecutorCounts count(
      int requested,
      Collection<Pod> current,
      Map<String, String> removed,
      boolean driverSucceeded,
      ExecutorCounts previous) {
    int pending = 0;
    int running = 0;
    int succeeded = 0;
    int failed = 0;
    for (Pod pod : current) {
      switch (phase(pod)) {
        case "Running" -> running++;
        case "Succeeded" -> succeeded++;
        case "Failed" -> {
          if (driverSucceeded) {
            succeeded++;
          } else {
            failed++;
          }
        }
        default -> pending++;
      }
    }
    for (String lastPhase : removed.values()) {
      if ("Failed".equals(lastPhase) && !driverSucceeded) {
        failed++;
      } else {
        succeeded++;
      }
    }
    if (previous != null) {
      succeeded = Math.max(succeeded, zero(previous.getSucceeded()));
      failed = Math.max(failed, zero(previous.getFailed()));
    }
    ExecutorCounts counts = new ExecutorCounts();
    counts.setRequested(requested);
    counts.setPending(pending);
    counts.setRunning(running);
    counts.setSucceeded(succeeded);
    counts.setFailed(failed);
    counts.setSummary(running + "/" + requested);
    return counts;
  }

  /** The pod's phase, Pending when the pod has no status yet. */
  public static String phase(Pod pod) {
    return pod.getStatus() == null || pod.getStatus().getPhase() == null
        ? "Pending"
        : pod.getStatus().getPhase();
  }

  private static int zero(Integer value) {
    return value == null ? 0 : value;
  }
}
