package io.sparkbatch.operator.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkbatch.operator.OperatorRuntime;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.config.MetricsConfig;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.metrics.OperatorMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The whole operator, in this JVM, on a {@link SimulatedCluster}: what the end-to-end tests and the
 * local run use. The operator has its own client, as it would in its own pod.
 */
public final class OperatorHarness implements AutoCloseable {
  private final SimulatedCluster cluster;
  private final OperatorConfig config;
  private final MetricsConfig metricsConfig;
  private KubernetesClient operatorClient;
  private OperatorRuntime runtime;

  private OperatorHarness(
      SimulatedCluster cluster, OperatorConfig config, MetricsConfig metricsConfig) {
    this.cluster = cluster;
    this.config = config;
    this.metricsConfig = metricsConfig;
    startOperator();
  }

  public static OperatorHarness start(SimulatedKubelet.Behaviour behaviour) {
    return start(behaviour, OperatorConfig.defaults().withExecutorStatusInterval(Duration.ZERO));
  }

  public static OperatorHarness start(SimulatedKubelet.Behaviour behaviour, OperatorConfig config) {
    return start(behaviour, config, MetricsConfig.loopback());
  }

  /** An operator serving its metrics as {@code metricsConfig} says (bind tests to 127.0.0.1). */
  public static OperatorHarness start(
      SimulatedKubelet.Behaviour behaviour, OperatorConfig config, MetricsConfig metricsConfig) {
    return new OperatorHarness(SimulatedCluster.start(behaviour), config, metricsConfig);
  }

  /** The operator on a cluster the caller started (and that this harness closes with it). */
  public static OperatorHarness on(
      SimulatedCluster cluster, OperatorConfig config, MetricsConfig metricsConfig) {
    return new OperatorHarness(cluster, config, metricsConfig);
  }

  public SimulatedCluster cluster() {
    return cluster;
  }

  /** The test's own client (not the operator's). */
  public KubernetesClient client() {
    return cluster.client();
  }

  public void startOperator() {
    OperatorMetrics metrics = new OperatorMetrics(Clock.systemUTC());
    operatorClient = cluster.newClient(OperatorRuntime.USER_AGENT, metrics.apiCalls());
    runtime =
        OperatorRuntime.start(operatorClient, config, metricsConfig, metrics, Clock.systemUTC());
  }

  /** Where the running operator serves /metrics, /healthz and /readyz. */
  public URI metricsUri(String path) {
    return URI.create("http://127.0.0.1:" + runtime.metricsPort() + path);
  }

  public void stopOperator() {
    runtime.close();
    operatorClient.close();
  }

  public void createNamespace(String namespace) {
    client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
  }

  public SparkBatchJob create(SparkBatchJob job) {
    return client().resource(job).create();
  }

  public SparkBatchJob get(String namespace, String name) {
    return client().resources(SparkBatchJob.class).inNamespace(namespace).withName(name).get();
  }

  /** Waits until the job is in {@code phase}; returns it as stored then. */
  public SparkBatchJob awaitPhase(String namespace, String name, JobPhase phase, Duration within) {
    await()
        .atMost(within)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              SparkBatchJob job = get(namespace, name);
              return job != null && job.getStatus() != null && job.getStatus().getPhase() == phase;
            });
    return get(namespace, name);
  }

  /** The Events recorded on a job, oldest first. */
  public List<Event> events(String namespace, String name) {
    return client().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> Objects.equals(name, e.getInvolvedObject().getName()))
        .filter(e -> "SparkBatchJob".equals(e.getInvolvedObject().getKind()))
        .sorted(
            Comparator.comparing(
                e ->
                    e.getMetadata().getResourceVersion() == null
                        ? 0L
                        : Long.parseLong(e.getMetadata().getResourceVersion())))
        .toList();
  }

  @Override
  public void close() {
    stopOperator();
    cluster.close();
  }
}
