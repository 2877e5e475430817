package io.sparkbatch.operator.observe;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one pod held and for how long, read from the pod alone: the requests of its containers and
 * the time its Spark container ran, from the kubelet's own timestamps (running startedAt, then
 * terminated startedAt/finishedAt). Never the reconciler's clock: a status written late must not
 * make a job look more expensive.
 *
 * @param cores CPU requested by the pod's containers
 * @param memoryGiB memory requested by the pod's containers, in GiB
 * @param start when the container started running; null if it never ran
 * @param end when it stopped (terminated finishedAt, else the pod's deletionTimestamp); null while
 *     it runs
 */
public record PodRun(double cores, double memoryGiB, Instant start, Instant end) {
  private static final BigDecimal GIB = BigDecimal.valueOf(1024L * 1024 * 1024);

  /** The pod's run so far, or empty when its container never started. */
  public static Optional<PodRun> of(Pod pod) {
    double cores = 0;
    double memory = 0;
    List<Container> containers =
        pod.getSpec() == null || pod.getSpec().getContainers() == null
            ? List.of()
            : pod.getSpec().getContainers();
    for (Container container : containers) {
      Map<String, Quantity> requests =
          container.getResources() == null ? null : container.getResources().getRequests();
      cores += amount(requests, "cpu").doubleValue();
      memory +=
          amount(requests, "memory").divide(GIB, java.math.MathContext.DECIMAL64).doubleValue();
    }
    Instant start = null;
    Instant end = null;
    if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
      for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
        var state = status.getState();
        if (state == null) {
          continue;
        }
        if (state.getRunning() != null) {
          start = earliest(start, parse(state.getRunning().getStartedAt()));
        } else if (state.getTerminated() != null) {
          start = earliest(start, parse(state.getTerminated().getStartedAt()));
          end = latest(end, parse(state.getTerminated().getFinishedAt()));
        }
      }
    }
    if (start == null) {
      return Optional.empty();
    }
    if (end == null) {
      end = parse(pod.getMetadata().getDeletionTimestamp());
    }
    return Optional.of(new PodRun(cores, memory, start, end));
  }

  /** This run, ended at {@code at} if it has no end of its own (its driver ended then). */
  public PodRun endedBy(Instant at) {
    if (end != null || at == null) {
      return this;
    }
    return new PodRun(cores, memoryGiB, start, at.isBefore(start) ? start : at);
  }

  /** Seconds the container ran; zero while it has no end. */
  public double seconds() {
    if (end == null || end.isBefore(start)) {
      return 0;
    }
    return Duration.between(start, end).toMillis() / 1000.0;
  }

  public double coreSeconds() {
    return cores * seconds();
  }

  public double memoryGiBSeconds() {
    return memoryGiB * seconds();
  }

  private static BigDecimal amount(Map<String, Quantity> requests, String resource) {
    Quantity quantity = requests == null ? null : requests.get(resource);
    return quantity == null ? BigDecimal.ZERO : quantity.getNumericalAmount();
  }

  private static Instant parse(String value) {
    return value == null || value.isBlank() ? null : Instant.parse(value);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
