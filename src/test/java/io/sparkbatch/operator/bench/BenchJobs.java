package io.sparkbatch.operator.bench;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkbatch.operator.api.SparkBatchJob;

/** The job the benchmark submits N times: SparkPi, as a user writes it. */
final class BenchJobs {
  private BenchJobs() {}

  static String name(int index) {
    return "bench-%05d".formatted(index);
  }

  static SparkBatchJob sparkPi(String namespace, String name, int executors) {
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
          executor:
            instances: %d
            cores: 1
            memory: 512m
        """
            .formatted(name, namespace, executors);
    return Serialization.unmarshal(yaml, SparkBatchJob.class);
  }
}
