package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Executor pods of the current attempt, counted by state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecutorCounts {

  @JsonPropertyDescription(
      "Executors asked for (executor.instances, or the dynamic allocation initial count).")
  private Integer requested;

  @JsonPropertyDescription("Executor pods not yet running.")
  private Integer pending;

  @JsonPropertyDescription("Executor pods running.")
  private Integer running;

  @JsonPropertyDescription(
      "Executor pods that ended normally, including those the driver removed after a successful job.")
  private Integer succeeded;

  @JsonPropertyDescription("Executor pods that failed while the application was still running.")
  private Integer failed;

  @JsonPropertyDescription("running/requested, for kubectl get.")
  private String summary;

  public Integer getRequested() {
    return requested;
  }

  public void setRequested(Integer requested) {
    this.requested = requested;
  }

  public Integer getPending() {
    return pending;
  }

  public void setPending(Integer pending) {
    this.pending = pending;
  }

  public Integer getRunning() {
    return running;
  }

  public void setRunning(Integer running) {
    this.running = running;
  }

  public Integer getSucceeded() {
    return succeeded;
  }

  public void setSucceeded(Integer succeeded) {
    this.succeeded = succeeded;
  }

  public Integer getFailed() {
    return failed;
  }

  public void setFailed(Integer failed) {
    this.failed = failed;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }
}
