package io.sparkbatch.operator.observe;

import io.sparkbatch.operator.api.Usage;
import io.sparkbatch.operator.config.UsagePrices;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

/**
 * Adds one attempt's pods to a job's usage. Pure. An executor whose end the operator never saw
 * (deleted between two observations) is counted until its driver ended, since executors do not
 * outlive their driver.
 */
public final class UsageCalculator {
  private final UsagePrices prices;

  public UsageCalculator(UsagePrices prices) {
    this.prices = Objects.requireNonNull(prices);
  }

  /**
   * @param before the job's usage so far (null for none)
   * @param driver the driver's run; null if it never ran or is unknown
   * @param executors the attempt's executor runs
   * @param attemptEnd when the attempt ended: the end of runs that have none of their own
   * @return a new Usage with this attempt added
   */
  public Usage add(Usage before, PodRun driver, Collection<PodRun> executors, Instant attemptEnd) {
    Usage usage = new Usage();
    double driverCores = value(before == null ? null : before.getDriverCoreSeconds());
    double driverMemory = value(before == null ? null : before.getDriverMemoryGiBSeconds());
    double executorCores = value(before == null ? null : before.getExecutorCoreSeconds());
    double executorMemory = value(before == null ? null : before.getExecutorMemoryGiBSeconds());
    Instant driverEnd = attemptEnd;
    if (driver != null) {
      PodRun run = driver.endedBy(attemptEnd);
      driverCores += run.coreSeconds();
      driverMemory += run.memoryGiBSeconds();
      driverEnd = run.end();
    }
    for (PodRun executor : executors) {
      PodRun run = executor.endedBy(driverEnd);
      executorCores += run.coreSeconds();
      executorMemory += run.memoryGiBSeconds();
    }
    usage.setDriverCoreSeconds(round(driverCores));
    usage.setDriverMemoryGiBSeconds(round(driverMemory));
    usage.setExecutorCoreSeconds(round(executorCores));
    usage.setExecutorMemoryGiBSeconds(round(executorMemory));
    if (prices.configured()) {
      usage.setEstimatedCost(
          round(prices.cost(driverCores + executorCores, driverMemory + executorMemory)));
    }
    return usage;
  }

  private static double value(Double d) {
    return d == null ? 0 : d;
  }

  /** Millisecond precision is all pod timestamps give; fewer digits keep status readable. */
  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
