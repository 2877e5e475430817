package io.sparkbatch.operator.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether replicas of the operator elect a leader through a coordination.k8s.io Lease, and with
 * which timings. Only the leader reconciles; the others keep their caches warm and take over when
 * the Lease expires, so a second replica shortens an outage to about one lease duration.
 *
 * @param enabled whether to elect a leader at all (one replica needs none)
 * @param leaseName the Lease's name
 * @param leaseNamespace the Lease's namespace; empty means the operator pod's own namespace, which
 *     java-operator-sdk reads from the service account mount
 * @param leaseDuration how long a Lease holds without renewal before others may take it
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
 * @param retryPeriod how often candidates try to acquire or renew
 * @param identity this replica's name in the Lease; empty means the host name (the pod name)
 * @param exitOnStopLeading whether a leader that lost its Lease exits (production: yes, so that the
 *     pod restarts clean instead of running on as a second leader); tests say no
 */
public record LeaderElection(
    boolean enabled,
    String leaseName,
    String leaseNamespace,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    String identity,
    boolean exitOnStopLeading) {

  public static final String DEFAULT_LEASE_NAME = "spark-batch-operator";

  public LeaderElection {
    Objects.requireNonNull(leaseName);
    Objects.requireNonNull(leaseNamespace);
    Objects.requireNonNull(leaseDuration);
    Objects.requireNonNull(renewDeadline);
    Objects.requireNonNull(retryPeriod);
    Objects.requireNonNull(identity);
    if (enabled && leaseName.isBlank()) {
      throw new IllegalArgumentException("leader election needs a lease name");
    }
    // The ordering client-go and fabric8 require; a violation would make leaders flap.
    if (enabled
        && (renewDeadline.compareTo(leaseDuration) >= 0
            || retryPeriod.compareTo(renewDeadline) >= 0)) {
      throw new IllegalArgumentException(
          "leader election needs retry period < renew deadline < lease duration");
    }
  }

  /** One replica: no Lease. */
  public static LeaderElection disabled() {
    return new LeaderElection(
        false,
        DEFAULT_LEASE_NAME,
        "",
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        "",
        true);
  }

  /** Elect a leader with the usual Kubernetes timings (15 s lease, 10 s renew, 2 s retry). */
  public static LeaderElection enabled(String leaseNamespace) {
    return new LeaderElection(
        true,
        DEFAULT_LEASE_NAME,
        leaseNamespace,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2),
        "",
        true);
  }

  public LeaderElection withTimings(Duration lease, Duration renew, Duration retry) {
    return new LeaderElection(
        enabled, leaseName, leaseNamespace, lease, renew, retry, identity, exitOnStopLeading);
  }

  public LeaderElection withIdentity(String value) {
    return new LeaderElection(
        enabled,
        leaseName,
        leaseNamespace,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        value,
        exitOnStopLeading);
  }

  public LeaderElection withExitOnStopLeading(boolean value) {
    return new LeaderElection(
        enabled,
        leaseName,
        leaseNamespace,
        leaseDuration,
        renewDeadline,
        retryPeriod,
        identity,
        value);
  }
}
