package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Spark dynamic allocation. On Kubernetes it needs shuffle tracking (the default here), since there
 * is no external shuffle service.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "!has(self.minExecutors) || !has(self.maxExecutors) || self.minExecutors <= self.maxExecutors",
    message = "spec.dynamicAllocation.minExecutors must not exceed maxExecutors")
public class DynamicAllocation {

  @JsonPropertyDescription("Turn dynamic allocation on (spark.dynamicAllocation.enabled).")
  private Boolean enabled;

  @JsonPropertyDescription("Executors at start (spark.dynamicAllocation.initialExecutors).")
  @Min(0)
  private Integer initialExecutors;

  @JsonPropertyDescription("Lower bound on executors (spark.dynamicAllocation.minExecutors).")
  @Min(0)
  private Integer minExecutors;

  @JsonPropertyDescription("Upper bound on executors (spark.dynamicAllocation.maxExecutors).")
  @Min(0)
  private Integer maxExecutors;

  @JsonPropertyDescription(
      "Track shuffle files so that executors holding them are kept (spark.dynamicAllocation.shuffleTracking.enabled). Defaults to true when dynamic allocation is on.")
  private Boolean shuffleTrackingEnabled;

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getInitialExecutors() {
    return initialExecutors;
  }

  public void setInitialExecutors(Integer initialExecutors) {
    this.initialExecutors = initialExecutors;
  }

  public Integer getMinExecutors() {
    return minExecutors;
  }

  public void setMinExecutors(Integer minExecutors) {
    this.minExecutors = minExecutors;
  }

  public Integer getMaxExecutors() {
    return maxExecutors;
  }

  public void setMaxExecutors(Integer maxExecutors) {
    this.maxExecutors = maxExecutors;
  }

  public Boolean getShuffleTrackingEnabled() {
    return shuffleTrackingEnabled;
  }

  public void setShuffleTrackingEnabled(Boolean shuffleTrackingEnabled) {
    this.shuffleTrackingEnabled = shuffleTrackingEnabled;
  }
}
