package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * EMR's applicationConfiguration classifications as Spark properties. spark-defaults is
 * spark-defaults.conf, so its properties rank below sparkSubmitParameters' --conf; spark-hive-site
 * becomes Hadoop configuration, spark-metrics Spark's metrics properties, spark-env's exports the
 * driver's and executors' environment. Classifications that configure EMR itself are reported.
 */
final class EmrClassifications {
  private EmrClassifications() {}

  /** The properties the classifications set, lowest precedence first. */
  static Map<String, ConfValue> read(JsonNode list, String path, WarningLog log) {
    Map<String, ConfValue> conf = new LinkedHashMap<>();
    if (list == null || list.isNull()) {
      return conf;
    }
    if (!list.isArray()) {
      throw new ConversionException(path, "expected a list of classifications");
    }
    for (int i = 0; i < list.size(); i++) {
      String at = path + "[" + i + "]";
      JsonNode item = list.get(i);
      String classification = StructuredInput.text(item, "classification", at + ".");
      if (classification == null) {
        throw new ConversionException(at + ".classification", "missing");
      }
      String where = at + " " + classification;
      switch (classification) {
        case "spark-defaults" -> properties(item, at, "", where, conf);
        case "spark-hive-site" -> properties(item, at, "spark.hadoop.", where, conf);
        case "spark-metrics" -> properties(item, at, "spark.metrics.conf.", where, conf);
        case "spark-env" -> exports(item, at, where, conf, log);
        default -> log.warn(where, advice(classification));
      }
      if (!classification.equals("spark-env")
          && item.has("configurations")
          && !item.get("configurations").isEmpty()) {
        log.warn(
            at + ".configurations",
            "nested classifications of "
                + classification
                + " mean nothing outside EMR; not carried over");
      }
    }
    return conf;
  }

  private static void properties(
      JsonNode item, String at, String prefix, String where, Map<String, ConfValue> conf) {
    JsonNode properties = StructuredInput.object(item, "properties", at + ".");
    if (properties == null) {
      return;
    }
    properties
        .properties()
        .forEach(e -> conf.put(prefix + e.getKey(), new ConfValue(e.getValue().asText(), where)));
  }

  private static void exports(
      JsonNode item, String at, String where, Map<String, ConfValue> conf, WarningLog log) {
    JsonNode nested = item.get("configurations");
    if (nested == null || !nested.isArray()) {
      return;
    }
    for (int i = 0; i < nested.size(); i++) {
      JsonNode export = nested.get(i);
      String nestedAt = at + ".configurations[" + i + "]";
      if (!"export".equals(StructuredInput.text(export, "classification", nestedAt + "."))) {
        log.warn(nestedAt, "only export classifications of spark-env are carried over");
        continue;
      }
      JsonNode properties = StructuredInput.object(export, "properties", nestedAt + ".");
      if (properties == null) {
        continue;
      }
      properties
          .properties()
          .forEach(
              e -> {
                ConfValue value = new ConfValue(e.getValue().asText(), where);
                conf.put("spark.kubernetes.driverEnv." + e.getKey(), value);
                conf.put("spark.executorEnv." + e.getKey(), value);
              });
    }
  }

  private static String advice(String classification) {
    if (classification.contains("log4j")) {
      return "logging configuration is not carried over: put a log4j2.properties into the"
          + " image's /opt/spark/conf, or mount it from a ConfigMap and point"
          + " spec.driver.javaOptions at it (-Dlog4j2.configurationFile=...)";
    }
    if (classification.startsWith("emr-") || classification.startsWith("jobsubmitter")) {
      return "configures EMR's job submitter pod; the operator creates the driver pod directly,"
          + " so set pod settings in spec.driver and spec.executor";
    }
    return "an EMR classification with no SparkBatchJob equivalent; not carried over";
  }
}
