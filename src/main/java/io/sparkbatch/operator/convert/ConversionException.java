package io.sparkbatch.operator.convert;

/** Input the converter cannot turn into a SparkBatchJob. The message names the line or field. */
public final class ConversionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConversionException(String where, String message) {
    super(where + ": " + message);
  }
}
