package io.sparkbatch.operator.config;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.sparkbatch.operator.resource.DriverRbacFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the operator may do through the API server, written down once. The Helm chart and the
 * plain manifests render these rules; a test runs whole job lives and checks that every request the
 * operator made is allowed here, and that nothing here goes unused.
 *
 * <p>Kubernetes lets a subject create a Role only with permissions it holds itself, so the operator
 * also holds the driver Role's rules ({@link DriverRbacFactory#RULES}) to be able to grant them
 * when it manages the driver identity ({@link #GRANTED}); without {@code --manage-driver-rbac} they
 * can be left out.
 */
public final class OperatorPermissions {
  /** One rule and why the operator needs it. */
  public record Need(String apiGroup, String resource, Set<String> verbs, String why) {
    PolicyRule toRule() {
      return new PolicyRuleBuilder()
          .withApiGroups(apiGroup)
          .withResources(resource)
          .withVerbs(List.copyOf(new TreeSet<>(verbs)))
          .build();
    }
  }

  /** What the operator itself calls. */
  public static final List<Need> USED =
      List.of(
          new Need(
              "sparkbatch.io",
              "sparkbatchjobs",
              Set.of("list", "watch", "delete"),
              "watch jobs; delete a finished job after timeToLiveSeconds"),
          new Need("sparkbatch.io", "sparkbatchjobs/status", Set.of("patch"), "write job status"),
          new Need(
              "",
              "pods",
              Set.of("get", "list", "watch", "create", "delete"),
              "create driver pods; watch drivers and executors by label; confirm a missing driver"
                  + " with a get; delete drivers on timeout, deadline, spec change and release"),
          new Need(
              "",
              "services",
              Set.of("get", "create", "update", "delete"),
              "the driver's headless Service, replaced for each attempt, deleted at release"),
          new Need(
              "",
              "configmaps",
              Set.of("get", "create", "update", "delete"),
              "the driver's spark.properties ConfigMap, replaced for each attempt"),
          new Need(
              "",
              "serviceaccounts",
              Set.of("get", "create"),
              "check a job's own driver account; create the managed one"),
          new Need(
              "rbac.authorization.k8s.io",
              "roles",
              Set.of("create"),
              "the managed driver Role, once per namespace"),
          new Need(
              "rbac.authorization.k8s.io",
              "rolebindings",
              Set.of("create"),
              "the managed driver RoleBinding, once per namespace"),
          new Need("", "events", Set.of("create"), "an Event on every phase change and failure"));

  /**
   * What leader election (--leader-election) adds, in the Lease's namespace only. fabric8's lock
   * renews the Lease with a patch, never an update; but java-operator-sdk refuses to start unless a
   * SelfSubjectRulesReview (which every authenticated user may create) shows get, create and
   * update, so update is declared without being used.
   */
  public static final List<Need> LEADER_ELECTION =
      List.of(
          new Need(
              "coordination.k8s.io",
              "leases",
              Set.of("get", "create", "update", "patch"),
              "acquire (create) and renew (patch) the Lease that makes one replica the leader;"
                  + " update only because java-operator-sdk checks for it before electing"));

  /** The driver Role's rules, held only so that the operator may grant them. */
  public static final List<PolicyRule> GRANTED = DriverRbacFactory.RULES;

  private OperatorPermissions() {}

  /** The rules of the Role for leader election, in the Lease's namespace. */
  public static List<PolicyRule> leaderElectionRules() {
    return LEADER_ELECTION.stream().map(Need::toRule).toList();
  }

  /** The operator's rules: what it uses, and what it grants drivers when managing their RBAC. */
  public static List<PolicyRule> rules(boolean manageDriverRbac) {
    List<PolicyRule> rules = new ArrayList<>();
    USED.forEach(need -> rules.add(need.toRule()));
    if (manageDriverRbac) {
      rules.addAll(GRANTED);
    }
    return rules;
  }
}
