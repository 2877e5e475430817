package io.sparkbatch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkbatch.operator.config.LeaderElection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The leader election options as the chart sets them, read into a {@link LeaderElection}. */
class MainLeaderElectionTest {
  private static LeaderElection parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.leaderElection();
  }

  @Test
  void offByDefault() {
    assertThat(parse().enabled()).isFalse();
  }

  @Test
  void optionsBecomeTheLeaseSettings() {
    LeaderElection election =
        parse(
            "--leader-election",
            "--leader-election-lease-name=ops",
            "--leader-election-namespace=spark-batch-operator",
            "--leader-election-identity=pod-1",
            "--leader-election-lease-duration=30",
            "--leader-election-renew-deadline=20",
            "--leader-election-retry-period=5");
    assertThat(election.enabled()).isTrue();
    assertThat(election.leaseName()).isEqualTo("ops");
    assertThat(election.leaseNamespace()).isEqualTo("spark-batch-operator");
    assertThat(election.identity()).isEqualTo("pod-1");
    assertThat(election.leaseDuration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(election.renewDeadline()).isEqualTo(Duration.ofSeconds(20));
    assertThat(election.retryPeriod()).isEqualTo(Duration.ofSeconds(5));
    // A replica that lost its Lease must not run on as a second leader.
    assertThat(election.exitOnStopLeading()).isTrue();
  }

  @Test
  void timingsThatWouldMakeLeadersFlapAreRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "--leader-election",
                    "--leader-election-lease-duration=10",
                    "--leader-election-renew-deadline=10"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retry period < renew deadline < lease duration");
  }
}
