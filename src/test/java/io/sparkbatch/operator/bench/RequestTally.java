package io.sparkbatch.operator.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** API requests counted at the server ("VERB resource" -> count), turned into figures per job. */
final class RequestTally {
  private static final Set<String> WRITE_VERBS = Set.of("POST", "PUT", "PATCH", "DELETE");

  private RequestTally() {}

  static Map<String, Long> difference(Map<String, Long> after, Map<String, Long> before) {
    Map<String, Long> diff = new TreeMap<>();
    after.forEach(
        (key, count) -> {
          long d = count - before.getOrDefault(key, 0L);
          if (d != 0) {
            diff.put(key, d);
          }
        });
    return diff;
  }

  static boolean isWrite(String key) {
    return WRITE_VERBS.contains(key.substring(0, key.indexOf(' ')));
  }

  static boolean isEvent(String key) {
    String resource = key.substring(key.indexOf(' ') + 1);
    return resource.equals("events") || resource.startsWith("events/");
  }

  /** Per job: all requests, writes (Events aside), status writes, Event writes, named GETs. */
  static Map<String, Object> perJob(Map<String, Long> requests, int n) {
    long all = 0;
    long writes = 0;
    long statusWrites = 0;
    long eventWrites = 0;
    long namedGets = 0;
    Map<String, Object> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : requests.entrySet()) {
      String key = e.getKey();
      long count = e.getValue();
      all += count;
      if (isWrite(key) && isEvent(key)) {
        eventWrites += count;
      } else if (isWrite(key)) {
        writes += count;
        if (key.endsWith("/status")) {
          statusWrites += count;
        }
      }
      if (key.startsWith("GET ")) {
        namedGets += count;
      }
      byKey.put(key, perJob(count, n));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("apiRequestsPerJob", perJob(all, n));
    report.put("apiWritesPerJob", perJob(writes, n));
    report.put("statusWritesPerJob", perJob(statusWrites, n));
    report.put("eventWritesPerJob", perJob(eventWrites, n));
    report.put("namedGetsPerJob", perJob(namedGets, n));
    report.put("requestsPerJobByVerbAndResource", byKey);
    return report;
  }

  private static double perJob(long count, int n) {
    return Math.round(count * 1000.0 / n) / 1000.0;
  }
}
