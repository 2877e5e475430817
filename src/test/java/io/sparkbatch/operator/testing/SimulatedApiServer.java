package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.HttpUrl;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sparkbatch.operator.status.MergePatch;
import java.lang.reflect.Field;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Supplier;

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

  private static final String SELF_SUBJECT_RULES_REVIEWS =
      "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";

  private final Map<String, Map<String, LongAdder>> requests = new ConcurrentHashMap<>();

  /** The store by resource, namespace, name, label and owner; guarded by the mock's lock. */
  private final StoreIndex index = new StoreIndex();

  /** The mock's own lock, so that indexed reads and deletes exclude its writes as its own do. */
  private final ReadWriteLock lock = mockLock();

  /** The last resourceVersion handed out: what a list answers with. */
  private volatile long resourceVersion;

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
    JsonNode node = newState == null ? null : read(newState);
    if (oldAttributes == null && node != null && "Pod".equals(node.path("kind").asText())) {
      newState = withPendingStatus((ObjectNode) node);
    }
    StoreIndex.Entry old = index.remove(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (newState != null) {
      index.add(storedKey(pathAttributes, resource, newState), node);
    }
    if (old != null && newState == null) {
      collectGarbage(old.uid);
    }
  }

  /**
   * The key the mock has just stored {@code newState} under, computed as the mock computes it (see
   * KubernetesCrudDispatcher#processEvent), and checked: an index that disagreed with the store
   * would answer from objects that are not there.
   */
  private AttributeSet storedKey(
      AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
    KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
    AttributeSet key =
        resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
    if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      key = AttributeSet.merge(pathAttributes, key);
    }
    if (map.get(key) != newState) {
      throw new IllegalStateException("the store index is out of step with the store at " + key);
    }
    return key;
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    List<AttributeSet> keys = index.candidates(query, null);
    if (keys == null) {
      return super.findResource(query);
    }
    for (AttributeSet key : keys) {
      String object = key.matches(query) ? map.get(key) : null;
      if (object != null) {
        return Map.entry(key, object);
      }
    }
    return null;
  }

  /** A get or a list from the index; a watch, or a path the index cannot narrow, by the mock. */
  @Override
  public MockResponse handleGet(String path) {
    MockResponse response = isWatch(path) ? null : locked(lock.readLock(), () -> read(path, false));
    return response != null ? response : super.handleGet(path);
  }

  @Override
  public MockResponse handleDelete(String path) {
    MockResponse response = locked(lock.writeLock(), () -> read(path, true));
    return response != null ? response : super.handleDelete(path);
  }

  /**
   * What the mock answers to a get, list or delete (KubernetesCrudDispatcher#handle), from the
   * index's candidates instead of the whole store; null when only the mock can answer: a path that
   * names no resource, or an empty list, which may be an API discovery request.
   */
  private MockResponse read(String path, boolean delete) {
    AttributeSet query = attributeExtractor.fromPath(path);
    List<AttributeSet> keys = index.candidates(query, labelSelector(path));
    if (keys == null) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (AttributeSet key : keys) {
      String object = key.matches(query) ? map.get(key) : null;
      if (object != null) {
        items.add(object);
        if (delete) {
          delete(path, query, key, object);
        }
      }
    }
    if (query.containsKey(KubernetesAttributesExtractor.NAME)) {
      return items.isEmpty()
          ? new MockResponse().setResponseCode(404)
          : new MockResponse().setResponseCode(200).setBody(items.get(0));
    }
    if (items.isEmpty() && !delete) {
      return null;
    }
    String list =
        ((KubernetesResponseComposer) responseComposer)
            .compose(items, String.valueOf(resourceVersion));
    return new MockResponse().setResponseCode(200).setBody(list);
  }

  /**
   * Deletes one object as the mock does (KubernetesCrudDispatcher#processDelete): at once without
   * finalizers, else marked with a deletionTimestamp until they are removed.
   */
  private void delete(String path, AttributeSet query, AttributeSet key, String object) {
    GenericKubernetesResource resource =
        Serialization.unmarshal(object, GenericKubernetesResource.class);
    if (resource.getFinalizers().isEmpty()) {
      processEvent(path, query, key, null, null);
    } else if (!resource.isMarkedForDeletion()) {
      resource
          .getMetadata()
          .setDeletionTimestamp(
              ZonedDateTime.now(ZoneOffset.UTC)
                  .truncatedTo(ChronoUnit.SECONDS)
                  .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      resource.getMetadata().setResourceVersion(String.valueOf(requestResourceVersion()));
      processEvent(path, query, key, resource, Serialization.asJson(resource));
    }
  }

  @Override
  public long requestResourceVersion() {
    long version = super.requestResourceVersion();
    resourceVersion = version;
    return version;
  }

  @Override
  public void reset() {
    locked(lock.writeLock(), index::clear);
    super.reset();
  }

  private static boolean isWatch(String path) {
    int query = path.indexOf('?');
    return query >= 0 && path.substring(query).contains("watch");
  }

  private static String labelSelector(String path) {
    return HttpUrl.parse("http://localhost" + (path.startsWith("/") ? "" : "/") + path)
        .queryParameter("labelSelector");
  }

  private static <T> T locked(Lock held, Supplier<T> action) {
    held.lock();
    try {
      return action.get();
    } finally {
      held.unlock();
    }
  }

  private static void locked(Lock held, Runnable action) {
    locked(
        held,
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * The mock guards its store with a private read-write lock; the indexed paths must take the same
   * one, or a watch being opened (which reads the store under it) could see a half-made delete.
   */
  private ReadWriteLock mockLock() {
    try {
      Field field = KubernetesCrudDispatcher.class.getDeclaredField("lock");
      field.setAccessible(true);
      return (ReadWriteLock) field.get(this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this fabric8 mock server has no lock field", e);
    }
  }

  /** Deletes every object whose owner references name the deleted uid, and theirs in turn. */
  private void collectGarbage(String ownerUid) {
    index.dependents(ownerUid).forEach(dependent -> handleDelete(dependent.path()));
  }

  private static String withPendingStatus(ObjectNode pod) {
    if (!pod.path("status").isObject() || !pod.path("status").has("phase")) {
      ObjectNode status = pod.putObject("status");
      status.put("phase", "Pending");
      status.put("qosClass", "Guaranteed");
    }
    return pod.toString();
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
