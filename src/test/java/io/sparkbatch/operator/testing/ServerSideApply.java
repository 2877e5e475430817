package io.sparkbatch.operator.testing;

import static io.sparkbatch.operator.testing.ApiServerFrontend.RESOURCE_PATH;
import static io.sparkbatch.operator.testing.ApiServerFrontend.body;
import static io.sparkbatch.operator.testing.ApiServerFrontend.copy;
import static io.sparkbatch.operator.testing.ApiServerFrontend.json;
import static io.sparkbatch.operator.testing.ApiServerFrontend.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.regex.Matcher;

/**
 * Server-side apply ({@code PATCH} with {@code application/apply-patch+yaml}, which the mock
 * refuses with 415) as far as clients here need it: Spark's cluster-mode client applies its driver
 * Service and ConfigMap, which do not exist yet. An apply of a missing object creates it; field
 * ownership is not tracked, so an apply of an existing object is a JSON merge patch of the given
 * fields.
 */
final class ServerSideApply {
  static final String CONTENT_TYPE = "application/apply-patch+yaml";
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String MERGE_PATCH = "application/merge-patch+json";

  private final Dispatcher store;

  ServerSideApply(Dispatcher store) {
    this.store = store;
  }

  /** Applies the request's object at {@code path} (the request's path without its query). */
  MockResponse apply(RecordedRequest request, String path) {
    JsonNode object;
    try {
      object = YAML.readTree(body(request));
    } catch (IOException e) {
      return json(400, status(400, "BadRequest", "invalid apply patch: " + e.getMessage()));
    }
    Matcher resource = RESOURCE_PATH.matcher(path);
    String json = object.toString();
    MockResponse existing =
        store.dispatch(
            copy(request, HttpMethod.GET, path.replaceFirst("/status$", ""), null, null));
    if (existing.code() == 200) {
      return store.dispatch(copy(request, HttpMethod.PATCH, path, MERGE_PATCH, json));
    }
    if (!resource.matches() || resource.group("name") == null || path.endsWith("/status")) {
      return existing;
    }
    String collection = path.substring(0, path.lastIndexOf('/'));
    if (!(object.path("metadata") instanceof ObjectNode metadata)) {
      return json(400, status(400, "BadRequest", "an apply patch needs metadata"));
    }
    metadata.put("name", resource.group("name"));
    return store.dispatch(
        copy(request, HttpMethod.POST, collection, "application/json", object.toString()));
  }
}
