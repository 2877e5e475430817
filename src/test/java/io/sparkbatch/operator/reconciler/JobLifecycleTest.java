package io.sparkbatch.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.sparkbatch.operator.api.ApplicationStateType;
import io.sparkbatch.operator.api.AttemptStatus;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.SimulatedApiServer;
import io.sparkbatch.operator.testing.TestJobs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole job lives through the running operator on the simulated cluster: each test applies a job in
 * its own namespace and asserts what a user sees (status, events, pods left behind).
 */
class JobLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static OperatorHarness harness;
  private String ns;

  @BeforeAll
  static void startOperator() {
    harness = OperatorHarness.start(new ScriptedBehaviour());
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  @BeforeEach
  void namespace() {
    ns = "lifecycle-" + NAMESPACES.incrementAndGet();
    harness.createNamespace(ns);
  }

  private SparkBatchJob run(String name, String script, String extraSpec, JobPhase until) {
    harness.create(TestJobs.sparkPi(ns, name, script, extraSpec));
    return harness.awaitPhase(ns, name, until, WAIT);
  }

  /** Events follow the status write a test waits for: assert them once they are there. */
  private static void eventually(org.awaitility.core.ThrowingRunnable assertion) {
    await().atMost(WAIT).untilAsserted(assertion);
  }

  private List<String> eventReasons(String name) {
    return harness.events(ns, name).stream().map(Event::getReason).toList();
  }

  private List<Pod> pods() {
    return harness.client().pods().inNamespace(ns).list().getItems();
  }

  private static Condition condition(SparkBatchJob job, String type) {
    return job.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void successfulJobEndsSucceededWithItsExecutorsCountedAsSucceeded() {
    SparkBatchJob job = run("pi", "succeed", "", JobPhase.SUCCEEDED);

    var status = job.getStatus();
    assertThat(status.getReason()).isEqualTo(JobReason.COMPLETED);
    assertThat(status.getAttempt().getNumber()).isEqualTo(1);
    assertThat(status.getAttempt().getExitCode()).isZero();
    assertThat(status.getAttempt().getDriverPodName()).isEqualTo("pi-driver");
    assertThat(status.getExecutors().getRequested()).isEqualTo(2);
    assertThat(status.getExecutors().getSucceeded()).isEqualTo(2);
    assertThat(status.getExecutors().getFailed()).isZero();
    assertThat(status.getApplicationState().getState()).isEqualTo(ApplicationStateType.COMPLETED);
    assertThat(status.getDriverInfo().getPodName()).isEqualTo("pi-driver");
    assertThat(status.getCompletionTime()).isNotNull();
    assertThat(status.getDuration()).isNotNull();
    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(condition(job, "Complete").getStatus()).isEqualTo("True");
    assertThat(status.getConditions()).noneMatch(c -> c.getType().equals("Failed"));
    eventually(
        () -> assertThat(eventReasons("pi")).containsExactly("Submitted", "Running", "Succeeded"));
    // The finished driver pod stays for its logs; the driver deleted its executors.
    assertThat(pods()).extracting(p -> p.getMetadata().getName()).containsExactly("pi-driver");
  }

  @Test
  void driverExitingNonZeroWithRestartPolicyNeverFailsTheJob() {
    SparkBatchJob job = run("exit1", "exit1", "", JobPhase.FAILED);

    var status = job.getStatus();
    assertThat(status.getReason()).isEqualTo(JobReason.DRIVER_FAILED);
    assertThat(status.getAttempt().getExitCode()).isEqualTo(1);
    assertThat(status.getMessage()).contains("exited with code 1");
    assertThat(status.getApplicationState().getState()).isEqualTo(ApplicationStateType.FAILED);
    assertThat(status.getApplicationState().getErrorMessage()).contains("exited with code 1");
    assertThat(condition(job, "Failed").getReason()).isEqualTo("DriverFailed");
    assertThat(status.getPreviousAttempts()).isNullOrEmpty();
    eventually(
        () ->
            assertThat(eventReasons("exit1"))
                .containsExactly("Submitted", "Running", "DriverFailed"));
  }

  @Test
  void onFailureRetriesTwiceAndSucceedsOnTheThirdAttempt() {
    SparkBatchJob job =
        run(
            "retry-ok",
            "exit1.exit1.succeed",
            "restartPolicy: {type: OnFailure, onFailureRetries: 2, onFailureRetryInterval: 1}",
            JobPhase.SUCCEEDED);

    var status = job.getStatus();
    assertThat(status.getAttempt().getNumber()).isEqualTo(3);
    assertThat(status.getAttempt().getReason()).isEqualTo(JobReason.COMPLETED);
    assertThat(status.getPreviousAttempts())
        .extracting(AttemptStatus::getNumber, AttemptStatus::getReason, AttemptStatus::getExitCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, JobReason.DRIVER_FAILED, 1),
            org.assertj.core.groups.Tuple.tuple(1, JobReason.DRIVER_FAILED, 1));
    assertThat(status.getFailedAttempts()).isZero();
    eventually(
        () -> assertThat(eventReasons("retry-ok")).filteredOn("Submitted"::equals).hasSize(3));
    assertThat(pods())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("retry-ok-driver");
  }

  @Test
  void onFailureGivesUpWhenTheRetriesAreUsedUp() {
    SparkBatchJob job =
        run(
            "retry-fail",
            "exit1",
            "restartPolicy: {type: OnFailure, onFailureRetries: 2, onFailureRetryInterval: 1}",
            JobPhase.FAILED);

    var status = job.getStatus();
    assertThat(status.getAttempt().getNumber()).isEqualTo(3);
    assertThat(status.getFailedAttempts()).isEqualTo(3);
    assertThat(status.getReason()).isEqualTo(JobReason.DRIVER_FAILED);
    assertThat(status.getMessage()).contains("no retries are left");
    assertThat(status.getPreviousAttempts()).hasSize(2);
    eventually(() -> assertThat(eventReasons("retry-fail")).contains("Submitted", "DriverFailed"));
  }

  @Test
  void alwaysRunsAgainAfterSuccessUntilFailuresInARowUseUpTheRetries() {
    SparkBatchJob job =
        run(
            "always",
            "succeed.exit1.exit1",
            "restartPolicy: {type: Always, onFailureRetries: 1, onFailureRetryInterval: 1}",
            JobPhase.FAILED);

    var status = job.getStatus();
    assertThat(status.getAttempt().getNumber()).isEqualTo(3);
    assertThat(status.getFailedAttempts()).isEqualTo(2);
    assertThat(status.getPreviousAttempts())
        .extracting(AttemptStatus::getReason)
        .containsExactly(JobReason.DRIVER_FAILED, JobReason.COMPLETED);
  }

  @Test
  void retryingIsVisibleWithTheTimeOfTheNextAttempt() {
    harness.create(
        TestJobs.sparkPi(
            ns,
            "backoff",
            "exit1.succeed",
            "restartPolicy: {type: OnFailure, onFailureRetryInterval: 3}"));
    SparkBatchJob retrying = harness.awaitPhase(ns, "backoff", JobPhase.RETRYING, WAIT);
    assertThat(retrying.getStatus().getNextAttemptTime()).isNotNull();
    assertThat(retrying.getStatus().getApplicationState().getState())
        .isEqualTo(ApplicationStateType.PENDING_RERUN);
    assertThat(retrying.getStatus().getMessage()).contains("attempt 2 starts at");
    harness.awaitPhase(ns, "backoff", JobPhase.SUCCEEDED, WAIT);
  }

  @Test
  void imagePullFailureFailsTheAttemptInsteadOfWaitingForever() {
    SparkBatchJob job = run("badimage", "imagepull", "", JobPhase.FAILED);

    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.IMAGE_PULL_FAILURE);
    assertThat(job.getStatus().getMessage()).contains("ImagePullBackOff");
    eventually(() -> assertThat(eventReasons("badimage")).contains("ImagePullFailure"));
    await().atMost(WAIT).until(() -> pods().isEmpty());
  }

  @Test
  void unschedulableDriverFailsAtTheStartTimeoutSayingWhy() {
    SparkBatchJob job =
        run("pending", "unschedulable", "timeouts: {driverStartSeconds: 2}", JobPhase.FAILED);

    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.UNSCHEDULABLE);
    assertThat(job.getStatus().getMessage())
        .contains("did not start within 2s")
        .contains("Insufficient cpu");
    await().atMost(WAIT).until(() -> pods().isEmpty());
  }

  @Test
  void oomKilledDriverIsReportedWithExitCode137() {
    SparkBatchJob job = run("oom", "oom", "", JobPhase.FAILED);

    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.DRIVER_OOM_KILLED);
    assertThat(job.getStatus().getAttempt().getExitCode()).isEqualTo(137);
    assertThat(job.getStatus().getMessage()).contains("spec.driver.memory");
  }

  @Test
  void evictedDriverIsReportedAsEvicted() {
    SparkBatchJob job = run("evicted", "evict", "", JobPhase.FAILED);

    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.DRIVER_EVICTED);
    assertThat(job.getStatus().getMessage()).contains("low on resource");
  }

  @Test
  void lostNodeIsReportedAsNodeLost() {
    SparkBatchJob job = run("lost", "nodelost", "", JobPhase.FAILED);

    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.NODE_LOST);
  }

  @Test
  void driverPodDeletedMidRunFailsTheAttempt() {
    harness.create(TestJobs.sparkPi(ns, "deleted", "forever"));
    harness.awaitPhase(ns, "deleted", JobPhase.RUNNING, WAIT);

    harness.client().pods().inNamespace(ns).withName("deleted-driver").delete();

    SparkBatchJob job = harness.awaitPhase(ns, "deleted", JobPhase.FAILED, WAIT);
    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.DRIVER_POD_DELETED);
    assertThat(job.getStatus().getMessage()).contains("deleted-driver");
  }

  @Test
  void deadlineStopsTheDriverAndFailsTheJobWithoutRetry() {
    SparkBatchJob job =
        run(
            "deadline",
            "forever",
            "timeouts: {activeDeadlineSeconds: 2}\nrestartPolicy: {type: OnFailure, onFailureRetries: 3}",
            JobPhase.FAILED);

    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.DEADLINE_EXCEEDED);
    assertThat(job.getStatus().getAttempt().getNumber()).isEqualTo(1);
    assertThat(job.getStatus().getMessage()).contains("activeDeadlineSeconds");
    await().atMost(WAIT).until(() -> pods().isEmpty());
  }

  @Test
  void specChangeMidRunStopsTheDriverAndRunsTheNewSpec() {
    harness.create(TestJobs.sparkPi(ns, "changed", "forever"));
    harness.awaitPhase(ns, "changed", JobPhase.RUNNING, WAIT);
    String firstDriverUid =
        harness
            .client()
            .pods()
            .inNamespace(ns)
            .withName("changed-driver")
            .get()
            .getMetadata()
            .getUid();

    // As `kubectl patch --type merge` does: no resourceVersion, so status writes cannot conflict.
    harness
        .client()
        .resources(SparkBatchJob.class)
        .inNamespace(ns)
        .withName("changed")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"spec\":{\"arguments\":[\"200\"],\"driver\":{\"labels\":{\""
                + ScriptedBehaviour.LABEL
                + "\":\"succeed\"}}}}");

    SparkBatchJob job = harness.awaitPhase(ns, "changed", JobPhase.SUCCEEDED, WAIT);
    var status = job.getStatus();
    assertThat(status.getObservedGeneration()).isEqualTo(2L);
    assertThat(status.getAttempt().getNumber()).isEqualTo(1);
    assertThat(status.getPreviousAttempts())
        .first()
        .extracting(AttemptStatus::getReason)
        .isEqualTo(JobReason.SPEC_CHANGED);
    eventually(() -> assertThat(eventReasons("changed")).contains("SpecChanged"));
    Pod driver = harness.client().pods().inNamespace(ns).withName("changed-driver").get();
    assertThat(driver.getMetadata().getUid()).isNotEqualTo(firstDriverUid);
  }

  @Test
  void timeToLiveDeletesTheFinishedJobAndEverythingItOwned() {
    harness.create(TestJobs.sparkPi(ns, "ttl", "succeed", "timeToLiveSeconds: 1"));
    harness.awaitPhase(ns, "ttl", JobPhase.SUCCEEDED, WAIT);

    await().atMost(WAIT).until(() -> harness.get(ns, "ttl") == null);
    await().atMost(WAIT).until(() -> pods().isEmpty());
    assertThat(harness.client().services().inNamespace(ns).list().getItems()).isEmpty();
    assertThat(harness.client().configMaps().inNamespace(ns).list().getItems()).isEmpty();
  }

  @Test
  void releaseAfterFinishDeletesPodsAndServiceButKeepsTheJobAndItsStatus() {
    harness.create(TestJobs.sparkPi(ns, "release", "succeed", "releaseResourcesAfterSeconds: 0"));
    harness.awaitPhase(ns, "release", JobPhase.SUCCEEDED, WAIT);

    await().atMost(WAIT).until(() -> pods().isEmpty());
    await()
        .atMost(WAIT)
        .until(() -> harness.client().services().inNamespace(ns).list().getItems().isEmpty());
    assertThat(harness.client().configMaps().inNamespace(ns).list().getItems())
        .noneMatch(c -> c.getMetadata().getName().startsWith("release"));
    SparkBatchJob job = harness.get(ns, "release");
    assertThat(job.getStatus().getPhase()).isEqualTo(JobPhase.SUCCEEDED);
    assertThat(job.getStatus().getAttempt().getExitCode()).isZero();
  }

  @Test
  void invalidSpecFailsAtOnceNamingTheFieldWithAWarningEvent() {
    SparkBatchJob bad = TestJobs.sparkPi(ns, "invalid", "succeed");
    bad.getSpec().getExecutor().setInstances(-1);
    harness.create(bad);

    SparkBatchJob job = harness.awaitPhase(ns, "invalid", JobPhase.FAILED, WAIT);
    assertThat(job.getStatus().getReason()).isEqualTo(JobReason.INVALID_SPEC);
    assertThat(job.getStatus().getMessage()).contains("spec.executor.instances");
    assertThat(condition(job, "InvalidSpec").getStatus()).isEqualTo("True");
    eventually(
        () ->
            assertThat(harness.events(ns, "invalid"))
                .anyMatch(
                    e -> e.getType().equals("Warning") && e.getReason().equals("InvalidSpec")));
    assertThat(pods()).isEmpty();
  }

  @Test
  void missingCustomServiceAccountIsAClearErrorNotAStuckPod() {
    SparkBatchJob job = TestJobs.sparkPi(ns, "no-sa", "succeed");
    job.getSpec().getDriver().setServiceAccount("does-not-exist");
    harness.create(job);

    SparkBatchJob failed = harness.awaitPhase(ns, "no-sa", JobPhase.FAILED, WAIT);
    assertThat(failed.getStatus().getReason()).isEqualTo(JobReason.SERVICE_ACCOUNT_MISSING);
    assertThat(failed.getStatus().getMessage())
        .contains("spec.driver.serviceAccount")
        .contains("does-not-exist");
    assertThat(pods()).isEmpty();
  }

  @Test
  void driverPodRefusedByTheApiServerIsASubmissionFailureThatRetriesByPolicy() {
    SparkBatchJob job =
        TestJobs.sparkPi(
            ns,
            "quota",
            "succeed",
            "restartPolicy: {type: OnFailure, onFailureRetries: 1, onFailureRetryInterval: 1}");
    job.getSpec().getDriver().getLabels().put(SimulatedApiServer.DENY_LABEL, "deny");
    harness.create(job);

    SparkBatchJob failed = harness.awaitPhase(ns, "quota", JobPhase.FAILED, WAIT);
    assertThat(failed.getStatus().getReason()).isEqualTo(JobReason.SUBMISSION_FAILED);
    assertThat(failed.getStatus().getMessage()).contains("exceeded quota");
    assertThat(failed.getStatus().getAttempt().getNumber()).isEqualTo(2);
    eventually(
        () ->
            assertThat(harness.events(ns, "quota"))
                .anyMatch(e -> e.getReason().equals("SubmissionFailed")));
    assertThat(pods()).isEmpty();
  }

  @Test
  void managedDriverIdentityIsCreatedInTheJobNamespace() {
    run("rbac", "succeed", "", JobPhase.SUCCEEDED);

    var client = harness.client();
    assertThat(client.serviceAccounts().inNamespace(ns).withName("spark-batch-driver").get())
        .isNotNull();
    assertThat(client.rbac().roles().inNamespace(ns).list().getItems()).hasSize(1);
    assertThat(client.rbac().roleBindings().inNamespace(ns).list().getItems()).hasSize(1);
    Pod driver = client.pods().inNamespace(ns).withName("rbac-driver").get();
    assertThat(driver.getSpec().getServiceAccountName()).isEqualTo("spark-batch-driver");
  }
}
