package io.sparkbatch.operator.bench;

import java.util.List;
import java.util.Map;

/** The benchmark's reports as a text table: one row per figure, one column per N. */
final class BenchTable {
  private BenchTable() {}

  private record Row(String label, String path, String target) {}

  private static final List<Row> ROWS =
      List.of(
          new Row("jobs succeeded", "succeeded", "N"),
          new Row("end to end, jobs/min", "jobsPerMinute", ""),
          new Row("API server alone, jobs/min", "ceiling.jobsPerMinute", ""),
          new Row("fraction of the ceiling", "fractionOfCeiling", ">= 0.8 at N=1000"),
          new Row("submit latency p50 ms", "submitLatencyMs.p50", ""),
          new Row("submit latency p95 ms", "submitLatencyMs.p95", ""),
          new Row("submit latency p99 ms", "submitLatencyMs.p99", "< 1000"),
          new Row("submit latency max ms", "submitLatencyMs.max", ""),
          new Row("  API server alone, p99 ms", "ceiling.submitLatencyMs.p99", ""),
          new Row("status lag p50 ms", "statusLagMs.p50", ""),
          new Row("status lag p95 ms", "statusLagMs.p95", ""),
          new Row("status lag p99 ms", "statusLagMs.p99", "< 1000"),
          new Row("status lag max ms", "statusLagMs.max", ""),
          new Row("  API server alone, p99 ms", "ceiling.statusLagMs.p99", ""),
          new Row("operator CPU ms/job", "operatorCpuMsPerJob", "<= 20"),
          new Row("API requests/job", "apiRequestsPerJob", ""),
          new Row("API writes/job (no Events)", "apiWritesPerJob", "<= 6"),
          new Row("  of which status writes", "statusWritesPerJob", "<= 3"),
          new Row("Event writes/job", "eventWritesPerJob", "<= 4"),
          new Row("named GETs/job", "namedGetsPerJob", ""),
          new Row("heap idle KiB", "operatorHeapIdleKiB", ""),
          new Row("heap, N tracked, KiB", "operatorHeapTrackedKiB", ""),
          new Row("heap per tracked job KiB", "operatorHeapPerTrackedJobKiB", "< 32"));

  static String format(List<Map<String, Object>> reports) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-30s", "N"));
    reports.forEach(r -> out.append(String.format("%12s", r.get("n"))));
    out.append(String.format("  %s%n", "target"));
    for (Row row : ROWS) {
      out.append(String.format("%-30s", row.label()));
      reports.forEach(r -> out.append(String.format("%12s", value(r, row.path()))));
      out.append(String.format("  %s%n", row.target()));
    }
    out.append(String.format("%nRequests per job by verb and resource:%n"));
    for (Map<String, Object> r : reports) {
      out.append(
          String.format("  N=%s: %s%n", r.get("n"), r.get("requestsPerJobByVerbAndResource")));
    }
    return out.toString();
  }

  /** The value at a dotted path ("statusLagMs.p99"), or "-". */
  static Object value(Map<String, Object> report, String path) {
    Object current = report;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map<?, ?> map) || map.get(part) == null) {
        return "-";
      }
      current = map.get(part);
    }
    return current;
  }

  /** Every figure the table shows, for tests. */
  static List<String> paths() {
    return ROWS.stream().map(Row::path).toList();
  }
}
