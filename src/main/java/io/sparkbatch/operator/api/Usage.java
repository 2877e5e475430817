package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Resources the job's pods held, summed over all attempts of the current run: each pod's requests
 * multiplied by the time its container actually ran (from pod status timestamps). See
 * docs/metrics.md for the method and its limits.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Usage {

  @JsonPropertyDescription("Driver CPU requested times the seconds the driver ran.")
  private Double driverCoreSeconds;

  @JsonPropertyDescription("Driver memory requested, in GiB, times the seconds the driver ran.")
  private Double driverMemoryGiBSeconds;

  @JsonPropertyDescription("Sum over executor pods of CPU requested times the seconds each ran.")
  private Double executorCoreSeconds;

  @JsonPropertyDescription(
      "Sum over executor pods of memory requested, in GiB, times the seconds each ran.")
  private Double executorMemoryGiBSeconds;

  @JsonPropertyDescription(
      "Estimated cost from the operator's configured prices per core-hour and GiB-hour; absent when no price is configured.")
  private Double estimatedCost;

  public Double getDriverCoreSeconds() {
    return driverCoreSeconds;
  }

  public void setDriverCoreSeconds(Double driverCoreSeconds) {
    this.driverCoreSeconds = driverCoreSeconds;
  }

  public Double getDriverMemoryGiBSeconds() {
    return driverMemoryGiBSeconds;
  }

  public void setDriverMemoryGiBSeconds(Double driverMemoryGiBSeconds) {
    this.driverMemoryGiBSeconds = driverMemoryGiBSeconds;
  }

  public Double getExecutorCoreSeconds() {
    return executorCoreSeconds;
  }

  public void setExecutorCoreSeconds(Double executorCoreSeconds) {
    this.executorCoreSeconds = executorCoreSeconds;
  }

  public Double getExecutorMemoryGiBSeconds() {
    return executorMemoryGiBSeconds;
  }

  public void setExecutorMemoryGiBSeconds(Double executorMemoryGiBSeconds) {
    this.executorMemoryGiBSeconds = executorMemoryGiBSeconds;
  }

  public Double getEstimatedCost() {
    return estimatedCost;
  }

  public void setEstimatedCost(Double estimatedCost) {
    this.estimatedCost = estimatedCost;
  }
}
