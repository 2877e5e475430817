package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.testing.ServerSideTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Table columns the API server's own printers give built-in resources: pods (NAME READY STATUS
 * RESTARTS AGE, and IP and NODE with -o wide), events, services and ConfigMaps. Other built-in
 * resources are sent as plain JSON, and kubectl prints NAME and AGE for them.
 */
final class BuiltinTableColumns {
  private final ServerSideTable table;

  BuiltinTableColumns(ServerSideTable table) {
    this.table = table;
  }

  /**
   * The columns the API server gives the built-in {@code resource} (a plural), if this knows them.
   */
  Optional<List<Column>> forResource(String resource) {
    return Optional.ofNullable(
        switch (resource) {
          case "pods" -> podColumns();
          case "events" -> eventColumns();
          case "services" -> serviceColumns();
          case "configmaps" ->
              List.of(
                  ServerSideTable.nameColumn(),
                  new Column(
                      "Data",
                      "integer",
                      0,
                      o -> o.path("data").size() + o.path("binaryData").size()),
                  table.ageColumn());
          default -> null;
        });
  }

  /** The columns of {@code kubectl get pods} (and -o wide). */
  private List<Column> podColumns() {
    return List.of(
        ServerSideTable.nameColumn(),
        new Column("Ready", "string", 0, BuiltinTableColumns::podReady),
        new Column("Status", "string", 0, BuiltinTableColumns::podStatus),
        new Column("Restarts", "string", 0, BuiltinTableColumns::podRestarts),
        table.ageColumn(),
        new Column("IP", "string", 1, o -> orNone(o.path("status").path("podIP"))),
        new Column("Node", "string", 1, o -> orNone(o.path("spec").path("nodeName"))),
        new Column("Nominated Node", "string", 1, o -> "<none>"),
        new Column("Readiness Gates", "string", 1, o -> "<none>"));
  }

  private List<Column> eventColumns() {
    return List.of(
        new Column("Last Seen", "string", 0, this::lastSeen),
        new Column("Type", "string", 0, o -> o.path("type").asText()),
        new Column("Reason", "string", 0, o -> o.path("reason").asText()),
        new Column(
            "Object",
            "string",
            0,
            o ->
                o.path("involvedObject").path("kind").asText().toLowerCase(Locale.ROOT)
                    + "/"
                    + o.path("involvedObject").path("name").asText()),
        new Column(
            "Subobject", "string", 1, o -> o.path("involvedObject").path("fieldPath").asText()),
        new Column("Source", "string", 1, o -> o.path("source").path("component").asText()),
        new Column("Message", "string", 0, o -> o.path("message").asText()),
        new Column("First Seen", "string", 1, o -> table.age(o.path("firstTimestamp"))),
        new Column("Count", "string", 1, o -> o.path("count").asText("1")),
        new Column("Name", "string", "name", 1, o -> o.path("metadata").path("name").asText()));
  }

  private String lastSeen(JsonNode event) {
    for (String field : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
      if (event.path(field).isTextual()) {
        return table.age(event.path(field));
      }
    }
    return table.age(event.path("metadata").path("creationTimestamp"));
  }

  private List<Column> serviceColumns() {
    return List.of(
        ServerSideTable.nameColumn(),
        new Column("Type", "string", 0, o -> o.path("spec").path("type").asText("ClusterIP")),
        new Column("Cluster-IP", "string", 0, o -> orNone(o.path("spec").path("clusterIP"))),
        new Column("External-IP", "string", 0, o -> "<none>"),
        new Column("Port(s)", "string", 0, BuiltinTableColumns::servicePorts),
        table.ageColumn(),
        new Column("Selector", "string", 1, BuiltinTableColumns::serviceSelector));
  }

  private static String servicePorts(JsonNode service) {
    List<String> ports = new ArrayList<>();
    for (JsonNode port : service.path("spec").path("ports")) {
      ports.add(port.path("port").asText() + "/" + port.path("protocol").asText("TCP"));
    }
    return ports.isEmpty() ? "<none>" : String.join(",", ports);
  }

  private static String serviceSelector(JsonNode service) {
    List<String> terms = new ArrayList<>();
    service
        .path("spec")
        .path("selector")
        .fields()
        .forEachRemaining(e -> terms.add(e.getKey() + "=" + e.getValue().asText()));
    return terms.isEmpty() ? "<none>" : String.join(",", terms);
  }

  private static String podReady(JsonNode pod) {
    int containers = pod.path("spec").path("containers").size();
    int ready = 0;
    for (JsonNode status : pod.path("status").path("containerStatuses")) {
      ready += status.path("ready").asBoolean() ? 1 : 0;
    }
    return ready + "/" + containers;
  }

  /** As kubectl shows it: a container's waiting or terminated reason wins over the phase. */
  private static String podStatus(JsonNode pod) {
    JsonNode status = pod.path("status");
    String shown = status.path("reason").asText(status.path("phase").asText("Pending"));
    for (JsonNode container : status.path("containerStatuses")) {
      JsonNode state = container.path("state");
      if (state.path("waiting").hasNonNull("reason")) {
        shown = state.path("waiting").path("reason").asText();
      } else if (state.path("terminated").hasNonNull("reason")) {
        shown = state.path("terminated").path("reason").asText();
      }
    }
    if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
      shown = "Terminating";
    }
    return shown;
  }

  private static String podRestarts(JsonNode pod) {
    long restarts = 0;
    for (JsonNode container : pod.path("status").path("containerStatuses")) {
      restarts += container.path("restartCount").asLong();
    }
    return String.valueOf(restarts);
  }

  private static String orNone(JsonNode value) {
    return value.isTextual() && !value.asText().isEmpty() ? value.asText() : "<none>";
  }
}
