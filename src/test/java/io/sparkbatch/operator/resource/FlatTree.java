package io.sparkbatch.operator.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A Kubernetes object (or a properties file) as a sorted map from leaf paths to values, so that two
 * objects can be compared field by field: {@code pod.spec.containers[spark-kubernetes-driver]
 * .env[SPARK_USER].value -> spark}. Lists of objects with a {@code name} (containers, env, ports,
 * volumes, mounts) or a {@code key} (ConfigMap items) are keyed by it, so their order does not
 * count; lists of plain values (args, ipFamilies) are one leaf, in order. Map keys with dots or
 * slashes (labels) are bracketed. Empty objects and lists are leaves, {@code {}} and {@code []}.
 */
final class FlatTree {

  /** One field that differs; a null value means the side does not have the field. */
  record Difference(String path, String operator, String spark) {
    @Override
    public String toString() {
      return path + ": operator=" + show(operator) + " spark=" + show(spark);
    }

    private static String show(String value) {
      return value == null ? "<absent>" : "'" + value + "'";
    }
  }

  private FlatTree() {}

  static SortedMap<String, String> of(String prefix, JsonNode node) {
    SortedMap<String, String> leaves = new TreeMap<>();
    if (node != null && !node.isNull()) {
      flatten(prefix, node, leaves);
    }
    return leaves;
  }

  /** Properties (spark.properties) as {@code prefix[key] -> value}. */
  static SortedMap<String, String> ofProperties(String prefix, Properties properties) {
    SortedMap<String, String> leaves = new TreeMap<>();
    properties
        .stringPropertyNames()
        .forEach(k -> leaves.put(prefix + "[" + k + "]", properties.getProperty(k)));
    return leaves;
  }

  /** Every path whose value differs or that only one side has, sorted by path. */
  static List<Difference> compare(Map<String, String> operator, Map<String, String> spark) {
    TreeSet<String> paths = new TreeSet<>(operator.keySet());
    paths.addAll(spark.keySet());
    List<Difference> differences = new ArrayList<>();
    for (String path : paths) {
      String ours = operator.get(path);
      String theirs = spark.get(path);
      if (!Objects.equals(ours, theirs)) {
        differences.add(new Difference(path, ours, theirs));
      }
    }
    return differences;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
    if (node.isObject()) {
      if (node.isEmpty()) {
        leaves.put(path, "{}");
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String key = field.getKey();
        String child =
            key.contains(".") || key.contains("/") ? path + "[" + key + "]" : path + "." + key;
        flatten(child, field.getValue(), leaves);
      }
    } else if (node.isArray()) {
      flattenList(path, node, leaves);
    } else if (!node.isNull()) {
      leaves.put(path, node.asText());
    }
  }

  private static void flattenList(String path, JsonNode list, Map<String, String> leaves) {
    if (list.isEmpty()) {
      leaves.put(path, "[]");
      return;
    }
    String identity = identity(list);
    if (identity == null) {
      boolean plain = true;
      for (JsonNode item : list) {
        plain &= item.isValueNode();
      }
      if (plain) {
        leaves.put(path, list.toString());
        return;
      }
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      String key = identity == null ? Integer.toString(i) : item.get(identity).asText();
      flatten(path + "[" + key + "]", item, leaves);
    }
  }

  /** The field that names each item of a list of objects, if every item has it. */
  private static String identity(JsonNode list) {
    for (String field : List.of("name", "key")) {
      boolean all = true;
      for (JsonNode item : list) {
        all &= item.isObject() && item.path(field).isTextual();
      }
      if (all) {
        return field;
      }
    }
    return null;
  }
}
