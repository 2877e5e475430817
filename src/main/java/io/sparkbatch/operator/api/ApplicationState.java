package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** kubeflow-compatible application state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ApplicationState {

  @JsonPropertyDescription(
      "SUBMITTED, RUNNING, COMPLETED, FAILED or PENDING_RERUN. Never a transient UNKNOWN.")
  private ApplicationStateType state;

  @JsonPropertyDescription("Why the job failed, when it did.")
  private String errorMessage;

  public ApplicationStateType getState() {
    return state;
  }

  public void setState(ApplicationStateType state) {
    this.state = state;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }
}
