package io.sparkbatch.operator.observe;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.sparkbatch.operator.api.JobReason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a driver pod into a {@link DriverState}. Pure and read-only: it never writes, and it
 * decides from structured fields (phase, container state reasons, conditions), never from message
 * text.
 */
public final class DriverPodObserver {

  /** The Spark container of a driver pod, as Spark names it. */
  public static final String DRIVER_CONTAINER = "spark-kubernetes-driver";

  private static final Set<String> IMAGE_PULL_FAILED =
      Set.of("ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
  private static final Set<String> CONFIG_ERRORS =
      Set.of("CreateContainerConfigError", "CreateContainerError");
  private static final Set<String> EVICTION_REASONS =
      Set.of("EvictionByEvictionAPI", "PreemptionByScheduler", "TerminationByKubelet");

  private DriverPodObserver() {}

  public static DriverState observe(Pod pod) {
    PodStatus status = pod.getStatus();
    if (status == null) {
      return DriverState.starting(null, null);
    }
    String phase = status.getPhase() == null ? "Pending" : status.getPhase();
    Optional<ContainerStatus> spark = sparkContainer(pod);
    if ("Evicted".equals(status.getReason()) || disruption(status, EVICTION_REASONS)) {
      return DriverState.ended(
          JobReason.DRIVER_EVICTED,
          orElse(status.getMessage(), "the driver pod was evicted"),
          exitCode(spark),
          endTime(spark));
    }
    if ("NodeLost".equals(status.getReason())
        || "Unknown".equals(phase)
        || disruption(status, Set.of("DeletionByTaintManager", "DeletionByPodGC"))) {
      return DriverState.ended(
          JobReason.NODE_LOST,
          orElse(status.getMessage(), "the node running the driver was lost"),
          exitCode(spark),
          endTime(spark));
    }
    Optional<ContainerStateTerminated> terminated =
        spark.map(c -> c.getState() == null ? null : c.getState().getTerminated());
    if (terminated.isPresent() || "Succeeded".equals(phase) || "Failed".equals(phase)) {
      return ended(phase, terminated.orElse(null), status);
    }
    if ("Running".equals(phase) && spark.map(c -> c.getState().getRunning() != null).orElse(true)) {
      Instant startedAt =
          spark.map(c -> c.getState().getRunning().getStartedAt()).map(Instant::parse).orElse(null);
      return DriverState.running(startedAt);
    }
    return starting(status, spark);
  }

  private static DriverState ended(
      String phase, ContainerStateTerminated terminated, PodStatus status) {
    Integer exitCode = terminated == null ? null : terminated.getExitCode();
    Instant at =
        terminated == null || terminated.getFinishedAt() == null
            ? null
            : Instant.parse(terminated.getFinishedAt());
    if (terminated != null && "OOMKilled".equals(terminated.getReason())) {
      return DriverState.ended(
          JobReason.DRIVER_OOM_KILLED,
          "the driver container exceeded its memory limit (OOMKilled); raise spec.driver.memory or"
              + " spec.driver.memoryOverhead",
          exitCode,
          at);
    }
    boolean success = exitCode != null ? exitCode == 0 : "Succeeded".equals(phase);
    if (success) {
      return DriverState.ended(JobReason.COMPLETED, "the driver exited with code 0", 0, at);
    }
    String detail =
        terminated != null && terminated.getMessage() != null
            ? terminated.getMessage()
            : orElse(status.getMessage(), null);
    String message =
        exitCode == null
            ? orElse(detail, "the driver pod failed")
            : "the driver exited with code " + exitCode + (detail == null ? "" : ": " + detail);
    return DriverState.ended(JobReason.DRIVER_FAILED, message, exitCode, at);
  }

  private static DriverState starting(PodStatus status, Optional<ContainerStatus> spark) {
    Optional<ContainerStateWaiting> waiting =
        spark.map(c -> c.getState() == null ? null : c.getState().getWaiting());
    if (waiting.isPresent() && waiting.get().getReason() != null) {
      String reason = waiting.get().getReason();
      String message = reason + orElse(prefixed(waiting.get().getMessage()), "");
      if (IMAGE_PULL_FAILED.contains(reason)) {
        return DriverState.starting(JobReason.IMAGE_PULL_FAILURE, message);
      }
      if (CONFIG_ERRORS.contains(reason)) {
        return DriverState.starting(JobReason.CONTAINER_CONFIG_ERROR, message);
      }
      return DriverState.starting(null, message);
    }
    return condition(status, "PodScheduled")
        .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()))
        .map(
            c ->
                DriverState.starting(
                    JobReason.UNSCHEDULABLE,
                    "Unschedulable" + orElse(prefixed(c.getMessage()), "")))
        .orElse(DriverState.starting(null, null));
  }

  /** The Spark container's status: the one Spark names, else the first. */
  static Optional<ContainerStatus> sparkContainer(Pod pod) {
    List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
    if (statuses == null || statuses.isEmpty()) {
      return Optional.empty();
    }
    return statuses.stream()
        .filter(c -> DRIVER_CONTAINER.equals(c.getName()))
        .findFirst()
        .or(() -> Optional.of(statuses.get(0)))
        .filter(c -> c.getState() != null);
  }

  private static Optional<PodCondition> condition(PodStatus status, String type) {
    return status.getConditions() == null
        ? Optional.empty()
        : status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static boolean disruption(PodStatus status, Set<String> reasons) {
    return condition(status, "DisruptionTarget")
        .filter(c -> "True".equals(c.getStatus()) && reasons.contains(c.getReason()))
        .isPresent();
  }

  private static Integer exitCode(Optional<ContainerStatus> spark) {
    return spark
        .map(c -> c.getState().getTerminated())
        .map(ContainerStateTerminated::getExitCode)
        .orElse(null);
  }

  private static Instant endTime(Optional<ContainerStatus> spark) {
    return spark
        .map(c -> c.getState().getTerminated())
        .map(ContainerStateTerminated::getFinishedAt)
        .map(Instant::parse)
        .orElse(null);
  }

  private static String prefixed(String message) {
    return message == null || message.isBlank() ? null : ": " + message;
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
