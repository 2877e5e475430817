package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When a job runs again after an attempt ends. */
public enum RestartPolicyType {
  /** One attempt, whatever its outcome. */
  @JsonProperty("Never")
  NEVER,
  /** A failed attempt is retried, up to onFailureRetries times. */
  @JsonProperty("OnFailure")
  ON_FAILURE,
  /** Every attempt is followed by another; onFailureRetries failures in a row end the job. */
  @JsonProperty("Always")
  ALWAYS
}
