package io.sparkbatch.operator.testing.spark;

import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.SimulatedCluster;
import java.nio.file.Path;

/**
 * A cluster that runs real Spark: the simulated API server (this JVM, 127.0.0.1) and a {@link
 * ProcessKubelet} that starts every pod as a JVM on Spark 4.1.1's jars. Spark never loads into this
 * JVM, so the mock server's netty and Jackson and Spark's never meet.
 */
public final class SparkCluster implements AutoCloseable {
  private final SimulatedCluster cluster;
  private final ProcessKubelet kubelet;

  private SparkCluster(SimulatedCluster cluster, ProcessKubelet kubelet) {
    this.cluster = cluster;
    this.kubelet = kubelet;
  }

  /** Starts the API server and the process kubelet, with pod folders under {@code workDir}. */
  public static SparkCluster start(Path workDir) {
    SparkDistribution spark = SparkDistribution.fromBuild();
    SparkImage image = SparkImage.layOut(spark, workDir.resolve("image/opt/spark"));
    SimulatedCluster cluster = SimulatedCluster.withoutKubelet();
    ProcessKubelet kubelet =
        new ProcessKubelet(
            cluster.newClient("process-kubelet"), image, workDir.resolve("pods"), cluster.url());
    cluster.servePodLogs(kubelet::log);
    return new SparkCluster(cluster, kubelet);
  }

  /** A fresh folder under target/spark/runs for one run's pods. */
  public static Path newWorkDir(String name) {
    return CrdGeneration.projectRoot()
        .resolve("target/spark/runs")
        .resolve(name + "-" + System.currentTimeMillis())
        .toAbsolutePath()
        .normalize();
  }

  public SimulatedCluster cluster() {
    return cluster;
  }

  public ProcessKubelet kubelet() {
    return kubelet;
  }

  /** Stops every pod's process, then the API server. */
  @Override
  public void close() {
    kubelet.close();
    cluster.close();
  }
}
