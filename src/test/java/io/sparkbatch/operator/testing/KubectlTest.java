package io.sparkbatch.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.api.JobPhase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl against a simulated cluster with the operator running and one job that went to
 * Succeeded: what a newcomer running {@code make run} types must work as on a real cluster.
 */
class KubectlTest {
  private static final String NS = "kubectl";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static OperatorHarness harness;
  private static Kubectl kubectl;

  @BeforeAll
  static void startOperatorAndRunAJob(@TempDir Path dir) {
    harness = OperatorHarness.start(new ScriptedBehaviour());
    kubectl = Kubectl.forCluster(harness.cluster(), NS, dir);
    harness.createNamespace(NS);
    harness.create(TestJobs.sparkPi(NS, "pi", "succeed"));
    harness.awaitPhase(NS, "pi", JobPhase.SUCCEEDED, WAIT);
    // The operator writes the Succeeded Event after the status: describe must find it.
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                harness.events(NS, "pi").stream().anyMatch(e -> "Succeeded".equals(e.getReason())));
  }

  @AfterAll
  static void stopOperator() {
    if (harness != null) {
      harness.close();
    }
  }

  private static List<String> lines(Kubectl.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    return result.stdout().lines().toList();
  }

  /** The cells of the row whose first cell is {@code name}, split on runs of spaces. */
  private static List<String> row(List<String> lines, String name) {
    return lines.stream()
        .filter(l -> l.startsWith(name + " "))
        .findFirst()
        .map(l -> List.of(l.trim().split(" {2,}")))
        .orElseThrow(
            () -> new AssertionError("no row " + name + " in\n" + String.join("\n", lines)));
  }

  private static List<String> header(List<String> lines) {
    return List.of(lines.get(0).trim().split(" {2,}"));
  }

  @Test
  void versionShowsTheSimulatedServer() {
    List<String> out = lines(kubectl.run("version"));

    assertThat(out).anyMatch(l -> l.startsWith("Client Version: v1.32"));
    assertThat(out).contains("Server Version: v1.32.0-simulated");
  }

  @Test
  void getSbjShowsThePrinterColumnsOfTheCrd() {
    List<String> out = lines(kubectl.run("get", "sbj"));

    assertThat(header(out))
        .containsExactly("NAME", "PHASE", "ATTEMPT", "EXECUTORS", "DURATION", "AGE");
    List<String> pi = row(out, "pi");
    assertThat(pi.get(1)).isEqualTo("Succeeded");
    assertThat(pi.get(2)).isEqualTo("1");
    assertThat(pi.get(5)).as("age").matches("\\d+[smhd]\\w*");
  }

  @Test
  void getSbjWideAddsReasonAndDriver() {
    List<String> out = lines(kubectl.run("get", "sparkbatchjobs", "-o", "wide"));

    assertThat(header(out))
        .containsExactly(
            "NAME", "PHASE", "ATTEMPT", "EXECUTORS", "DURATION", "AGE", "REASON", "DRIVER");
    List<String> pi = row(out, "pi");
    assertThat(pi.get(1)).isEqualTo("Succeeded");
    assertThat(pi.subList(6, 8)).containsExactly("Completed", "pi-driver");
  }

  @Test
  void describeSbjShowsStatusAndTheJobsEvents() {
    String out = String.join("\n", lines(kubectl.run("describe", "sbj", "pi")));

    assertThat(out)
        .contains("Name:         pi", "Namespace:    kubectl", "Kind:         SparkBatchJob");
    assertThat(out).containsPattern("Phase:\\s+Succeeded");
    List<String> reasons =
        harness.events(NS, "pi").stream().map(e -> e.getReason()).distinct().toList();
    assertThat(reasons).isNotEmpty();
    assertThat(out).contains("Events:");
    for (String reason : reasons) {
      assertThat(out).containsPattern("Normal\\s+" + reason + "\\s");
    }
  }

  @Test
  void getPodsShowsTheDriverAsATable() {
    List<String> out = lines(kubectl.run("get", "pods"));

    assertThat(header(out)).containsExactly("NAME", "READY", "STATUS", "RESTARTS", "AGE");
    assertThat(row(out, "pi-driver").subList(1, 4)).containsExactly("0/1", "Completed", "0");
  }

  @Test
  void describePodReadsTheTypedPod() {
    // kubectl's typed client asks for protobuf; this fails unless answers say they are JSON.
    String out = String.join("\n", lines(kubectl.run("describe", "pod", "pi-driver")));

    assertThat(out).containsPattern("Status:\\s+Succeeded");
    assertThat(out).containsPattern("Controlled By:\\s+SparkBatchJob/pi");
  }

  @Test
  void getEventsShowsTheJobsEventsAsATable() {
    List<String> out = lines(kubectl.run("get", "events"));

    assertThat(header(out)).containsExactly("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
    assertThat(out).anyMatch(l -> l.matches(".*Normal\\s+Succeeded\\s+sparkbatchjob/pi\\s+.*"));
  }

  @Test
  void logsAreNotServedAndSaySo() {
    Kubectl.Result logs = kubectl.run("logs", "pi-driver");

    assertThat(logs.exitCode()).isNotZero();
    assertThat(logs.stderr()).contains("NotFound", "does not serve log");
  }

  @Test
  void applyThenDeleteTheExampleJob() {
    Path example = CrdGeneration.projectRoot().resolve("crd/examples/spark-pi.yaml");

    // --validate=false: kubectl validates against the server's OpenAPI documents, which the
    // simulated API server does not serve (a partial document would mislead kubectl explain and
    // apply's patch computation); without the flag kubectl refuses with "failed to download
    // openapi".
    Kubectl.Result applied =
        kubectl.run("apply", "--validate=false", "-n", "apply", "-f", example.toString());
    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.stdout()).contains("sparkbatchjob.sparkbatch.io/spark-pi created");
    assertThat(harness.get("apply", "spark-pi")).isNotNull();

    Kubectl.Result deleted = kubectl.run("delete", "-n", "apply", "sbj", "spark-pi");
    assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
    assertThat(deleted.stdout()).contains("sparkbatchjob.sparkbatch.io \"spark-pi\" deleted");
    assertThat(harness.get("apply", "spark-pi")).isNull();
  }
}
