package io.sparkbatch.operator.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One benchmark configuration.
 *
 * @param mode burst submits every job at once (from {@code submitThreads} threads); rate submits
 *     {@code rate} jobs per second
 * @param executors executors each simulated driver creates
 * @param driverRuntime how long each driver runs once released (see {@link BenchRun})
 * @param jar the operator's jar, or null to run the operator in this JVM (tests only)
 * @param timeout the longest wait for each phase of a run (at least 100 ms per job)
 */
record BenchSettings(
    Mode mode,
    double rate,
    int executors,
    Duration driverRuntime,
    int submitThreads,
    Path jar,
    String operatorHeap,
    List<String> operatorJavaOptions,
    Path outDir,
    Duration timeout) {

  enum Mode {
    BURST,
    RATE
  }

  /** The longest wait for each phase of a run of n jobs: the timeout, or 100 ms per job. */
  Duration timeoutFor(int n) {
    Duration perJob = Duration.ofMillis(100L * n);
    return perJob.compareTo(timeout) > 0 ? perJob : timeout;
  }

  boolean inProcess() {
    return jar == null;
  }
}
