package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operator keeps of a pod in its informer cache: identity, labels, annotations, deletion
 * timestamp, each container's name and CPU and memory requests (for status.usage and the saturation
 * gauges), and the status fields the observers read (phase, reason, message, conditions, container
 * states). The rest of the spec, managed fields, owner references and container image details are
 * dropped: a driver pod's spec (env, volumes, args) is most of its size, and nothing reads it back.
 */
public final class CachedPodPruner {
  private CachedPodPruner() {}

  public static Pod prune(Pod pod) {
    Pod kept = new Pod();
    kept.setApiVersion(pod.getApiVersion());
    kept.setKind(pod.getKind());
    var meta = pod.getMetadata();
    kept.setMetadata(
        new ObjectMetaBuilder()
            .withName(meta.getName())
            .withNamespace(meta.getNamespace())
            .withUid(meta.getUid())
            .withResourceVersion(meta.getResourceVersion())
            .withGeneration(meta.getGeneration())
            .withCreationTimestamp(meta.getCreationTimestamp())
            .withDeletionTimestamp(meta.getDeletionTimestamp())
            .withLabels(meta.getLabels())
            .withAnnotations(meta.getAnnotations())
            .build());
    if (pod.getSpec() != null && pod.getSpec().getContainers() != null) {
      kept.setSpec(
          new PodSpecBuilder()
              .withContainers(
                  pod.getSpec().getContainers().stream()
                      .map(
                          c ->
                              new ContainerBuilder()
                                  .withName(c.getName())
                                  .withResources(requestsOnly(c.getResources()))
                                  .build())
                      .toList())
              .build());
    }
    PodStatus status = pod.getStatus();
    if (status != null) {
      kept.setStatus(
          new PodStatusBuilder()
              .withPhase(status.getPhase())
              .withReason(status.getReason())
              .withMessage(status.getMessage())
              .withStartTime(status.getStartTime())
              .withConditions(status.getConditions())
              .withContainerStatuses(containers(status.getContainerStatuses()))
              .withInitContainerStatuses(containers(status.getInitContainerStatuses()))
              .build());
    }
    return kept;
  }

  /** The CPU and memory requests: all that status.usage and the gauges read of resources. */
  private static ResourceRequirements requestsOnly(ResourceRequirements resources) {
    if (resources == null || resources.getRequests() == null) {
      return null;
    }
    Map<String, Quantity> requests = new HashMap<>(2);
    for (String name : List.of("cpu", "memory")) {
      Quantity amount = resources.getRequests().get(name);
      if (amount != null) {
        requests.put(name, amount);
      }
    }
    return new ResourceRequirementsBuilder().withRequests(requests).build();
  }

  private static List<ContainerStatus> containers(List<ContainerStatus> statuses) {
    if (statuses == null) {
      return null;
    }
    return statuses.stream()
        .map(
            c ->
                new ContainerStatusBuilder()
                    .withName(c.getName())
                    .withReady(c.getReady())
                    .withStarted(c.getStarted())
                    .withRestartCount(c.getRestartCount())
                    .withState(c.getState())
                    .withLastState(c.getLastState())
                    .build())
        .toList();
  }
}
