package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a real API server answers besides storage, in front of the {@link SimulatedApiServer} (which
 * serves everything else): discovery and {@code /version} (kubectl cannot start without them), 404
 * for the OpenAPI documents (kubectl then does without), server-side Tables for {@code kubectl
 * get}, event field selectors on {@code involvedObject.*} (the mock matches field selectors only
 * against metadata, so {@code kubectl describe} would find no events), and server-side apply, kept
 * to what clients here need: an apply of a missing object creates it, of an existing one merges the
 * given fields.
 */
final class ApiServerFrontend extends Dispatcher {
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

  /**
   * /api/v1[/namespaces/ns]/plural[/name] and /apis/group/version[/namespaces/ns]/plural[/name].
   */
  static final Pattern RESOURCE_PATH =
      Pattern.compile(
          "/(?:api/v1|apis/(?<group>[^/]+)/(?<version>[^/]+))(?:/namespaces/(?<namespace>[^/]+))?"
              + "/(?<plural>[^/]+)(?:/(?<name>[^/]+))?");

  /** A subresource of a namespaced object: .../namespaces/ns/plural/name/subresource. */
  private static final Pattern SUBRESOURCE_PATH =
      Pattern.compile(
          "/(?:api/v1|apis/[^/]+/[^/]+)/namespaces/[^/]+/[^/]+/[^/]+/(?<subresource>[^/]+)");

  /** A pod's log: /api/v1/namespaces/ns/pods/name/log. */
  private static final Pattern POD_LOG_PATH =
      Pattern.compile("/api/v1/namespaces/(?<namespace>[^/]+)/pods/(?<name>[^/]+)/log");

  private static final java.util.Set<String> SERVED_SUBRESOURCES =
      java.util.Set.of("status", "scale");

  private final Dispatcher store;
  private final Discovery discovery;
  private final ServerSideTable tables;
  private final BuiltinTableColumns builtins;
  private final ServerSideApply apply;
  private volatile java.util.function.BiFunction<String, String, Optional<String>> podLogs =
      (namespace, pod) -> Optional.empty();

  ApiServerFrontend(Dispatcher store, Clock clock) {
    this.store = store;
    this.discovery = new Discovery(this::crds);
    this.tables = new ServerSideTable(clock);
    this.builtins = new BuiltinTableColumns(tables);
    this.apply = new ServerSideApply(store);
  }

  /** Where {@code kubectl logs} reads a pod's output (the process kubelet keeps it). */
  void servePodLogs(java.util.function.BiFunction<String, String, Optional<String>> source) {
    this.podLogs = source;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String full = request.getPath() == null ? "/" : request.getPath();
    int q = full.indexOf('?');
    String path = q < 0 ? full : full.substring(0, q);
    Map<String, String> query = query(q < 0 ? "" : full.substring(q + 1));
    String method = request.getMethod();
    if ("GET".equals(method)) {
      if (path.startsWith("/openapi/")) {
        return json(404, status(404, "NotFound", "the simulated API server serves no OpenAPI"));
      }
      Optional<JsonNode> document = discovery.answer(path);
      if (document.isPresent()) {
        return json(200, document.get());
      }
      Matcher log = POD_LOG_PATH.matcher(path);
      if (log.matches()) {
        return podLog(log.group("namespace"), log.group("name"));
      }
      if (!"true".equals(query.get("watch"))) {
        return get(request, path, query);
      }
    }
    if ("PATCH".equals(method) && contentType(request).startsWith(ServerSideApply.CONTENT_TYPE)) {
      return withJsonContentType(apply.apply(request, path));
    }
    return withJsonContentType(store.dispatch(request));
  }

