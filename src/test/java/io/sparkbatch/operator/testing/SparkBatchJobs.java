package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Fixture builders for SparkBatchJob. Every job gets a uid and generation derived from its
 * namespace and name, so that what the factories build from it is the same on every run.
 */
public final class SparkBatchJobs {

  /** The image of the fixtures: the stock Spark image. */
  public static final String IMAGE = "apache/spark:4.0.0";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private SparkBatchJobs() {}

  /** SparkPi from the examples jar of the stock image: 2 executors, 512m each, 1000 slices. */
  public static SparkBatchJob sparkPi(String namespace, String name) {
    SparkBatchJobSpec spec = new SparkBatchJobSpec();
    spec.setType(ApplicationType.SCALA);
    spec.setMainClass("org.apache.spark.examples.SparkPi");
    spec.setMainApplicationFile("local:///opt/spark/examples/jars/spark-examples.jar");
    spec.setArguments(List.of("1000"));
    spec.setSparkVersion("4.0.0");
    spec.setImage(IMAGE);
    DriverSpec driver = new DriverSpec();
    driver.setCores(1);
    driver.setMemory("512m");
    spec.setDriver(driver);
    ExecutorSpec executor = new ExecutorSpec();
    executor.setInstances(2);
    executor.setCores(1);
    executor.setMemory("512m");
    spec.setExecutor(executor);
    return job(namespace, name, spec);
  }

  /**
   * SparkPi named spark-pi in namespace spark: valid as built, so a test changes only its point.
   */
  public static SparkBatchJob sparkPi() {
    return sparkPi("spark", "spark-pi");
  }

  /** pi.py named pyspark-pi in namespace spark. */
  public static SparkBatchJob pysparkPi() {
    return pyspark("spark", "pyspark-pi");
  }

  /** pi.py from the stock image, as a Python application. */
  public static SparkBatchJob pyspark(String namespace, String name) {
    SparkBatchJob job = sparkPi(namespace, name);
    job.getSpec().setType(ApplicationType.PYTHON);
    job.getSpec().setMainClass(null);
    job.getSpec().setMainApplicationFile("local:///opt/spark/examples/src/main/python/pi.py");
    return job;
  }

  /** A job with the given spec and a deterministic uid and generation 1. */
  public static SparkBatchJob job(String namespace, String name, SparkBatchJobSpec spec) {
    SparkBatchJob job = new SparkBatchJob();
    job.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withUid(uid(namespace, name))
            .withGeneration(1L)
            .build());
    job.setSpec(spec);
    return job;
  }

  /** The uid the fixtures give the job namespace/name. */
  public static String uid(String namespace, String name) {
    return UUID.nameUUIDFromBytes((namespace + "/" + name).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** A job read from a YAML manifest. */
  public static SparkBatchJob load(Path yaml) {
    try (InputStream in = Files.newInputStream(yaml)) {
      return SERIALIZATION.unmarshal(in, SparkBatchJob.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
