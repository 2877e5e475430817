package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** The executor pods, which the driver creates. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExecutorSpec extends SparkPodSpec {

  @JsonPropertyDescription(
      "Number of executors (spark.executor.instances). Defaults to 2; with dynamic allocation, the initial number.")
  @Min(0)
  private Integer instances;

  @JsonPropertyDescription(
      "Delete executor pods when they end (spark.kubernetes.executor.deleteOnTermination). Defaults to true.")
  private Boolean deleteOnTermination;

  public Integer getInstances() {
    return instances;
  }

  public void setInstances(Integer instances) {
    this.instances = instances;
  }

  public Boolean getDeleteOnTermination() {
    return deleteOnTermination;
  }

  public void setDeleteOnTermination(Boolean deleteOnTermination) {
    this.deleteOnTermination = deleteOnTermination;
  }
}
