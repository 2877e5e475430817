package io.sparkbatch.operator.convert;

import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a parser made of its input: the job, and the Spark properties the input asks spark-submit
 * for (the "expected" side of the round trip).
 */
record ParsedJob(SparkBatchJob job, Map<String, String> sourceConf) {

  static Map<String, String> values(Map<String, ConfValue> conf) {
    Map<String, String> values = new LinkedHashMap<>();
    conf.forEach((k, v) -> values.put(k, v.value()));
    return values;
  }
}
