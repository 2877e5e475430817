package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a SparkBatchJob as the YAML a person would write: apiVersion and kind first, no nulls, no
 * status, quotes only where YAML needs them (a string that looks like a number or boolean keeps
 * them, so it stays a string).
 */
public final class JobYamlWriter {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .stringQuotingChecker(new Yaml11Quoting())
              .build());

  /**
   * Quotes strings that a YAML 1.1 reader (PyYAML in Airflow, SnakeYAML) would read as something
   * else: besides numbers and booleans, dates (2024-01-01), sexagesimals (12:30) and 1_000.
   */
  private static final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern NUMBER_LIKE =
        Pattern.compile("^[-+]?\\.?[0-9][0-9a-fA-FxXoO_:.+-]*$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || NUMBER_LIKE.matcher(value).find();
    }
  }

  private JobYamlWriter() {}

  public static String write(SparkBatchJob job) {
    try {
      return YAML.writeValueAsString(tree(job));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The job as a JSON tree in output order: apiVersion, kind, metadata, spec. */
  public static ObjectNode tree(SparkBatchJob job) {
    JsonNode all = JSON.valueToTree(job);
    ObjectNode ordered = JSON.createObjectNode();
    for (String field : List.of("apiVersion", "kind", "metadata", "spec")) {
      JsonNode value = all.get(field);
      if (value != null && !value.isNull() && !(value.isObject() && value.isEmpty())) {
        ordered.set(field, field.equals("metadata") ? nameFirst((ObjectNode) value) : value);
      }
    }
    return ordered;
  }

  /** ObjectMeta serializes alphabetically; people read name and namespace first. */
  private static ObjectNode nameFirst(ObjectNode metadata) {
    ObjectNode ordered = JSON.createObjectNode();
    for (String field : List.of("name", "namespace")) {
      if (metadata.has(field)) {
        ordered.set(field, metadata.get(field));
      }
    }
    metadata.properties().forEach(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
    return ordered;
  }

  /** True when the value serializes to an empty object: no field set. */
  static boolean isEmpty(Object value) {
    return value == null || JSON.valueToTree(value).isEmpty();
  }
}
