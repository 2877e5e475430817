package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The driver pod. The operator names it <job name>-driver. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriverSpec extends SparkPodSpec {}
