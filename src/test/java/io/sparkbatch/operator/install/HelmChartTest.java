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
import io.sparkbatch.operator.Main;
import io.sparkbatch.operator.config.OperatorPermissions;
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
      assertThat(chart.leaseRoles()).isEmpty();
      assertThat(chart.ofKind("Role")).isEmpty();
      Deployment deployment = chart.deployment();
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
      assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
      assertThat(chart.env()).containsEntry("SBO_LEADER_ELECTION", "false");
    }

    @Test
    void containerIsLockedDown() {
      PodSpec pod = chart.deployment().getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      var security = chart.operatorContainer().getSecurityContext();
      assertThat(security.getRunAsNonRoot()).isTrue();
      assertThat(security.getReadOnlyRootFilesystem()).isTrue();
      assertThat(security.getAllowPrivilegeEscalation()).isFalse();
      assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
      // A read-only root needs somewhere for the JVM's temp files.
      assertThat(chart.operatorContainer().getVolumeMounts())
          .anyMatch(m -> m.getMountPath().equals("/tmp"));
    }

    @Test
    void resourcesAreBounded() {
      var resources = chart.operatorContainer().getResources();
      assertThat(resources.getRequests()).containsKeys("cpu", "memory");
      assertThat(resources.getLimits()).containsEntry("memory", new Quantity("512Mi"));
    }

    @Test
    void probesHitTheOperatorsHealthEndpointsOnTheMetricsPort() {
      Container container = chart.operatorContainer();
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
      assertThat(chart.env()).containsEntry("SBO_METRICS_PORT", "8080");
    }

    @Test
    void metricsServiceSelectsTheOperatorPod() {
      Service service = chart.get(Service.class, "Service", NAMESPACE, RELEASE + "-metrics");
      assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getLabels())
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
      assertThat(chart.deployment().getSpec().getTemplate().getMetadata().getLabels())
          .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void everyEnvironmentVariableIsAnOptionOfTheOperator() {
      Set<String> known = environmentVariablesOfMain();
      Set<String> rendered =
          chart.operatorContainer().getEnv().stream()
              .map(EnvVar::getName)
              .filter(n -> n.startsWith("SBO_"))
              .collect(Collectors.toSet());
      assertThat(known).containsAll(rendered);
    }

    @Test
    void nothingForGrafanaOrPrometheusUnlessAsked() {
      assertThat(chart.ofKind("PrometheusRule")).isEmpty();
      assertThat(chart.ofKind("ConfigMap")).isEmpty();
    }
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
  void theShippedDashboardAndAlertsRenderIntoAConfigMapAndAPrometheusRule() throws IOException {
    String values = "metrics: {prometheusRule: {enabled: true}, grafanaDashboard: {enabled: true}}";

    RenderedChart rendered = RenderedChart.render(values);

    ConfigMap dashboard =
        rendered.get(ConfigMap.class, "ConfigMap", NAMESPACE, RELEASE + "-dashboard");
    String json = dashboard.getData().get("spark-batch-operator.json");
    assertThat(json)
        .isEqualTo(
            Files.readString(RenderedChart.chartDirectory().resolve("files/grafana-dashboard.json"))
                .strip());
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("panels"))
        .isNotEmpty();
    var rule = rendered.find("PrometheusRule", NAMESPACE, RELEASE).orElseThrow();
    assertThat(rule.getAdditionalProperties().get("spec").toString())
        .contains("alert=", "sparkbatch_reconcile_errors_total");
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
