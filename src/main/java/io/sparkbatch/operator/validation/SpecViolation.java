package io.sparkbatch.operator.validation;

import java.util.Objects;

/**
 * One broken rule of a SparkBatchJob: the field path as {@code kubectl explain} spells it (for
 * example {@code spec.executor.instances} or {@code spec.sparkConf[spark.master]}) and what is
 * allowed there. {@link #toString()} is the line shown in status, events and {@code kubectl
 * describe}.
 */
public record SpecViolation(String field, String message) {

  public SpecViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
