package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads JSON (EMR requests, as the AWS CLI takes them) or YAML (Kubernetes manifests) into a tree,
 * and reads fields from it with errors that name the field's path.
 */
final class StructuredInput {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .build();
  private static final ObjectMapper YAML = new YAMLMapper();

  private StructuredInput() {}

  /** True when the text starts with { or [ (ignoring leading blanks). */
  static boolean looksLikeJson(String text) {
    String t = text.stripLeading();
    return t.startsWith("{") || t.startsWith("[");
  }

  /** The one JSON value or YAML document in the text. */
  static JsonNode read(String text) {
    try {
      if (looksLikeJson(text)) {
        return JSON.readTree(text);
      }
      List<JsonNode> documents = new ArrayList<>();
      try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
        while (it.hasNextValue()) {
          JsonNode document = it.nextValue();
          if (document != null && !document.isNull() && !document.isMissingNode()) {
            documents.add(document);
          }
        }
      }
      if (documents.size() != 1) {
        throw new ConversionException(
            "input",
            documents.isEmpty()
                ? "no YAML document"
                : documents.size() + " YAML documents: convert one resource at a time");
      }
      return documents.get(0);
    } catch (JsonProcessingException e) {
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
          // SnakeYAML's own message spans lines; its problem and mark say it in one.
          Mark mark = yaml.getProblemMark();
          throw new ConversionException(
              "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1),
              yaml.getProblem());
        }
      }
      var at = e.getLocation();
      String where =
          at == null ? "input" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConversionException(where, e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConversionException("input", e.getMessage());
    }
  }

  /** A scalar field as text, or null when absent. */
  static String text(JsonNode parent, String field, String path) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isValueNode()) {
      throw new ConversionException(path + field, "expected a string");
    }
    return value.asText();
  }

  /** A list of scalars as text; empty when absent. */
  static List<String> strings(JsonNode parent, String field, String path) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ConversionException(path + field, "expected a list of strings");
    }
    List<String> items = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isValueNode()) {
        throw new ConversionException(path + field + "[" + i + "]", "expected a string");
      }
      items.add(value.get(i).asText());
    }
    return items;
  }

  /** An object field, or null when absent. */
  static JsonNode object(JsonNode parent, String field, String path) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new ConversionException(path + field, "expected an object");
    }
    return value;
  }
}
