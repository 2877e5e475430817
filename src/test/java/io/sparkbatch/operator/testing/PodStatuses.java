package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Pod statuses as a kubelet writes them, for each {@link PodScript} step: shared by the {@link
 * SimulatedKubelet} and the process kubelet, so both report pods the same way.
 */
public final class PodStatuses {
  private PodStatuses() {}

  /**
   * The pod as the kubelet reports it after {@code step}: phase, conditions and the main
   * container's state. {@code podIp} is the address a {@link PodScript.Run} gives the pod.
   */
  public static Pod apply(Pod pod, PodScript.Step step, String now, String podIp) {
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    String container = containerName(pod);
    if (step instanceof PodScript.Schedule) {
      status.setConditions(condition(status, "PodScheduled", "True", null, null, now));
    } else if (step instanceof PodScript.Unschedulable u) {
      status.setConditions(
          condition(status, "PodScheduled", "False", "Unschedulable", u.message(), now));
    } else if (step instanceof PodScript.Wait w) {
      status.setContainerStatuses(
          List.of(
              container(container)
                  .withNewState()
                  .withNewWaiting()
                  .withReason(w.reason())
                  .withMessage(w.message())
                  .endWaiting()
                  .endState()
                  .build()));
    } else if (step instanceof PodScript.Run) {
      status.setPhase("Running");
      status.setPodIP(podIp);
      status.setStartTime(now);
      status.setConditions(condition(status, "Ready", "True", null, null, now));
      status.setContainerStatuses(
          List.of(
              container(container)
                  .withReady(true)
                  .withStarted(true)
                  .withNewState()
                  .withNewRunning(now)
                  .endState()
                  .build()));
    } else if (step instanceof PodScript.Exit e) {
      status.setPhase(e.exitCode() == 0 ? "Succeeded" : "Failed");
      status.setConditions(condition(status, "Ready", "False", "PodCompleted", null, now));
      String startedAt = runningSince(status, now);
      status.setContainerStatuses(
          List.of(
              container(container)
                  .withNewState()
                  .withNewTerminated()
                  .withExitCode(e.exitCode())
                  .withReason(e.reason())
                  .withStartedAt(startedAt)
                  .withFinishedAt(now)
                  .endTerminated()
                  .endState()
                  .build()));
    } else if (step instanceof PodScript.Evict v) {
      status.setPhase("Failed");
      status.setReason("Evicted");
      status.setMessage(v.message());
      status.setConditions(
          condition(status, "DisruptionTarget", "True", "TerminationByKubelet", v.message(), now));
    } else if (step instanceof PodScript.LoseNode) {
      status.setPhase("Unknown");
      status.setReason("NodeLost");
      status.setMessage(
          "Node sim-node-1 which was running pod "
              + pod.getMetadata().getName()
              + " is unresponsive");
    }
    pod.setStatus(status);
    return pod;
  }

  private static String runningSince(PodStatus status, String fallback) {
    if (status.getContainerStatuses() == null || status.getContainerStatuses().isEmpty()) {
      return fallback;
    }
    var state = status.getContainerStatuses().get(0).getState();
    return state != null && state.getRunning() != null
        ? state.getRunning().getStartedAt()
        : fallback;
  }

  private static ContainerStatusBuilder container(String name) {
    return new ContainerStatusBuilder()
        .withName(name)
        .withImage("apache/spark")
        .withRestartCount(0);
  }

  private static String containerName(Pod pod) {
    return pod.getSpec().getContainers().isEmpty()
        ? SimulatedKubelet.DRIVER_CONTAINER
        : pod.getSpec().getContainers().stream()
            .map(c -> c.getName())
            .filter(
                n ->
                    n.equals(SimulatedKubelet.DRIVER_CONTAINER)
                        || n.equals(SimulatedKubelet.EXECUTOR_CONTAINER))
            .findFirst()
            .orElse(pod.getSpec().getContainers().get(0).getName());
  }

  private static List<PodCondition> condition(
      PodStatus status, String type, String value, String reason, String message, String now) {
    List<PodCondition> conditions = new ArrayList<>();
    if (status.getConditions() != null) {
      status.getConditions().stream()
          .filter(c -> !type.equals(c.getType()))
          .forEach(conditions::add);
    }
    conditions.add(
        new PodConditionBuilder()
            .withType(type)
            .withStatus(value)
            .withReason(reason)
            .withMessage(message)
            .withLastTransitionTime(now)
            .build());
    return conditions;
  }
}
