package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/**
 * Time limits of a job. A limit that is reached fails the attempt (driver start) or the whole job
 * (activeDeadlineSeconds) with a reason saying which.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Timeouts {

  @JsonPropertyDescription(
      "Seconds a driver pod may take from creation to running (image pull, scheduling, volume mounts). Past it the attempt fails with reason DriverStartTimeout. Defaults to 600.")
  @Min(1)
  private Long driverStartSeconds;

  @JsonPropertyDescription(
      "Seconds the whole job may run, from its first attempt to its end, retries included (like batch/v1 Job's activeDeadlineSeconds). Past it the driver is stopped and the job fails with reason DeadlineExceeded. Unset means no limit.")
  @Min(1)
  private Long activeDeadlineSeconds;

  public Long getDriverStartSeconds() {
    return driverStartSeconds;
  }

  public void setDriverStartSeconds(Long driverStartSeconds) {
    this.driverStartSeconds = driverStartSeconds;
  }

  public Long getActiveDeadlineSeconds() {
    return activeDeadlineSeconds;
  }

  public void setActiveDeadlineSeconds(Long activeDeadlineSeconds) {
    this.activeDeadlineSeconds = activeDeadlineSeconds;
  }
}
