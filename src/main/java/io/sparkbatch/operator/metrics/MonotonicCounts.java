package io.sparkbatch.operator.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts that only go up, exposed under kubeflow/spark-operator's exact names. Kubeflow's Go client
 * exposes its counters without a {@code _total} suffix; Prometheus' Java client always appends one
 * to a counter, which would break every dashboard written for kubeflow. So these are gauges holding
 * a monotonic count: {@code increase()} and {@code rate()} work on them as they do on kubeflow's.
 * Keys are label values from bounded sets (namespaces, reasons), never job names.
 */
final class MonotonicCounts {
  private final MeterRegistry registry;
  private final String name;
  private final String description;
  private final List<String> labels;
  private final Map<List<String>, AtomicLong> counts = new ConcurrentHashMap<>();

  MonotonicCounts(MeterRegistry registry, String name, String description, String... labels) {
    this.registry = Objects.requireNonNull(registry);
    this.name = name;
    this.description = description;
    this.labels = List.of(labels);
  }

  void increment(String... values) {
    add(1, values);
  }

  void add(long amount, String... values) {
    counts.computeIfAbsent(List.of(values), this::register).addAndGet(amount);
  }

  private AtomicLong register(List<String> values) {
    AtomicLong count = new AtomicLong();
    Tags tags = Tags.empty();
    for (int i = 0; i < labels.size(); i++) {
      tags = tags.and(labels.get(i), values.get(i));
    }
    Gauge.builder(name, count, AtomicLong::get)
        .description(description)
        .tags(tags)
        .strongReference(true)
        .register(registry);
    return count;
  }
}
