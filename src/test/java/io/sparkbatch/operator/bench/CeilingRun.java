package io.sparkbatch.operator.bench;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SimulatedCluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The API server's ceiling in the same run: no operator, a trivial client that does the least any
 * operator must per job (on each new job, create the ConfigMap, Service and driver pod and write
 * status Submitted; write Running and Succeeded as the driver pod changes), from as many threads as
 * the operator reconciles with, on a cluster with the same simulated kubelet and drivers, and with
 * the jobs submitted in the same way. The operator's end-to-end throughput is reported as a
 * fraction of this one's.
 */
final class CeilingRun {
  static final String AGENT = "bench-ceiling";

  private final BenchRun run;
  private final BenchSettings settings;
  private final int n;

  CeilingRun(BenchSettings settings, int n) {
    this.settings = settings;
    this.n = n;
    this.run = new BenchRun(settings, n);
  }

  Map<String, Object> measure() throws Exception {
    CompletableFuture<Void> release = new CompletableFuture<>();
    ExecutorService writers = Executors.newFixedThreadPool(settings.submitThreads());
    try (SimulatedCluster cluster = SimulatedCluster.start(run.heldDrivers(release));
        KubernetesClient client = cluster.newClient(AGENT)) {
      BenchRun.createNamespace(cluster.client());
      Set<String> written = ConcurrentHashMap.newKeySet();
      try (JobTimeline timeline =
              new JobTimeline(cluster.newClient(BenchRun.WATCH_AGENT), BenchRun.NAMESPACE);
          Watch jobs = watchNewJobs(client, writers);
          Watch drivers = watchDrivers(client, writers, written);
          KubernetesClient submitter = cluster.newClient("bench-submit")) {
        // Jobs arrive exactly as in the operator's run; the trivial client reacts to each.
        run.submit(
            i ->
                submitter
                    .resource(
                        BenchJobs.sparkPi(
                            BenchRun.NAMESPACE, BenchJobs.name(i), settings.executors()))
                    .create());
        boolean allRunning = run.awaitCount(timeline::running);
        release.complete(null);
        boolean allFinished = run.awaitCount(timeline::finished);
        double minutes = BenchRun.minutes(timeline, 0);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("allRunningBeforeHold", allRunning);
        report.put("allFinished", allFinished);
        report.put("endToEndSeconds", Percentiles.round(minutes * 60));
        report.put("jobsPerMinute", Percentiles.round(timeline.finished() / minutes));
        report.put(
            "submitLatencyMs",
            Percentiles.of(timeline.millisBetween(t -> t.created, t -> t.driverCreated)).toMap());
        report.put(
            "statusLagMs",
            Percentiles.of(timeline.millisBetween(t -> t.driverFinished, t -> t.finished)).toMap());
        report.put(
            "apiRequestsPerJob",
            RequestTally.perJob(cluster.api().requestCounts(AGENT), n).get("apiRequestsPerJob"));
        return report;
      }
    } finally {
      writers.shutdownNow();
    }
  }

  private Watch watchNewJobs(KubernetesClient client, ExecutorService writers) {
    return client
        .resources(SparkBatchJob.class)
        .inNamespace(BenchRun.NAMESPACE)
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, SparkBatchJob job) {
                if (action == Action.ADDED) {
                  writers.execute(() -> submitLikeAnOperator(client, job.getMetadata().getName()));
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private void submitLikeAnOperator(KubernetesClient client, String name) {
    String ns = BenchRun.NAMESPACE;
    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name + "-conf")
                .withNamespace(ns)
                .endMetadata()
                .addToData(
                    "spark.properties",
                    "spark.executor.instances="
                        + settings.executors()
                        + "\nspark.app.id="
                        + appId(name))
                .build())
        .create();
    client
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name + "-driver-svc")
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .addToSelector("spark-app-name", name)
                .endSpec()
                .build())
        .create();
    client.resource(driverPod(ns, name)).create();
    writePhase(client, name, "Submitted");
  }

  /**
   * Spark's application id, which its driver labels itself and its executors with, as the operator
   * does: without it the simulated driver would find its executors by listing every executor in the
   * namespace when it stops.
   */
  private static String appId(String job) {
    return "spark-" + job;
  }

  private static Pod driverPod(String namespace, String job) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(job + JobTimeline.DRIVER_SUFFIX)
        .withNamespace(namespace)
        .addToLabels("spark-role", "driver")
        .addToLabels("spark-app-name", job)
        .addToLabels("spark-app-selector", appId(job))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("spark-kubernetes-driver")
        .withImage("apache/spark:4.1.1")
        .endContainer()
        .addNewVolume()
        .withName("spark-conf")
        .withNewConfigMap()
        .withName(job + "-conf")
        .endConfigMap()
        .endVolume()
        .withRestartPolicy("Never")
        .endSpec()
        .build();
  }

  private static Watch watchDrivers(
      KubernetesClient client, ExecutorService writers, Set<String> written) {
    return client
        .pods()
        .inNamespace(BenchRun.NAMESPACE)
        .withLabel("spark-role", "driver")
        .watch(
            new Watcher<>() {
              @Override
              public void eventReceived(Action action, Pod pod) {
                String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
                String job = pod.getMetadata().getLabels().get("spark-app-name");
                String write =
                    "Running".equals(phase) ? "Running" : "Succeeded".equals(phase) ? phase : null;
                if (write != null && written.add(job + "/" + write)) {
                  writers.execute(() -> writePhase(client, job, write));
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }

  private static void writePhase(KubernetesClient client, String job, String phase) {
    // Through an object naming the job: by name alone, fabric8 would GET the job first.
    SparkBatchJob target = new SparkBatchJob();
    target.setMetadata(
        new ObjectMetaBuilder().withName(job).withNamespace(BenchRun.NAMESPACE).build());
    client
        .resource(target)
        .subresource("status")
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"status\":{\"phase\":\"" + phase + "\"}}");
  }
}
