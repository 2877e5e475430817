package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A small structural check of a SparkBatchJob against the committed CRD's openAPIV3Schema: known
 * properties, types, enums, patterns, minimums, required fields, and the CEL rules the CRD declares
 * (re-implemented here, since there is no CEL evaluator; a rule this class does not know is itself
 * a violation). Kept minimal on purpose: the shared testing.CrdSchemaValidator replaces it.
 */
final class CrdSchemaCheck {
  private static final Path CRD = Path.of("crd", CrdGeneration.FILE_NAME);
  private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");

  /** The CRD's CEL rules, as Java, applied to the node that declares them (defaults applied). */
  private static final Map<String, Predicate<JsonNode>> RULES =
      Map.of(
          "self.type != 'Python' || self.mainApplicationFile.endsWith('.py')",
          spec -> !type(spec).equals("Python") || file(spec).endsWith(".py"),
          "self.type != 'R' || self.mainApplicationFile.endsWith('.R') ||"
              + " self.mainApplicationFile.endsWith('.r')",
          spec -> !type(spec).equals("R") || file(spec).endsWith(".R") || file(spec).endsWith(".r"),
          "self.type == 'Python' || !has(self.deps) || !has(self.deps.pyFiles) ||"
              + " size(self.deps.pyFiles) == 0",
          spec -> type(spec).equals("Python") || spec.path("deps").path("pyFiles").isEmpty(),
          "self.type != 'Never' || !has(self.onFailureRetries) || self.onFailureRetries == 0",
          policy ->
              !policy.path("type").asText("Never").equals("Never")
                  || policy.path("onFailureRetries").asInt(0) == 0,
          "!has(self.minExecutors) || !has(self.maxExecutors) || self.minExecutors <="
              + " self.maxExecutors",
          dyn ->
              !dyn.has("minExecutors")
                  || !dyn.has("maxExecutors")
                  || dyn.get("minExecutors").asInt() <= dyn.get("maxExecutors").asInt());

  private final JsonNode schema;
  private final String apiVersion;

  private CrdSchemaCheck(JsonNode crd) {
    JsonNode version = crd.path("spec").path("versions").get(0);
    this.schema = version.path("schema").path("openAPIV3Schema");
    this.apiVersion = crd.path("spec").path("group").asText() + "/" + version.path("name").asText();
  }

  static CrdSchemaCheck load() {
    try {
      return new CrdSchemaCheck(
          new YAMLMapper().readTree(CrdGeneration.projectRoot().resolve(CRD).toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is wrong with the resource; empty when the API server's schema would accept it. */
  List<String> violations(JsonNode resource) {
    List<String> out = new ArrayList<>();
    if (!apiVersion.equals(resource.path("apiVersion").asText())) {
      out.add("apiVersion: expected " + apiVersion);
    }
    if (!"SparkBatchJob".equals(resource.path("kind").asText())) {
      out.add("kind: expected SparkBatchJob");
    }
    String name = resource.path("metadata").path("name").asText("");
    if (!DNS_LABEL.matcher(name).matches()) {
      out.add("metadata.name: '" + name + "' is not a DNS label");
    }
    resource
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!List.of("apiVersion", "kind", "metadata").contains(f)) {
                check(resource.get(f), schema.path("properties").get(f), f, out);
              }
            });
    return out;
  }

  private void check(JsonNode node, JsonNode schema, String path, List<String> out) {
    if (schema == null) {
      out.add(path + ": unknown field");
      return;
    }
    if (!typeMatches(node, schema)) {
      out.add(path + ": expected " + schema.path("type").asText("int-or-string"));
      return;
    }
    if (schema.has("enum") && !containsText(schema.get("enum"), node.asText())) {
      out.add(path + ": '" + node.asText() + "' is not one of " + schema.get("enum"));
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(node.asText()).find()) {
      out.add(path + ": '" + node.asText() + "' does not match " + schema.get("pattern").asText());
    }
    if (schema.has("minimum")
        && node.isNumber()
        && node.asDouble() < schema.get("minimum").asDouble()) {
      out.add(path + ": below the minimum " + schema.get("minimum").asText());
    }
    for (JsonNode required : schema.path("required")) {
      if (!node.has(required.asText())) {
        out.add(path + "." + required.asText() + ": required");
      }
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      Predicate<JsonNode> check = RULES.get(rule.path("rule").asText());
      if (check == null) {
        out.add(
            path + ": rule not checked here, teach CrdSchemaCheck: " + rule.path("rule").asText());
      } else if (!check.test(node)) {
        out.add(path + ": " + rule.path("message").asText());
      }
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), schema.get("items"), path + "[" + i + "]", out);
      }
    } else if (node.isObject()) {
      children(node, schema, path, out);
    }
  }

  private void children(JsonNode node, JsonNode schema, String path, List<String> out) {
    boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    node.properties()
        .forEach(
            e -> {
              JsonNode property = schema.path("properties").get(e.getKey());
              if (property == null && schema.has("additionalProperties")) {
                property = schema.get("additionalProperties");
              }
              if (property != null || !open) {
                check(e.getValue(), property, path + "." + e.getKey(), out);
              }
            });
  }

  private static boolean typeMatches(JsonNode node, JsonNode schema) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return node.isIntegralNumber() || node.isTextual();
    }
    return switch (schema.path("type").asText("")) {
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      case "string" -> node.isTextual();
      case "integer" -> node.isIntegralNumber();
      case "number" -> node.isNumber();
      case "boolean" -> node.isBoolean();
      default -> true;
    };
  }

  private static boolean containsText(JsonNode values, String text) {
    for (JsonNode value : values) {
      if (value.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }

  private static String type(JsonNode spec) {
    return spec.path("type").asText("Scala");
  }

  private static String file(JsonNode spec) {
    return spec.path("mainApplicationFile").asText("");
  }
}
