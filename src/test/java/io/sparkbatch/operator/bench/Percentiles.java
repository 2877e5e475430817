package io.sparkbatch.operator.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** p50/p95/p99/max of a sample, by nearest rank, in the sample's unit. */
record Percentiles(int count, double p50, double p95, double p99, double max) {

  static Percentiles of(List<Double> values) {
    if (values.isEmpty()) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Percentiles(
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 95),
        rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("count", count);
    map.put("p50", round(p50));
    map.put("p95", round(p95));
    map.put("p99", round(p99));
    map.put("max", round(max));
    return map;
  }

  static Object round(double value) {
    return Double.isNaN(value) ? null : Math.round(value * 10) / 10.0;
  }
}
