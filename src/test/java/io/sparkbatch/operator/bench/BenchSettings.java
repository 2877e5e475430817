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

  boolean inProcess() {
    return jar == null;
  }
}
