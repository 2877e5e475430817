package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Validates a document against a CRD's structural openAPIV3Schema as the API server does before
 * admission, so that tests can check manifests without a cluster: type, properties, required, enum,
 * pattern, minimum/maximum (exclusive too), minLength/maxLength, minItems/maxItems, items,
 * additionalProperties, anyOf/allOf/oneOf, nullable, x-kubernetes-int-or-string and
 * x-kubernetes-preserve-unknown-fields. A field the schema does not declare is an error unless its
 * object preserves unknown fields (the API server would prune it; {@code kubectl apply
 * --validate=strict} rejects it).
 *
 * <p>Differences from the API server, all on the strict side: a null where the schema is not
 * nullable is an error (the server drops it silently, which would hide a mistake in an example);
 * defaults are not applied; the x-kubernetes-validations CEL rules are not evaluated (no CEL
 * library here: SparkBatchJobValidator mirrors each one and its tests cover them). A schema keyword
 * this class does not know fails the validation loudly rather than being skipped, so a new
 * constraint in the CRD cannot pass unchecked.
 */
public final class CrdSchemaValidator {

  /** Keywords that only document or that are checked elsewhere (see the class comment). */
  private static final Set<String> INERT =
      Set.of("description", "default", "title", "example", "x-kubernetes-validations");

  private static final Set<String> CHECKED =
      Set.of(
          "type",
          "properties",
          "required",
          "enum",
          "pattern",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "items",
          "additionalProperties",
          "anyOf",
          "allOf",
          "oneOf",
          "nullable",
          "x-kubernetes-int-or-string",
          "x-kubernetes-preserve-unknown-fields");

  /** Fields every object of a kind has, which a CRD's schema may leave out. */
  private static final Set<String> OBJECT_ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

  private final JsonNode schema;
  private final String apiVersion;
  private final String kind;

  private CrdSchemaValidator(JsonNode schema, String apiVersion, String kind) {
    this.schema = schema;
    this.apiVersion = apiVersion;
    this.kind = kind;
  }

  /**
   * For whole custom resources of one version of a CRD: also checks apiVersion and kind, and
   * accepts metadata, which CRD schemas usually leave out.
   */
  public static CrdSchemaValidator forCrd(JsonNode crd, String version) {
    JsonNode spec = crd.path("spec");
    for (JsonNode v : spec.path("versions")) {
      if (v.path("name").asText().equals(version)) {
        JsonNode openApi = v.path("schema").path("openAPIV3Schema");
        if (openApi.isMissingNode()) {
          throw new IllegalArgumentException("version " + version + " has no openAPIV3Schema");
        }
        return new CrdSchemaValidator(
            openApi,
            spec.path("group").asText() + "/" + version,
            spec.path("names").path("kind").asText());
      }
    }
    throw new IllegalArgumentException("the CRD has no version " + version);
  }

  /** For any document against a bare schema (the unit tests' small schemas). */
  public static CrdSchemaValidator forSchema(JsonNode schema) {
    return new CrdSchemaValidator(schema, null, null);
  }

  /** Every violation, as "path: what is wrong"; empty when the document is valid. */
  public List<String> validate(JsonNode document) {
    List<String> errors = new ArrayList<>();
    if (kind != null) {
      checkRoot(document, errors);
    }
    check(schema, document, "", errors, kind != null);
    return errors;
  }

  private void checkRoot(JsonNode document, List<String> errors) {
    if (!document.path("apiVersion").asText().equals(apiVersion)) {
      errors.add("apiVersion: must be " + apiVersion + ", got " + document.path("apiVersion"));
    }
    if (!document.path("kind").asText().equals(kind)) {
      errors.add("kind: must be " + kind + ", got " + document.path("kind"));
    }
    JsonNode metadata = document.path("metadata");
    if (!metadata.isObject()) {
      errors.add("metadata: must be an object");
    } else if (!metadata.path("name").isTextual() && !metadata.path("generateName").isTextual()) {
      errors.add("metadata.name: is required");
    }
  }

