package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DriverRbacFactoryTest {

  private final DriverRbac rbac =
      DriverRbacFactory.build("analytics", SubmissionSettings.defaults());

  @Test
  void accountRoleAndBindingShareTheSettingsNameInTheNamespace() {
    assertThat(rbac.serviceAccount().getMetadata().getName()).isEqualTo("spark-batch-driver");
    assertThat(rbac.role().getMetadata().getName()).isEqualTo("spark-batch-driver");
    assertThat(rbac.roleBinding().getMetadata().getName()).isEqualTo("spark-batch-driver");
    for (var meta :
        List.of(
            rbac.serviceAccount().getMetadata(),
            rbac.role().getMetadata(),
            rbac.roleBinding().getMetadata())) {
      assertThat(meta.getNamespace()).isEqualTo("analytics");
      assertThat(meta.getLabels()).containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
      assertThat(meta.getOwnerReferences()).as("shared by the namespace's jobs").isEmpty();
    }
    assertThat(rbac.roleBinding().getRoleRef().getKind())
        .as("nothing cluster-wide")
        .isEqualTo("Role");
    assertThat(rbac.roleBinding().getRoleRef().getName()).isEqualTo("spark-batch-driver");
    assertThat(rbac.roleBinding().getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("ServiceAccount");
              assertThat(s.getName()).isEqualTo("spark-batch-driver");
              assertThat(s.getNamespace()).isEqualTo("analytics");
            });
  }

  @Test
  void roleGrantsExactlyWhatTheDriverCalls() {
    Role role = rbac.role();
    assertThat(verbs(role, "pods"))
        .containsExactlyInAnyOrder(
            "create", "get", "list", "watch", "delete", "deletecollection", "patch");
    for (String resource : List.of("services", "configmaps", "persistentvolumeclaims")) {
      assertThat(verbs(role, resource))
          .as(resource)
          .containsExactlyInAnyOrder(
              "create", "get", "list", "watch", "delete", "deletecollection");
    }
    assertThat(role.getRules())
        .flatExtracting(PolicyRule::getResources)
        .containsExactlyInAnyOrder("pods", "services", "configmaps", "persistentvolumeclaims");
    assertThat(role.getRules()).flatExtracting(PolicyRule::getApiGroups).containsOnly("");
    assertThat(role.getRules())
        .flatExtracting(PolicyRule::getVerbs)
        .doesNotContain("*", "update", "escalate", "bind", "impersonate");
  }

  @Test
  void accountNameComesFromTheSettings() {
    SubmissionSettings settings = new SubmissionSettings(null, "spark", null, null, null);
    DriverRbac custom = DriverRbacFactory.build("ns", settings);
    assertThat(custom.serviceAccount().getMetadata().getName()).isEqualTo("spark");
    assertThat(custom.roleBinding().getSubjects().get(0).getName()).isEqualTo("spark");
  }

  private static Set<String> verbs(Role role, String resource) {
    return role.getRules().stream()
        .filter(r -> r.getResources().contains(resource))
        .flatMap(r -> r.getVerbs().stream())
        .collect(Collectors.toSet());
  }
}
