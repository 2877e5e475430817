package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkbatch.operator.api.SparkBatchJob;

/**
 * SparkBatchJob manifests for end-to-end tests, written the way a user writes them (YAML), with the
 * simulated driver's fate in a driver label (see {@link ScriptedBehaviour}).
 */
public final class TestJobs {
  private TestJobs() {}

  /** SparkPi with two executors; {@code script} chooses what each attempt's driver does. */
  public static SparkBatchJob sparkPi(
      String namespace, String name, String script, String extraSpec) {
    String yaml =
        """
        apiVersion: sparkbatch.io/v1alpha1
        kind: SparkBatchJob
        metadata:
          name: %s
          namespace: %s
        spec:
          type: Scala
          image: apache/spark:4.1.1
          mainClass: org.apache.spark.examples.SparkPi
          mainApplicationFile: local:///opt/spark/examples/jars/spark-examples_2.13-4.1.1.jar
          arguments: ["100"]
          driver:
            cores: 1
            memory: 512m
            labels:
              %s: %s
          executor:
            instances: 2
            cores: 1
            memory: 512m
        %s
        """
            .formatted(name, namespace, ScriptedBehaviour.LABEL, script, indent(extraSpec));
    return Serialization.unmarshal(yaml, SparkBatchJob.class);
  }

  public static SparkBatchJob sparkPi(String namespace, String name, String script) {
    return sparkPi(namespace, name, script, "");
  }

  private static String indent(String spec) {
    if (spec == null || spec.isBlank()) {
      return "";
    }
    return spec.strip().lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