  private MockResponse podLog(String namespace, String pod) {
    Optional<String> log = podLogs.apply(namespace, pod);
    if (log.isEmpty()) {
      return json(
          404,
          status(
              404,
              "NotFound",
              "the simulated API server does not serve log for pods its kubelet did not run"));
    }
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "text/plain")
        .setBody(log.get());
  }

  /**
   * The mock sends its answers without a content type; client-go then assumes the one it asked for,
   * which for typed clients (kubectl describe pod) is protobuf, and fails to decode JSON.
   */
  private static MockResponse withJsonContentType(MockResponse response) {
    if (response.getWebSocketListener() == null && response.header("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    return response;
  }

  /** A get or list, with event field selectors applied here and rendered as a Table if asked. */
  private MockResponse get(RecordedRequest request, String path, Map<String, String> query) {
    Matcher resource = RESOURCE_PATH.matcher(path);
    if (!resource.matches()) {
      Matcher subresource = SUBRESOURCE_PATH.matcher(path);
      if (subresource.matches()
          && !SERVED_SUBRESOURCES.contains(subresource.group("subresource"))) {
        // The mock would read pods/NAME/log as a query and answer with every stored object.
        return json(
            404,
            status(
                404,
                "NotFound",
                "the simulated API server does not serve " + subresource.group("subresource")));
      }
      return withJsonContentType(store.dispatch(request));
    }
    String plural = resource.group("plural");
    boolean coreEvents = resource.group("group") == null && "events".equals(plural);
    Map<String, String> eventFields = new LinkedHashMap<>();
    RecordedRequest forStore = request;
    if (coreEvents && query.containsKey("fieldSelector")) {
      List<String> kept = new ArrayList<>();
      for (String term : query.get("fieldSelector").split(",")) {
        int eq = term.indexOf('=');
        if (term.startsWith("involvedObject.") && eq > 0) {
          eventFields.put(term.substring(0, eq), term.substring(eq + 1).replaceFirst("^=", ""));
        } else if (!term.isEmpty()) {
          kept.add(term);
        }
      }
      Map<String, String> rest = new LinkedHashMap<>(query);
      rest.remove("fieldSelector");
      if (!kept.isEmpty()) {
        rest.put("fieldSelector", String.join(",", kept));
      }
      forStore = copy(request, HttpMethod.GET, path + queryString(rest), null, null);
    }
    MockResponse response = withJsonContentType(store.dispatch(forStore));
    if (response.code() != 200 || (eventFields.isEmpty() && !wantsTable(request))) {
      return response;
    }
    JsonNode body = read(response);
    if (!eventFields.isEmpty()) {
      filterItems(body, eventFields);
      // The mock calls every list "List"; client-go decodes events into an EventList and, for
      // kubectl describe, drops a list of another kind without a word.
      ((ObjectNode) body).put("kind", "EventList");
    }
    if (wantsTable(request)) {
      Optional<List<ServerSideTable.Column>> columns = columns(resource.group("group"), plural);
      if (columns.isPresent()) {
        body = tables.render(body, columns.get(), query.get("includeObject"));
      }
    }
    return json(200, body);
  }

  private Optional<List<ServerSideTable.Column>> columns(String group, String plural) {
    if (group == null) {
      return builtins.forResource(plural);
    }
    return discovery
        .crd(group, plural)
        .flatMap(
            crd ->
                crd.getSpec().getVersions().stream()
                    .filter(v -> Boolean.TRUE.equals(v.getStorage()))
                    .findFirst())
        .filter(v -> v.getAdditionalPrinterColumns() != null)
        .map(v -> tables.customResourceColumns(v.getAdditionalPrinterColumns()));
  }

  /** Keeps the items whose fields equal (or, for {@code !=}, differ from) the given values. */
  private static void filterItems(JsonNode list, Map<String, String> fields) {
    if (!(list.path("items") instanceof ArrayNode items)) {
      return;
    }
    for (int i = items.size() - 1; i >= 0; i--) {
      JsonNode item = items.get(i);
      boolean matches = true;
      for (Map.Entry<String, String> field : fields.entrySet()) {
        boolean negated = field.getKey().endsWith("!");
        String key =
            negated ? field.getKey().substring(0, field.getKey().length() - 1) : field.getKey();
        JsonNode value = item;
        for (String part : key.split("\\.")) {
          value = value.path(part);
        }
        matches &= negated != field.getValue().equals(value.asText(""));
      }
      if (!matches) {
        items.remove(i);
      }
    }
  }

  private List<CustomResourceDefinition> crds() {
    MockResponse response =
        store.dispatch(
            new RecordedRequest(
                "HTTP/1.1", HttpMethod.GET, CRDS, Headers.builder().build(), new Buffer()));
    JsonNode list = read(response);
    List<CustomResourceDefinition> crds = new ArrayList<>();
    list.path("items").forEach(i -> crds.add(JSON.convertValue(i, CustomResourceDefinition.class)));
    return crds;
  }

  private static boolean wantsTable(RecordedRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("as=Table") && accept.contains("v=v1;");
  }

  static RecordedRequest copy(
      RecordedRequest request, HttpMethod method, String path, String contentType, String body) {
    Headers.Builder headers = request.getHeaders().newBuilder();
    if (contentType != null) {
      headers.set("Content-Type", contentType);
    }
    Buffer buffer = body == null ? new Buffer() : new Buffer(body.getBytes(StandardCharsets.UTF_8));
    return new RecordedRequest("HTTP/1.1", method, path, headers.build(), buffer);
  }

  private static String contentType(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    return type == null ? "" : type;
  }

  static String body(RecordedRequest request) {
    return request.getBody() == null
        ? ""
        : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
  }

  private static JsonNode read(MockResponse response) {
    try {
      return JSON.readTree(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String queryString(Map<String, String> params) {
    if (params.isEmpty()) {
      return "";
    }
    StringBuilder query = new StringBuilder("?");
    params.forEach(
        (k, v) ->
            query
                .append(query.length() > 1 ? "&" : "")
                .append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return query.toString();
  }

  static JsonNode status(int code, String reason, String message) {
    return JSON.createObjectNode()
        .put("kind", "Status")
        .put("apiVersion", "v1")
        .put("status", "Failure")
        .put("reason", reason)
        .put("message", message)
        .put("code", code);
  }

  static MockResponse json(int code, JsonNode body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }
}
