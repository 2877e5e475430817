package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.CrdSchemaValidator;
import io.sparkbatch.operator.validation.SparkBatchJobValidator;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What the converter prints is accepted by the CRD's schema, as the API server would check it. */
class ConvertedJobsMatchCrdTest {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final CrdSchemaValidator SCHEMA = loadSchema();
  private static final SparkBatchJobValidator RULES = new SparkBatchJobValidator();

  private static CrdSchemaValidator loadSchema() {
    try {
      JsonNode crd =
          YAML.readTree(
              CrdGeneration.projectRoot().resolve("crd").resolve(CrdGeneration.FILE_NAME).toFile());
      return CrdSchemaValidator.forCrd(crd, SparkBatchJob.VERSION);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The structural schema as the API server checks it, and the operator's own rules (which mirror
   * the CRD's CEL rules and add what a schema cannot say), for every converted input that names an
   * image; without one the converter warns, and the user must add it.
   */
  @ParameterizedTest
  @FieldSource("io.sparkbatch.operator.convert.ConvertFixtures#ALL")
  void everyConvertedInputValidates(String input) {
    SparkBatchJob job = ConvertFixtures.convert(input).job();
    String output = JobYamlWriter.write(job);

    assertThat(SCHEMA.validate(yaml(output))).as(output).isEmpty();
    job.getMetadata().setNamespace("spark");
    assertThat(RULES.validate(job))
        .as(output)
        .allSatisfy(v -> assertThat(v.field()).isIn("spec.image", "spec.mainClass"));
  }
}
