package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The API discovery documents a real API server serves and the fabric8 CRUD mock does not: {@code
 * /version}, {@code /api}, {@code /api/v1}, {@code /apis} and {@code /apis/<group>/<version>} (the
 * legacy, non-aggregated form, which kubectl falls back to when the answer to {@code /apis} is
 * plain JSON). Built-in resources come from the fabric8 model classes (kind, plural, scope); custom
 * resources from the CRDs stored in the cluster, so what {@code crd/} declares (short names,
 * categories) is what kubectl sees.
 */
final class Discovery {
  private static final ObjectMapper JSON = Serialization.jsonMapper();
  private static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** Built-in resources kubectl may be asked about, with their usual short names. */
  private static final List<Builtin> BUILTINS =
      List.of(
          new Builtin(Pod.class, List.of("po"), List.of("all"), ALL_VERBS),
          new Builtin(Service.class, List.of("svc"), List.of("all"), ALL_VERBS),
          new Builtin(ConfigMap.class, List.of("cm"), List.of(), ALL_VERBS),
          new Builtin(Event.class, List.of("ev"), List.of(), ALL_VERBS),
          new Builtin(ServiceAccount.class, List.of("sa"), List.of(), ALL_VERBS),
          new Builtin(Secret.class, List.of(), List.of(), ALL_VERBS),
          new Builtin(Endpoints.class, List.of("ep"), List.of(), ALL_VERBS),
          new Builtin(PersistentVolumeClaim.class, List.of("pvc"), List.of(), ALL_VERBS),
          new Builtin(Namespace.class, List.of("ns"), List.of(), ALL_VERBS),
          new Builtin(Node.class, List.of("no"), List.of(), ALL_VERBS),
          new Builtin(Role.class, List.of(), List.of(), ALL_VERBS),
          new Builtin(RoleBinding.class, List.of(), List.of(), ALL_VERBS),
          new Builtin(ClusterRole.class, List.of(), List.of(), ALL_VERBS),
          new Builtin(ClusterRoleBinding.class, List.of(), List.of(), ALL_VERBS),
          new Builtin(Lease.class, List.of(), List.of(), ALL_VERBS),
          new Builtin(CustomResourceDefinition.class, List.of("crd", "crds"), List.of(), ALL_VERBS),
          new Builtin(SelfSubjectAccessReview.class, List.of(), List.of(), List.of("create")),
          new Builtin(SelfSubjectRulesReview.class, List.of(), List.of(), List.of("create")));

  private record Builtin(
      Class<? extends HasMetadata> type,
      List<String> shortNames,
      List<String> categories,
      List<String> verbs) {
    String groupVersion() {
      String group = HasMetadata.getGroup(type);
      return group == null || group.isEmpty()
          ? HasMetadata.getVersion(type)
          : group + "/" + HasMetadata.getVersion(type);
    }
  }

  private final Supplier<List<CustomResourceDefinition>> crds;

  /** {@code crds}: the CRDs stored in the cluster now (asked on each discovery request). */
  Discovery(Supplier<List<CustomResourceDefinition>> crds) {
    this.crds = crds;
  }

  /**
   * The discovery document at {@code path} (without its query: kubectl adds {@code ?timeout=32s}),
   * or empty when the path is not a discovery path.
   */
  Optional<JsonNode> answer(String path) {
    if (path.equals("/version")) {
      return Optional.of(version());
    }
    if (path.equals("/api")) {
      ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
      versions.putArray("versions").add("v1");
      versions.putArray("serverAddressByClientCIDRs");
      return Optional.of(versions);
    }
    if (path.equals("/apis")) {
      return Optional.of(groups());
    }
    Map<String, ArrayNode> resources = resourcesByGroupVersion();
    String groupVersion =
        path.startsWith("/api/")
            ? path.substring("/api/".length())
            : path.startsWith("/apis/") ? path.substring("/apis/".length()) : null;
    if (groupVersion == null || !resources.containsKey(groupVersion)) {
      return Optional.empty();
    }
    ObjectNode list =
        JSON.createObjectNode()
            .put("kind", "APIResourceList")
            .put("apiVersion", "v1")
            .put("groupVersion", groupVersion);
    list.set("resources", resources.get(groupVersion));
    return Optional.of(list);
  }

