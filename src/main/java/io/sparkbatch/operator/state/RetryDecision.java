package io.sparkbatch.operator.state;

import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.RestartPolicy;
import io.sparkbatch.operator.api.RestartPolicyType;
import java.time.Duration;
import java.time.Instant;

/**
 * What follows an attempt that ended: the job finishes, or another attempt starts at a given time.
 * Pure: the caller passes the policy, the outcome and the time.
 */
public final class RetryDecision {

  static final int DEFAULT_RETRIES = 3;
  static final long DEFAULT_INTERVAL_SECONDS = 10;
  static final long DEFAULT_MAX_INTERVAL_SECONDS = 300;

  /** The outcome: {@code retryAt} is null when the job finishes now. */
  public record Outcome(boolean succeeded, Instant retryAt, int failedAttempts) {
    public boolean retry() {
      return retryAt != null;
    }
  }

  private RetryDecision() {}

  /**
   * @param policy the spec's restart policy (null: Never)
   * @param reason how the attempt ended; {@link JobReason#COMPLETED} is success
   * @param failedAttemptsBefore failed attempts in a row before this one
   * @param endedAt when the attempt ended; the wait counts from there
   * @param deadline the job's deadline (null: none); no attempt is planned past it
   */
  public static Outcome decide(
      RestartPolicy policy,
      JobReason reason,
      int failedAttemptsBefore,
      Instant endedAt,
      Instant deadline) {
    boolean succeeded = reason == JobReason.COMPLETED;
    int failedAttempts = succeeded ? 0 : failedAttemptsBefore + 1;
    RestartPolicyType type = policy == null || policy.getType() == null ? null : policy.getType();
    if (type == null || type == RestartPolicyType.NEVER || JobReason.NOT_RETRIED.contains(reason)) {
      return new Outcome(succeeded, null, failedAttempts);
    }
    if (succeeded && type == RestartPolicyType.ON_FAILURE) {
      return new Outcome(true, null, 0);
    }
    int retries =
        policy.getOnFailureRetries() == null ? DEFAULT_RETRIES : policy.getOnFailureRetries();
    if (!succeeded && failedAttempts > retries) {
      return new Outcome(false, null, failedAttempts);
    }
    Instant at = endedAt.plus(backoff(policy, failedAttempts));
    if (deadline != null && !at.isBefore(deadline)) {
      return new Outcome(succeeded, null, failedAttempts);
    }
    return new Outcome(succeeded, at, failedAttempts);
  }

  /**
   * The wait before the next attempt: the base interval after a success (Always), doubled for each
   * failure in a row after the first, capped by maxRetryInterval.
   */
  static Duration backoff(RestartPolicy policy, int failedAttempts) {
    long base =
        policy.getOnFailureRetryInterval() == null
            ? DEFAULT_INTERVAL_SECONDS
            : policy.getOnFailureRetryInterval();
    long cap =
        policy.getMaxRetryInterval() == null
            ? DEFAULT_MAX_INTERVAL_SECONDS
            : policy.getMaxRetryInterval();
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
    long seconds = base;
    for (int i = 0; i < doublings && seconds < cap; i++) {
      seconds *= 2;
    }
    return Duration.ofSeconds(Math.min(seconds, Math.max(cap, base)));
  }
}
