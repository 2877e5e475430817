package io.sparkbatch.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.sparkbatch.operator.config.LeaderElection;
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
    return start(client, config, LeaderElection.disabled(), clock);
  }

  /** As {@link #start(KubernetesClient, OperatorConfig, Clock)}, with leader election. */
  public static OperatorRuntime start(
      KubernetesClient client, OperatorConfig config, LeaderElection election, Clock clock) {
    return start(
        client, config, MetricsConfig.loopback(), new OperatorMetrics(clock), election, clock);
  }

  /** As the full form, without leader election. */
  public static OperatorRuntime start(
      KubernetesClient client,
      OperatorConfig config,
      MetricsConfig metricsConfig,
      OperatorMetrics metrics,
      Clock clock) {
    return start(client, config, metricsConfig, metrics, LeaderElection.disabled(), clock);
  }

  /**
   * Starts the operator and its /metrics, /healthz and /readyz endpoint. The endpoint answers from
   * the start, and /readyz says ready once the operator has started (its informers synced). With
   * leader election on, it reconciles only while it holds the Lease (its caches sync either way, so
   * a takeover does not start cold).
   *
   * @param metrics the process's meters; the client should already count its API calls into them
   */
  public static OperatorRuntime start(
      KubernetesClient client,
      OperatorConfig config,
      MetricsConfig metricsConfig,
      OperatorMetrics metrics,
      LeaderElection election,
      Clock clock) {
    Objects.requireNonNull(client);
    Objects.requireNonNull(election);
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
            o -> {
              o.withKubernetesClient(client)
                  // One status code path, merge patches, works on every API server (no SSA).
                  .withUseSSAToPatchPrimaryResource(false)
                  .withCloseClientOnStop(false)
                  .withMetrics(metrics.frameworkMetrics())
                  .withConcurrentReconciliationThreads(config.reconcileThreads());
              if (election.enabled()) {
                o.withLeaderElectionConfiguration(leaderElection(election));
              }
            });
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
        "operator started, watching {}{}",
        config.watchesAllNamespaces() ? "all namespaces" : "namespaces " + config.namespaces(),
        election.enabled()
            ? ", reconciling while leader (Lease " + election.leaseName() + ")"
            : "");
    LOG.info("metrics, /healthz and /readyz on {}:{}", metricsConfig.address(), server.port());
    return new OperatorRuntime(operator, metrics, server);
  }

  /** The port of the /metrics, /healthz and /readyz endpoint. */
  public int metricsPort() {
    return server.port();
  }

  /** java-operator-sdk's form of the settings. */
  private static LeaderElectionConfiguration leaderElection(LeaderElection election) {
    LeaderElectionConfigurationBuilder builder =
        LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(election.leaseName())
            .withLeaseDuration(election.leaseDuration())
            .withRenewDeadline(election.renewDeadline())
            .withRetryPeriod(election.retryPeriod())
            .withExitOnStopLeading(election.exitOnStopLeading());
    if (!election.identity().isBlank()) {
      builder.withIdentity(election.identity());
    }
    if (!election.leaseNamespace().isBlank()) {
      builder.withLeaseNamespace(election.leaseNamespace());
    }
    return builder.build();
  }

  @Override
  public void close() {
    operator.stop();
    server.close();
    metrics.close();
  }
}
