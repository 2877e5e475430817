package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One attempt: one driver pod from creation to its end. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AttemptStatus {

  @JsonPropertyDescription("Attempt number within the current run, from 1.")
  private Integer number;

  @JsonPropertyDescription("Name of the attempt's driver pod.")
  private String driverPodName;

  @JsonPropertyDescription("When the attempt's driver pod was created (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the attempt ended (RFC 3339).")
  private String endTime;

  @JsonPropertyDescription("Exit code of the driver container, when it terminated.")
  private Integer exitCode;

  @JsonPropertyDescription("How the attempt ended (Completed on success).")
  private JobReason reason;

  @JsonPropertyDescription("Details of how the attempt ended.")
  private String message;

  public Integer getNumber() {
    return number;
  }

  public void setNumber(Integer number) {
    this.number = number;
  }

  public String getDriverPodName() {
    return driverPodName;
  }

  public void setDriverPodName(String driverPodName) {
    this.driverPodName = driverPodName;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getEndTime() {
    return endTime;
  }

  public void setEndTime(String endTime) {
    this.endTime = endTime;
  }

  public Integer getExitCode() {
    return exitCode;
  }

  public void setExitCode(Integer exitCode) {
    this.exitCode = exitCode;
  }

  public JobReason getReason() {
    return reason;
  }

  public void setReason(JobReason reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