  private void check(JsonNode s, JsonNode value, String path, List<String> errors, boolean root) {
    for (Map.Entry<String, JsonNode> entry : s.properties()) {
      String keyword = entry.getKey();
      if (!CHECKED.contains(keyword) && !INERT.contains(keyword)) {
        throw new IllegalStateException(
            "schema keyword "
                + keyword
                + " at "
                + at(path)
                + " is not supported by this validator");
      }
    }
    if (value.isNull()) {
      if (!s.path("nullable").asBoolean(false)) {
        errors.add(at(path) + ": must not be null");
      }
      return;
    }
    if (s.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        errors.add(at(path) + ": must be an integer or a string, got " + typeOf(value));
      }
      // anyOf under int-or-string only restates the two types.
      scalarChecks(s, value, path, errors);
      return;
    }
    if (s.has("type") && !hasType(value, s.path("type").asText())) {
      errors.add(at(path) + ": must be " + s.path("type").asText() + ", got " + typeOf(value));
      return;
    }
    scalarChecks(s, value, path, errors);
    combinators(s, value, path, errors);
    if (value.isObject()) {
      object(s, value, path, errors, root);
    } else if (value.isArray()) {
      array(s, value, path, errors);
    }
  }

  private void scalarChecks(JsonNode s, JsonNode value, String path, List<String> errors) {
    if (s.has("enum")
        && StreamSupport.stream(s.path("enum").spliterator(), false).noneMatch(value::equals)) {
      errors.add(at(path) + ": must be one of " + s.path("enum") + ", got " + value);
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (s.has("pattern") && !Pattern.compile(s.path("pattern").asText()).matcher(text).find()) {
        errors.add(at(path) + ": must match " + s.path("pattern").asText() + ", got " + value);
      }
      if (s.has("minLength") && text.length() < s.path("minLength").asInt()) {
        errors.add(at(path) + ": must be at least " + s.path("minLength") + " characters");
      }
      if (s.has("maxLength") && text.length() > s.path("maxLength").asInt()) {
        errors.add(at(path) + ": must be at most " + s.path("maxLength") + " characters");
      }
    }
    if (value.isNumber()) {
      BigDecimal number = value.decimalValue();
      if (s.has("minimum")) {
        BigDecimal min = s.path("minimum").decimalValue();
        boolean exclusive = s.path("exclusiveMinimum").asBoolean(false);
        int c = number.compareTo(min);
        if (c < 0 || (exclusive && c == 0)) {
          errors.add(
              at(path) + ": must be " + (exclusive ? "> " : ">= ") + plain(min) + ", got " + value);
        }
      }
      if (s.has("maximum")) {
        BigDecimal max = s.path("maximum").decimalValue();
        boolean exclusive = s.path("exclusiveMaximum").asBoolean(false);
        int c = number.compareTo(max);
        if (c > 0 || (exclusive && c == 0)) {
          errors.add(
              at(path) + ": must be " + (exclusive ? "< " : "<= ") + plain(max) + ", got " + value);
        }
      }
    }
  }

  private void combinators(JsonNode s, JsonNode value, String path, List<String> errors) {
    if (s.has("allOf")) {
      for (JsonNode branch : s.path("allOf")) {
        check(branch, value, path, errors, false);
      }
    }
    if (s.has("anyOf") && passing(s.path("anyOf"), value, path) == 0) {
      errors.add(at(path) + ": must match at least one of the schemas in anyOf");
    }
    if (s.has("oneOf") && passing(s.path("oneOf"), value, path) != 1) {
      errors.add(at(path) + ": must match exactly one of the schemas in oneOf");
    }
  }

  private int passing(JsonNode branches, JsonNode value, String path) {
    int passed = 0;
    for (JsonNode branch : branches) {
      List<String> branchErrors = new ArrayList<>();
      check(branch, value, path, branchErrors, false);
      passed += branchErrors.isEmpty() ? 1 : 0;
    }
    return passed;
  }

  private void object(JsonNode s, JsonNode value, String path, List<String> errors, boolean root) {
    for (JsonNode required : s.path("required")) {
      if (!value.has(required.asText())) {
        errors.add(at(child(path, required.asText())) + ": is required");
      }
    }
    JsonNode properties = s.path("properties");
    JsonNode additional = s.path("additionalProperties");
    boolean preserveUnknown = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      if (properties.has(name)) {
        check(properties.path(name), field.getValue(), child(path, name), errors, false);
      } else if (additional.isObject()) {
        check(additional, field.getValue(), path + "[" + name + "]", errors, false);
      } else if (root && OBJECT_ROOT_FIELDS.contains(name)) {
        continue; // checked by checkRoot
      } else if (!preserveUnknown && !additional.asBoolean(false)) {
        errors.add(at(child(path, name)) + ": unknown field");
      }
    }
  }

  private void array(JsonNode s, JsonNode value, String path, List<String> errors) {
    if (s.has("minItems") && value.size() < s.path("minItems").asInt()) {
      errors.add(at(path) + ": must have at least " + s.path("minItems") + " items");
    }
    if (s.has("maxItems") && value.size() > s.path("maxItems").asInt()) {
      errors.add(at(path) + ": must have at most " + s.path("maxItems") + " items");
    }
    if (s.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(s.path("items"), value.get(i), path + "[" + i + "]", errors, false);
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> throw new IllegalStateException("unknown schema type " + type);
    };
  }

  private static String typeOf(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "integer";
    }
    JsonNodeType t = value.getNodeType();
    return switch (t) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string " + value;
      case NUMBER -> "number " + value;
      case BOOLEAN -> "boolean " + value;
      default -> t.name().toLowerCase();
    };
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static String at(String path) {
    return path.isEmpty() ? "<root>" : path;
  }
}
