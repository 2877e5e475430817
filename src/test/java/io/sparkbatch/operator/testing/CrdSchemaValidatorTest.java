package io.sparkbatch.operator.testing;

import static io.sparkbatch.operator.testing.StrictSerialization.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema validator must reject what the API server rejects: each test breaks a valid document
 * in one way and expects that exact complaint, so a validator that accepts everything fails here.
 */
class CrdSchemaValidatorTest {

  private static final String VALID =
      """
      apiVersion: sparkbatch.io/v1alpha1
      kind: SparkBatchJob
      metadata:
        name: spark-pi
      spec:
        type: Scala
        image: apache/spark:4.1.1
        mainApplicationFile: local:///opt/spark/examples/jars/spark-examples_2.13-4.1.1.jar
        mainClass: org.apache.spark.examples.SparkPi
        arguments: ["1000"]
        sparkConf:
          spark.ui.showConsoleProgress: "false"
        restartPolicy:
          type: OnFailure
          onFailureRetries: 2
        driver:
          cores: 1
          memory: 1g
          env:
            - name: AWS_SECRET_ACCESS_KEY
              valueFrom:
                secretKeyRef: {name: s3, key: secret}
            - name: MEMORY_LIMIT
              valueFrom:
                resourceFieldRef: {resource: limits.memory, divisor: 1Mi}
          template:
            spec:
              initContainers:
                - name: wait
                  image: busybox:1.37
        executor:
          instances: 2
          cores: 1
          memory: 1g
        volumes:
          - name: scratch
            emptyDir: {}
      status:
        phase: Running
        attempt:
          number: 1
      """;

  private static CrdSchemaValidator validator;

  @BeforeAll
  static void loadCrd() throws IOException {
    String crd =
        Files.readString(CrdGeneration.projectRoot().resolve(CrdGeneration.COMMITTED.get(0)));
    validator = CrdSchemaValidator.forCrd(tree(crd), SparkBatchJob.VERSION);
  }

  /** The valid document with the value at a dotted path replaced (null removes the field). */
  private static JsonNode with(String path, Object value) {
    ObjectNode doc = (ObjectNode) tree(VALID);
    String[] parts = path.split("\\.");
    ObjectNode parent = doc;
    for (int i = 0; i < parts.length - 1; i++) {
      parent =
          parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
    }
    String last = parts[parts.length - 1];
    if (value == null) {
      parent.remove(last);
    } else {
      parent.set(last, value instanceof JsonNode node ? node : tree(value.toString()));
    }
    return doc;
  }

  private static List<String> errors(JsonNode doc) {
    return validator.validate(doc);
  }

  @Test
  void acceptsAValidDocument() {
    assertThat(errors(tree(VALID))).isEmpty();
  }

  @Test
  void rejectsANegativeExecutorCount() {
    assertThat(errors(with("spec.executor.instances", -1)))
        .containsExactly("spec.executor.instances: must be >= 0, got -1");
  }

  @Test
  void rejectsZeroCores() {
    assertThat(errors(with("spec.driver.cores", 0)))
        .containsExactly("spec.driver.cores: must be >= 1, got 0");
  }

  @Test
  void rejectsAnUnknownRestartPolicyType() {
    assertThat(errors(with("spec.restartPolicy.type", "Sometimes")))
        .containsExactly(
            "spec.restartPolicy.type: must be one of [\"Always\",\"Never\",\"OnFailure\"], got"
                + " \"Sometimes\"");
  }

  @Test
  void rejectsAnUnknownApplicationTypeAndPhase() {
    assertThat(errors(with("spec.type", "Cobol")))
        .singleElement()
        .asString()
        .startsWith("spec.type: must be one of");
    assertThat(errors(with("status.phase", "Done")))
        .singleElement()
        .asString()
        .startsWith("status.phase: must be one of");
  }

  @Test
  void rejectsAMissingMainApplicationFile() {
    assertThat(errors(with("spec.mainApplicationFile", null)))
        .containsExactly("spec.mainApplicationFile: is required");
  }

