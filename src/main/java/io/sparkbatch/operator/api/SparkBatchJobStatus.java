package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * What the operator observed. Bounded in size whatever the job does: counts, not one entry per
 * executor.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SparkBatchJobStatus {

  @JsonPropertyDescription(
      "Where the job is in its life: Pending, Submitted, Running, Retrying, Succeeded or Failed.")
  private JobPhase phase;

  @JsonPropertyDescription(
      "Why the job is in this phase, from a fixed vocabulary (see docs/custom-resource.md).")
  private JobReason reason;

  @JsonPropertyDescription("A human-readable explanation of the phase and reason.")
  private String message;

  @JsonPropertyDescription("The metadata.generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Kubernetes-style conditions: Complete and Failed as batch/v1 Job has them (kubectl wait --for=condition=Complete works), Running while the driver runs, and InvalidSpec when the spec was rejected.")
  private List<Condition> conditions;

  @JsonPropertyDescription("The current (or last) attempt: its driver pod and how it ended.")
  private AttemptStatus attempt;

  @JsonPropertyDescription("Earlier attempts of this run, newest first, at most 5.")
  private List<AttemptStatus> previousAttempts;

  @JsonPropertyDescription(
      "Attempts of the current run that failed in a row; compared with restartPolicy.onFailureRetries.")
  private Integer failedAttempts;

  @JsonPropertyDescription("Executor pods of the current attempt, by state.")
  private ExecutorCounts executors;

  @JsonPropertyDescription(
      "Spark's application id (spark-app-selector label) of the current attempt.")
  private String sparkApplicationId;

  @JsonPropertyDescription("When the first attempt of the current run started (RFC 3339).")
  private String startTime;

  @JsonPropertyDescription("When the job finished (RFC 3339).")
  private String completionTime;

  @JsonPropertyDescription("While Retrying: when the next attempt starts (RFC 3339).")
  private String nextAttemptTime;

  @JsonPropertyDescription(
      "From startTime to completionTime, for example 5m12s; set when the job finishes.")
  private String duration;

  @JsonPropertyDescription(
      "The kubeflow-compatible state that Airflow's SparkKubernetesSensor and Argo Workflows read.")
  private ApplicationState applicationState;

  @JsonPropertyDescription("Where to find the driver: pod name and Spark UI service.")
  private DriverInfo driverInfo;

  @JsonPropertyDescription(
      "Core-seconds and GiB-seconds the job's pods held (all attempts of this run), from pod status timestamps, and an estimated cost when prices are configured.")
  private Usage usage;

  public JobPhase getPhase() {
    return phase;
  }

  public void setPhase(JobPhase phase) {
    this.phase = phase;
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

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public AttemptStatus getAttempt() {
    return attempt;
  }

  public void setAttempt(AttemptStatus attempt) {
    this.attempt = attempt;
  }

  public List<AttemptStatus> getPreviousAttempts() {
    return previousAttempts;
  }

  public void setPreviousAttempts(List<AttemptStatus> previousAttempts) {
    this.previousAttempts = previousAttempts;
  }

  public Integer getFailedAttempts() {
    return failedAttempts;
  }

  public void setFailedAttempts(Integer failedAttempts) {
    this.failedAttempts = failedAttempts;
  }

  public ExecutorCounts getExecutors() {
    return executors;
  }

  public void setExecutors(ExecutorCounts executors) {
    this.executors = executors;
  }

  public String getSparkApplicationId() {
    return sparkApplicationId;
  }

  public void setSparkApplicationId(String sparkApplicationId) {
    this.sparkApplicationId = sparkApplicationId;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getCompletionTime() {
    return completionTime;
  }

  public void setCompletionTime(String completionTime) {
    this.completionTime = completionTime;
  }

  public String getNextAttemptTime() {
    return nextAttemptTime;
  }

  public void setNextAttemptTime(String nextAttemptTime) {
    this.nextAttemptTime = nextAttemptTime;
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration;
  }

  public ApplicationState getApplicationState() {
    return applicationState;
  }

  public void setApplicationState(ApplicationState applicationState) {
    this.applicationState = applicationState;
  }

  public DriverInfo getDriverInfo() {
    return driverInfo;
  }

  public void setDriverInfo(DriverInfo driverInfo) {
    this.driverInfo = driverInfo;
  }

  public Usage getUsage() {
    return usage;
  }

  public void setUsage(Usage usage) {
    this.usage = usage;
  }
}
