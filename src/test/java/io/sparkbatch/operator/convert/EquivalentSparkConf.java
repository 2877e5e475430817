package io.sparkbatch.operator.convert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites Spark properties into one form per meaning, so that two property maps that make Spark do
 * the same thing compare equal: for the round-trip test, which compares the properties the input
 * asked for (Conversion.expectedSparkConf) with those the operator resolves from the converted job,
 * when both may spell a setting differently.
 */
final class EquivalentSparkConf {
  private static final Set<String> LISTS =
      Set.of(
          "spark.jars",
          "spark.files",
          "spark.archives",
          "spark.submit.pyFiles",
          "spark.jars.packages",
          "spark.jars.repositories",
          "spark.jars.excludes",
          "spark.kubernetes.container.image.pullSecrets");

  /** A setting for both roles, and the key of each role that overrides it. */
  private record Shared(String key, String driverKey, String executorKey) {}

  private static final List<Shared> SHARED =
      List.of(
          new Shared(
              "spark.kubernetes.container.image",
              "spark.kubernetes.driver.container.image",
              "spark.kubernetes.executor.container.image"),
          new Shared(
              "spark.kubernetes.scheduler.name",
              "spark.kubernetes.driver.scheduler.name",
              "spark.kubernetes.executor.scheduler.name"));

  private static final String NODE_SELECTOR = "spark.kubernetes.node.selector.";

  private EquivalentSparkConf() {}

  static Map<String, String> normalize(Map<String, String> conf) {
    Map<String, String> out = new LinkedHashMap<>();
    conf.forEach((k, v) -> out.put(k, value(k, v)));
    for (Shared shared : SHARED) {
      String value = out.remove(shared.key());
      if (value != null) {
        out.putIfAbsent(shared.driverKey(), value);
        out.putIfAbsent(shared.executorKey(), value);
      }
    }
    conf.keySet().stream()
        .filter(k -> k.startsWith(NODE_SELECTOR))
        .forEach(
            k -> {
              String label = k.substring(NODE_SELECTOR.length());
              String value = out.remove(k);
              out.putIfAbsent("spark.kubernetes.driver.node.selector." + label, value);
              out.putIfAbsent("spark.kubernetes.executor.node.selector." + label, value);
            });
    return out;
  }

  private static String value(String key, String value) {
    String v = value.strip();
    if (LISTS.contains(key)) {
      return String.join(",", PropertyValues.list(v));
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return v.toLowerCase();
    }
    return v;
  }
}
