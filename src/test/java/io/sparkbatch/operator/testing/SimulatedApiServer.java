package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkbatch.operator.status.MergePatch;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fabric8 CRUD mock API server, made to behave like a real one where the operator depends on
 * it: JSON merge patches follow RFC 7386 (lists replaced, nulls remove), a new pod gets status
 * Pending, deleting an object deletes what it owns (the garbage collector), and every request is
 * counted by verb and resource.
 */
public class SimulatedApiServer extends KubernetesCrudDispatcher {
  private static final ObjectMapper JSON = Serialization.jsonMapper();

  /** Pods with this label set to "deny" are refused at creation (see {@link #handleCreate}). */
  public static final String DENY_LABEL = "sim-admission";

  private static final Map<String, String> CORE_PLURALS =
      Map.of("Pod", "pods", "Service", "services", "ConfigMap", "configmaps");

  private static final String SELF_SUBJECT_RULES_REVIEWS =
      "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

  private final Map<String, Map<String, LongAdder>> requests = new ConcurrentHashMap<>();

  /** Paths of the objects that name each uid in their owner references. */
  private final Map<String, Set<String>> dependents = new ConcurrentHashMap<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String agent = request.getHeader("User-Agent");
    requests
        .computeIfAbsent(agent == null ? "" : agent, a -> new ConcurrentHashMap<>())
        .computeIfAbsent(key(request), k -> new LongAdder())
        .increment();
    if ("POST".equals(request.getMethod())
        && request.getPath().startsWith(SELF_SUBJECT_RULES_REVIEWS)) {
      return selfSubjectRulesReview(request);
    }
    return super.dispatch(request);
  }

  /**
   * A real API server answers a SelfSubjectRulesReview with the caller's rules; the CRUD mock would
   * store it and answer without status. java-operator-sdk asks one before leader election, to check
   * it may use Leases; this cluster has no RBAC, so the answer is: everything.
   */
  private static MockResponse selfSubjectRulesReview(RecordedRequest request) {
    try {
      ObjectNode review = (ObjectNode) JSON.readTree(request.getUtf8Body());
      ObjectNode status = review.putObject("status");
      ObjectNode rule = status.putArray("resourceRules").addObject();
      rule.putArray("verbs").add("*");
      rule.putArray("apiGroups").add("*");
      rule.putArray("resources").add("*");
      status.putArray("nonResourceRules");
      status.put("incomplete", false);
      return new MockResponse().setResponseCode(201).setBody(JSON.writeValueAsString(review));
    } catch (java.io.IOException e) {
      return new MockResponse().setResponseCode(400).setBody(e.getMessage());
    }
  }

  /**
   * Requests served so far from clients whose User-Agent starts with {@code agentPrefix}, by "VERB
   * resource": "POST pods", "LIST pods" (a list), "GET pods" (a named get), "WATCH pods", "PATCH
   * sparkbatchjobs/status".
   */
  public Map<String, Long> requestCounts(String agentPrefix) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    requests.forEach(
        (agent, byKey) -> {
          if (agent.startsWith(agentPrefix)) {
            byKey.forEach((k, v) -> counts.merge(k, v.sum(), Long::sum));
          }
        });
    return counts;
  }

  public void resetRequestCounts() {
    requests.clear();
  }

  /**
   * Plays an admission controller (a quota, a policy webhook): a pod labelled {@code sim-admission:
   * deny} is refused with 403, as an exceeded ResourceQuota would be.
   */
  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    String body =
        request.getBody() == null
            ? ""
            : new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (body.contains("\"Pod\"")
        && "deny".equals(read(body).path("metadata").path("labels").path(DENY_LABEL).asText())) {
      String name = read(body).path("metadata").path("name").asText();
      return new MockResponse()
          .setResponseCode(403)
          .setBody(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403,"
                  + "\"message\":\"pods \\\""
                  + name
                  + "\\\" is forbidden: exceeded quota: compute-resources, requested: limits.cpu=1, used:"
                  + " limits.cpu=8, limited: limits.cpu=8\"}");
    }
    return super.handleCreate(request);
  }

  @Override
  public JsonNode merge(JsonNode baseResource, String updatedResource)
      throws KubernetesCrudDispatcherException {
    try {
      return MergePatch.apply(baseResource, JSON.readTree(updatedResource));
    } catch (Exception e) {
      throw new KubernetesCrudDispatcherException(e.getMessage(), 422);
    }
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    if (oldAttributes == null && newState != null && "Pod".equals(kind(newState))) {
      newState = withPendingStatus(newState);
    }
    String existing = oldAttributes == null ? null : map.get(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (existing != null) {
      indexOwners(read(existing), false);
    }
    if (newState != null) {
      indexOwners(read(newState), true);
    }
    if (newState == null && existing != null) {
      collectGarbage(uid(existing));
    }
  }

  /**
   * Keeps the index of dependents by owner uid up to date, so that a delete finds what it owns
   * without reading every stored object (the mock's store is a flat map; at thousands of objects a
   * scan per delete would measure the scan, not the operator).
   */
  private void indexOwners(JsonNode node, boolean add) {
    String plural = CORE_PLURALS.get(node.path("kind").asText());
    if (plural == null) {
      return;
    }
    String path =
        "/api/v1/namespaces/"
            + node.path("metadata").path("namespace").asText()
            + "/"
            + plural
            + "/"
            + node.path("metadata").path("name").asText();
    for (JsonNode ref : node.path("metadata").path("ownerReferences")) {
      String owner = ref.path("uid").asText();
      if (add) {
        dependents.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(path);
      } else {
        dependents.computeIfPresent(
            owner,
            (o, paths) -> {
              paths.remove(path);
              return paths.isEmpty() ? null : paths;
            });
      }
    }
  }

  /** Deletes every object whose owner references name the deleted uid, and theirs in turn. */
  private void collectGarbage(String ownerUid) {
    if (ownerUid == null) {
      return;
    }
    Set<String> owned = dependents.remove(ownerUid);
    if (owned != null) {
      new ArrayList<>(owned).forEach(this::handleDelete);
    }
  }

  private static String withPendingStatus(String podJson) {
    ObjectNode pod = (ObjectNode) read(podJson);
    if (!pod.path("status").isObject() || !pod.path("status").has("phase")) {
      ObjectNode status = pod.putObject("status");
      status.put("phase", "Pending");
      status.put("qosClass", "Guaranteed");
    }
    return pod.toString();
  }

  private static String kind(String json) {
    return read(json).path("kind").asText(null);
  }

  private static String uid(String json) {
    return read(json).path("metadata").path("uid").asText(null);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String key(RecordedRequest request) {
    String path = request.getPath() == null ? "" : request.getPath();
    int query = path.indexOf('?');
    boolean watch = query >= 0 && path.substring(query).contains("watch=true");
    String[] parts = (query >= 0 ? path.substring(0, query) : path).split("/");
    String resource = "";
    boolean named = false;
    // /api/v1/namespaces/ns/pods/name[/status] or /apis/g/v/namespaces/ns/plural/name[/status]
    for (int i = 0; i < parts.length - 1; i++) {
      if ("namespaces".equals(parts[i]) && i + 2 < parts.length) {
        resource = parts[i + 2] + (i + 4 < parts.length ? "/" + parts[i + 4] : "");
        named = i + 3 < parts.length;
        break;
      }
    }
    if (resource.isEmpty() && parts.length > 0) {
      // Cluster-wide list or watch: /api/v1/pods, /apis/g/v/plural
      resource = parts[parts.length - 1];
    }
    String verb = watch ? "WATCH" : request.getMethod();
    if ("GET".equals(verb) && !named) {
      verb = "LIST";
    }
    return verb + " " + resource;
  }
}
