package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where the driver is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriverInfo {

  @JsonPropertyDescription("Name of the driver pod (<job name>-driver).")
  private String podName;

  @JsonPropertyDescription("Name of the driver's Service, which exposes the Spark UI.")
  private String webUIServiceName;

  @JsonPropertyDescription("Port of the Spark UI on that Service.")
  private Integer webUIPort;

  @JsonPropertyDescription(
      "In-cluster address of the Spark UI (service DNS name and port); reach it with kubectl port-forward svc/<webUIServiceName> 4040.")
  private String webUIAddress;

  public String getPodName() {
    return podName;
  }

  public void setPodName(String podName) {
    this.podName = podName;
  }

  public String getWebUIServiceName() {
    return webUIServiceName;
  }

  public void setWebUIServiceName(String webUIServiceName) {
    this.webUIServiceName = webUIServiceName;
  }

  public Integer getWebUIPort() {
    return webUIPort;
  }

  public void setWebUIPort(Integer webUIPort) {
    this.webUIPort = webUIPort;
  }

  public String getWebUIAddress() {
    return webUIAddress;
  }

  public void setWebUIAddress(String webUIAddress) {
    this.webUIAddress = webUIAddress;
  }
}