  /** The CRD whose group, version and plural these are, if one is stored. */
  Optional<CustomResourceDefinition> crd(String group, String plural) {
    return crds.get().stream()
        .filter(c -> c.getSpec().getGroup().equals(group))
        .filter(c -> c.getSpec().getNames().getPlural().equals(plural))
        .findFirst();
  }

  private static JsonNode version() {
    return JSON.createObjectNode()
        .put("major", "1")
        .put("minor", "32")
        .put("gitVersion", "v1.32.0-simulated")
        .put("gitCommit", "0000000000000000000000000000000000000000")
        .put("gitTreeState", "clean")
        .put("buildDate", "2026-01-01T00:00:00Z")
        .put("goVersion", "go1.23")
        .put("compiler", "gc")
        .put("platform", "linux/amd64");
  }

  private JsonNode groups() {
    ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    for (String groupVersion : resourcesByGroupVersion().keySet()) {
      int slash = groupVersion.indexOf('/');
      if (slash < 0) {
        continue; // the core group is announced by /api
      }
      ObjectNode version =
          JSON.createObjectNode()
              .put("groupVersion", groupVersion)
              .put("version", groupVersion.substring(slash + 1));
      ObjectNode group = groups.addObject().put("name", groupVersion.substring(0, slash));
      group.putArray("versions").add(version);
      group.set("preferredVersion", version);
    }
    return list;
  }

  private Map<String, ArrayNode> resourcesByGroupVersion() {
    Map<String, ArrayNode> byGroupVersion = new LinkedHashMap<>();
    for (Builtin builtin : BUILTINS) {
      ArrayNode resources =
          byGroupVersion.computeIfAbsent(builtin.groupVersion(), g -> JSON.createArrayNode());
      String plural = HasMetadata.getPlural(builtin.type());
      ObjectNode resource =
          resource(
              resources,
              plural,
              HasMetadata.getSingular(builtin.type()),
              HasMetadata.getKind(builtin.type()),
              Namespaced.class.isAssignableFrom(builtin.type()),
              builtin.verbs());
      builtin.shortNames().forEach(resource.putArray("shortNames")::add);
      builtin.categories().forEach(resource.putArray("categories")::add);
      if (builtin.type() == Pod.class) {
        resource(resources, "pods/status", "", "Pod", true, List.of("get", "patch", "update"));
        resource(resources, "pods/log", "", "Pod", true, List.of("get"));
      }
    }
    for (CustomResourceDefinition crd : crds.get()) {
      var names = crd.getSpec().getNames();
      boolean namespaced = "Namespaced".equals(crd.getSpec().getScope());
      for (var version : crd.getSpec().getVersions()) {
        if (!Boolean.TRUE.equals(version.getServed())) {
          continue;
        }
        ArrayNode resources =
            byGroupVersion.computeIfAbsent(
                crd.getSpec().getGroup() + "/" + version.getName(), g -> JSON.createArrayNode());
        ObjectNode resource =
            resource(
                resources,
                names.getPlural(),
                names.getSingular(),
                names.getKind(),
                namespaced,
                ALL_VERBS);
        Optional.ofNullable(names.getShortNames())
            .orElse(List.of())
            .forEach(resource.putArray("shortNames")::add);
        Optional.ofNullable(names.getCategories())
            .orElse(List.of())
            .forEach(resource.putArray("categories")::add);
        if (version.getSubresources() != null && version.getSubresources().getStatus() != null) {
          resource(
              resources,
              names.getPlural() + "/status",
              "",
              names.getKind(),
              namespaced,
              List.of("get", "patch", "update"));
        }
      }
    }
    return byGroupVersion;
  }

  private static ObjectNode resource(
      ArrayNode resources,
      String name,
      String singular,
      String kind,
      boolean namespaced,
      List<String> verbs) {
    ObjectNode resource =
        resources
            .addObject()
            .put("name", name)
            .put("singularName", singular)
            .put("namespaced", namespaced)
            .put("kind", kind);
    verbs.forEach(resource.putArray("verbs")::add);
    return resource;
  }
}
