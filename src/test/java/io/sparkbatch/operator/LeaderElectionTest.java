package io.sparkbatch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.config.LeaderElection;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.config.OperatorPermissions;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.SimulatedCluster;
import io.sparkbatch.operator.testing.TestJobs;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas with leader election on one simulated cluster: only the Lease holder acts, and when
 * it stops the other takes over the jobs in flight without a second driver and without losing one.
 */
class LeaderElectionTest {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String NS = "jobs";
  private static final String LEASE_NS = "operator";
  // Short timings so that a takeover happens within seconds; the defaults would take 15 s.
  private static final LeaderElection ELECTION =
      LeaderElection.enabled(LEASE_NS)
          .withTimings(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(500))
          .withExitOnStopLeading(false);

  private SimulatedCluster cluster;
  private final Replica a = new Replica("spark-batch-operator/a");
  private final Replica b = new Replica("spark-batch-operator/b");

  /** One operator replica with its own client, told apart by its User-Agent. */
  private final class Replica {
    final String agent;
    KubernetesClient client;
    OperatorRuntime runtime;

    Replica(String agent) {
      this.agent = agent;
    }

    void start() {
      client = cluster.newClient(agent);
      runtime =
          OperatorRuntime.start(
              client,
              OperatorConfig.defaults().withExecutorStatusInterval(Duration.ZERO),
              ELECTION.withIdentity(identity()),
              Clock.systemUTC());
    }

    void stop() {
      if (runtime != null) {
        runtime.close();
        client.close();
        runtime = null;
      }
    }

    String identity() {
      return agent.substring(agent.indexOf('/') + 1);
    }

    long podsCreated() {
      return cluster.api().requestCounts(agent).getOrDefault("POST pods", 0L);
    }
  }

  @BeforeEach
  void start() {
    cluster = SimulatedCluster.start(new ScriptedBehaviour());
    for (String ns : List.of(NS, LEASE_NS)) {
      cluster
          .client()
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  @AfterEach
  void stop() {
    a.stop();
    b.stop();
    cluster.close();
  }

  private Lease lease() {
    return cluster
        .client()
        .leases()
        .inNamespace(LEASE_NS)
        .withName(LeaderElection.DEFAULT_LEASE_NAME)
        .get();
  }

  private String holder() {
    Lease lease = lease();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }

  private SparkBatchJob awaitPhase(String name, JobPhase phase) {
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              SparkBatchJob job = job(name);
              return job != null && job.getStatus() != null && job.getStatus().getPhase() == phase;
            });
    return job(name);
  }

  private SparkBatchJob job(String name) {
    return cluster.client().resources(SparkBatchJob.class).inNamespace(NS).withName(name).get();
  }

  private List<Pod> drivers() {
    return cluster
        .client()
        .pods()
        .inNamespace(NS)
        .withLabel("spark-role", "driver")
        .list()
        .getItems();
  }

  @Test
  void onlyTheLeaderActsAndTheOtherTakesOverWithoutDuplicatesOrLosses() {
    a.start();
    await().atMost(WAIT).until(() -> holder() != null);
    b.start();
    Replica leader = holder().equals(holderOf(a)) ? a : b;
    Replica follower = leader == a ? b : a;

    cluster.client().resource(TestJobs.sparkPi(NS, "before", "succeed")).create();
    cluster.client().resource(TestJobs.sparkPi(NS, "inflight", "slow")).create();
    awaitPhase("before", JobPhase.SUCCEEDED);
    awaitPhase("inflight", JobPhase.RUNNING);
    String inflightDriver = driverUid("inflight");

    assertThat(leader.podsCreated()).isEqualTo(2);
    assertThat(follower.podsCreated()).as("a follower creates no driver").isZero();

    leader.stop();
    // Submitted while nobody leads: must not be lost.
    cluster.client().resource(TestJobs.sparkPi(NS, "during", "succeed")).create();

    await().atMost(WAIT).until(() -> holderOf(follower).equals(holder()));
    SparkBatchJob inflight = awaitPhase("inflight", JobPhase.SUCCEEDED);
    awaitPhase("during", JobPhase.SUCCEEDED);

    assertThat(driverUid("inflight"))
        .as("the new leader adopts the running driver")
        .isEqualTo(inflightDriver);
    assertThat(inflight.getStatus().getAttempt().getNumber()).isEqualTo(1);
    assertThat(follower.podsCreated()).as("only the job submitted after the failover").isEqualTo(1);
    assertThat(drivers()).hasSize(3);
    Set<String> used = leaseRequests();
    Set<String> declared = declaredLeaseVerbs();
    assertThat(declared)
        .as("OperatorPermissions.LEADER_ELECTION allows what electing a leader took")
        .containsAll(used);
    declared.removeAll(used);
    // Declared but unused: java-operator-sdk's pre-flight check demands it.
    assertThat(declared).containsExactly("leases update");
  }

  /** "leases verb" for every Lease request either replica made. */
  private Set<String> leaseRequests() {
    Map<String, String> verbs =
        Map.of(
            "GET", "get", "LIST", "list", "WATCH", "watch", "POST", "create", "PUT", "update",
            "PATCH", "patch", "DELETE", "delete");
    Set<String> used = new TreeSet<>();
    for (String request : cluster.api().requestCounts("spark-batch-operator/").keySet()) {
      String[] parts = request.split(" ", 2);
      if (parts[1].equals("leases")) {
        used.add("leases " + verbs.get(parts[0]));
      }
    }
    return used;
  }

  private static Set<String> declaredLeaseVerbs() {
    Set<String> declared = new TreeSet<>();
    for (OperatorPermissions.Need need : OperatorPermissions.LEADER_ELECTION) {
      need.verbs().forEach(verb -> declared.add(need.resource() + " " + verb));
    }
    return declared;
  }

  @Test
  void aSingleReplicaWithLeaderElectionRunsJobs() {
    a.start();
    cluster.client().resource(TestJobs.sparkPi(NS, "solo", "succeed")).create();
    awaitPhase("solo", JobPhase.SUCCEEDED);
    assertThat(holder()).isEqualTo(holderOf(a));
  }

  private String driverUid(String job) {
    return cluster
        .client()
        .pods()
        .inNamespace(NS)
        .withName(job + "-driver")
        .get()
        .getMetadata()
        .getUid();
  }

  private String holderOf(Replica replica) {
    return replica.identity();
  }
}
