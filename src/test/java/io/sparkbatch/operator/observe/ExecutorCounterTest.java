package io.sparkbatch.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.sparkbatch.operator.api.ExecutorCounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutorCounterTest {

  private static Pod executor(String name, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }

  @Test
  void countsCurrentPodsByPhase() {
    ExecutorCounts counts =
        ExecutorCounter.count(
            3,
            List.of(executor("a", "Pending"), executor("b", "Running"), executor("c", "Running")),
            Map.of(),
            false,
            null);
    assertThat(counts.getPending()).isEqualTo(1);
    assertThat(counts.getRunning()).isEqualTo(2);
    assertThat(counts.getSummary()).isEqualTo("2/3");
  }

  @Test
  void executorsRemovedOrKilledAfterASuccessfulDriverAreNotFailures() {
    ExecutorCounts counts =
        ExecutorCounter.count(
            2, List.of(executor("b", "Failed")), Map.of("a", "Running"), true, null);
    assertThat(counts.getFailed()).isZero();
    assertThat(counts.getSucceeded()).isEqualTo(2);
  }

  @Test
  void executorThatFailedWhileTheApplicationRanIsAFailure() {
    ExecutorCounts counts =
        ExecutorCounter.count(
            2, List.of(executor("b", "Running")), Map.of("a", "Failed"), false, null);
    assertThat(counts.getFailed()).isEqualTo(1);
    assertThat(counts.getRunning()).isEqualTo(1);
  }

  @Test
  void finishedCountsNeverGoDownAfterARestartForgotRemovedPods() {
    ExecutorCounts before =
        ExecutorCounter.count(2, List.of(), Map.of("a", "Running", "b", "Running"), true, null);
    ExecutorCounts after = ExecutorCounter.count(2, List.of(), Map.of(), true, before);
    assertThat(after.getSucceeded()).isEqualTo(2);
  }
}
