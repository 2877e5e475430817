package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Moves fields that mean the same in kubeflow's SparkApplication and in SparkBatchJob from one tree
 * to the other, and binds trees to model classes with errors that name the manifest's field.
 */
final class KubeflowTrees {
  static final ObjectMapper JSON = new ObjectMapper();

  private KubeflowTrees() {}

  /** Copies the named fields present in from into to; returns the names it copied. */
  static void copy(JsonNode from, ObjectNode to, Set<String> fields) {
    fields.forEach(
        f -> {
          JsonNode value = from.get(f);
          if (value != null && !value.isNull()) {
            to.set(f, value.deepCopy());
          }
        });
  }

  /** The tree as the model class; a type mismatch names path plus the offending field. */
  static <T> T bind(JsonNode tree, Class<T> type, String path) {
    try {
      return JSON.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      StringBuilder field = new StringBuilder(path);
      for (JsonMappingException.Reference ref : e.getPath()) {
        if (ref.getFieldName() != null) {
          field.append('.').append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          field.append('[').append(ref.getIndex()).append(']');
        }
      }
      throw new ConversionException(field.toString(), e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ConversionException(path, e.getOriginalMessage());
    }
  }
}
