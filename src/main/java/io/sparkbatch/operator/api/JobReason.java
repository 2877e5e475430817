package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.Set;

/**
 * Why a job or an attempt is where it is. A fixed vocabulary: alerts and dashboards match on it.
 */
public enum JobReason {
  /** The job was accepted and waits for its driver pod to be created. */
  @JsonProperty("Accepted")
  ACCEPTED,
  /** The driver pod was created and is being scheduled or started. */
  @JsonProperty("DriverStarting")
  DRIVER_STARTING,
  /** The driver is running. */
  @JsonProperty("DriverRunning")
  DRIVER_RUNNING,
  /** The driver exited with code 0. */
  @JsonProperty("Completed")
  COMPLETED,
  /** The spec breaks a rule the operator checks; the message names the field. Not retried. */
  @JsonProperty("InvalidSpec")
  INVALID_SPEC,
  /** spec.driver.serviceAccount names an account that does not exist. Not retried. */
  @JsonProperty("ServiceAccountMissing")
  SERVICE_ACCOUNT_MISSING,
  /** The API server refused the driver pod (quota, admission webhook, invalid pod field). */
  @JsonProperty("SubmissionFailed")
  SUBMISSION_FAILED,
  /**
   * The driver image could not be pulled (ImagePullBackOff, InvalidImageName, ErrImageNeverPull).
   */
  @JsonProperty("ImagePullFailure")
  IMAGE_PULL_FAILURE,
  /** The driver pod could not be scheduled on any node before the driver start timeout. */
  @JsonProperty("Unschedulable")
  UNSCHEDULABLE,
  /** The driver container could not be created: a missing Secret or ConfigMap, usually. */
  @JsonProperty("ContainerConfigError")
  CONTAINER_CONFIG_ERROR,
  /** The driver did not reach Running within timeouts.driverStartSeconds. */
  @JsonProperty("DriverStartTimeout")
  DRIVER_START_TIMEOUT,
  /** The driver container was killed for exceeding its memory limit. */
  @JsonProperty("DriverOOMKilled")
  DRIVER_OOM_KILLED,
  /** The driver pod was evicted or preempted (node pressure, eviction API, preemption). */
  @JsonProperty("DriverEvicted")
  DRIVER_EVICTED,
  /** The driver's node stopped responding or was removed. */
  @JsonProperty("NodeLost")
  NODE_LOST,
  /** The driver pod was deleted by someone other than the operator. */
  @JsonProperty("DriverPodDeleted")
  DRIVER_POD_DELETED,
  /** The driver exited with a non-zero code (kept in attempt.exitCode). */
  @JsonProperty("DriverFailed")
  DRIVER_FAILED,
  /** The job ran past timeouts.activeDeadlineSeconds; its driver was stopped. Not retried. */
  @JsonProperty("DeadlineExceeded")
  DEADLINE_EXCEEDED,
  /** The attempt was stopped because the spec changed; a new run of the new spec follows. */
  @JsonProperty("SpecChanged")
  SPEC_CHANGED;

  /** Reasons that end the whole job at once, whatever the restart policy says. */
  public static final Set<JobReason> NOT_RETRIED =
      EnumSet.of(INVALID_SPEC, SERVICE_ACCOUNT_MISSING, DEADLINE_EXCEEDED);

  /** The word as it appears in status and events. */
  public String value() {
    try {
      return JobReason.class.getField(name()).getAnnotation(JsonProperty.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
