package io.sparkbatch.operator.config;

import io.sparkbatch.operator.resource.SubmissionSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's configuration, built once in main() from flags and environment and passed to
 * whatever needs it. Immutable; nothing else reads flags or the environment.
 *
 * @param namespaces namespaces to watch; empty means all namespaces
 * @param reconcileThreads reconciliations run in parallel (different jobs only)
 * @param driverServiceAccount service account the operator manages for drivers in each namespace
 * @param manageDriverRbac whether the operator creates that account, its Role and RoleBinding
 * @param masterUrl spark.master the drivers use to reach the API server
 * @param defaultDriverStartTimeout how long a driver may take to start when the spec says nothing
 * @param executorStatusInterval least time between two status writes caused only by executor counts
 *     (phase changes are written at once)
 */
public record OperatorConfig(
    Set<String> namespaces,
    int reconcileThreads,
    String driverServiceAccount,
    boolean manageDriverRbac,
    String masterUrl,
    Duration defaultDriverStartTimeout,
    Duration executorStatusInterval) {

  public static final String DEFAULT_MASTER_URL = SubmissionSettings.DEFAULT_MASTER_URL;
  public static final String DEFAULT_DRIVER_SERVICE_ACCOUNT =
      SubmissionSettings.DEFAULT_DRIVER_SERVICE_ACCOUNT;

  public OperatorConfig {
    namespaces = Set.copyOf(Objects.requireNonNull(namespaces));
    Objects.requireNonNull(driverServiceAccount);
    Objects.requireNonNull(masterUrl);
    Objects.requireNonNull(defaultDriverStartTimeout);
    Objects.requireNonNull(executorStatusInterval);
    if (reconcileThreads < 1) {
      throw new IllegalArgumentException("reconcile threads must be at least 1");
    }
  }

  /** The defaults, as documented in docs/configuration.md. */
  public static OperatorConfig defaults() {
    return new OperatorConfig(
        Set.of(),
        10,
        DEFAULT_DRIVER_SERVICE_ACCOUNT,
        true,
        DEFAULT_MASTER_URL,
        Duration.ofMinutes(10),
        Duration.ofSeconds(5));
  }

  public OperatorConfig withNamespaces(Set<String> value) {
    return new OperatorConfig(
        value,
        reconcileThreads,
        driverServiceAccount,
        manageDriverRbac,
        masterUrl,
        defaultDriverStartTimeout,
        executorStatusInterval);
  }

  public OperatorConfig withExecutorStatusInterval(Duration value) {
    return new OperatorConfig(
        namespaces,
        reconcileThreads,
        driverServiceAccount,
        manageDriverRbac,
        masterUrl,
        defaultDriverStartTimeout,
        value);
  }

  /** What the resource factories need of this configuration. */
  public SubmissionSettings submissionSettings() {
    return new SubmissionSettings(masterUrl, driverServiceAccount, null, null, null);
  }

  public boolean watchesAllNamespaces() {
    return namespaces.isEmpty();
  }
}
