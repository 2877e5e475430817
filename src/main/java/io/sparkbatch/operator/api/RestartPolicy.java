package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * When to run the application again. Never: one attempt. OnFailure: retry a failed attempt up to
 * onFailureRetries times. Always: start again after every attempt, successful or not (up to
 * onFailureRetries failures in a row). The wait doubles after each failed attempt, from
 * onFailureRetryInterval up to maxRetryInterval.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'Never' || !has(self.onFailureRetries) || self.onFailureRetries == 0",
    message = "spec.restartPolicy.onFailureRetries needs type OnFailure or Always")
public class RestartPolicy {

  @JsonPropertyDescription("Never, OnFailure or Always. Defaults to Never.")
  @Default("Never")
  private RestartPolicyType type;

  @JsonPropertyDescription(
      "How many times a failed attempt is retried (OnFailure), or how many failures in a row end the job (Always). Defaults to 3 for OnFailure and Always.")
  @Min(0)
  private Integer onFailureRetries;

  @JsonPropertyDescription(
      "Seconds to wait before the first retry; each later retry waits twice as long as the one before, up to maxRetryInterval. Defaults to 10.")
  @Min(0)
  private Long onFailureRetryInterval;

  @JsonPropertyDescription(
      "Accepted for compatibility with kubeflow; a driver that could not start counts as a failed attempt and uses onFailureRetries.")
  @Min(0)
  private Integer onSubmissionFailureRetries;

  @JsonPropertyDescription(
      "Accepted for compatibility with kubeflow; see onSubmissionFailureRetries.")
  @Min(0)
  private Long onSubmissionFailureRetryInterval;

  @JsonPropertyDescription(
      "Cap, in seconds, on the wait between attempts as it doubles. Defaults to 300.")
  @Min(0)
  private Long maxRetryInterval;

  public RestartPolicyType getType() {
    return type;
  }

  public void setType(RestartPolicyType type) {
    this.type = type;
  }

  public Integer getOnFailureRetries() {
    return onFailureRetries;
  }

  public void setOnFailureRetries(Integer onFailureRetries) {
    this.onFailureRetries = onFailureRetries;
  }

  public Long getOnFailureRetryInterval() {
    return onFailureRetryInterval;
  }

  public void setOnFailureRetryInterval(Long onFailureRetryInterval) {
    this.onFailureRetryInterval = onFailureRetryInterval;
  }

  public Integer getOnSubmissionFailureRetries() {
    return onSubmissionFailureRetries;
  }

  public void setOnSubmissionFailureRetries(Integer onSubmissionFailureRetries) {
    this.onSubmissionFailureRetries = onSubmissionFailureRetries;
  }

  public Long getOnSubmissionFailureRetryInterval() {
    return onSubmissionFailureRetryInterval;
  }

  public void setOnSubmissionFailureRetryInterval(Long onSubmissionFailureRetryInterval) {
    this.onSubmissionFailureRetryInterval = onSubmissionFailureRetryInterval;
  }

  public Long getMaxRetryInterval() {
    return maxRetryInterval;
  }

  public void setMaxRetryInterval(Long maxRetryInterval) {
    this.maxRetryInterval = maxRetryInterval;
  }
}
