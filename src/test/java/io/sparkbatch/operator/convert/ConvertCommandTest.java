package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The convert command as users run it: exit codes, stdout and stderr. */
class ConvertCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return runWithStdin("", args);
  }

  private int runWithStdin(String stdin, String... args) {
    return ConvertCommand.run(
        args,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String fixture(String name) {
    return ConvertFixtures.DIR.resolve(name).toString();
  }

  @Test
  void printsCleanYamlAndSaysWhatItDetected() {
    int code = run(fixture("spark-submit/daily-orders.sh"));

    assertThat(code).isZero();
    assertThat(out())
        .startsWith(
            "apiVersion: sparkbatch.io/v1alpha1\nkind: SparkBatchJob\nmetadata:\n  name: daily-orders\n")
        .doesNotContain("null")
        .doesNotContain("status")
        .doesNotContain("---")
        .contains("  - \"2024-06-30\"\n");
    assertThat(err())
        .startsWith("detected --from spark-submit: a command line\n")
        .contains("warning: spark.master (line 4): the operator runs the driver");
  }

  @Test
  void readsStdinAndFillsNameNamespaceAndImage() {
    int code =
        runWithStdin(
            ConvertFixtures.read("emr/start-job-run.json"),
            "--from",
            "emr-job-run",
            "--name",
            "orders-nightly",
            "--namespace",
            "data-jobs",
            "--image",
            "apache/spark:3.5.1",
            "-");

    assertThat(code).isZero();
    assertThat(out())
        .contains("  name: orders-nightly\n  namespace: data-jobs\n")
        .contains("  image: apache/spark:3.5.1\n");
    assertThat(err())
        .doesNotContain("detected")
        .doesNotContain("warning: spec.image")
        .doesNotContain("warning: virtualClusterId")
        .contains("warning: executionRoleArn: EMR assumed this IAM role");
  }

  @Test
  void detectsEachFormat() {
    assertThat(run(fixture("kubeflow/scheduled.yaml"))).isZero();
    assertThat(run(fixture("emr/step.json"))).isZero();
    assertThat(run(fixture("emr/steps-cli.json"))).isZero();
    assertThat(run(fixture("spark-submit/airflow-arguments.py"))).isZero();

    assertThat(err())
        .contains("detected --from kubeflow: a kubeflow ScheduledSparkApplication")
        .contains("detected --from emr-step: an EMR step")
        .contains("detected --from spark-submit: a list of strings (Airflow's arguments)");
  }

  @Test
  void unparseableInputExitsOneNamingTheLine() {
    int code = runWithStdin("spark-submit \\\n  --conf spark.executor.memory \\\n  app.jar\n", "-");

    assertThat(code).isEqualTo(1);
    assertThat(out()).isEmpty();
    assertThat(err())
        .endsWith(
            "error: line 2: --conf needs key=value, got 'spark.executor.memory'"
                + " (spark-submit rejects it too)\n");
  }

  @Test
  void unparseableStructuredInputExitsOneNamingTheField() {
    int code =
        runWithStdin(
            "{\"jobDriver\": {\"sparkSubmitJobDriver\": {\"entryPointArguments\": []}}}",
            "--from",
            "emr-job-run",
            "-");

    assertThat(code).isEqualTo(1);
    assertThat(err()).isEqualTo("error: jobDriver.sparkSubmitJobDriver.entryPoint: missing\n");
  }

  @Test
  void unknownStructuredInputAsksForFrom() {
    assertThat(runWithStdin("{\"hello\": \"world\"}", "-")).isEqualTo(1);
    assertThat(err()).contains("name the format with --from");
  }

  @Test
  void aMissingFileExitsOne() {
    assertThat(run(fixture("nope.sh"))).isEqualTo(1);
    assertThat(err()).startsWith("error: cannot read ");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("--from", "airflow", "x.sh")).isEqualTo(2);
    assertThat(err()).contains("unknown format 'airflow'");
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void anInvalidNameIsRefused() {
    assertThat(runWithStdin("spark-submit app.jar", "--name", "Not_Valid", "-")).isEqualTo(1);
    assertThat(err()).contains("error: --name: 'Not_Valid' is not a Kubernetes name");
  }

  @Test
  void helpListsTheFormatsAndExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out())
        .contains("spark-submit, emr-job-run, emr-step or kubeflow")
        .contains("Exit codes:");
  }
}
