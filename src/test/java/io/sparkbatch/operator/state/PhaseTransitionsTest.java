package io.sparkbatch.operator.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PhaseTransitionsTest {

  @Test
  void finishedPhasesOnlyLeaveForANewRun() {
    for (JobPhase finished : JobPhase.FINISHED) {
      assertThat(PhaseTransitions.next(finished))
          .doesNotContain(JobPhase.RUNNING, JobPhase.RETRYING, JobPhase.SUCCEEDED);
    }
  }

  @Test
  void aJobNeverGoesBackFromRunningToSubmitted() {
    assertThat(PhaseTransitions.allowed(JobPhase.RUNNING, JobPhase.SUBMITTED)).isFalse();
    assertThatThrownBy(() -> PhaseTransitions.check(JobPhase.RUNNING, JobPhase.SUBMITTED))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyPhaseIsReachableAndHasATableRow() {
    Set<JobPhase> reached = new HashSet<>(PhaseTransitions.INITIAL);
    for (JobPhase phase : JobPhase.values()) {
      reached.addAll(PhaseTransitions.next(phase));
    }
    assertThat(reached).containsExactlyInAnyOrder(JobPhase.values());
  }

  /** docs/architecture.md draws the table as a Mermaid state diagram; the two must agree. */
  @Test
  void architectureDiagramMatchesTheTable() throws IOException {
    String doc =
        Files.readString(CrdGeneration.projectRoot().resolve("docs").resolve("architecture.md"));
    Matcher edge =
        Pattern.compile("^\\s*(\\[\\*\\]|\\w+) --> (\\w+)", Pattern.MULTILINE).matcher(doc);
    Set<String> drawn = new HashSet<>();
    while (edge.find()) {
      drawn.add(edge.group(1) + "->" + edge.group(2));
    }
    Set<String> table = new HashSet<>();
    for (JobPhase to : PhaseTransitions.INITIAL) {
      table.add("[*]->" + word(to));
    }
    for (JobPhase from : JobPhase.values()) {
      for (JobPhase to : PhaseTransitions.next(from)) {
        table.add(word(from) + "->" + word(to));
      }
    }
    assertThat(drawn).isEqualTo(table);
  }

  private static String word(JobPhase phase) {
    return phase.toString();
  }
}
