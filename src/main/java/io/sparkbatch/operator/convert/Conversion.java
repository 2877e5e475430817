package io.sparkbatch.operator.convert;

import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The result of converting one input.
 *
 * @param source what the input was
 * @param job the SparkBatchJob
 * @param warnings what was not carried over as it was, and what to do instead
 * @param sourceConf the Spark properties the input asks spark-submit for (for kubeflow, those
 *     kubeflow's controller would pass), in input order
 * @param uncarriedKeys the properties of sourceConf the job deliberately does not carry (each has a
 *     warning)
 */
public record Conversion(
    SourceFormat source,
    SparkBatchJob job,
    List<ConversionWarning> warnings,
    Map<String, String> sourceConf,
    Set<String> uncarriedKeys) {

  /**
   * The Spark properties the operator's spark.properties must hold for this job to behave as the
   * input did: sourceConf without the uncarried keys. The round-trip test compares it with what the
   * operator resolves from the job.
   */
  public Map<String, String> expectedSparkConf() {
    Map<String, String> expected = new LinkedHashMap<>(sourceConf);
    expected.keySet().removeAll(uncarriedKeys);
    return expected;
  }
}
