package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The meta.k8s.io/v1 Table a real API server sends when a client asks for one ({@code kubectl get}
 * does, in its Accept header): a custom resource's columns come from its CRD's
 * additionalPrinterColumns (simple JSONPaths such as {@code .status.phase}), rendered as the
 * apiextensions server renders them. Built-in resources get theirs from {@link
 * BuiltinTableColumns}.
 */
final class ServerSideTable {
  private static final ObjectMapper JSON = Serialization.jsonMapper();

  /** One column: its definition and how a cell is computed from an object. */
  record Column(String name, String type, String format, int priority, Function<JsonNode, ?> cell) {
    Column(String name, String type, int priority, Function<JsonNode, ?> cell) {
      this(name, type, "", priority, cell);
    }
  }

  private final Clock clock;

  ServerSideTable(Clock clock) {
    this.clock = clock;
  }

  /** The columns of a custom resource, from its CRD version's additionalPrinterColumns. */
  List<Column> customResourceColumns(List<CustomResourceColumnDefinition> printerColumns) {
    List<Column> columns = new ArrayList<>();
    columns.add(nameColumn());
    for (CustomResourceColumnDefinition column : printerColumns) {
      String[] path = column.getJsonPath().replaceFirst("^\\.", "").split("\\.");
      int priority = column.getPriority() == null ? 0 : column.getPriority();
      columns.add(
          new Column(
              column.getName(),
              column.getType(),
              column.getFormat() == null ? "" : column.getFormat(),
              priority,
              object -> cell(column.getType(), at(object, path))));
    }
    return columns;
  }

  /**
   * {@code body} (one object, or a list with items) as a Table; rows carry the object as
   * PartialObjectMetadata unless {@code includeObject} is "Object" (kubectl --sort-by) or "None".
   */
  JsonNode render(JsonNode body, List<Column> columns, String includeObject) {
    ObjectNode table =
        JSON.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    metadata.put("resourceVersion", body.path("metadata").path("resourceVersion").asText(""));
    ArrayNode definitions = table.putArray("columnDefinitions");
    for (Column column : columns) {
      definitions
          .addObject()
          .put("name", column.name())
          .put("type", column.type())
          .put("format", column.format())
          .put("description", column.name())
          .put("priority", column.priority());
    }
    ArrayNode rows = table.putArray("rows");
    List<JsonNode> objects = new ArrayList<>();
    if (body.has("items")) {
      body.path("items").forEach(objects::add);
    } else {
      objects.add(body);
    }
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      columns.forEach(c -> cells.add(JSON.valueToTree(c.cell().apply(object))));
      if ("Object".equals(includeObject)) {
        row.set("object", object);
      } else if (!"None".equals(includeObject)) {
        row.putObject("object")
            .put("kind", "PartialObjectMetadata")
            .put("apiVersion", "meta.k8s.io/v1")
            .set("metadata", object.path("metadata"));
      }
    }
    return table;
  }

  Column ageColumn() {
    return new Column("Age", "string", 0, o -> age(o.path("metadata").path("creationTimestamp")));
  }

  static Column nameColumn() {
    return new Column("Name", "string", "name", 0, o -> o.path("metadata").path("name").asText());
  }

  private static JsonNode at(JsonNode object, String[] path) {
    JsonNode node = object;
    for (String field : path) {
      node = node.path(field);
    }
    return node;
  }

  /** As the apiextensions server's table convertor: typed cells, dates as ages, missing = null. */
  private Object cell(String type, JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    return switch (type) {
      case "integer" -> value.isNumber() ? value.asLong() : null;
      case "number" -> value.isNumber() ? value.asDouble() : null;
      case "boolean" -> value.isBoolean() ? value.asBoolean() : null;
      case "date" -> age(value);
      default -> value.isValueNode() ? value.asText() : value.toString();
    };
  }

  String age(JsonNode timestamp) {
    if (!timestamp.isTextual()) {
      return "<unknown>";
    }
    try {
      return humanDuration(Duration.between(Instant.parse(timestamp.asText()), clock.instant()));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }

  /** Kubernetes' duration.HumanDuration: "45s", "3m20s", "10m", "5h", "2d3h", "12d", "2y". */
  static String humanDuration(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + (seconds % 60) + "s";
    }
    if (minutes < 180) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      return minutes % 60 == 0 ? hours + "h" : hours + "h" + (minutes % 60) + "m";
    }
    if (hours < 48) {
      return hours + "h";
    }
    if (hours < 24 * 8) {
      return hours % 24 == 0 ? hours / 24 + "d" : hours / 24 + "d" + (hours % 24) + "h";
    }
    if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    }
    long days = hours / 24;
    if (days < 365 * 8) {
      long years = days / 365;
      return days % 365 == 0 ? years + "y" : years + "y" + (days % 365) + "d";
    }
    return days / 365 + "y";
  }
}
