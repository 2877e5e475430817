package io.sparkbatch.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the Kubernetes-style conditions from phase and reason, so they can never disagree with
 * the phase. A condition keeps its lastTransitionTime while its status does not change.
 */
public final class JobConditions {
  public static final String RUNNING = "Running";
  public static final String COMPLETE = "Complete";
  public static final String FAILED = "Failed";
  public static final String INVALID_SPEC = "InvalidSpec";

  private JobConditions() {}

  public static List<Condition> derive(
      JobPhase phase,
      JobReason reason,
      String message,
      long generation,
      List<Condition> previous,
      Instant now) {
    List<Condition> conditions = new ArrayList<>();
    String reasonWord = reason == null ? phase.name() : reason.value();
    boolean running = phase == JobPhase.RUNNING;
    if (running || find(previous, RUNNING) != null) {
      conditions.add(condition(RUNNING, running, reasonWord, message, generation, previous, now));
    }
    if (phase == JobPhase.SUCCEEDED) {
      conditions.add(condition(COMPLETE, true, reasonWord, message, generation, previous, now));
    }
    if (phase == JobPhase.FAILED) {
      conditions.add(condition(FAILED, true, reasonWord, message, generation, previous, now));
    }
    if (reason == JobReason.INVALID_SPEC) {
      conditions.add(condition(INVALID_SPEC, true, reasonWord, message, generation, previous, now));
    }
    return conditions;
  }

  private static Condition condition(
      String type,
      boolean value,
      String reason,
      String message,
      long generation,
      List<Condition> previous,
      Instant now) {
    String status = value ? "True" : "False";
    Condition before = find(previous, type);
    String since =
        before != null && status.equals(before.getStatus())
            ? before.getLastTransitionTime()
            : Timestamps.format(now);
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withObservedGeneration(generation)
        .withLastTransitionTime(since)
        .build();
  }

  private static Condition find(List<Condition> conditions, String type) {
    if (conditions == null) {
      return null;
    }
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }
}
