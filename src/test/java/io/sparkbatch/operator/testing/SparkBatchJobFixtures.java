package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;

/** Jobs for tests: valid as built, so that a test changes only what it is about. */
public final class SparkBatchJobFixtures {

  public static final String NAMESPACE = "spark";
  public static final String IMAGE = "apache/spark:4.1.1";
  public static final String EXAMPLES_JAR =
      "local:///opt/spark/examples/jars/spark-examples_2.13-4.1.1.jar";

  private SparkBatchJobFixtures() {}

  /** SparkPi on the stock image, as crd/examples/spark-pi.yaml has it, in namespace spark. */
  public static SparkBatchJob sparkPi() {
    SparkBatchJob job = new SparkBatchJob();
    job.setMetadata(new ObjectMetaBuilder().withName("spark-pi").withNamespace(NAMESPACE).build());
    SparkBatchJobSpec spec = new SparkBatchJobSpec();
    spec.setType(ApplicationType.SCALA);
    spec.setImage(IMAGE);
    spec.setMainApplicationFile(EXAMPLES_JAR);
    spec.setMainClass("org.apache.spark.examples.SparkPi");
    spec.setArguments(new java.util.ArrayList<>(java.util.List.of("1000")));
    DriverSpec driver = new DriverSpec();
    driver.setCores(1);
    driver.setMemory("1g");
    spec.setDriver(driver);
    ExecutorSpec executor = new ExecutorSpec();
    executor.setInstances(2);
    executor.setCores(1);
    executor.setMemory("1g");
    spec.setExecutor(executor);
    job.setSpec(spec);
    return job;
  }

  /** The Python Pi example: type Python, a .py file, no main class. */
  public static SparkBatchJob pysparkPi() {
    SparkBatchJob job = sparkPi();
    job.getMetadata().setName("pyspark-pi");
    job.getSpec().setType(ApplicationType.PYTHON);
    job.getSpec().setMainApplicationFile("local:///opt/spark/examples/src/main/python/pi.py");
    job.getSpec().setMainClass(null);
    return job;
  }
}
