package io.sparkbatch.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds an RFC 7386 JSON merge patch that turns one document into another: changed members are
 * set, removed members are set to null, arrays are replaced whole. Sending only the difference
 * keeps status writes small, and the explicit nulls clear what a previous attempt left behind.
 */
public final class MergePatch {
  private MergePatch() {}

  /** The patch from {@code from} to {@code to}; an empty object when they are equal. */
  public static ObjectNode diff(JsonNode from, JsonNode to) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    ObjectNode source = from != null && from.isObject() ? (ObjectNode) from : null;
    for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode before = source == null ? null : source.get(field.getKey());
      JsonNode after = field.getValue();
      if (after.isNull()) {
        if (before != null && !before.isNull()) {
          patch.putNull(field.getKey());
        }
      } else if (before != null && before.isObject() && after.isObject()) {
        ObjectNode nested = diff(before, after);
        if (!nested.isEmpty()) {
          patch.set(field.getKey(), nested);
        }
      } else if (!after.equals(before)) {
        patch.set(field.getKey(), after);
      }
    }
    if (source != null) {
      source
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (!to.has(name) && !source.get(name).isNull()) {
                  patch.putNull(name);
                }
              });
    }
    return patch;
  }

  /** Applies a merge patch the RFC 7386 way (used by tests and the simulated API server). */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : JsonNodeFactory.instance.objectNode();
    patch
        .fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isNull()) {
                result.remove(field.getKey());
              } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
              }
            });
    return result;
  }
}
