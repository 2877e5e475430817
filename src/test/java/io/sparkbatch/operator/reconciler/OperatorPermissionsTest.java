package io.sparkbatch.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.OperatorRuntime;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.config.OperatorPermissions;
import io.sparkbatch.operator.resource.Names;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.TestJobs;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The operator's declared permissions are exactly what it uses: every request it makes in a set of
 * job lives is allowed, and every declared verb was needed by one of them.
 */
class OperatorPermissionsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, String> VERBS =
      Map.of(
          "GET", "get",
          "LIST", "list",
          "WATCH", "watch",
          "POST", "create",
          "PUT", "update",
          "PATCH", "patch",
          "DELETE", "delete");

  @Test
  void everyRequestIsDeclaredAndEveryDeclaredVerbIsUsed() {
    Set<String> used;
    try (OperatorHarness harness = OperatorHarness.start(new ScriptedBehaviour())) {
      harness.createNamespace("perms");
      // Retries (Service and ConfigMap replaced), release, TTL, a deleted driver, a missing
      // account.
      harness.create(
          TestJobs.sparkPi(
              "perms",
              "retry",
              "exit1.succeed",
              "restartPolicy: {type: OnFailure, onFailureRetryInterval: 1}\n"
                  + "releaseResourcesAfterSeconds: 0"));
      harness.create(TestJobs.sparkPi("perms", "ttl", "succeed", "timeToLiveSeconds: 0"));
      harness.create(TestJobs.sparkPi("perms", "gone", "forever"));
      var noAccount = TestJobs.sparkPi("perms", "own-account", "succeed");
      noAccount.getSpec().getDriver().setServiceAccount("missing");
      harness.create(noAccount);
      harness.awaitPhase("perms", "gone", JobPhase.RUNNING, WAIT);
      harness.client().pods().inNamespace("perms").withName("gone-driver").delete();
      harness.awaitPhase("perms", "retry", JobPhase.SUCCEEDED, WAIT);
      harness.awaitPhase("perms", "gone", JobPhase.FAILED, WAIT);
      harness.awaitPhase("perms", "own-account", JobPhase.FAILED, WAIT);
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(() -> harness.get("perms", "ttl") == null);
      // The release of "retry" follows its Succeeded status write and deletes the driver last.
      org.awaitility.Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  harness
                          .client()
                          .pods()
                          .inNamespace("perms")
                          .withName(Names.driverPodName("retry"))
                          .get()
                      == null);
      used = new TreeSet<>();
      for (String request :
          harness.cluster().api().requestCounts(OperatorRuntime.USER_AGENT).keySet()) {
        String[] parts = request.split(" ", 2);
        used.add(parts[1] + " " + VERBS.get(parts[0]));
      }
    }
    assertThat(used).contains("pods create", "sparkbatchjobs/status patch", "services update");
    Set<String> declared = new TreeSet<>();
    for (OperatorPermissions.Need need : OperatorPermissions.USED) {
      need.verbs().forEach(verb -> declared.add(need.resource() + " " + verb));
    }
    Set<String> undeclared = new HashSet<>(used);
    undeclared.removeAll(declared);
    assertThat(undeclared).as("requests the operator made without a declared permission").isEmpty();
    Set<String> unused = new HashSet<>(declared);
    unused.removeAll(used);
    assertThat(unused).as("declared permissions no job life needed").isEmpty();
  }
}
