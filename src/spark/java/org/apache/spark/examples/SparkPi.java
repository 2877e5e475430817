package org.apache.spark.examples;

import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.sql.SparkSession;

/**
 * Stands in for the SparkPi of the apache/spark image's examples jar, which Spark does not publish
 * to Maven Central: same class name, arguments and result line ("Pi is roughly ..."), so that
 * crd/examples/spark-pi.yaml runs unchanged on the process kubelet. Estimates pi by throwing
 * random darts at the unit square, spread over {@code slices} tasks on the executors.
 */
public final class SparkPi {
  private static final int DARTS_PER_SLICE = 100_000;

  private SparkPi() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().appName("Spark Pi").getOrCreate();
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int darts = (int) Math.min((long) DARTS_PER_SLICE * slices, Integer.MAX_VALUE);
    // One dart per number of the range, generated on the executors: nothing big on the driver.
    long inside =
        spark
            .range(0, darts, 1, slices)
            .javaRDD()
            .map(
                i -> {
                  double x = ThreadLocalRandom.current().nextDouble() * 2 - 1;
                  double y = ThreadLocalRandom.current().nextDouble() * 2 - 1;
                  return x * x + y * y <= 1 ? 1L : 0L;
                })
            .reduce(Long::sum);
    System.out.println("Pi is roughly " + 4.0 * inside / darts);
    spark.stop();
  }
}
