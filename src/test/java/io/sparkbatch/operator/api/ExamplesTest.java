package io.sparkbatch.operator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.CrdSchemaValidator;
import io.sparkbatch.operator.testing.StrictSerialization;
import io.sparkbatch.operator.validation.SparkBatchJobValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in crd/examples/ is a manifest users copy, so each must be accepted by the API server
 * (the CRD's schema), by the Java model (strictly: no field the model does not know) and by the
 * operator's own validation.
 */
class ExamplesTest {

  private static final Path EXAMPLES = CrdGeneration.projectRoot().resolve("crd/examples");

  /** Environment variables whose names say they hold credentials. */
  private static final Pattern CREDENTIAL_NAME =
      Pattern.compile("(?i).*(SECRET|PASSWORD|TOKEN|ACCESS_KEY|KEY_ID|CREDENTIAL).*");

  /** Hadoop and Spark keys that hold credentials, which belong in Secrets. */
  private static final Pattern CREDENTIAL_KEY =
      Pattern.compile("(?i).*(secret\\.key|access\\.key|session\\.token|password|oauthToken).*");

  private static CrdSchemaValidator schema;

  @BeforeAll
  static void loadCrd() throws IOException {
    String crd =
        Files.readString(CrdGeneration.projectRoot().resolve(CrdGeneration.COMMITTED.get(0)));
    schema = CrdSchemaValidator.forCrd(StrictSerialization.tree(crd), SparkBatchJob.VERSION);
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(Files::isRegularFile).sorted().toList().stream();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theDocumentedExamplesExist() throws IOException {
    assertThat(examples().map(p -> p.getFileName().toString()))
        .contains(
            "spark-pi.yaml",
            "pyspark-pi.yaml",
            "s3-etl.yaml",
            "retries-and-timeouts.yaml",
            "pod-template.yaml")
        .allMatch(name -> name.endsWith(".yaml"), "only YAML manifests live in crd/examples");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void isOneSparkBatchJobDocument(Path file) {
    String yaml = read(file);
    assertThat(yaml).as("one document per file").doesNotContainPattern("(?m)^---");
    JsonNode doc = StrictSerialization.tree(yaml);
    assertThat(doc.path("apiVersion").asText()).isEqualTo("sparkbatch.io/v1alpha1");
    assertThat(doc.path("kind").asText()).isEqualTo("SparkBatchJob");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void passesTheCrdSchema(Path file) {
    assertThat(schema.validate(StrictSerialization.tree(read(file)))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void parsesStrictlyIntoTheJavaModel(Path file) {
    SparkBatchJob job = StrictSerialization.job(read(file));
    assertThat(job.getSpec()).isNotNull();
    assertThat(job.getSpec().getMainApplicationFile()).isNotBlank();
    assertThat(job.getStatus()).as("examples carry no status").isNull();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void passesTheOperatorsValidation(Path file) {
    SparkBatchJob job = StrictSerialization.job(read(file));
    job.getMetadata().setNamespace("spark"); // as kubectl apply -n spark would
    assertThat(new SparkBatchJobValidator().validate(job)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void leavesTheNamespaceToKubectl(Path file) {
    assertThat(StrictSerialization.job(read(file)).getMetadata().getNamespace())
        .as("kubectl apply -n decides the namespace")
        .isNull();
  }

  @ParameterizedTest
  @MethodSource("examples")
  void keepsCredentialsInSecrets(Path file) {
    SparkBatchJobSpec spec = StrictSerialization.job(read(file)).getSpec();
    List<SparkPodSpec> pods = new ArrayList<>();
    if (spec.getDriver() != null) {
      pods.add(spec.getDriver());
    }
    if (spec.getExecutor() != null) {
      pods.add(spec.getExecutor());
    }
    for (SparkPodSpec pod : pods) {
      if (pod.getEnv() == null) {
        continue;
      }
      pod.getEnv().stream()
          .filter(env -> CREDENTIAL_NAME.matcher(env.getName()).matches())
          .forEach(
              env -> {
                assertThat(env.getValue()).as(env.getName() + " has a literal value").isNull();
                assertThat(env.getValueFrom().getSecretKeyRef())
                    .as(env.getName() + " comes from a Secret")
                    .isNotNull();
              });
    }
    for (Map<String, String> conf :
        List.of(orEmpty(spec.getSparkConf()), orEmpty(spec.getHadoopConf()))) {
      assertThat(conf.keySet()).noneMatch(key -> CREDENTIAL_KEY.matcher(key).matches());
    }
  }

  @Test
  void theS3ExampleReadsCredentialsFromASecret() {
    SparkBatchJobSpec spec =
        StrictSerialization.job(read(EXAMPLES.resolve("s3-etl.yaml"))).getSpec();
    for (SparkPodSpec pod : List.<SparkPodSpec>of(spec.getDriver(), spec.getExecutor())) {
      assertThat(pod.getEnv())
          .extracting(env -> env.getName())
          .contains("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    }
    assertThat(spec.getDeps().getPackages())
        .anyMatch(p -> p.startsWith("org.apache.hadoop:hadoop-aws:"));
    assertThat(spec.getHadoopConf()).containsKey("fs.s3a.aws.credentials.provider");
  }

  /** The checks above would catch a typo: one in our fields, and one inside a pod template. */
  @Test
  void aTypoInAnExampleWouldFailTheseChecks() {
    String piYaml = read(EXAMPLES.resolve("spark-pi.yaml"));
    String typo = piYaml.replace("    instances: 2", "    instancez: 2");
    assertThat(typo).isNotEqualTo(piYaml);
    assertThat(schema.validate(StrictSerialization.tree(typo)))
        .containsExactly("spec.executor.instancez: unknown field");
    assertThatThrownBy(() -> StrictSerialization.job(typo)).hasMessageContaining("instancez");

    String template = read(EXAMPLES.resolve("pod-template.yaml"));
    String templateTypo = template.replace("initContainers:", "initContainer:");
    assertThat(templateTypo).isNotEqualTo(template);
    // The schema preserves pod templates as they are; only the strict model parse sees inside.
    assertThat(schema.validate(StrictSerialization.tree(templateTypo))).isEmpty();
    assertThatThrownBy(() -> StrictSerialization.job(templateTypo))
        .hasMessageContaining("initContainer");
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
