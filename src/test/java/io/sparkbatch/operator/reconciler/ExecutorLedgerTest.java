package io.sparkbatch.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecutorLedgerTest {

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
  void executorsThatDisappearAreReportedWithTheirLastPhase() {
    ExecutorLedger ledger = new ExecutorLedger();
    ledger.observe("job", 1, List.of(executor("a", "Running"), executor("b", "Failed")));

    assertThat(ledger.observe("job", 1, List.of(executor("a", "Running"))))
        .containsExactlyEntriesOf(java.util.Map.of("b", "Failed"));
  }

  @Test
  void aNewAttemptStartsAFreshRecord() {
    ExecutorLedger ledger = new ExecutorLedger();
    ledger.observe("job", 1, List.of(executor("a", "Running")));

    assertThat(ledger.observe("job", 2, List.of())).isEmpty();
  }

  @Test
  void jobsDeletedWhileRunningAreDropped() {
    ExecutorLedger ledger = new ExecutorLedger();
    ledger.observe("kept", 1, List.of(executor("a", "Running")));
    ledger.observe("deleted", 1, List.of(executor("b", "Running")));

    ledger.retainJobs(Set.of("kept"));

    assertThat(ledger.size()).isEqualTo(1);
    assertThat(ledger.observe("deleted", 1, List.of())).isEmpty();
  }
}
