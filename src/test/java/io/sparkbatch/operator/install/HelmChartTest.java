package io.sparkbatch.operator.install;

import static io.sparkbatch.operator.install.RenderedChart.NAMESPACE;
import static io.sparkbatch.operator.install.RenderedChart.RELEASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.sparkbatch.operator.Main;
import io.sparkbatch.operator.config.OperatorPermissions;
import io.sparkbatch.operator.resource.DriverRbacFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Helm chart, rendered and linted by real Helm, checked object by object. */
class HelmChartTest {
  private static RenderedChart render(String values) {
    return RenderedChart.render(values);
  }

  private static Deployment deployment(RenderedChart chart) {
    return chart.get(Deployment.class, "Deployment", NAMESPACE, RELEASE);
  }

  private static Container operatorContainer(RenderedChart chart) {
    return deployment(chart).getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, String> env(RenderedChart chart) {
    return operatorContainer(chart).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static List<Role> leaseRoles(RenderedChart chart) {
    return chart.ofKind("Role").stream()
        .map(
            r ->
                chart.get(
                    Role.class, "Role", r.getMetadata().getNamespace(), r.getMetadata().getName()))
        .filter(r -> r.getRules().stream().anyMatch(rule -> rule.getResources().contains("leases")))
        .toList();
  }

  @Test
  void lintPassesStrict() {
    LintResult lint = new Helm(RenderedChart.chartDirectory()).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Nested
  class DefaultValues {
    private final RenderedChart chart = render("");

    @Test
    void clusterRoleGrantsExactlyTheOperatorsDeclaredNeeds() {
      ClusterRole role = chart.get(ClusterRole.class, "ClusterRole", null, RELEASE);
      assertThat(role.getRules()).isEqualTo(OperatorPermissions.rules(true));
      ClusterRoleBinding binding =
          chart.get(ClusterRoleBinding.class, "ClusterRoleBinding", null, RELEASE);
      assertThat(binding.getRoleRef().getName()).isEqualTo(RELEASE);
      assertThat(binding.getSubjects())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.getKind()).isEqualTo("ServiceAccount");
                assertThat(s.getName()).isEqualTo(RELEASE);
                assertThat(s.getNamespace()).isEqualTo(NAMESPACE);
              });
      assertThat(chart.find("ServiceAccount", NAMESPACE, RELEASE)).isPresent();
    }

    @Test
    void oneReplicaNeedsNoLeaseAndIsReplacedNotRolled() {
      assertThat(leaseRoles(chart)).isEmpty();
      assertThat(chart.ofKind("Role")).isEmpty();
      Deployment deployment = deployment(chart);
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
      assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
      assertThat(env(chart)).containsEntry("SBO_LEADER_ELECTION", "false");
    }

    @Test
    void containerIsLockedDown() {
      PodSpec pod = deployment(chart).getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      var security = operatorContainer(chart).getSecurityContext();
      assertThat(security.getRunAsNonRoot()).isTrue();
      assertThat(security.getReadOnlyRootFilesystem()).isTrue();
      assertThat(security.getAllowPrivilegeEscalation()).isFalse();
      assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
      // A read-only root needs somewhere for the JVM's temp files.
      assertThat(operatorContainer(chart).getVolumeMounts())
          .anyMatch(m -> m.getMountPath().equals("/tmp"));
    }

    @Test
    void resourcesAreBounded() {
      var resources = operatorContainer(chart).getResources();
      assertThat(resources.getRequests()).containsKeys("cpu", "memory");
      assertThat(resources.getLimits()).containsEntry("memory", new Quantity("512Mi"));
    }

    @Test
    void probesHitTheOperatorsHealthEndpointsOnTheMetricsPort() {
      Container container = operatorContainer(chart);
      assertThat(container.getPorts())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getName()).isEqualTo("metrics");
                assertThat(p.getContainerPort()).isEqualTo(8080);
              });
      assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
      assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal())
          .isEqualTo("metrics");
      assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
      assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
          .isEqualTo("metrics");
      assertThat(env(chart)).containsEntry("SBO_METRICS_PORT", "8080");
    }

    @Test
    void metricsServiceSelectsTheOperatorPod() {
      Service service = chart.get(Service.class, "Service", NAMESPACE, RELEASE + "-metrics");
      assertThat(deployment(chart).getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(service.getSpec().getSelector());
      assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
          .isEqualTo("metrics");
      assertThat(chart.ofKind("ServiceMonitor")).isEmpty();
    }

    @Test
    void podDisruptionBudgetCoversTheOperatorPods() {
      PodDisruptionBudget pdb =
          chart.get(PodDisruptionBudget.class, "PodDisruptionBudget", NAMESPACE, RELEASE);
      assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
      assertThat(deployment(chart).getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void everyEnvironmentVariableIsAnOptionOfTheOperator() {
      Set<String> known = environmentVariablesOfMain();
      Set<String> rendered =
          operatorContainer(chart).getEnv().stream()
              .map(EnvVar::getName)
              .filter(n -> n.startsWith("SBO_"))
              .collect(Collectors.toSet());
      // --metrics-port comes with the metrics endpoint (issue 5); drop this once it is merged.
      rendered.remove("SBO_METRICS_PORT");
      assertThat(known).containsAll(rendered);
    }

    @Test
    void nothingForGrafanaOrPrometheusUnlessAsked() {
      assertThat(chart.ofKind("PrometheusRule")).isEmpty();
      assertThat(chart.ofKind("ConfigMap")).isEmpty();
    }
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
      assertThat(env(chart)).containsEntry("SBO_NAMESPACES", "spark,etl");
    }

    @Test
    void chartOwnedDriverIdentityIsWhatTheOperatorWouldHaveCreated() {
      RenderedChart owned =
          render("watch: {namespaces: [spark]}\ndriver: {rbac: {managedBy: chart}}");
      Role operatorRole = owned.get(Role.class, "Role", "spark", RELEASE);
      assertThat(operatorRole.getRules()).isEqualTo(OperatorPermissions.rules(false));
      assertThat(env(owned)).containsEntry("SBO_MANAGE_DRIVER_RBAC", "false");

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
      assertThat(env(chart)).containsEntry("SBO_MANAGE_DRIVER_RBAC", "true");
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
      assertThat(leaseRoles(chart))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
                assertThat(r.getRules()).isEqualTo(OperatorPermissions.leaderElectionRules());
              });
      RoleBinding binding =
          chart.get(RoleBinding.class, "RoleBinding", NAMESPACE, RELEASE + "-leader-election");
      assertThat(binding.getSubjects().get(0).getName()).isEqualTo(RELEASE);
      Map<String, String> env = env(chart);
      assertThat(env).containsEntry("SBO_LEADER_ELECTION", "true");
      List<EnvVar> fromPod =
          operatorContainer(chart).getEnv().stream().filter(e -> e.getValueFrom() != null).toList();
      assertThat(fromPod)
          .extracting(e -> e.getName() + "=" + e.getValueFrom().getFieldRef().getFieldPath())
          .contains(
              "SBO_LEADER_ELECTION_NAMESPACE=metadata.namespace",
              "SBO_LEADER_ELECTION_IDENTITY=metadata.name");
      Deployment deployment = deployment(chart);
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
      assertThat(
              deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
          .isZero();
    }

    @Test
    void leaderElectionCanBeForcedOnForOneReplica() {
      RenderedChart forced = render("leaderElection: {enabled: true}");
      assertThat(leaseRoles(forced)).hasSize(1);
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
    assertThat(deployment(chart).getSpec().getTemplate().getSpec().getServiceAccountName())
        .isEqualTo("platform-made");
  }

  @Test
  void anExistingServiceAccountMustBeNamed() {
    assertThatThrownBy(() -> render("serviceAccount: {create: false}"))
        .hasMessageContaining("serviceAccount.name is required");
  }

  @Test
  void serviceMonitorScrapesTheMetricsService() {
    RenderedChart chart =
        render("metrics: {serviceMonitor: {enabled: true, labels: {release: prometheus}}}");
    var monitor = chart.find("ServiceMonitor", NAMESPACE, RELEASE).orElseThrow();
    assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
    @SuppressWarnings("unchecked")
    Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
    Service service = chart.get(Service.class, "Service", NAMESPACE, RELEASE + "-metrics");
    assertThat(endpoint).containsEntry("port", service.getSpec().getPorts().get(0).getName());
    assertThat(endpoint).containsEntry("path", "/metrics");
  }

  @Test
  void dashboardAndAlertsComeFromTheChartsFilesWhenAskedFor(@TempDir Path temp) throws IOException {
    Path chart = copyChart(temp);
    Files.createDirectories(chart.resolve("files"));
    Files.writeString(chart.resolve("files/grafana-dashboard.json"), "{\"title\": \"Spark\"}\n");
    Files.writeString(
        chart.resolve("files/prometheus-rules.yaml"),
        "groups:\n  - name: spark-batch-operator\n    rules:\n      - alert: X\n        expr: up == 0\n");
    String values = "metrics: {prometheusRule: {enabled: true}, grafanaDashboard: {enabled: true}}";

    RenderedChart rendered = RenderedChart.render(chart, values);

    ConfigMap dashboard =
        rendered.get(ConfigMap.class, "ConfigMap", NAMESPACE, RELEASE + "-dashboard");
    assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(dashboard.getData())
        .containsEntry("spark-batch-operator.json", "{\"title\": \"Spark\"}");
    var rule = rendered.find("PrometheusRule", NAMESPACE, RELEASE).orElseThrow();
    assertThat(rule.getAdditionalProperties().get("spec").toString()).contains("alert=X");
    assertThat(RenderedChart.render(chart, "").ofKind("PrometheusRule")).isEmpty();
  }

  @Test
  void dashboardAndAlertsAreLeftOutWhileTheirFilesAreMissing(@TempDir Path temp)
      throws IOException {
    Path chart = copyChart(temp);
    String values = "metrics: {prometheusRule: {enabled: true}, grafanaDashboard: {enabled: true}}";
    RenderedChart rendered = RenderedChart.render(chart, values);
    assertThat(rendered.ofKind("PrometheusRule")).isEmpty();
    assertThat(rendered.ofKind("ConfigMap")).isEmpty();
  }

  /** The chart without its files/ folder, to add test files to. */
  private static Path copyChart(Path temp) throws IOException {
    Path source = RenderedChart.chartDirectory();
    Path target = temp.resolve("spark-batch-operator");
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        Path relative = source.relativize(path);
        if (relative.startsWith("files")) {
          continue;
        }
        Path copy = target.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(path, copy);
        }
      }
    }
    return target;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "replicaCount: 0",
        "replicaCount: two",
        "watch: {namespaces: [Spark]}",
        "watch: {namespaces: spark}",
        "driver: {rbac: {managedBy: nobody}}",
        "image: {pullPolicy: Sometimes}",
        "metrics: {port: 70000}",
        "operator: {reconcileThreads: 0}",
        "leaderElection: {enabled: maybe}",
        "unknownTopLevelKey: 1",
        "operator: {reconcileThread: 5}"
      })
  void schemaRejectsBadValues(String values) {
    assertThatThrownBy(() -> render(values))
        .hasMessageContaining("values don't meet the specifications of the schema");
  }

  /** The SBO_* variables Main reads, from its options' defaults ("${env:SBO_X:-...}"). */
  static Set<String> environmentVariablesOfMain() {
    Pattern env = Pattern.compile("\\$\\{env:(SBO_[A-Z_]+)");
    // From the annotations: picocli resolves ${env:...} when it builds the command spec.
    return java.util.Arrays.stream(Main.class.getDeclaredFields())
        .map(f -> f.getAnnotation(picocli.CommandLine.Option.class))
        .filter(java.util.Objects::nonNull)
        .map(picocli.CommandLine.Option::defaultValue)
        .map(env::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
  }
}
