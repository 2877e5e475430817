package io.sparkbatch.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.Usage;
import io.sparkbatch.operator.config.MetricsConfig;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.config.UsagePrices;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.PromQlNames;
import io.sparkbatch.operator.testing.PrometheusText;
import io.sparkbatch.operator.testing.ScriptedBehaviour;
import io.sparkbatch.operator.testing.TestJobs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jobs through the whole operator on the simulated cluster, then /metrics scraped over HTTP as
 * Prometheus would, and its figures compared with what those jobs imply.
 */
class MetricsEndpointTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String NS = "metrics-finished";
  private static OperatorHarness harness;
  private static List<SparkBatchJob> finished;

  @BeforeAll
  static void runJobs() {
    harness =
        OperatorHarness.start(
            new ScriptedBehaviour(),
            OperatorConfig.defaults().withExecutorStatusInterval(Duration.ZERO),
            MetricsConfig.loopback().withPrices(new UsagePrices(0.04, 0.005)));
    harness.createNamespace(NS);
    harness.create(TestJobs.sparkPi(NS, "ok", "succeed"));
    harness.create(TestJobs.sparkPi(NS, "fails", "exit1"));
    harness.create(
        TestJobs.sparkPi(
            NS,
            "retried",
            "exit1.succeed",
            "restartPolicy: {type: OnFailure, onFailureRetries: 1, onFailureRetryInterval: 1}"));
    finished =
        List.of(
            harness.awaitPhase(NS, "ok", JobPhase.SUCCEEDED, WAIT),
            harness.awaitPhase(NS, "fails", JobPhase.FAILED, WAIT),
            harness.awaitPhase(NS, "retried", JobPhase.SUCCEEDED, WAIT));
  }

  @AfterAll
  static void stop() {
    harness.close();
  }

  private static PrometheusText scrape() {
    return PrometheusText.scrape(harness.metricsUri("/metrics"));
  }

  @Test
  void countsSubmissionsOutcomesAndRetriesOfTheJobsThatRan() {
    PrometheusText metrics = scrape();

    assertThat(metrics.value("spark_application_count", "namespace", NS)).isEqualTo(3);
    // One submission per attempt: ok 1, fails 1, retried 2.
    assertThat(metrics.value("spark_application_submit_count", "namespace", NS)).isEqualTo(4);
    assertThat(metrics.value("spark_application_success_count", "namespace", NS)).isEqualTo(2);
    assertThat(metrics.value("spark_application_failure_count", "namespace", NS)).isEqualTo(1);
    assertThat(
            metrics.value(
                "sparkbatch_jobs_failed_total", "namespace", NS, "reason", "DriverFailed"))
        .isEqualTo(1);
    assertThat(metrics.sum("sparkbatch_jobs_failed_total", "namespace", NS)).isEqualTo(1);
    assertThat(
            metrics.value(
                "sparkbatch_attempts_retried_total", "namespace", NS, "reason", "DriverFailed"))
        .isEqualTo(1);
    // Each ended attempt's two executors were removed by their driver: fine after a success,
    // still counted as ended normally after a failure (the driver stopped them).
    assertThat(metrics.value("spark_executor_success_count", "namespace", NS)).isEqualTo(8);
    assertThat(metrics.value("spark_executor_failure_count", "namespace", NS)).isZero();
    assertThat(metrics.type("spark_application_submit_count")).isEqualTo("gauge");
    assertThat(metrics.type("sparkbatch_jobs_failed_total")).isEqualTo("counter");
  }

  @Test
  void histogramsHoldOneObservationPerJobWithBucketsReachingHours() {
    PrometheusText metrics = scrape();

    assertThat(metrics.value("sparkbatch_job_submit_latency_seconds_count", "namespace", NS))
        .isEqualTo(3);
    assertThat(
            metrics.value(
                "spark_application_start_latency_seconds_histogram_count", "namespace", NS))
        .isEqualTo(3);
    assertThat(
            metrics.value(
                "sparkbatch_job_run_duration_seconds_count",
                "namespace",
                NS,
                "outcome",
                "succeeded"))
        .isEqualTo(2);
    assertThat(
            metrics.value(
                "sparkbatch_job_run_duration_seconds_count", "namespace", NS, "outcome", "failed"))
        .isEqualTo(1);
    assertThat(
            metrics.value(
                "sparkbatch_job_run_duration_seconds_bucket",
                "namespace",
                NS,
                "outcome",
                "succeeded",
                "le",
                "+Inf"))
        .isEqualTo(2);
    // Buckets reach a day, and every observation of these quick jobs falls in the hour bucket.
    assertThat(
            metrics.value(
                "sparkbatch_job_submit_latency_seconds_bucket", "namespace", NS, "le", "86400.0"))
        .isEqualTo(3);
    assertThat(
            metrics.value(
                "spark_application_start_latency_seconds_histogram_bucket",
                "namespace",
                NS,
                "le",
                "3600.0"))
        .isEqualTo(3);
    assertThat(metrics.type("sparkbatch_job_submit_latency_seconds")).isEqualTo("histogram");
  }

  @Test
  void phaseGaugesShowTheFinishedJobsAndNothingRunning() {
    PrometheusText metrics = scrape();

    assertThat(metrics.value("sparkbatch_jobs", "namespace", NS, "phase", "Succeeded"))
        .isEqualTo(2);
    assertThat(metrics.value("sparkbatch_jobs", "namespace", NS, "phase", "Failed")).isEqualTo(1);
    assertThat(metrics.value("sparkbatch_jobs", "namespace", NS, "phase", "Running")).isZero();
    assertThat(metrics.value("spark_application_running_count", "namespace", NS)).isZero();
    assertThat(metrics.value("spark_executor_running_count", "namespace", NS)).isZero();
    assertThat(metrics.value("sparkbatch_drivers_running", "namespace", NS)).isZero();
    assertThat(metrics.value("sparkbatch_running_requested_cores", "namespace", NS)).isZero();
  }

  @Test
  void usageCountersAddUpTheJobsStatusUsage() {
    PrometheusText metrics = scrape();

    assertThat(finished).allSatisfy(job -> assertThat(job.getStatus().getUsage()).isNotNull());
    assertThat(
            metrics.value("sparkbatch_usage_core_seconds_total", "namespace", NS, "role", "driver"))
        .isCloseTo(total(Usage::getDriverCoreSeconds), within());
    assertThat(
            metrics.value(
                "sparkbatch_usage_core_seconds_total", "namespace", NS, "role", "executor"))
        .isCloseTo(total(Usage::getExecutorCoreSeconds), within());
    assertThat(
            metrics.value(
                "sparkbatch_usage_memory_gib_seconds_total", "namespace", NS, "role", "driver"))
        .isCloseTo(total(Usage::getDriverMemoryGiBSeconds), within());
    assertThat(
            metrics.value(
                "sparkbatch_usage_memory_gib_seconds_total", "namespace", NS, "role", "executor"))
        .isCloseTo(total(Usage::getExecutorMemoryGiBSeconds), within());
    assertThat(metrics.value("sparkbatch_usage_estimated_cost_total", "namespace", NS))
        .isCloseTo(total(Usage::getEstimatedCost), within());
  }

  @Test
  void statusUsageOfTheDriverIsItsRequestsTimesItsContainerTimestamps() {
    SparkBatchJob job = finished.get(0);
    Pod driver = harness.client().pods().inNamespace(NS).withName("ok-driver").get();
    var terminated = driver.getStatus().getContainerStatuses().get(0).getState().getTerminated();
    double seconds =
        Duration.between(
                    Instant.parse(terminated.getStartedAt()),
                    Instant.parse(terminated.getFinishedAt()))
                .toMillis()
            / 1000.0;
    var requests = driver.getSpec().getContainers().get(0).getResources().getRequests();
    double cores = requests.get("cpu").getNumericalAmount().doubleValue();
    double gib = requests.get("memory").getNumericalAmount().doubleValue() / (1L << 30);

    Usage usage = job.getStatus().getUsage();
    assertThat(usage.getDriverCoreSeconds()).isCloseTo(cores * seconds, within());
    assertThat(usage.getDriverMemoryGiBSeconds()).isCloseTo(gib * seconds, within());
    assertThat(usage.getEstimatedCost()).isNotNull();
  }

  private static double total(Function<Usage, Double> field) {
    return finished.stream()
        .map(job -> field.apply(job.getStatus().getUsage()))
        .mapToDouble(d -> d == null ? 0 : d)
        .sum();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }

  @Test
  void runningJobShowsInTheStateGaugesAndLeavesThemWhenDeleted() {
    String ns = "metrics-running";
    harness.createNamespace(ns);
    harness.create(TestJobs.sparkPi(ns, "forever", "forever"));
    harness.awaitPhase(ns, "forever", JobPhase.RUNNING, WAIT);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              PrometheusText metrics = scrape();
              assertThat(metrics.value("spark_application_running_count", "namespace", ns))
                  .isEqualTo(1);
              assertThat(metrics.value("sparkbatch_jobs", "namespace", ns, "phase", "Running"))
                  .isEqualTo(1);
              assertThat(metrics.value("sparkbatch_drivers_running", "namespace", ns)).isEqualTo(1);
              assertThat(metrics.value("spark_executor_running_count", "namespace", ns))
                  .isEqualTo(2);
              // Driver: 1 core; executors: 1 core each.
              assertThat(metrics.value("sparkbatch_running_requested_cores", "namespace", ns))
                  .isEqualTo(3);
              assertThat(
                      metrics.value("sparkbatch_running_requested_memory_bytes", "namespace", ns))
                  .isGreaterThan(2 * 1408.0 * 1024 * 1024);
            });

    harness.client().resource(harness.get(ns, "forever")).delete();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(scrape().find("sparkbatch_jobs", "namespace", ns)).isEmpty());
  }

  @Test
  void exportsFrameworkJvmAndApiCallMetrics() {
    PrometheusText metrics = scrape();

    assertThat(metrics.names())
        .contains("jvm_memory_used_bytes", "process_cpu_usage", "process_uptime_seconds");
    assertThat(metrics.names()).anyMatch(n -> n.startsWith("operator_sdk_"));
    assertThat(
            metrics.sum(
                "sparkbatch_kubernetes_api_requests_total", "method", "POST", "code", "201"))
        .isGreaterThanOrEqualTo(4);
    // Bounded series: no label names a job or a pod.
    assertThat(metrics.samples())
        .allSatisfy(
            s ->
                assertThat(s.labels().values())
                    .noneMatch(v -> v.contains("-driver") || v.contains("-exec-"))
                    .doesNotContain("ok", "fails", "retried", "forever"));
  }

  @Test
  void everyMetricTheDashboardQueriesIsExported() throws IOException {
    JsonNode dashboard =
        new ObjectMapper().readTree(Files.readString(files().resolve("grafana-dashboard.json")));
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      JsonNode query = variable.path("query");
      if (variable.path("type").asText().equals("query")) {
        exprs.add(query.isObject() ? query.path("query").asText() : query.asText());
      }
    }
    assertThat(exprs).hasSizeGreaterThan(20);
    assertThat(dashboard.path("uid").asText()).isEqualTo("spark-batch-operator");
    List<Integer> ids = new ArrayList<>();
    dashboard.path("panels").forEach(panel -> ids.add(panel.path("id").asInt()));
    assertThat(ids).doesNotHaveDuplicates();
    assertQueriesExported(exprs);
  }

  @Test
  void everyMetricTheAlertsQueryIsExported() throws IOException {
    JsonNode rules =
        new ObjectMapper(new YAMLFactory())
            .readTree(Files.readString(files().resolve("prometheus-rules.yaml")));
    List<String> exprs = new ArrayList<>();
    for (JsonNode group : rules.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        assertThat(rule.path("alert").asText()).isNotBlank();
        assertThat(rule.path("labels").path("severity").asText()).isNotBlank();
        exprs.add(rule.path("expr").asText());
      }
    }
    assertThat(exprs).hasSizeGreaterThanOrEqualTo(4);
    assertQueriesExported(exprs);
  }

  private static void assertQueriesExported(List<String> exprs) {
    var exported = scrape().names();
    for (String expr : exprs) {
      var names = PromQlNames.of(expr);
      assertThat(names).as("metrics in %s", expr).isNotEmpty();
      assertThat(exported).as("metrics the operator exports, for %s", expr).containsAll(names);
    }
  }

  private static Path files() {
    return CrdGeneration.projectRoot().resolve("helm/spark-batch-operator/files");
  }

  @Test
  void healthAndReadinessAnswerOk() throws Exception {
    assertThat(get(harness.metricsUri("/healthz"))).isEqualTo(200);
    assertThat(get(harness.metricsUri("/readyz"))).isEqualTo(200);
  }

  static int get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
