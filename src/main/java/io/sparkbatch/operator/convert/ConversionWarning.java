package io.sparkbatch.operator.convert;

/**
 * Something in the input that the SparkBatchJob does not carry as it was, and what to do instead.
 *
 * @param field where in the input: a JSON/YAML path, a spark-submit option or a --conf key with its
 *     line
 * @param message what happened to it and what to do instead
 */
public record ConversionWarning(String field, String message) {

  /** The line printed on stderr. */
  public String format() {
    return "warning: " + field + ": " + message;
  }
}
