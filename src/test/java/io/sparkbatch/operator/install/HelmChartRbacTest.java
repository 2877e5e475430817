package io.sparkbatch.operator.install;

import static io.sparkbatch.operator.install.RenderedChart.NAMESPACE;
import static io.sparkbatch.operator.install.RenderedChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.sparkbatch.operator.config.OperatorPermissions;
import io.sparkbatch.operator.resource.DriverRbacFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The chart's RBAC modes and high availability, rendered by real Helm. */
class HelmChartRbacTest {
  private static RenderedChart render(String values) {
    return RenderedChart.render(values);
  }

  @Nested
  class NamespacedRbac {
    private final RenderedChart chart = render("watch: {namespaces: [spark, etl]}");

    @Test
    void aRolePerJobNamespaceAndNothingClusterWide() {
      assertThat(chart.ofKind("ClusterRole")).isEmpty();
      assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
      for (String ns : List.of("spark", "etl")) {
        Role role = chart.get(Role.class, "Role", ns, RELEASE);
        assertThat(role.getRules()).isEqualTo(OperatorPermissions.rules(true));
        RoleBinding binding = chart.get(RoleBinding.class, "RoleBinding", ns, RELEASE);
        assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(binding.getSubjects().get(0).getNamespace()).isEqualTo(NAMESPACE);
      }
      assertThat(chart.env()).containsEntry("SBO_NAMESPACES", "spark,etl");
    }

    @Test
    void chartOwnedDriverIdentityIsWhatTheOperatorWouldHaveCreated() {
      RenderedChart owned =
          render("watch: {namespaces: [spark]}\ndriver: {rbac: {managedBy: chart}}");
      Role operatorRole = owned.get(Role.class, "Role", "spark", RELEASE);
      assertThat(operatorRole.getRules()).isEqualTo(OperatorPermissions.rules(false));
      assertThat(owned.env()).containsEntry("SBO_MANAGE_DRIVER_RBAC", "false");

      String name = "spark-batch-driver";
      Role driverRole = owned.get(Role.class, "Role", "spark", name);
      assertThat(driverRole.getRules()).isEqualTo(DriverRbacFactory.RULES);
      RoleBinding binding = owned.get(RoleBinding.class, "RoleBinding", "spark", name);
      var expected =
          DriverRbacFactory.build(
                  "spark",
                  io.sparkbatch.operator.config.OperatorConfig.defaults().submissionSettings())
              .roleBinding();
      assertThat(binding.getRoleRef()).isEqualTo(expected.getRoleRef());
      assertThat(binding.getSubjects()).isEqualTo(expected.getSubjects());
      assertThat(owned.find("ServiceAccount", "spark", name)).isPresent();
    }

    @Test
    void operatorManagedDriverIdentityIsNotRenderedByTheChart() {
      assertThat(chart.find("Role", "spark", "spark-batch-driver")).isEmpty();
      assertThat(chart.env()).containsEntry("SBO_MANAGE_DRIVER_RBAC", "true");
    }

    @Test
    void chartOwnedDriverIdentityNeedsToKnowTheNamespaces() {
      assertThatThrownBy(() -> render("driver: {rbac: {managedBy: chart}}"))
          .hasMessageContaining("driver.rbac.managedBy=chart needs");
    }
  }

  @Nested
  class HighAvailability {
    private final RenderedChart chart = render("replicaCount: 2");

    @Test
    void twoReplicasElectALeaderAndMayUseLeases() {
      assertThat(chart.leaseRoles())
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
                assertThat(r.getRules()).isEqualTo(OperatorPermissions.leaderElectionRules());
              });
      RoleBinding binding =
          chart.get(RoleBinding.class, "RoleBinding", NAMESPACE, RELEASE + "-leader-election");
      assertThat(binding.getSubjects().get(0).getName()).isEqualTo(RELEASE);
      Map<String, String> env = chart.env();
      assertThat(env).containsEntry("SBO_LEADER_ELECTION", "true");
      List<EnvVar> fromPod =
          chart.operatorContainer().getEnv().stream()
              .filter(e -> e.getValueFrom() != null)
              .toList();
      assertThat(fromPod)
          .extracting(e -> e.getName() + "=" + e.getValueFrom().getFieldRef().getFieldPath())
          .contains(
              "SBO_LEADER_ELECTION_NAMESPACE=metadata.namespace",
              "SBO_LEADER_ELECTION_IDENTITY=metadata.name");
      Deployment deployment = chart.deployment();
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
      assertThat(
              deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
          .isZero();
    }

    @Test
    void leaderElectionCanBeForcedOnForOneReplica() {
      RenderedChart forced = render("leaderElection: {enabled: true}");
      assertThat(forced.leaseRoles()).hasSize(1);
    }

    @Test
    void twoReplicasWithoutALeaderAreRefused() {
      assertThatThrownBy(() -> render("replicaCount: 2\nleaderElection: {enabled: false}"))
          .hasMessageContaining("replicaCount > 1 needs leaderElection.enabled");
    }
  }

  @Test
  void rbacCanBeLeftToThePlatformTeam() {
    RenderedChart chart =
        render("rbac: {create: false}\nserviceAccount: {create: false, name: platform-made}");
    assertThat(chart.ofKind("ClusterRole")).isEmpty();
    assertThat(chart.ofKind("Role")).isEmpty();
    assertThat(chart.ofKind("ServiceAccount")).isEmpty();
    assertThat(chart.deployment().getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("platform-made");
  }

  @Test
  void anExistingServiceAccountMustBeNamed() {
    assertThatThrownBy(() -> render("serviceAccount: {create: false}"))
        .hasMessageContaining("serviceAccount.name is required");
  }
}
