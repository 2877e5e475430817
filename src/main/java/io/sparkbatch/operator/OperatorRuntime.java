package io.sparkbatch.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.sparkbatch.operator.config.MetricsConfig;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.metrics.MetricsServer;
import io.sparkbatch.operator.metrics.OperatorMetrics;
import io.sparkbatch.operator.reconciler.SparkBatchJobReconciler;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running operator: java-operator-sdk with the SparkBatchJob reconciler, configured once. Used
 * by main() and, unchanged, by the end-to-end tests and the embedded local run.
 */
public final class OperatorRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);

  /**
   * User-Agent of the operator's API requests, so that audit logs and tests can tell them apart.
   */
  public static final String USER_AGENT = "spark-batch-operator";

  private final Operator operator;
  private final OperatorMetrics metrics;
  private final MetricsServer server;

  private OperatorRuntime(Operator operator, OperatorMetrics metrics, MetricsServer server) {
    this.operator = operator;
    this.metrics = metrics;
    this.server = server;
  }

  /** Starts the operator against the cluster the client points at; returns once caches synced. */
  public static OperatorRuntime start(KubernetesClient client, OperatorConfig config, Clock clock) {
    return start(client, config, MetricsConfig.loopback(), new OperatorMetrics(clock), clock);
  }

  /**
   * Starts the operator and its /metrics, /healthz and /readyz endpoint. The endpoint answers from
   * the start, and /readyz says ready once the operator has started (its informers synced).
   *
   * @param metrics the process's meters; the client should already count its API calls into them
   */
  public static OperatorRuntime start(
      KubernetesClient client,
      OperatorConfig config,
      MetricsConfig metricsConfig,
      OperatorMetrics metrics,
      Clock clock) {
    Objects.requireNonNull(client);
    AtomicReference<Operator> started = new AtomicReference<>();
    MetricsServer server =
        MetricsServer.start(
            metricsConfig,
            metrics::scrape,
            () -> {
              Operator o = started.get();
              return o != null
                  && o.getRuntimeInfo().isStarted()
                  && o.getRuntimeInfo().allEventSourcesAreHealthy();
            });
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    // One status code path, merge patches, works on every API server (no SSA).
                    .withUseSSAToPatchPrimaryResource(false)
                    .withCloseClientOnStop(false)
                    .withMetrics(metrics.frameworkMetrics())
                    .withConcurrentReconciliationThreads(config.reconcileThreads()));
    operator.register(
        new SparkBatchJobReconciler(
            client, config, clock, metrics.jobs(), metricsConfig.prices(), metrics.view()),
        c -> {
          if (!config.watchesAllNamespaces()) {
            c.settingNamespaces(config.namespaces());
          }
        });
    operator.start();
    started.set(operator);
    LOG.info(
        "operator started, watching {}",
        config.watchesAllNamespaces() ? "all namespaces" : "namespaces " + config.namespaces());
    LOG.info("metrics, /healthz and /readyz on {}:{}", metricsConfig.address(), server.port());
    return new OperatorRuntime(operator, metrics, server);
  }

  /** The port of the /metrics, /healthz and /readyz endpoint. */
  public int metricsPort() {
    return server.port();
  }

  @Override
  public void close() {
    operator.stop();
    server.close();
    metrics.close();
  }
}
