package io.sparkbatch.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.observe.DriverState.Kind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DriverPodObserverTest {

  private static Pod pod(PodStatus status) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("pi-driver")
        .endMetadata()
        .withStatus(status)
        .build();
  }

  private static ContainerStatusBuilder driver() {
    return new ContainerStatusBuilder().withName(DriverPodObserver.DRIVER_CONTAINER);
  }

  private static Pod terminated(String phase, int code, String reason) {
    return pod(
        new PodStatusBuilder()
            .withPhase(phase)
            .withContainerStatuses(
                driver()
                    .withNewState()
                    .withNewTerminated()
                    .withExitCode(code)
                    .withReason(reason)
                    .withFinishedAt("2026-01-01T00:01:00Z")
                    .endTerminated()
                    .endState()
                    .build())
            .build());
  }

  @Test
  void podWithoutStatusIsStarting() {
    assertThat(DriverPodObserver.observe(pod(null)).kind()).isEqualTo(Kind.STARTING);
  }

  @Test
  void runningContainerIsRunningSinceItsStart() {
    DriverState state =
        DriverPodObserver.observe(
            pod(
                new PodStatusBuilder()
                    .withPhase("Running")
                    .withContainerStatuses(
                        driver()
                            .withNewState()
                            .withNewRunning("2026-01-01T00:00:05Z")
                            .endState()
                            .build())
                    .build()));
    assertThat(state.kind()).isEqualTo(Kind.RUNNING);
    assertThat(state.at()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
  }

  @Test
  void exitZeroIsSuccessWithItsFinishTime() {
    DriverState state = DriverPodObserver.observe(terminated("Succeeded", 0, "Completed"));
    assertThat(state.succeeded()).isTrue();
    assertThat(state.exitCode()).isZero();
    assertThat(state.at()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
  }

  @Test
  void nonZeroExitIsDriverFailedWithTheCode() {
    DriverState state = DriverPodObserver.observe(terminated("Failed", 1, "Error"));
    assertThat(state.reason()).isEqualTo(JobReason.DRIVER_FAILED);
    assertThat(state.exitCode()).isEqualTo(1);
    assertThat(state.message()).contains("exited with code 1");
  }

  @Test
  void oomKilledIsRecognisedByReasonNotByCode() {
    DriverState state = DriverPodObserver.observe(terminated("Failed", 137, "OOMKilled"));
    assertThat(state.reason()).isEqualTo(JobReason.DRIVER_OOM_KILLED);
    assertThat(state.exitCode()).isEqualTo(137);
    assertThat(DriverPodObserver.observe(terminated("Failed", 137, "Error")).reason())
        .isEqualTo(JobReason.DRIVER_FAILED);
  }

  @Test
  void evictionEndsTheAttempt() {
    DriverState state =
        DriverPodObserver.observe(
            pod(
                new PodStatusBuilder()
                    .withPhase("Failed")
                    .withReason("Evicted")
                    .withMessage("low on memory")
                    .build()));
    assertThat(state.kind()).isEqualTo(Kind.ENDED);
    assertThat(state.reason()).isEqualTo(JobReason.DRIVER_EVICTED);
    assertThat(state.message()).isEqualTo("low on memory");
  }

  @Test
  void preemptionSeenAsDisruptionTargetIsAnEviction() {
    DriverState state =
        DriverPodObserver.observe(
            pod(
                new PodStatusBuilder()
                    .withPhase("Running")
                    .withConditions(
                        new PodConditionBuilder()
                            .withType("DisruptionTarget")
                            .withStatus("True")
                            .withReason("PreemptionByScheduler")
                            .build())
                    .build()));
    assertThat(state.reason()).isEqualTo(JobReason.DRIVER_EVICTED);
  }

  @Test
  void unknownPhaseIsALostNode() {
    DriverState state =
        DriverPodObserver.observe(
            pod(new PodStatusBuilder().withPhase("Unknown").withReason("NodeLost").build()));
    assertThat(state.reason()).isEqualTo(JobReason.NODE_LOST);
  }

  @Test
  void imagePullBackOffIsAStartThatWillNotRecover() {
    DriverState state =
        DriverPodObserver.observe(
            pod(
                new PodStatusBuilder()
                    .withPhase("Pending")
                    .withContainerStatuses(
                        driver()
                            .withNewState()
                            .withNewWaiting()
                            .withReason("ImagePullBackOff")
                            .withMessage("Back-off pulling image")
                            .endWaiting()
                            .endState()
                            .build())
                    .build()));
    assertThat(state.startFailed()).isTrue();
    assertThat(state.reason()).isEqualTo(JobReason.IMAGE_PULL_FAILURE);
    assertThat(state.message()).isEqualTo("ImagePullBackOff: Back-off pulling image");
  }

  @Test
  void firstErrImagePullStillWaits() {
    DriverState state =
        DriverPodObserver.observe(
            pod(
                new PodStatusBuilder()
                    .withPhase("Pending")
                    .withContainerStatuses(
                        driver()
                            .withNewState()
                            .withNewWaiting()
                            .withReason("ErrImagePull")
                            .endWaiting()
                            .endState()
                            .build())
                    .build()));
    assertThat(state.kind()).isEqualTo(Kind.STARTING);
    assertThat(state.startFailed()).isFalse();
  }

  @Test
  void missingSecretIsAContainerConfigError() {
    DriverState state =
        DriverPodObserver.observe(
            pod(
                new PodStatusBuilder()
                    .withPhase("Pending")
                    .withContainerStatuses(
                        driver()
                            .withNewState()
                            .withNewWaiting()
                            .withReason("CreateContainerConfigError")
                            .withMessage("secret \"s3\" not found")
                            .endWaiting()
                            .endState()
                            .build())
                    .build()));
    assertThat(state.reason()).isEqualTo(JobReason.CONTAINER_CONFIG_ERROR);
    assertThat(state.startFailed()).isTrue();
  }

  @Test
  void unschedulablePodWaitsWithTheSchedulersReason() {
    DriverState state =
        DriverPodObserver.observe(
            pod(
                new PodStatusBuilder()
                    .withPhase("Pending")
                    .withConditions(
                        new PodConditionBuilder()
                            .withType("PodScheduled")
                            .withStatus("False")
                            .withReason("Unschedulable")
                            .withMessage("0/3 nodes are available")
                            .build())
                    .build()));
    assertThat(state.kind()).isEqualTo(Kind.STARTING);
    assertThat(state.reason()).isEqualTo(JobReason.UNSCHEDULABLE);
    assertThat(state.startFailed()).isFalse();
    assertThat(state.message()).isEqualTo("Unschedulable: 0/3 nodes are available");
  }
}
