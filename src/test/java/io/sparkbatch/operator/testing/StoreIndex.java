package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An index of the mock API server's store by resource and namespace, by name, by label and by
 * owner, as a real API server's storage (and its garbage collector's graph) is keyed. The fabric8
 * mock keeps one flat map and matches every stored object against every request; with thousands of
 * objects that scan, not the client, is what a benchmark measures.
 *
 * <p>The index holds the store's keys, never the objects, and only narrows a request down to
 * candidates: the server still matches each candidate against the request's whole query, so the
 * answers are the mock's own. Candidates come in the order they were last written, which is the
 * order of the mock's store (a linked map that moves an object to the end when it is written).
 * Callers hold the server's lock.
 */
final class StoreIndex {
  static final String PLURAL = "plural";
  static final String NAMESPACE = "namespace";
  static final String NAME = "name";
  static final String API = "api";
  static final String VERSION = "version";

  /** The mock's own pattern for an equality requirement ({@code key=value}, {@code key==value}). */
  private static final Pattern LABEL_EQUALS =
      Pattern.compile("(?<key>[a-zA-Z0-9-_./]+)(==|(?<!!)=)(?<value>[a-zA-Z0-9-_.]+)");

  /** One stored object: its key in the mock's store and what it is found by. */
  static final class Entry {
    final AttributeSet key;
    final long written;
    final String plural;
    final String namespace;
    final String name;
    final List<String> labels;
    final String uid;
    final List<String> owners;

    private Entry(AttributeSet key, long written, JsonNode object) {
      this.key = key;
      this.written = written;
      this.plural = value(key, PLURAL);
      this.namespace = value(key, NAMESPACE);
      this.name = value(key, NAME);
      JsonNode metadata = object.path("metadata");
      List<String> labelList = new ArrayList<>();
      metadata
          .path("labels")
          .fields()
          .forEachRemaining(l -> labelList.add(l.getKey() + "=" + l.getValue().asText()));
      this.labels = List.copyOf(labelList);
      this.uid = metadata.path("uid").asText(null);
      List<String> ownerList = new ArrayList<>();
      metadata.path("ownerReferences").forEach(o -> ownerList.add(o.path("uid").asText()));
      this.owners = List.copyOf(ownerList);
    }

    /** The object's path on the API server, e.g. /api/v1/namespaces/ns/pods/name. */
    String path() {
      String api = value(key, API);
      String version = value(key, VERSION);
      return (api == null ? "/api/" + version : "/apis/" + api + "/" + version)
          + (namespace == null ? "" : "/namespaces/" + namespace)
          + "/"
          + plural
          + "/"
          + name;
    }
  }

  private final Map<AttributeSet, Entry> byKey = new HashMap<>();
  private final Map<String, List<Entry>> byName = new HashMap<>();
  private final Map<String, Set<Entry>> byGroup = new HashMap<>();
  private final Map<String, Set<Entry>> byLabel = new HashMap<>();
  private final Map<String, Set<Entry>> byOwner = new HashMap<>();
  private long writes;

  /**
   * Indexes a stored object.
   *
   * @param key its key in the mock's store
   * @param object the object as stored
   */
  void add(AttributeSet key, JsonNode object) {
    remove(key);
    Entry entry = new Entry(key, ++writes, object);
    byKey.put(key, entry);
    for (String owner : entry.owners) {
      byOwner.computeIfAbsent(owner, k -> new LinkedHashSet<>()).add(entry);
    }
    if (entry.plural == null) {
      return;
    }
    byName
        .computeIfAbsent(
            nameKey(entry.plural, entry.namespace, entry.name), k -> new ArrayList<>(1))
        .add(entry);
    byGroup.computeIfAbsent(entry.plural, k -> new LinkedHashSet<>()).add(entry);
    byGroup
        .computeIfAbsent(groupKey(entry.plural, entry.namespace), k -> new LinkedHashSet<>())
        .add(entry);
    for (String label : entry.labels) {
      byLabel.computeIfAbsent(label, k -> new LinkedHashSet<>()).add(entry);
    }
  }

