package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code make run}: the operator on an embedded simulated cluster (API server on 127.0.0.1, a
 * simulated kubelet and Spark driver), applying crd/examples/spark-pi.yaml and printing the job's
 * life until it finishes. Nothing is left running afterwards.
 */
public final class LocalRun {
  private static final String NAMESPACE = "spark";

  public static void main(String[] args) throws Exception {
    Path manifest =
        CrdGeneration.projectRoot()
            .resolve(args.length > 0 ? args[0] : "crd/examples/spark-pi.yaml");
    SimulatedKubelet.Behaviour behaviour =
        SimulatedKubelet.Behaviour.drivers(pod -> PodScript.succeed(Duration.ofSeconds(4)));
    int exit;
    try (OperatorHarness harness = OperatorHarness.start(behaviour)) {
      System.out.println(
          "Embedded API server: " + harness.cluster().url() + " (simulated kubelet)");
      System.out.println("Operator metrics:    " + harness.metricsUri("/metrics"));
      harness
          .client()
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
      SparkBatchJob job = load(harness, manifest);
      job.getMetadata().setNamespace(NAMESPACE);
      String name = job.getMetadata().getName();
      printKubectlHelp(harness.cluster(), name);
      CountDownLatch finished = new CountDownLatch(1);
      try (Watch watch = watch(harness, name, finished)) {
        harness.create(job);
        System.out.println(
            "applied " + manifest.getFileName() + ": sparkbatchjob " + NAMESPACE + "/" + name);
        if (!finished.await(2, TimeUnit.MINUTES)) {
          System.out.println("the job did not finish within 2 minutes");
        }
      }
      SparkBatchJob done = harness.get(NAMESPACE, name);
      SparkBatchJobStatus status = done.getStatus();
      System.out.println();
      System.out.printf(
          "%s: %s (%s) in %s; driver exit code %s; executors %d succeeded, %d failed%n",
          name,
          status.getPhase(),
          status.getReason().value(),
          status.getDuration(),
          status.getAttempt().getExitCode(),
          status.getExecutors().getSucceeded(),
          status.getExecutors().getFailed());
      System.out.println("kubectl describe sbj " + name + " would show these events:");
      harness
          .events(NAMESPACE, name)
          .forEach(
              e ->
                  System.out.println(
                      "  " + e.getType() + "  " + e.getReason() + "  " + e.getMessage()));
      System.out.println();
      System.out.println("Metrics of this run (" + harness.metricsUri("/metrics") + "):");
      try (var scrape = harness.metricsUri("/metrics").toURL().openStream()) {
        new String(scrape.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("spark_application_") || l.startsWith("sparkbatch_usage"))
            .filter(l -> !l.contains("_bucket{"))
            .forEach(l -> System.out.println("  " + l));
      }
      exit = done.getStatus().getPhase() == JobPhase.SUCCEEDED ? 0 : 1;
    }
    System.exit(exit);
  }

  /** kubectl works against the embedded cluster while the job runs: say how. */
  private static void printKubectlHelp(SimulatedCluster cluster, String name) {
    Path kubeconfig =
        cluster
            .writeKubeconfig(
                CrdGeneration.projectRoot().resolve("target/local-run/kubeconfig"), NAMESPACE)
            .toAbsolutePath()
            .normalize();
    System.out.println();
    System.out.println(
        "Look around with kubectl while the job runs (namespace " + NAMESPACE + "):");
    System.out.println("  export KUBECONFIG=" + kubeconfig);
    System.out.println("  kubectl get sbj -o wide");
    System.out.println("  kubectl describe sbj " + name);
    System.out.println("  kubectl get pods");
    System.out.println();
  }

  private static SparkBatchJob load(OperatorHarness harness, Path manifest) throws IOException {
    try (InputStream in = Files.newInputStream(manifest)) {
      return harness.client().getKubernetesSerialization().unmarshal(in, SparkBatchJob.class);
    }
  }

  private static Watch watch(OperatorHarness harness, String name, CountDownLatch finished) {
    return harness
        .client()
        .resources(SparkBatchJob.class)
        .inNamespace(NAMESPACE)
        .withName(name)
        .watch(
            new Watcher<>() {
              private String last = "";

              @Override
              public void eventReceived(Action action, SparkBatchJob job) {
                SparkBatchJobStatus s = job.getStatus();
                if (s == null || s.getPhase() == null) {
                  return;
                }
                String line =
                    String.format(
                        "%-9s attempt %s  executors %-4s %s",
                        s.getPhase(),
                        s.getAttempt() == null ? "-" : s.getAttempt().getNumber(),
                        s.getExecutors() == null ? "-" : s.getExecutors().getSummary(),
                        s.getMessage() == null ? "" : s.getMessage());
                if (!line.equals(last)) {
                  last = line;
                  System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + line);
                }
                if (s.getPhase().isFinished()) {
                  finished.countDown();
                }
              }

              @Override
              public void onClose(WatcherException cause) {}
            });
  }
}
