package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

/** Where a SparkBatchJob is in its life. The transitions are in the state package's table. */
public enum JobPhase {
  /** Accepted; the operator has not created the attempt's driver pod yet. */
  @JsonProperty("Pending")
  PENDING(ApplicationStateType.SUBMITTED),
  /** The driver pod exists but its Spark container is not running yet (scheduling, image pull). */
  @JsonProperty("Submitted")
  SUBMITTED(ApplicationStateType.SUBMITTED),
  /** The driver container is running; executors come and go as the driver asks for them. */
  @JsonProperty("Running")
  RUNNING(ApplicationStateType.RUNNING),
  /** An attempt ended and the restart policy asks for another; status.nextAttemptTime says when. */
  @JsonProperty("Retrying")
  RETRYING(ApplicationStateType.PENDING_RERUN),
  /** The application finished with exit code 0. Final until the spec changes. */
  @JsonProperty("Succeeded")
  SUCCEEDED(ApplicationStateType.COMPLETED),
  /** The job ended without success and will not be retried. Final until the spec changes. */
  @JsonProperty("Failed")
  FAILED(ApplicationStateType.FAILED);

  /** Phases after which nothing runs until the spec changes. */
  public static final Set<JobPhase> FINISHED = EnumSet.of(SUCCEEDED, FAILED);

  /** Phases in which the attempt's driver pod is expected to exist. */
  public static final Set<JobPhase> DRIVER_EXPECTED = EnumSet.of(SUBMITTED, RUNNING);

  private final ApplicationStateType applicationState;

  JobPhase(ApplicationStateType applicationState) {
    this.applicationState = applicationState;
  }

  /** The kubeflow-compatible state shown for this phase. */
  public ApplicationStateType applicationState() {
    return applicationState;
  }

  /** The word as it appears in status (Running, not RUNNING); logs and messages use it too. */
  @Override
  public String toString() {
    String name = name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  public boolean isFinished() {
    return FINISHED.contains(this);
  }
}
