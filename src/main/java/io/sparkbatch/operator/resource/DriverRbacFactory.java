package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import java.util.List;
import java.util.Map;

/**
 * The service account drivers run as when their spec names none, with exactly the rights a Spark
 * driver uses in its own namespace (instead of the {@code edit} ClusterRole people bind by hand).
 * Nothing cluster-wide. The objects are shared by every job of the namespace, so no job owns them.
 *
 * <p>What the driver calls (Spark 3.5 and 4.x, ExecutorPodsAllocator, ExecutorPodsLifecycleManager,
 * ExecutorPodsWatchSnapshotSource, ExecutorPodsPollingSnapshotSource,
 * KubernetesClusterSchedulerBackend):
 *
 * <ul>
 *   <li>pods: get its own pod (owner of the executors) and wait for it to be ready (list, watch);
 *       create executors; watch and list them by label; delete one, and delete them by label at the
 *       end (fabric8 sends a DELETE on the collection: deletecollection). <b>patch</b>, beyond the
 *       usual list: the driver labels executors with their id and marks lost ones {@code
 *       spark-exec-inactive}, and Spark 4.1 can annotate its own pod with the exit exception.
 *   <li>configmaps: create the executors' configuration ConfigMap, delete it by label at the end.
 *   <li>services: delete its own Service by label at the end.
 *   <li>persistentvolumeclaims: create on-demand executor volumes, list them by label for reuse,
 *       delete them by label at the end.
 * </ul>
 *
 * Not covered: {@code spark.kubernetes.allocation.pods.allocator=statefulset}, which also needs
 * apps/statefulsets; jobs using it name their own service account.
 */
public final class DriverRbacFactory {

  /** The verbs every driver resource gets. */
  public static final List<String> BASE_VERBS =
      List.of("create", "get", "list", "watch", "delete", "deletecollection");

  /** The rules of the driver Role. */
  public static final List<PolicyRule> RULES =
      List.of(
          rule(List.of("pods"), "patch"),
          rule(List.of("services", "configmaps", "persistentvolumeclaims")));

  private DriverRbacFactory() {}

  /** The account named by the settings, its Role and RoleBinding (same name) in the namespace. */
  public static DriverRbac build(String namespace, SubmissionSettings settings) {
    String name = settings.managedDriverServiceAccount();
    Map<String, String> labels = Map.of(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    return new DriverRbac(
        new ServiceAccountBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .endMetadata()
            .build(),
        new RoleBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .endMetadata()
            .withRules(RULES)
            .build(),
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels)
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", "Role", name)
            .addNewSubject()
            .withKind("ServiceAccount")
            .withName(name)
            .withNamespace(namespace)
            .endSubject()
            .build());
  }

  private static PolicyRule rule(List<String> resources, String... extraVerbs) {
    return new PolicyRuleBuilder()
        .withApiGroups("")
        .withResources(resources)
        .withVerbs(BASE_VERBS)
        .addToVerbs(extraVerbs)
        .build();
  }
}
