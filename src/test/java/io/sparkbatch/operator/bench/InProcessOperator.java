package io.sparkbatch.operator.bench;

import com.sun.management.OperatingSystemMXBean;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkbatch.operator.OperatorRuntime;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.testing.SimulatedCluster;
import java.lang.management.ManagementFactory;
import java.time.Clock;

/**
 * The operator in the benchmark's own JVM. Its readings include the simulated cluster's work, so
 * they are not the operator's cost: this exists so that a test can run the benchmark quickly
 * without the jar.
 */
final class InProcessOperator implements OperatorUnderTest {
  private final KubernetesClient client;
  private final OperatorRuntime runtime;

  InProcessOperator(SimulatedCluster cluster, OperatorConfig config) {
    this.client = cluster.newClient(OperatorRuntime.USER_AGENT);
    this.runtime = OperatorRuntime.start(client, config, Clock.systemUTC());
  }

  @Override
  public long cpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Override
  public long heapAfterGcBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Override
  public String describe() {
    return "in-process (figures include the simulated cluster)";
  }

  @Override
  public void close() {
    runtime.close();
    client.close();
  }
}
