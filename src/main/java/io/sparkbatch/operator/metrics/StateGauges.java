package io.sparkbatch.operator.metrics;

import io.fabric8.kubernetes.api.model.Pod;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.observe.PodRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Gauges of the current state, computed from the informer caches just before each scrape. They hold
 * one series per namespace (and phase) that has jobs or pods now: a namespace whose jobs are all
 * deleted drops out, so nothing grows with the number of jobs ever seen.
 */
public final class StateGauges {
  private static final String ROLE = "spark-role";

  private final ClusterView view;
  private final MultiGauge jobsByPhase;
  private final MultiGauge runningApplications;
  private final MultiGauge runningDrivers;
  private final MultiGauge runningExecutors;
  private final MultiGauge requestedCores;
  private final MultiGauge requestedMemory;

  public StateGauges(MeterRegistry registry, ClusterView view) {
    this.view = Objects.requireNonNull(view);
    jobsByPhase =
        MultiGauge.builder("sparkbatch_jobs")
            .description("Jobs by current phase.")
            .register(registry);
    runningApplications =
        MultiGauge.builder("spark_application_running_count")
            .description("Jobs whose driver is running.")
            .register(registry);
    runningDrivers =
        MultiGauge.builder("sparkbatch_drivers_running")
            .description("Driver pods running.")
            .register(registry);
    runningExecutors =
        MultiGauge.builder("spark_executor_running_count")
            .description("Executor pods running.")
            .register(registry);
    requestedCores =
        MultiGauge.builder("sparkbatch_running_requested_cores")
            .description("CPU cores requested by running driver and executor pods.")
            .register(registry);
    requestedMemory =
        MultiGauge.builder("sparkbatch_running_requested_memory_bytes")
            .description("Memory requested by running driver and executor pods.")
            .baseUnit("bytes")
            .register(registry);
  }

  /** Recomputes every gauge from the caches. */
  public void refresh() {
    Map<String, Map<JobPhase, Integer>> phases = new TreeMap<>();
    view.jobs()
        .forEach(
            job -> {
              JobPhase phase =
                  job.getStatus() == null || job.getStatus().getPhase() == null
                      ? JobPhase.PENDING
                      : job.getStatus().getPhase();
              phases
                  .computeIfAbsent(job.getMetadata().getNamespace(), n -> new HashMap<>())
                  .merge(phase, 1, Integer::sum);
            });
    List<MultiGauge.Row<?>> phaseRows = new ArrayList<>();
    List<MultiGauge.Row<?>> runningRows = new ArrayList<>();
    phases.forEach(
        (namespace, counts) -> {
          for (JobPhase phase : JobPhase.values()) {
            phaseRows.add(
                MultiGauge.Row.of(
                    Tags.of("namespace", namespace, "phase", phaseName(phase)),
                    counts.getOrDefault(phase, 0)));
          }
          runningRows.add(
              MultiGauge.Row.of(
                  Tags.of("namespace", namespace), counts.getOrDefault(JobPhase.RUNNING, 0)));
        });
    jobsByPhase.register(phaseRows, true);
    runningApplications.register(runningRows, true);

    Map<String, double[]> pods = new TreeMap<>();
    view.pods()
        .forEach(
            pod -> {
              // Every namespace with pods gets rows, so that counts fall to zero, not vanish.
              double[] sums =
                  pods.computeIfAbsent(pod.getMetadata().getNamespace(), n -> new double[4]);
              if (!isRunning(pod)) {
                return;
              }
              String role = pod.getMetadata().getLabels().get(ROLE);
              if ("driver".equals(role)) {
                sums[0]++;
              } else if ("executor".equals(role)) {
                sums[1]++;
              }
              PodRun.of(pod)
                  .ifPresent(
                      run -> {
                        sums[2] += run.cores();
                        sums[3] += run.memoryGiB() * 1024 * 1024 * 1024;
                      });
            });
    runningDrivers.register(rows(pods, 0), true);
    runningExecutors.register(rows(pods, 1), true);
    requestedCores.register(rows(pods, 2), true);
    requestedMemory.register(rows(pods, 3), true);
  }

  private static List<MultiGauge.Row<?>> rows(Map<String, double[]> sums, int index) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    sums.forEach(
        (namespace, values) ->
            rows.add(MultiGauge.Row.of(Tags.of("namespace", namespace), values[index])));
    return rows;
  }

  /** As status.phase spells it: Pending, Running... */
  static String phaseName(JobPhase phase) {
    String name = phase.name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isRunning(Pod pod) {
    return pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())
        && pod.getMetadata().getLabels() != null;
  }
}
