package io.sparkbatch.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.config.MetricsConfig;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.testing.Kubectl;
import io.sparkbatch.operator.testing.OperatorHarness;
import io.sparkbatch.operator.testing.spark.SparkCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Apache Spark 4.1.1 judges what the operator creates: the running operator submits
 * SparkBatchJobs to the simulated API server, and the process kubelet runs the driver pod it
 * creates, and the executor pods Spark's driver then creates, as JVMs on Spark's own jars. One job
 * at a time (each takes a driver and two executors, about 1.5 GB, on 2 cores), with generous
 * limits: these must never flake on a loaded machine.
 */
@Tag("spark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealSparkTest {
  private static final Duration JOB_LIMIT = Duration.ofMinutes(4);

  private SparkCluster spark;
  private OperatorHarness operator;

  @BeforeAll
  void start() {
    spark = SparkCluster.start(SparkCluster.newWorkDir("e2e"));
    operator =
        OperatorHarness.on(
            spark.cluster(),
            OperatorConfig.defaults().withExecutorStatusInterval(Duration.ZERO),
            MetricsConfig.loopback());
  }

  @AfterAll
  void stop() {
    if (operator != null) {
      operator.close();
    }
    if (spark != null) {
      spark.close();
    }
  }

  @Test
  void sparkPiRunsOnItsExecutorsAndSucceeds() {
    operator.createNamespace("pi");
    operator.create(job("pi", "spark-pi", "org.apache.spark.examples.SparkPi", "[\"8\"]"));

    SparkBatchJob done = operator.awaitPhase("pi", "spark-pi", JobPhase.SUCCEEDED, JOB_LIMIT);

    assertThat(done.getStatus().getAttempt().getExitCode()).isZero();
    assertThat(done.getStatus().getExecutors().getRequested()).isEqualTo(2);
    assertThat(done.getStatus().getExecutors().getSucceeded()).isEqualTo(2);
    assertThat(done.getStatus().getExecutors().getFailed()).isZero();
    String log = driverLog("pi", done);
    Matcher pi = Pattern.compile("Pi is roughly (\\d+\\.\\d+)").matcher(log);
    assertThat(pi.find()).as("driver log:%n%s", log).isTrue();
    assertThat(Double.parseDouble(pi.group(1))).isBetween(3.0, 3.3);
    assertThat(executorsThatRanTasks(log)).as("driver log:%n%s", log).hasSize(2);
  }

  @Test
  void kubectlShowsTheJobAndTheDriversLog(@TempDir Path kubectlHome) {
    operator.createNamespace("looked-at");
    operator.create(job("looked-at", "pi", "org.apache.spark.examples.SparkPi", "[\"4\"]"));
    operator.awaitPhase("looked-at", "pi", JobPhase.SUCCEEDED, JOB_LIMIT);
    Kubectl kubectl = Kubectl.forCluster(spark.cluster(), "looked-at", kubectlHome);

    assertThat(kubectl.run("get", "sbj").stdout()).containsPattern("pi\\s+Succeeded");
    Kubectl.Result logs = kubectl.run("logs", "pi-driver");
    assertThat(logs.exitCode()).as("%s", logs).isZero();
    assertThat(logs.stdout()).contains("Pi is roughly");
  }

  @Test
  void dataFrameJobShufflesAcrossTwoExecutors() {
    operator.createNamespace("frames");
    operator.create(
        job("frames", "word-count", "io.sparkbatch.sparkside.WordCount", "[\"20000\", \"4\"]"));

    SparkBatchJob done = operator.awaitPhase("frames", "word-count", JobPhase.SUCCEEDED, JOB_LIMIT);

    assertThat(done.getStatus().getExecutors().getSucceeded()).isEqualTo(2);
    String log = driverLog("frames", done);
    Map<String, Long> counts = new TreeMap<>();
    Matcher line = Pattern.compile("(?m)^word-count (w\\d+) (\\d+)$").matcher(log);
    while (line.find()) {
      counts.put(line.group(1), Long.parseLong(line.group(2)));
    }
    assertThat(counts).as("driver log:%n%s", log).isEqualTo(expectedWordCounts(20_000));
    assertThat(log).contains("word-count total 40000");
    assertThat(executorsThatRanTasks(log)).as("driver log:%n%s", log).hasSize(2);
  }

  @Test
  void missingMainClassFailsWithTheDriversExitCode() {
    operator.createNamespace("broken");
    operator.create(job("broken", "no-such-class", "com.example.DoesNotExist", "[]"));

    SparkBatchJob done = operator.awaitPhase("broken", "no-such-class", JobPhase.FAILED, JOB_LIMIT);

    // spark-submit's exit code for a main class it cannot load (SparkSubmit, CLASS_NOT_FOUND).
    assertThat(done.getStatus().getAttempt().getExitCode()).isEqualTo(101);
    assertThat(done.getStatus().getReason()).isEqualTo(JobReason.DRIVER_FAILED);
    assertThat(done.getStatus().getMessage()).contains("101");
    assertThat(driverLog("broken", done)).contains("com.example.DoesNotExist");
  }

  @Test
  void lostExecutorIsReplacedBySparkAndTheJobStillSucceeds() {
    operator.createNamespace("lost-executor");
    operator.create(
        job("lost-executor", "long-pi", "org.apache.spark.examples.SparkPi", "[\"400\"]"));
    await().atMost(JOB_LIMIT).until(() -> runningExecutors("lost-executor", "long-pi").size() == 2);
    String lost = runningExecutors("lost-executor", "long-pi").get(0);

    // A node going away: the executor's pod is deleted under the running application.
    operator.client().pods().inNamespace("lost-executor").withName(lost).delete();

    SparkBatchJob done =
        operator.awaitPhase("lost-executor", "long-pi", JobPhase.SUCCEEDED, JOB_LIMIT);
    String log = driverLog("lost-executor", done);
    assertThat(log).contains("Pi is roughly");
    // Spark's own allocator created a third executor pod to replace the lost one, and it ran.
    assertThat(spark.kubelet().log("lost-executor", "long-pi-1-exec-3"))
        .as("driver log:%n%s", log)
        .hasValueSatisfying(exec3 -> assertThat(exec3).contains("Successfully registered"));
    assertThat(done.getStatus().getExecutors().getRequested()).isEqualTo(2);
  }

  @Test
  void deletedDriverIsRetriedAndTheSecondAttemptSucceeds() {
    operator.createNamespace("retried");
    operator.create(
        job(
            "retried",
            "retried-pi",
            "org.apache.spark.examples.SparkPi",
            "[\"20\"]",
            "restartPolicy: {type: OnFailure, onFailureRetries: 1, onFailureRetryInterval: 1}"));
    await().atMost(JOB_LIMIT).until(() -> runningExecutors("retried", "retried-pi").size() == 2);

    // The driver's node is lost: its pod is deleted while the application runs.
    operator.client().pods().inNamespace("retried").withName("retried-pi-driver").delete();

    SparkBatchJob done =
        operator.awaitPhase("retried", "retried-pi", JobPhase.SUCCEEDED, JOB_LIMIT);
    assertThat(done.getStatus().getAttempt().getNumber()).isEqualTo(2);
    assertThat(done.getStatus().getAttempt().getExitCode()).isZero();
    assertThat(driverLog("retried", done)).contains("Pi is roughly");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(operator.events("retried", "retried-pi"))
                    .extracting(e -> e.getReason())
                    .containsSubsequence(
                        "Running", "DriverPodDeleted", "Submitted", "Running", "Succeeded"));
  }

  /** Names of the job's executor pods that are running now. */
  private List<String> runningExecutors(String namespace, String job) {
    return operator
        .client()
        .pods()
        .inNamespace(namespace)
        .withLabel("sparkbatch.io/job-name", job)
        .withLabel("spark-role", "executor")
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  private String driverLog(String namespace, SparkBatchJob job) {
    String pod = job.getStatus().getAttempt().getDriverPodName();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> spark.kubelet().log(namespace, pod).isPresent());
    return spark.kubelet().log(namespace, pod).orElseThrow();
  }

  /** Executor ids Spark's driver logged finishing tasks on ("... on 127.0.10.N (executor 1)"). */
  private static java.util.Set<String> executorsThatRanTasks(String log) {
    Matcher finished = Pattern.compile("Finished task .* \\(executor (\\d+)\\)").matcher(log);
    java.util.Set<String> executors = new java.util.TreeSet<>();
    while (finished.find()) {
      executors.add(finished.group(1));
    }
    return executors;
  }

  /** Line i holds "w(i mod 7) w(i mod 11)" (see WordCount in src/spark). */
  private static Map<String, Long> expectedWordCounts(int lines) {
    Map<String, Long> counts = new TreeMap<>();
    for (int i = 0; i < lines; i++) {
      counts.merge("w" + (i % 7), 1L, Long::sum);
      counts.merge("w" + (i % 11), 1L, Long::sum);
    }
    return counts;
  }

  private static SparkBatchJob job(String namespace, String name, String mainClass, String args) {
    return job(namespace, name, mainClass, args, "");
  }

  private static SparkBatchJob job(
      String namespace, String name, String mainClass, String args, String restartPolicy) {
    String yaml =
        """
        apiVersion: sparkbatch.io/v1alpha1
        kind: SparkBatchJob
        metadata:
          name: %s
          namespace: %s
        spec:
          type: Scala
          image: apache/spark:4.1.1
          sparkVersion: "4.1.1"
          mainApplicationFile: local:///opt/spark/examples/jars/spark-examples_2.13-4.1.1.jar
          mainClass: %s
          arguments: %s
          sparkConf:
            spark.ui.showConsoleProgress: "false"
          driver:
            cores: 1
            memory: 512m
          executor:
            instances: 2
            cores: 1
            memory: 512m
          %s
        """
            .formatted(name, namespace, mainClass, args, restartPolicy);
    return Serialization.unmarshal(yaml, SparkBatchJob.class);
  }
}
