package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What the converter prints is accepted by the CRD's schema, as the API server would check it. */
class ConvertedJobsMatchCrdTest {
  private static final CrdSchemaCheck CRD = CrdSchemaCheck.load();
  private static final YAMLMapper YAML = new YAMLMapper();

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @FieldSource("io.sparkbatch.operator.convert.ConvertFixtures#ALL")
  void everyConvertedInputValidates(String input) {
    String output = JobYamlWriter.write(ConvertFixtures.convert(input).job());

    assertThat(CRD.violations(yaml(output))).as(output).isEmpty();
  }

  @Test
  void theCheckCatchesWhatTheApiServerWouldReject() {
    JsonNode bad =
        yaml(
            """
            apiVersion: sparkbatch.io/v1alpha1
            kind: SparkBatchJob
            metadata: {name: Bad_Name}
            spec:
              type: Python
              mainApplicationFile: local:///app.jar
              imagePullPolicy: Sometimes
              mode: client
              colour: blue
              driver: {cores: 0, memory: lots, template: {anything: goes}}
              executor: {instances: "2"}
              restartPolicy: {type: Never, onFailureRetries: 2}
              dynamicAllocation: {minExecutors: 5, maxExecutors: 2}
            """);

    assertThat(CRD.violations(bad))
        .containsExactlyInAnyOrder(
            "metadata.name: 'Bad_Name' is not a DNS label",
            "spec: spec.mainApplicationFile must be a .py file when spec.type is Python",
            "spec.imagePullPolicy: 'Sometimes' does not match ^(Always|IfNotPresent|Never)$",
            "spec.mode: 'client' does not match ^cluster$",
            "spec.colour: unknown field",
            "spec.driver.cores: below the minimum 1.0",
            "spec.driver.memory: 'lots' does not match ^[0-9]+([kKmMgGtTpP][bB]?|[KMGTP]i)?$",
            "spec.executor.instances: expected integer",
            "spec.restartPolicy: spec.restartPolicy.onFailureRetries needs type OnFailure or Always",
            "spec.dynamicAllocation: spec.dynamicAllocation.minExecutors must not exceed maxExecutors");
    assertThat(CRD.violations(yaml("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {}\n")))
        .containsExactlyInAnyOrder(
            "apiVersion: expected sparkbatch.io/v1alpha1",
            "kind: expected SparkBatchJob",
            "spec.mainApplicationFile: required");
  }
}
