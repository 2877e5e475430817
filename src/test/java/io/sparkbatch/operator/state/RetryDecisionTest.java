package io.sparkbatch.operator.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.RestartPolicy;
import io.sparkbatch.operator.api.RestartPolicyType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryDecisionTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static RestartPolicy policy(
      RestartPolicyType type, Integer retries, Long interval, Long cap) {
    RestartPolicy policy = new RestartPolicy();
    policy.setType(type);
    policy.setOnFailureRetries(retries);
    policy.setOnFailureRetryInterval(interval);
    policy.setMaxRetryInterval(cap);
    return policy;
  }

  @Test
  void neverFinishesAfterOneAttemptWhateverTheOutcome() {
    var failed = RetryDecision.decide(null, JobReason.DRIVER_FAILED, 0, T, null);
    assertThat(failed.retry()).isFalse();
    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.failedAttempts()).isEqualTo(1);
    var ok =
        RetryDecision.decide(
            policy(RestartPolicyType.NEVER, null, null, null), JobReason.COMPLETED, 0, T, null);
    assertThat(ok.retry()).isFalse();
    assertThat(ok.succeeded()).isTrue();
  }

  @Test
  void onFailureRetriesUntilTheRetriesAreUsedUp() {
    var policy = policy(RestartPolicyType.ON_FAILURE, 2, 10L, null);
    assertThat(RetryDecision.decide(policy, JobReason.DRIVER_FAILED, 0, T, null).retryAt())
        .isEqualTo(T.plusSeconds(10));
    assertThat(RetryDecision.decide(policy, JobReason.DRIVER_FAILED, 1, T, null).retryAt())
        .isEqualTo(T.plusSeconds(20));
    var exhausted = RetryDecision.decide(policy, JobReason.DRIVER_FAILED, 2, T, null);
    assertThat(exhausted.retry()).isFalse();
    assertThat(exhausted.failedAttempts()).isEqualTo(3);
  }

  @Test
  void onFailureStopsAtSuccess() {
    var outcome =
        RetryDecision.decide(
            policy(RestartPolicyType.ON_FAILURE, 2, 10L, null), JobReason.COMPLETED, 1, T, null);
    assertThat(outcome.retry()).isFalse();
    assertThat(outcome.succeeded()).isTrue();
  }

  @Test
  void alwaysRunsAgainAfterSuccessAtTheBaseInterval() {
    var outcome =
        RetryDecision.decide(
            policy(RestartPolicyType.ALWAYS, 1, 5L, null), JobReason.COMPLETED, 1, T, null);
    assertThat(outcome.retryAt()).isEqualTo(T.plusSeconds(5));
    assertThat(outcome.failedAttempts()).isZero();
  }

  @Test
  void backoffDoublesAndIsCapped() {
    var policy = policy(RestartPolicyType.ON_FAILURE, 10, 10L, 60L);
    assertThat(RetryDecision.backoff(policy, 1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(RetryDecision.backoff(policy, 2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(RetryDecision.backoff(policy, 3)).isEqualTo(Duration.ofSeconds(40));
    assertThat(RetryDecision.backoff(policy, 4)).isEqualTo(Duration.ofSeconds(60));
    assertThat(RetryDecision.backoff(policy, 30)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void reasonsThatEndTheJobAreNotRetried() {
    var policy = policy(RestartPolicyType.ON_FAILURE, 5, 1L, null);
    for (JobReason reason : JobReason.NOT_RETRIED) {
      assertThat(RetryDecision.decide(policy, reason, 0, T, null).retry())
          .as(reason.name())
          .isFalse();
    }
  }

  @Test
  void noRetryIsPlannedPastTheDeadline() {
    var policy = policy(RestartPolicyType.ON_FAILURE, 5, 30L, null);
    assertThat(
            RetryDecision.decide(policy, JobReason.DRIVER_FAILED, 0, T, T.plusSeconds(10)).retry())
        .isFalse();
    assertThat(
            RetryDecision.decide(policy, JobReason.DRIVER_FAILED, 0, T, T.plusSeconds(60)).retry())
        .isTrue();
  }
}
