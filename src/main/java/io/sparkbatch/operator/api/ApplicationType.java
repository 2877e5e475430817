package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Language of the application, which decides how the driver starts it. */
public enum ApplicationType {
  @JsonProperty("Java")
  JAVA,
  @JsonProperty("Scala")
  SCALA,
  @JsonProperty("Python")
  PYTHON,
  @JsonProperty("R")
  R
}
