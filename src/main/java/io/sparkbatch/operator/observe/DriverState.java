package io.sparkbatch.operator.observe;

import io.sparkbatch.operator.api.JobReason;
import java.time.Instant;

/**
 * What a driver pod says about its attempt.
 *
 * @param kind where the attempt is
 * @param reason while starting: why it waits (null when nothing is wrong); once ended: how
 * @param message a human explanation, from the pod's own status where it has one
 * @param exitCode the Spark container's exit code, when it terminated
 * @param at when the driver started running (RUNNING) or ended (ENDED); null when unknown
 */
public record DriverState(
    Kind kind, JobReason reason, String message, Integer exitCode, Instant at) {

  /** Where an attempt is. */
  public enum Kind {
    /** Created, not running yet; {@link #reason} says why when it is stuck. */
    STARTING,
    /** The Spark container runs. */
    RUNNING,
    /** The attempt is over: {@link #reason} is COMPLETED for success. */
    ENDED
  }

  public static DriverState starting(JobReason reason, String message) {
    return new DriverState(Kind.STARTING, reason, message, null, null);
  }

  public static DriverState running(Instant startedAt) {
    return new DriverState(Kind.RUNNING, JobReason.DRIVER_RUNNING, null, null, startedAt);
  }

  public static DriverState ended(JobReason reason, String message, Integer exitCode, Instant at) {
    return new DriverState(Kind.ENDED, reason, message, exitCode, at);
  }

  public boolean succeeded() {
    return kind == Kind.ENDED && reason == JobReason.COMPLETED;
  }

  /**
   * A start that will not get better by waiting (the image cannot be pulled, the container cannot
   * be configured): the attempt ends now instead of at the start timeout.
   */
  public boolean startFailed() {
    return kind == Kind.STARTING
        && (reason == JobReason.IMAGE_PULL_FAILURE || reason == JobReason.CONTAINER_CONFIG_ERROR);
  }
}
