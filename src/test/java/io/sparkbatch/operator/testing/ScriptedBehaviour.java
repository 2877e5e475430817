package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.util.List;

/**
 * Lets each test job choose its driver's fate through a driver label, so many scenarios share one
 * simulated cluster: {@code sim-script: exit1.exit1.succeed} makes attempt 1 and 2 exit with code 1
 * and attempt 3 succeed (the last script repeats for later attempts).
 */
public final class ScriptedBehaviour implements SimulatedKubelet.Behaviour {
  public static final String LABEL = "sim-script";
  private static final Duration RUN = Duration.ofMillis(300);

  @Override
  public PodScript scriptFor(Pod pod) {
    if (!SimulatedKubelet.isDriver(pod)) {
      return PodScript.runForever();
    }
    String value = pod.getMetadata().getLabels().getOrDefault(LABEL, "succeed");
    List<String> scripts = List.of(value.split("\\."));
    String attemptLabel = pod.getMetadata().getLabels().get("sparkbatch.io/attempt");
    int attempt = attemptLabel == null ? 1 : Integer.parseInt(attemptLabel);
    return script(scripts.get(Math.min(attempt, scripts.size()) - 1));
  }

  static PodScript script(String name) {
    return switch (name) {
      case "succeed" -> PodScript.succeed(RUN);
      case "slow" -> PodScript.succeed(Duration.ofSeconds(3));
      case "exit1" -> PodScript.exit(RUN, 1);
      case "forever" -> PodScript.runForever();
      case "imagepull" -> PodScript.imagePullFailure();
      case "unschedulable" -> PodScript.unschedulable();
      case "oom" -> PodScript.oomKilled(RUN);
      case "evict" -> PodScript.evicted(RUN);
      case "nodelost" -> PodScript.nodeLost(RUN);
      default -> throw new IllegalArgumentException("unknown simulated driver script " + name);
    };
  }
}
