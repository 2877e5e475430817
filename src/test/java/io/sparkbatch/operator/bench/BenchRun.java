package io.sparkbatch.operator.bench;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkbatch.operator.OperatorRuntime;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.testing.PodScript;
import io.sparkbatch.operator.testing.SimulatedCluster;
import io.sparkbatch.operator.testing.SimulatedKubelet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;

/**
 * One measured run of N jobs on a fresh simulated cluster, in two phases: every job is submitted
 * and its driver runs and is held running (so all N jobs, drivers and executors are tracked at
 * once, when the operator's heap is read); then every driver is released, runs for the driver
 * runtime and succeeds. The hold is taken out of the end-to-end time.
 */
final class BenchRun {
  static final String NAMESPACE = "bench";
  static final String WATCH_AGENT = "bench-watch";
  private static final Duration TICK = Duration.ofMillis(20);

  private final BenchSettings settings;
  private final int n;

  BenchRun(BenchSettings settings, int n) {
    this.settings = settings;
    this.n = n;
  }

  /** The operator's run: every figure of the report for this N. */
  Map<String, Object> measureOperator() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    try (SimulatedCluster cluster = SimulatedCluster.start(heldDrivers(release))) {
      createNamespace(cluster.client());
      try (OperatorUnderTest operator = startOperator(cluster);
          JobTimeline timeline = new JobTimeline(cluster.newClient(WATCH_AGENT), NAMESPACE)) {
        long heapIdle = operator.heapAfterGcBytes();
        long cpuStart = operator.cpuNanos();
        Map<String, Long> requestsStart = cluster.api().requestCounts(OperatorRuntime.USER_AGENT);

        KubernetesClient submitter = cluster.newClient("bench-submit");
        submit(
            i ->
                submitter
                    .resource(BenchJobs.sparkPi(NAMESPACE, BenchJobs.name(i), settings.executors()))
                    .create());
        boolean allRunning = awaitCount(timeline::running);
        double settleSeconds = awaitQuiet(operator);

        long holdStart = System.nanoTime();
        long cpuBeforeReading = operator.cpuNanos();
        long heapTracked = operator.heapAfterGcBytes();
        String histogram = operator.heapHistogram();
        long readingCpu = operator.cpuNanos() - cpuBeforeReading;
        if (!histogram.isEmpty()) {
          Files.writeString(settings.outDir().resolve("heap-histogram-" + n + ".txt"), histogram);
        }
        release.complete(null);
        long hold = System.nanoTime() - holdStart;

        boolean allFinished = awaitCount(timeline::finished);
        long cpuEnd = operator.cpuNanos();
        Map<String, Long> requests =
            RequestTally.difference(
                cluster.api().requestCounts(OperatorRuntime.USER_AGENT), requestsStart);
        submitter.close();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("n", n);
        report.put("mode", settings.mode().name().toLowerCase());
        report.put("operator", operator.describe());
        report.put("allRunningBeforeHold", allRunning);
        report.put("settleSecondsBeforeHeapReading", Percentiles.round(settleSeconds));
        report.put("allFinished", allFinished);
        report.put("succeeded", timeline.succeeded());
        double minutes = minutes(timeline, hold);
        report.put("endToEndSeconds", Percentiles.round(minutes * 60));
        report.put("jobsPerMinute", Percentiles.round(timeline.finished() / minutes));
        report.put(
            "submitLatencyMs",
            Percentiles.of(timeline.millisBetween(t -> t.created, t -> t.driverCreated)).toMap());
        report.put(
            "statusLagMs",
            Percentiles.of(timeline.millisBetween(t -> t.driverFinished, t -> t.finished)).toMap());
        double cpuMs = (cpuEnd - cpuStart - readingCpu) / 1e6;
        report.put("operatorCpuMsTotal", Percentiles.round(cpuMs));
        report.put("operatorCpuMsPerJob", Percentiles.round(cpuMs / n));
        report.put("operatorHeapIdleKiB", heapIdle / 1024);
        report.put("operatorHeapTrackedKiB", heapTracked / 1024);
        report.put(
            "operatorHeapPerTrackedJobKiB",
            heapIdle < 0 || heapTracked < 0
                ? null
                : Percentiles.round((heapTracked - heapIdle) / 1024.0 / n));
        report.putAll(RequestTally.perJob(requests, n));
        report.put("statusSequences", timeline.statusSequences(5));
        return report;
      }
    }
  }

  /**
   * Waits until the operator has caught up with every event of the N running jobs (its CPU below 5%
   * of a core over a second), so that the heap reading holds what it tracks, not a backlog of
   * events in flight; at most a minute. Returns the seconds waited (part of the end-to-end time).
   */
  static double awaitQuiet(OperatorUnderTest operator) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MINUTES.toNanos(1);
    long cpu = operator.cpuNanos();
    while (System.nanoTime() < deadline) {
      TimeUnit.SECONDS.sleep(1);
      long now = operator.cpuNanos();
      boolean quiet = now - cpu < TimeUnit.MILLISECONDS.toNanos(50);
      cpu = now;
      if (quiet) {
        break;
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Drivers run, are held until {@code release}, then run for the driver runtime and succeed. */
  SimulatedKubelet.Behaviour heldDrivers(CompletableFuture<Void> release) {
    PodScript script =
        new PodScript(
            List.of(
                new PodScript.Schedule(TICK),
                new PodScript.Run(TICK),
                new PodScript.Hold(Duration.ZERO, release),
                new PodScript.Exit(settings.driverRuntime(), 0, "Completed")));
    return SimulatedKubelet.Behaviour.drivers(pod -> script);
  }

  private OperatorUnderTest startOperator(SimulatedCluster cluster) throws Exception {
    if (settings.inProcess()) {
      return new InProcessOperator(cluster, OperatorConfig.defaults());
    }
    Files.createDirectories(settings.outDir());
    Path kubeconfig = settings.outDir().resolve("kubeconfig-" + n + ".yaml");
    cluster.writeKubeconfig(kubeconfig, NAMESPACE);
    return JarOperator.start(
        settings.jar(),
        kubeconfig,
        settings.outDir().resolve("operator-" + n + ".log"),
        settings.operatorHeap(),
        settings.operatorJavaOptions());
  }

  static void createNamespace(KubernetesClient client) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
  }

  /** Submits jobs 0..n-1: all at once from the submit threads, or at the configured rate. */
  void submit(IntConsumer submitJob) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(settings.submitThreads());
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (settings.mode() == BenchSettings.Mode.RATE) {
        long due = start + (long) (i * 1e9 / settings.rate());
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      int index = i;
      pool.execute(
          () -> {
            try {
              submitJob.accept(index);
            } catch (RuntimeException e) {
              System.err.println("submitting job " + index + " failed: " + e);
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(settings.timeoutFor(n).toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until {@code count} reaches n; false when the timeout came first. */
  boolean awaitCount(LongSupplier count) throws InterruptedException {
    try {
      org.awaitility.Awaitility.await()
          .atMost(settings.timeoutFor(n))
          .pollInterval(java.time.Duration.ofMillis(20))
          .until(() -> count.getAsLong() >= n);
      return true;
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return false;
    }
  }

  static double minutes(JobTimeline timeline, long holdNanos) {
    return (timeline.lastFinished() - timeline.firstCreated() - holdNanos) / 60e9;
  }
}