  @Test
  void rejectsMalformedMemory() {
    assertThat(errors(with("spec.executor.memory", "\"4 gigs\"")))
        .containsExactly(
            "spec.executor.memory: must match ^[0-9]+([kKmMgGtTpP][bB]?|[KMGTP]i)?$, got \"4"
                + " gigs\"");
  }

  @Test
  void rejectsMalformedPatternsElsewhere() {
    assertThat(errors(with("spec.imagePullPolicy", "Sometimes"))).hasSize(1);
    assertThat(errors(with("spec.mode", "client"))).hasSize(1);
    assertThat(errors(with("spec.driver.coreLimit", "\"1.5 cores\""))).hasSize(1);
    assertThat(errors(with("spec.mainApplicationFile", "\"my app.jar\""))).hasSize(1);
  }

  @Test
  void rejectsUnknownFields() {
    assertThat(errors(with("spec.foo", 1))).containsExactly("spec.foo: unknown field");
    assertThat(errors(with("spec.executor.instancez", 2)))
        .containsExactly("spec.executor.instancez: unknown field");
    assertThat(errors(with("status.bogus", "x"))).containsExactly("status.bogus: unknown field");
    assertThat(errors(with("extra", "x"))).containsExactly("extra: unknown field");
  }

  @Test
  void rejectsUnknownFieldsInsideListItems() {
    ObjectNode doc = (ObjectNode) tree(VALID);
    ((ObjectNode) doc.at("/spec/driver/env/0")).put("valueFromm", "x");
    assertThat(errors(doc)).containsExactly("spec.driver.env[0].valueFromm: unknown field");
  }

  @Test
  void acceptsUnknownFieldsWherePreserved() {
    ObjectNode doc = (ObjectNode) tree(VALID);
    ((ObjectNode) doc.at("/spec/driver/template/spec")).put("hostNetwork", true);
    ((ObjectNode) doc.at("/spec/volumes/0")).putObject("csi").put("driver", "x");
    assertThat(errors(doc)).isEmpty();
  }

  @Test
  void checksTypes() {
    assertThat(errors(with("spec.executor.instances", "two")))
        .containsExactly("spec.executor.instances: must be integer, got string \"two\"");
    assertThat(errors(with("spec.executor.instances", 1.5)))
        .containsExactly("spec.executor.instances: must be integer, got number 1.5");
    assertThat(errors(with("spec.arguments", "\"1000\"")))
        .containsExactly("spec.arguments: must be array, got string \"1000\"");
    assertThat(errors(with("spec.driver", "[]")))
        .containsExactly("spec.driver: must be object, got array");
    assertThat(errors(with("spec.executor.deleteOnTermination", "\"yes\"")))
        .containsExactly("spec.executor.deleteOnTermination: must be boolean, got string \"yes\"");
  }

  @Test
  void checksMapValuesThroughAdditionalProperties() {
    // The classic mistake: an unquoted number in sparkConf, which the API server refuses.
    assertThat(errors(with("spec.sparkConf", "{spark.executor.instances: 4}")))
        .containsExactly("spec.sparkConf[spark.executor.instances]: must be string, got integer");
    assertThat(errors(with("spec.sparkConf", "{any.key.at.all: \"4\"}"))).isEmpty();
  }

  @Test
  void checksArrayItems() {
    assertThat(errors(with("spec.arguments", "[1000]")))
        .containsExactly("spec.arguments[0]: must be string, got integer");
  }

  @Test
  void acceptsIntOrStringAndNothingElse() {
    ObjectNode doc = (ObjectNode) tree(VALID);
    ObjectNode ref = (ObjectNode) doc.at("/spec/driver/env/1/valueFrom/resourceFieldRef");
    ref.put("divisor", 1);
    assertThat(errors(doc)).isEmpty();
    ref.put("divisor", true);
    assertThat(errors(doc))
        .containsExactly(
            "spec.driver.env[1].valueFrom.resourceFieldRef.divisor: must be an integer or a string,"
                + " got boolean true");
  }

