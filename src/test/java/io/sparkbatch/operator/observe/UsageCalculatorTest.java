package io.sparkbatch.operator.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.sparkbatch.operator.api.Usage;
import io.sparkbatch.operator.config.UsagePrices;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Usage from pods whose requests and container timestamps are known: exact figures. */
class UsageCalculatorTest {
  private static final UsageCalculator NO_PRICES = new UsageCalculator(UsagePrices.NONE);

  /** A pod requesting {@code cpu} and {@code memory} that ran from {@code start} to {@code end}. */
  static Pod pod(String cpu, String memory, String start, String end) {
    var builder =
        new PodBuilder()
            .withNewMetadata()
            .withName("p")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("spark-kubernetes-driver")
            .withNewResources()
            .addToRequests("cpu", new Quantity(cpu))
            .addToRequests("memory", new Quantity(memory))
            .endResources()
            .endContainer()
            .endSpec()
            .withNewStatus()
            .addNewContainerStatus()
            .withName("spark-kubernetes-driver")
            .withNewState();
    var state =
        end == null
            ? builder.withNewRunning(start)
            : builder
                .withNewTerminated()
                .withStartedAt(start)
                .withFinishedAt(end)
                .withExitCode(0)
                .endTerminated();
    return state.endState().endContainerStatus().endStatus().build();
  }

  private static PodRun run(Pod pod) {
    return PodRun.of(pod).orElseThrow();
  }

  @Test
  void driverAndExecutorsCountTheirRequestsTimesTheSecondsTheyRan() {
    // Driver: 2 cores, 4 GiB, 10 minutes.
    Pod driver = pod("2", "4Gi", "2026-01-01T10:00:00Z", "2026-01-01T10:10:00Z");
    // Executors: 1 core (1000m), 2 GiB for 5 minutes; 500m, 1536Mi for 2 minutes.
    Pod first = pod("1000m", "2Gi", "2026-01-01T10:01:00Z", "2026-01-01T10:06:00Z");
    Pod second = pod("500m", "1536Mi", "2026-01-01T10:02:00Z", "2026-01-01T10:04:00Z");

    Usage usage =
        NO_PRICES.add(
            null,
            run(driver),
            List.of(run(first), run(second)),
            Instant.parse("2026-01-01T10:10:00Z"));

    assertThat(usage.getDriverCoreSeconds()).isEqualTo(1200.0);
    assertThat(usage.getDriverMemoryGiBSeconds()).isEqualTo(2400.0);
    assertThat(usage.getExecutorCoreSeconds()).isEqualTo(300.0 + 60.0);
    assertThat(usage.getExecutorMemoryGiBSeconds()).isEqualTo(600.0 + 180.0);
    assertThat(usage.getEstimatedCost()).isNull();
  }

  @Test
  void anExecutorSeenLastWhileRunningCountsUntilItsDriverEnded() {
    Pod driver = pod("1", "1Gi", "2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z");
    Pod executor = pod("2", "1Gi", "2026-01-01T10:01:00Z", null);

    Usage usage =
        NO_PRICES.add(
            null, run(driver), List.of(run(executor)), Instant.parse("2026-01-01T10:07:00Z"));

    assertThat(usage.getExecutorCoreSeconds()).isEqualTo(2 * 240.0);
  }

  @Test
  void aDriverStillRunningWhenStoppedCountsUntilTheAttemptEnded() {
    Pod driver = pod("1", "2Gi", "2026-01-01T10:00:00Z", null);

    Usage usage =
        NO_PRICES.add(null, run(driver), List.of(), Instant.parse("2026-01-01T10:00:30Z"));

    assertThat(usage.getDriverCoreSeconds()).isEqualTo(30.0);
    assertThat(usage.getDriverMemoryGiBSeconds()).isEqualTo(60.0);
  }

  @Test
  void attemptsAddUpAndPricesGiveAnEstimatedCost() {
    UsageCalculator priced = new UsageCalculator(new UsagePrices(0.036, 0.004));
    Pod attempt1 = pod("1", "1Gi", "2026-01-01T10:00:00Z", "2026-01-01T11:00:00Z");
    Pod attempt2 = pod("1", "1Gi", "2026-01-01T12:00:00Z", "2026-01-01T13:00:00Z");

    Usage first = priced.add(null, run(attempt1), List.of(), Instant.parse("2026-01-01T11:00:00Z"));
    Usage both = priced.add(first, run(attempt2), List.of(), Instant.parse("2026-01-01T13:00:00Z"));

    assertThat(first.getEstimatedCost()).isEqualTo(0.04);
    assertThat(both.getDriverCoreSeconds()).isEqualTo(7200.0);
    assertThat(both.getDriverMemoryGiBSeconds()).isEqualTo(7200.0);
    // 2 core-hours at 0.036 and 2 GiB-hours at 0.004.
    assertThat(both.getEstimatedCost()).isEqualTo(0.08);
  }

  @Test
  void aPodThatNeverRanHasNoRunAndAnUnknownDriverAddsNothing() {
    Pod waiting =
        new PodBuilder()
            .withNewMetadata()
            .withName("w")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .endContainer()
            .endSpec()
            .build();

    assertThat(PodRun.of(waiting)).isEmpty();
    Usage usage = NO_PRICES.add(null, null, List.of(), Instant.parse("2026-01-01T10:00:00Z"));
    assertThat(usage.getDriverCoreSeconds()).isZero();
    assertThat(usage.getExecutorCoreSeconds()).isZero();
  }
}
