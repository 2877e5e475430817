package io.sparkbatch.operator.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What the simulated kubelet does to one pod, step by step, each after a delay: the pod's life as a
 * real kubelet (and, for drivers, Spark) would write it into pod status.
 */
public record PodScript(List<Step> steps) {

  /** One change of the pod's status. */
  public sealed interface Step {
    Duration after();
  }

  /** Bound to a node: PodScheduled=True. */
  public record Schedule(Duration after) implements Step {}

  /** The scheduler gives up for now: PodScheduled=False, reason Unschedulable. */
  public record Unschedulable(Duration after, String message) implements Step {}

  /** The container waits (ErrImagePull, ImagePullBackOff, CreateContainerConfigError...). */
  public record Wait(Duration after, String reason, String message) implements Step {}

  /** Running with a pod IP and Ready=True; a driver then creates its executors. */
  public record Run(Duration after) implements Step {}

  /** The container ends with an exit code (and a reason such as OOMKilled or Error). */
  public record Exit(Duration after, int exitCode, String reason) implements Step {}

  /** The kubelet evicts the pod (node pressure). */
  public record Evict(Duration after, String message) implements Step {}

  /** The node stops responding: phase Unknown, reason NodeLost. */
  public record LoseNode(Duration after) implements Step {}

  /**
   * Nothing changes until {@code release} completes, then the next step follows: lets a benchmark
   * hold N drivers running while it measures the operator with all of them tracked.
   */
  public record Hold(Duration after, CompletionStage<?> release) implements Step {}

  private static final Duration TICK = Duration.ofMillis(20);

  /** Scheduled, running for {@code runFor}, then exits with {@code exitCode}. */
  public static PodScript exit(Duration runFor, int exitCode) {
    return new PodScript(
        List.of(
            new Schedule(TICK),
            new Run(TICK),
            new Exit(runFor, exitCode, exitCode == 0 ? "Completed" : "Error")));
  }

  public static PodScript succeed(Duration runFor) {
    return exit(runFor, 0);
  }

  /** Scheduled and running until deleted. */
  public static PodScript runForever() {
    return new PodScript(List.of(new Schedule(TICK), new Run(TICK)));
  }

  /** The image cannot be pulled: ErrImagePull, then ImagePullBackOff. */
  public static PodScript imagePullFailure() {
    return new PodScript(
        List.of(
            new Schedule(TICK),
            new Wait(TICK, "ErrImagePull", "rpc error: pull access denied for no-such/image"),
            new Wait(TICK, "ImagePullBackOff", "Back-off pulling image \"no-such/image:1\"")));
  }

  /** Never scheduled. */
  public static PodScript unschedulable() {
    return new PodScript(
        List.of(
            new Unschedulable(
                TICK, "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes")));
  }

  /** Runs, then the container is killed for memory. */
  public static PodScript oomKilled(Duration runFor) {
    return new PodScript(
        List.of(new Schedule(TICK), new Run(TICK), new Exit(runFor, 137, "OOMKilled")));
  }

  /** Runs, then is evicted. */
  public static PodScript evicted(Duration runFor) {
    return new PodScript(
        List.of(
            new Schedule(TICK),
            new Run(TICK),
            new Evict(runFor, "The node was low on resource: memory.")));
  }

  /** Runs, then its node is lost. */
  public static PodScript nodeLost(Duration runFor) {
    return new PodScript(List.of(new Schedule(TICK), new Run(TICK), new LoseNode(runFor)));
  }

  /** This script followed by more steps. */
  public PodScript then(Step... more) {
    List<Step> all = new ArrayList<>(steps);
    all.addAll(List.of(more));
    return new PodScript(List.copyOf(all));
  }
}