  /** Forgets a stored object; returns its entry, or null when it was not indexed. */
  Entry remove(AttributeSet key) {
    Entry entry = key == null ? null : byKey.remove(key);
    if (entry == null) {
      return null;
    }
    for (String owner : entry.owners) {
      removeFrom(byOwner, owner, entry);
    }
    if (entry.plural == null) {
      return entry;
    }
    String nameKey = nameKey(entry.plural, entry.namespace, entry.name);
    List<Entry> named = byName.get(nameKey);
    named.remove(entry);
    if (named.isEmpty()) {
      byName.remove(nameKey);
    }
    removeFrom(byGroup, entry.plural, entry);
    removeFrom(byGroup, groupKey(entry.plural, entry.namespace), entry);
    for (String label : entry.labels) {
      removeFrom(byLabel, label, entry);
    }
    return entry;
  }

  void clear() {
    byKey.clear();
    byName.clear();
    byGroup.clear();
    byLabel.clear();
    byOwner.clear();
  }

  /** The objects whose owner references name {@code uid}, oldest write first. */
  List<Entry> dependents(String uid) {
    List<Entry> owned =
        new ArrayList<>(uid == null ? Set.of() : byOwner.getOrDefault(uid, Set.of()));
    owned.sort(Comparator.comparingLong(e -> e.written));
    return owned;
  }

  int size() {
    return byKey.size();
  }

  /**
   * The keys of every stored object that can match {@code query} (a path's attributes), oldest
   * write first; null when the query names no resource, so that only a scan can answer it.
   *
   * @param labelSelector the request's labelSelector parameter, or null
   */
  List<AttributeSet> candidates(AttributeSet query, String labelSelector) {
    String plural = value(query, PLURAL);
    if (plural == null) {
      return null;
    }
    String namespace = value(query, NAMESPACE);
    String name = value(query, NAME);
    Collection<Entry> found;
    if (name != null && namespace != null) {
      found = byName.getOrDefault(nameKey(plural, namespace, name), List.of());
    } else {
      found = smallestLabelSet(labelSelector);
      if (found == null) {
        found =
            byGroup.getOrDefault(
                namespace == null ? plural : groupKey(plural, namespace), Set.of());
      }
    }
    List<Entry> ordered = new ArrayList<>(found);
    ordered.sort(Comparator.comparingLong(e -> e.written));
    List<AttributeSet> keys = new ArrayList<>(ordered.size());
    ordered.forEach(e -> keys.add(e.key));
    return keys;
  }

  /** Of the selector's equality requirements, the one with the fewest objects; null if none. */
  private Set<Entry> smallestLabelSet(String labelSelector) {
    if (labelSelector == null) {
      return null;
    }
    Set<Entry> smallest = null;
    for (String requirement : labelSelector.split(",")) {
      Matcher m = LABEL_EQUALS.matcher(requirement);
      if (!m.matches()) {
        continue;
      }
      Set<Entry> labelled = byLabel.getOrDefault(m.group("key") + "=" + m.group("value"), Set.of());
      if (smallest == null || labelled.size() < smallest.size()) {
        smallest = labelled;
      }
    }
    return smallest;
  }

  /**
   * The single value of an equality attribute, or null: absent, another kind of requirement, or the
   * mock's wildcard, any of which the index cannot narrow by.
   */
  private static String value(AttributeSet set, String key) {
    Attribute attribute = set.getAttribute(key);
    if (attribute == null
        || attribute.getType() != AttributeType.WITH
        || attribute.getValues().size() != 1) {
      return null;
    }
    String value = attribute.getValues().get(0).toString();
    return value == null || "*".equals(value) ? null : value;
  }

  private static String nameKey(String plural, String namespace, String name) {
    return groupKey(plural, namespace) + "/" + name;
  }

  private static String groupKey(String plural, String namespace) {
    return plural + "/" + (namespace == null ? "" : namespace);
  }

  private static void removeFrom(Map<String, Set<Entry>> index, String key, Entry entry) {
    Set<Entry> entries = index.get(key);
    if (entries != null) {
      entries.remove(entry);
      if (entries.isEmpty()) {
        index.remove(key);
      }
    }
  }
}
