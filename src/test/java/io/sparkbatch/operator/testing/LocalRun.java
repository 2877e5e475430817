package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.config.MetricsConfig;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.testing.spark.SparkCluster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code make run}: the operator on an embedded cluster (API server on 127.0.0.1, and a kubelet
 * that runs every pod as a local JVM on Spark 4.1.1's jars), applying crd/examples/spark-pi.yaml
 * and printing the job's life until it finishes, then the Pi estimate from the driver's log and the
 * run's metrics. Nothing is left running afterwards, nor after Ctrl-C.
 *
 * <p>Options: {@code --simulated} (a simulated kubelet and driver instead of real Spark: seconds
 * instead of a minute), {@code --keep} (stay up after the job ends, until Ctrl-C, to look around
 * with kubectl), and a manifest path (default crd/examples/spark-pi.yaml).
 */
public final class LocalRun {
  private static final String NAMESPACE = "spark";
  private static final Duration JOB_LIMIT = Duration.ofMinutes(5);

  private final boolean simulated;
  private final boolean keep;
  private final Path manifest;
  private final List<AutoCloseable> resources = new ArrayList<>();

  private LocalRun(boolean simulated, boolean keep, Path manifest) {
    this.simulated = simulated;
    this.keep = keep;
    this.manifest = manifest;
  }

  public static void main(String[] args) throws Exception {
    boolean simulated = false;
    boolean keep = false;
    String manifest = "crd/examples/spark-pi.yaml";
    for (String arg : args) {
      switch (arg) {
        case "--simulated" -> simulated = true;
        case "--keep" -> keep = true;
        default -> manifest = arg;
      }
    }
    LocalRun run = new LocalRun(simulated, keep, CrdGeneration.projectRoot().resolve(manifest));
    Runtime.getRuntime().addShutdownHook(new Thread(run::close, "local-run-shutdown"));
    int exit = run.run();
    run.close();
    System.exit(exit);
  }

  private int run() throws Exception {
    OperatorHarness harness;
    SparkCluster spark = null;
    OperatorConfig config = OperatorConfig.defaults();
    if (simulated) {
      harness =
          OperatorHarness.start(
              SimulatedKubelet.Behaviour.drivers(pod -> PodScript.succeed(Duration.ofSeconds(4))),
              config,
              MetricsConfig.loopback());
      register(harness);
    } else {
      spark = SparkCluster.start(SparkCluster.newWorkDir("make-run"));
      register(spark);
      harness = OperatorHarness.on(spark.cluster(), config, MetricsConfig.loopback());
      register(harness);
    }
    System.out.println(
        "Embedded API server: "
            + harness.cluster().url()
            + (simulated
                ? " (simulated kubelet)"
                : " (process kubelet: pods run as local JVMs on Spark's jars)"));
    System.out.println("Operator metrics:    " + harness.metricsUri("/metrics"));
    harness.createNamespace(NAMESPACE);
    SparkBatchJob job = load(harness, manifest);
    job.getMetadata().setNamespace(NAMESPACE);
    String name = job.getMetadata().getName();
    printKubectlHelp(harness.cluster(), name);
    CountDownLatch finished = new CountDownLatch(1);
    try (Watch watch = watch(harness, name, finished)) {
      harness.create(job);
      System.out.println(
          "applied " + manifest.getFileName() + ": sparkbatchjob " + NAMESPACE + "/" + name);
      if (!finished.await(JOB_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
        System.out.println("the job did not finish within " + JOB_LIMIT.toMinutes() + " minutes");
      }
    }
    SparkBatchJob done = harness.get(NAMESPACE, name);
    report(harness, spark, done);
    if (keep) {
      System.out.println();
      System.out.println("Still running (--keep): press Ctrl-C to stop everything.");
      new CountDownLatch(1).await();
    }
    return done.getStatus() != null && done.getStatus().getPhase() == JobPhase.SUCCEEDED ? 0 : 1;
  }

  private void report(OperatorHarness harness, SparkCluster spark, SparkBatchJob done)
      throws IOException {
    String name = done.getMetadata().getName();
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
    if (spark != null) {
      String driver = status.getAttempt().getDriverPodName();
      spark
          .kubelet()
          .log(NAMESPACE, driver)
          .ifPresent(
              log -> {
                Matcher pi = Pattern.compile("Pi is roughly \\S+").matcher(log);
                System.out.println(
                    "driver log ("
                        + spark.kubelet().logFile(NAMESPACE, driver).orElseThrow()
                        + "): "
                        + (pi.find() ? pi.group() : "no Pi estimate"));
              });
    }
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
  }

  /** kubectl works against the embedded cluster while the job runs: say how. */
  private void printKubectlHelp(SimulatedCluster cluster, String name) {
    Path kubeconfig =
        cluster
            .writeKubeconfig(
                CrdGeneration.projectRoot().resolve("target/local-run/kubeconfig"), NAMESPACE)
            .toAbsolutePath()
            .normalize();
    System.out.println();
    System.out.println(
        "Look around with kubectl while the job runs"
            + (keep ? "" : " (make run ARGS=--keep stays up after it ends)")
            + ":");
    System.out.println("  export KUBECONFIG=" + kubeconfig);
    System.out.println("  kubectl get sbj -o wide");
    System.out.println("  kubectl describe sbj " + name);
    System.out.println("  kubectl get pods");
    System.out.println();
  }

  private void register(AutoCloseable resource) {
    synchronized (resources) {
      resources.add(0, resource);
    }
  }

  /** Stops the operator, every pod's process and the API server; safe to call twice. */
  private void close() {
    List<AutoCloseable> toClose;
    synchronized (resources) {
      toClose = new ArrayList<>(resources);
      resources.clear();
    }
    for (AutoCloseable resource : toClose) {
      try {
        resource.close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e);
      }
    }
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