  @Test
  void rejectsNullUnlessNullable() {
    assertThat(errors(with("spec.image", "null"))).containsExactly("spec.image: must not be null");
    CrdSchemaValidator nullable =
        CrdSchemaValidator.forSchema(
            tree(
                """
                type: object
                properties:
                  a: {type: string, nullable: true}
                  b: {type: string}
                """));
    assertThat(nullable.validate(tree("{a: null}"))).isEmpty();
    assertThat(nullable.validate(tree("{b: null}"))).containsExactly("b: must not be null");
  }

  @Test
  void checksApiVersionKindAndName() {
    assertThat(errors(with("apiVersion", "sparkoperator.k8s.io/v1beta2")))
        .containsExactly(
            "apiVersion: must be sparkbatch.io/v1alpha1, got \"sparkoperator.k8s.io/v1beta2\"");
    assertThat(errors(with("kind", "SparkApplication")))
        .containsExactly("kind: must be SparkBatchJob, got \"SparkApplication\"");
    assertThat(errors(with("metadata.name", null))).containsExactly("metadata.name: is required");
  }

  @Test
  void reportsEveryErrorAtOnce() {
    ObjectNode doc = (ObjectNode) with("spec.executor.instances", -1);
    ((ObjectNode) doc.get("spec")).remove("mainApplicationFile");
    ((ObjectNode) doc.get("spec")).put("foo", 1);
    assertThat(errors(doc)).hasSize(3);
  }

  @Test
  void supportsTheOtherKeywordsOfStructuralSchemas() {
    CrdSchemaValidator v =
        CrdSchemaValidator.forSchema(
            tree(
                """
                type: object
                required: [n]
                additionalProperties: false
                properties:
                  n: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true}
                  s: {type: string, minLength: 2, maxLength: 3}
                  l: {type: array, minItems: 1, maxItems: 2, items: {type: integer, maximum: 5}}
                  any: {anyOf: [{type: integer}, {type: string}]}
                  one: {oneOf: [{type: integer, minimum: 0}, {type: integer, maximum: 10}]}
                  all: {allOf: [{type: integer, minimum: 0}, {type: integer, maximum: 10}]}
                  m: {type: object, additionalProperties: true}
                """));
    assertThat(v.validate(tree("{n: 5, s: ab, l: [1], any: x, one: 20, all: 3, m: {x: 1}}")))
        .isEmpty();
    assertThat(
            v.validate(
                tree("{n: 10, s: abcd, l: [1, 2, 6], any: true, one: 5, all: 11, extra: 1}")))
        .containsExactlyInAnyOrder(
            "n: must be < 10, got 10",
            "s: must be at most 3 characters",
            "l: must have at most 2 items",
            "l[2]: must be <= 5, got 6",
            "any: must match at least one of the schemas in anyOf",
            "one: must match exactly one of the schemas in oneOf",
            "all: must be <= 10, got 11",
            "extra: unknown field");
    assertThat(v.validate(tree("{n: 0, s: a, l: []}")))
        .containsExactlyInAnyOrder(
            "n: must be > 0, got 0",
            "s: must be at least 2 characters",
            "l: must have at least 1 items");
    assertThat(v.validate(tree("{}"))).containsExactly("n: is required");
  }

  @Test
  void refusesASchemaKeywordItDoesNotUnderstand() {
    CrdSchemaValidator v = CrdSchemaValidator.forSchema(tree("{type: object, maxProperties: 1}"));
    assertThatThrownBy(() -> v.validate(tree("{}")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxProperties");
  }

  @Test
  void refusesAnUnknownVersion() {
    assertThatThrownBy(
            () ->
                CrdSchemaValidator.forCrd(
                    tree(
                        Files.readString(
                            CrdGeneration.projectRoot().resolve(CrdGeneration.COMMITTED.get(0)))),
                    "v9"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
