package io.sparkbatch.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.StrictSerialization;
import io.sparkbatch.operator.validation.SparkBatchJobValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/custom-resource.md must not drift from the model: every field of the CRD is documented, and
 * every field the page names exists. A field is named in backticks by its full path; {@code
 * spec.{driver,executor}.cores} names both, {@code status.previousAttempts[].number} a field of
 * list items, and {@code spec.sparkConf[spark.master]} a map entry.
 */
class CustomResourceDocTest {

  private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern FIELD_PATH =
      Pattern.compile("(spec|status)(\\.[A-Za-z][A-Za-z0-9]*|\\[\\])*");
  private static final Pattern MAP_KEY = Pattern.compile("\\[[^\\]]+\\]");

  /** Paths of fields of our own model (those with a description), by path. */
  private static final Map<String, JsonNode> FIELDS = new java.util.TreeMap<>();

  /** Fields whose content is a Kubernetes type or free-form: the page may name anything below. */
  private static final Set<String> OPEN = new TreeSet<>();

  private static final List<String> PROBLEMS = new ArrayList<>();

  private static String doc;
  private static Set<String> named;

  @BeforeAll
  static void load() throws IOException {
    JsonNode crd =
        StrictSerialization.tree(
            Files.readString(CrdGeneration.projectRoot().resolve(CrdGeneration.COMMITTED.get(0))));
    JsonNode root = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties");
    collect(root.path("spec"), "spec");
    collect(root.path("status"), "status");
    doc = Files.readString(CrdGeneration.projectRoot().resolve("docs/custom-resource.md"));
    named = new TreeSet<>();
    Matcher m = CODE.matcher(doc);
    while (m.find()) {
      for (String token : expandBraces(m.group(1).trim())) {
        named.add(MAP_KEY.matcher(token).replaceAll(""));
      }
    }
  }

  /**
   * Walks the schema. The generator gives every field of our model a description and none to the
   * fields inside Kubernetes types (EnvVar, Toleration, Condition...), which is how the two are
   * told apart; an object with some described and some undescribed fields is a model field that
   * lacks its description.
   */
  private static void collect(JsonNode schema, String path) {
    if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
        || schema.has("additionalProperties")) {
      OPEN.add(path);
      return;
    }
    if (schema.has("items")) {
      collect(schema.path("items"), path + "[]");
      if (OPEN.contains(path + "[]")) {
        OPEN.add(path);
      }
      return;
    }
    JsonNode properties = schema.path("properties");
    if (properties.isMissingNode()) {
      return;
    }
    List<String> described = new ArrayList<>();
    List<String> bare = new ArrayList<>();
    properties
        .properties()
        .forEach(e -> (e.getValue().has("description") ? described : bare).add(e.getKey()));
    if (described.isEmpty()) {
      OPEN.add(path);
      return;
    }
    if (!bare.isEmpty()) {
      PROBLEMS.add(path + " has fields without a description (@JsonPropertyDescription): " + bare);
    }
    for (String name : described) {
      String child = path + "." + name;
      FIELDS.put(child, properties.path(name));
      collect(properties.path(name), child);
    }
  }

  /** {@code a.{b,c}.d} becomes a.b.d and a.c.d. */
  static List<String> expandBraces(String token) {
    int open = token.indexOf('{');
    int close = token.indexOf('}', open + 1);
    if (open < 0 || close < 0) {
      return List.of(token);
    }
    List<String> out = new ArrayList<>();
    for (String option : token.substring(open + 1, close).split(",")) {
      out.addAll(
          expandBraces(token.substring(0, open) + option.trim() + token.substring(close + 1)));
    }
    return out;
  }

  @Test
  void everyModelFieldHasADescription() {
    assertThat(PROBLEMS).isEmpty();
    assertThat(FIELDS).containsKeys("spec.mainApplicationFile", "spec.executor.instances");
    assertThat(FIELDS).containsKeys("status.phase", "status.previousAttempts[].number");
  }

  @Test
  void everyFieldOfTheCrdIsDocumented() {
    assertThat(FIELDS.keySet().stream().filter(path -> !named.contains(path)).toList())
        .as("fields of the CRD missing from docs/custom-resource.md")
        .isEmpty();
  }

  @Test
  void everyFieldTheDocNamesExists() {
    List<String> unknown =
        named.stream()
            .filter(t -> FIELD_PATH.matcher(t).matches())
            .filter(t -> !FIELDS.containsKey(t) && !t.equals("spec") && !t.equals("status"))
            .filter(
                t ->
                    OPEN.stream()
                        .noneMatch(open -> t.startsWith(open + ".") || t.startsWith(open + "[")))
            .toList();
    assertThat(unknown).as("docs/custom-resource.md names fields the CRD does not have").isEmpty();
  }

  @Test
  void theTestSeesBothDirections() {
    // Guards the guard: the brace and list notations are understood, and a made-up field is caught.
    assertThat(expandBraces("spec.{driver,executor}.{cores,memory}"))
        .containsExactly(
            "spec.driver.cores",
            "spec.driver.memory",
            "spec.executor.cores",
            "spec.executor.memory");
    assertThat(named).contains("spec.driver.cores", "spec.executor.cores", "spec.sparkConf");
    assertThat(OPEN).contains("spec.driver.template", "spec.driver.env", "status.conditions");
    assertThat(FIELDS).doesNotContainKey("spec.driver.env[].name");
  }

  @Test
  void everyPhaseReasonAndStateIsDocumented() {
    List<String> words = new ArrayList<>();
    for (Class<? extends Enum<?>> type : List.of(JobPhase.class, JobReason.class)) {
      for (Enum<?> constant : type.getEnumConstants()) {
        words.add(jsonName(constant));
      }
    }
    Arrays.stream(ApplicationStateType.values()).map(Enum::name).forEach(words::add);
    words.addAll(List.of("Complete", "Failed", "Running", "InvalidSpec"));
    assertThat(words).allSatisfy(w -> assertThat(named).as("`%s` in the doc", w).contains(w));
  }

  @Test
  void everyPhaseMapsToTheApplicationStateTheDocShows() {
    for (JobPhase phase : JobPhase.values()) {
      assertThat(doc)
          .contains("| `" + jsonName(phase) + "` | `" + phase.applicationState().name() + "` |");
    }
  }

  @Test
  void everyPrinterColumnAndReservedKeyIsDocumented() {
    assertThat(named)
        .contains("Phase", "Attempt", "Executors", "Duration", "Age", "Reason", "Driver");
    assertThat(named).containsAll(SparkBatchJobValidator.RESERVED_SPARK_CONF_KEYS);
  }

  private static String jsonName(Enum<?> constant) {
    try {
      return constant
          .getDeclaringClass()
          .getField(constant.name())
          .getAnnotation(JsonProperty.class)
          .value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }
}
