package io.sparkbatch.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.sparkbatch.operator.config.LeaderElection;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.reconciler.SparkBatchJobReconciler;
import java.time.Clock;
import java.util.Objects;
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

  private OperatorRuntime(Operator operator) {
    this.operator = operator;
  }

  /** Starts the operator against the cluster the client points at; returns once caches synced. */
  public static OperatorRuntime start(KubernetesClient client, OperatorConfig config, Clock clock) {
    return start(client, config, LeaderElection.disabled(), clock);
  }

  /**
   * Starts the operator; with leader election on, it reconciles only while it holds the Lease (its
   * caches sync either way, so a takeover does not start cold).
   */
  public static OperatorRuntime start(
      KubernetesClient client, OperatorConfig config, LeaderElection election, Clock clock) {
    Objects.requireNonNull(client);
    Objects.requireNonNull(election);
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  // One status code path, merge patches, works on every API server (no SSA).
                  .withUseSSAToPatchPrimaryResource(false)
                  .withCloseClientOnStop(false)
                  .withConcurrentReconciliationThreads(config.reconcileThreads());
              if (election.enabled()) {
                o.withLeaderElectionConfiguration(leaderElection(election));
              }
            });
    operator.register(
        new SparkBatchJobReconciler(client, config, clock),
        c -> {
          if (!config.watchesAllNamespaces()) {
            c.settingNamespaces(config.namespaces());
          }
        });
    operator.start();
    LOG.info(
        "operator started, watching {}{}",
        config.watchesAllNamespaces() ? "all namespaces" : "namespaces " + config.namespaces(),
        election.enabled()
            ? ", reconciling while leader (Lease " + election.leaseName() + ")"
            : "");
    return new OperatorRuntime(operator);
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
  }
}
