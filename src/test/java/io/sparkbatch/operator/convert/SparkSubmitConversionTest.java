package io.sparkbatch.operator.convert;

import static io.sparkbatch.operator.convert.ConvertFixtures.warning;
import static io.sparkbatch.operator.convert.ConvertFixtures.warningFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import org.junit.jupiter.api.Test;

/** Real command lines, as people ran them from Airflow before moving to the operator. */
class SparkSubmitConversionTest {

  @Test
  void theCommandLineOfContextMdWithItsPlaceholders() {
    Conversion conversion = ConvertFixtures.convert("spark-submit/context-md.sh");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("name");
    assertThat(spec.getMainClass()).isEqualTo("MAIN_CLASS");
    assertThat(spec.getMainApplicationFile()).isEqualTo("local:///opt/spark/jars/app-assembly.jar");
    assertThat(spec.getArguments()).containsExactly("ARGS...");
    assertThat(spec.getImage()).isEqualTo("REPO/IMAGE:TAG");
    assertThat(spec.getDriver().getServiceAccount()).isEqualTo("spark");
    // "..." is no size or count: Spark would reject it, so it stays where Spark reads it.
    assertThat(spec.getSparkConf())
        .containsEntry("spark.driver.memory", "...")
        .containsEntry("spark.executor.instances", "...")
        .containsEntry("spark.app.name", "NAME");
    assertThat(warning(conversion, "spark.executor.memory")).contains("not a memory size");
    assertThat(warning(conversion, "spark.master")).contains("no master URL is needed");
  }

  @Test
  void aProductionCommandLineBecomesTypedFields() {
    Conversion conversion = ConvertFixtures.convert("spark-submit/daily-orders.sh");
    SparkBatchJob job = conversion.job();
    SparkBatchJobSpec spec = job.getSpec();

    assertThat(job.getMetadata().getName()).isEqualTo("daily-orders");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("data-jobs");
    assertThat(spec.getType()).isEqualTo(ApplicationType.SCALA);
    assertThat(spec.getMode()).isEqualTo("cluster");
    assertThat(spec.getMainClass()).isEqualTo("com.example.orders.DailyOrders");
    assertThat(spec.getArguments())
        .containsExactly("--date", "2024-06-30", "--output", "s3a://acme-lake/orders/daily/");
    assertThat(spec.getImage()).endsWith("/spark-jobs:3.5.1-orders42");
    assertThat(spec.getDriver().getMemory()).isEqualTo("4g");
    assertThat(spec.getDriver().getJavaOptions()).isEqualTo("-XX:+UseG1GC -Duser.timezone=UTC");
    assertThat(spec.getDriver().getServiceAccount()).isEqualTo("spark");
    assertThat(spec.getDriver().getLabels()).containsExactly(entry("team", "orders"));
    assertThat(spec.getDriver().getNodeSelector()).containsExactly(entry("workload", "spark"));
    assertThat(spec.getExecutor().getInstances()).isEqualTo(6);
    assertThat(spec.getExecutor().getMemory()).isEqualTo("8g");
    assertThat(spec.getExecutor().getCores()).isEqualTo(4);
    assertThat(spec.getExecutor().getNodeSelector())
        .containsExactly(entry("workload", "spark"), entry("capacity", "spot"));
    assertThat(spec.getDeps().getPackages()).containsExactly("org.apache.hadoop:hadoop-aws:3.3.4");
    assertThat(spec.getHadoopConf())
        .containsExactly(
            entry(
                "fs.s3a.aws.credentials.provider",
                "com.amazonaws.auth.WebIdentityTokenCredentialsProvider"));
    assertThat(spec.getSparkConf())
        .containsExactly(
            entry("spark.sql.shuffle.partitions", "400"),
            entry("spark.sql.adaptive.enabled", "true"));
    assertThat(warningFields(conversion)).containsExactly("spark.master (line 4)");
  }

  @Test
  void airflowsArgumentListConvertsLikeTheShellForm() {
    Conversion conversion = ConvertFixtures.convert("spark-submit/airflow-arguments.py");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("daily-orders");
    assertThat(spec.getImage())
        .isEqualTo("123456789012.dkr.ecr.eu-west-1.amazonaws.com/spark-jobs:3.5.1-orders42");
    assertThat(spec.getArguments()).containsExactly("--date", "{{ ds }}");
    assertThat(spec.getDynamicAllocation().getEnabled()).isTrue();
    assertThat(spec.getDynamicAllocation().getMaxExecutors()).isEqualTo(20);
    assertThat(spec.getSparkConf()).isNull();
    assertThat(warningFields(conversion)).containsExactly("spark.master (line 2)");
  }

  @Test
  void aPropertiesFileIsReadBesideTheInput() {
    Conversion conversion = ConvertFixtures.convert("spark-submit/with-properties.sh");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(spec.getType()).isEqualTo(ApplicationType.PYTHON);
    assertThat(spec.getExecutor().getMemory()).isEqualTo("12g");
    assertThat(spec.getExecutor().getInstances()).isEqualTo(3);
    assertThat(spec.getImage()).isEqualTo("registry.example.com/etl:2.1");
    assertThat(spec.getSparkConf()).containsEntry("spark.eventLog.enabled", "true");
    assertThat(conversion.job().getMetadata().getName()).isEqualTo("etl");
    assertThat(warning(conversion, "metadata.name")).contains("pass --name");
  }

  @Test
  void theExpectedConfIsWhatSparkSubmitWouldHaveSetMinusWhatIsNotCarried() {
    Conversion conversion = ConvertFixtures.convert("spark-submit/daily-orders.sh");

    assertThat(conversion.sourceConf())
        .containsEntry("spark.master", "k8s://https://ABCD1234EF.gr7.eu-west-1.eks.amazonaws.com")
        .containsEntry("spark.jars.packages", "org.apache.hadoop:hadoop-aws:3.3.4");
    assertThat(conversion.uncarriedKeys()).containsExactly("spark.master");
    assertThat(conversion.expectedSparkConf())
        .doesNotContainKey("spark.master")
        .containsEntry("spark.submit.deployMode", "cluster")
        .containsEntry("spark.app.name", "daily-orders")
        .containsEntry("spark.kubernetes.namespace", "data-jobs")
        .containsEntry("spark.executor.instances", "6")
        .containsEntry("spark.kubernetes.node.selector.workload", "spark")
        .containsEntry("spark.kubernetes.executor.node.selector.capacity", "spot")
        .containsEntry(
            "spark.hadoop.fs.s3a.aws.credentials.provider",
            "com.amazonaws.auth.WebIdentityTokenCredentialsProvider")
        .containsEntry("spark.sql.shuffle.partitions", "400")
        .hasSize(conversion.sourceConf().size() - 1);
  }

  @Test
  void clientModeYarnAndSubmissionSettingsAreDroppedWithAdvice() {
    Conversion conversion =
        ConvertFixtures.convert(
            SourceFormat.SPARK_SUBMIT,
            "SPARK_HOME=/opt/spark spark-submit --master yarn --deploy-mode client \\\n"
                + " --queue etl --total-executor-cores 40 \\\n"
                + " --conf spark.kubernetes.file.upload.path=s3a://tmp/upload \\\n"
                + " --conf spark.kubernetes.submission.waitAppCompletion=false \\\n"
                + " --conf spark.yarn.submit.waitAppCompletion=false \\\n"
                + " --conf fs.s3a.endpoint=minio:9000 \\\n"
                + " --conf spark.hadoop.fs.s3a.secret.key=hunter2 \\\n"
                + " /home/etl/jobs/report.py $RUN_DATE");

    assertThat(conversion.job().getSpec().getMode()).isNull();
    assertThat(warning(conversion, "spark.submit.deployMode (line 1)")).contains("cluster mode");
    assertThat(warning(conversion, "spark.yarn.queue (line 2)")).contains("ResourceQuota");
    assertThat(warning(conversion, "spark.cores.max (line 2)")).contains("spec.executor.instances");
    assertThat(warning(conversion, "spark.kubernetes.file.upload.path"))
        .contains("does not upload");
    assertThat(warning(conversion, "spark.kubernetes.submission.waitAppCompletion"))
        .contains("spark-submit's client");
    assertThat(warning(conversion, "spark.yarn.submit.waitAppCompletion")).contains("YARN");
    assertThat(warning(conversion, "fs.s3a.endpoint (line 6)"))
        .contains("spark.hadoop.fs.s3a.endpoint");
    assertThat(warning(conversion, "spark.hadoop.fs.s3a.secret.key")).contains("Secret");
    assertThat(warning(conversion, "line 1")).contains("SPARK_HOME");
    assertThat(warning(conversion, "line 8")).contains("shell variable");
    assertThat(warning(conversion, "spec.mainApplicationFile"))
        .contains("machine that ran spark-submit");
    assertThat(conversion.uncarriedKeys())
        .containsExactlyInAnyOrder(
            "spark.master",
            "spark.submit.deployMode",
            "spark.yarn.queue",
            "spark.cores.max",
            "spark.kubernetes.file.upload.path",
            "spark.kubernetes.submission.waitAppCompletion",
            "spark.yarn.submit.waitAppCompletion");
  }

  @Test
  void anAirflowPodRunningTheDriverInClientModeLosesItsDriverAddress() {
    Conversion conversion =
        ConvertFixtures.convert(
            SourceFormat.SPARK_SUBMIT,
            "spark-submit --master k8s://https://kubernetes.default.svc \\\n"
                + " --conf spark.driver.host=10.0.3.17 --conf spark.driver.port=35000 \\\n"
                + " --conf spark.kubernetes.container.image=apache/spark:3.5.1 local:///a.py");

    assertThat(conversion.job().getSpec().getSparkConf()).isNull();
    assertThat(warning(conversion, "--deploy-mode")).contains("client mode");
    assertThat(warning(conversion, "spark.driver.host (line 2)")).contains("driver's Service");
    assertThat(warning(conversion, "spark.driver.port (line 2)")).contains("7078");
    assertThat(conversion.uncarriedKeys())
        .containsExactlyInAnyOrder("spark.master", "spark.driver.host", "spark.driver.port");
  }

  @Test
  void aNameKubernetesRejectsIsCleanedAndTheOriginalKeptForTheSparkUi() {
    Conversion conversion =
        ConvertFixtures.convert(
            SourceFormat.SPARK_SUBMIT, "spark-submit --name 'Orders Rollup (EU)' app.jar");

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("orders-rollup-eu");
    assertThat(conversion.job().getSpec().getSparkConf())
        .containsEntry("spark.app.name", "Orders Rollup (EU)");
    assertThat(warning(conversion, "spark.app.name")).contains("'orders-rollup-eu'");
  }

  @Test
  void aLineWithoutItsBackslashIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.SPARK_SUBMIT,
                    "spark-submit --class A\n  --conf spark.executor.instances=2 app.jar"))
        .isInstanceOf(ConversionException.class)
        .hasMessageStartingWith("line 2: continues the spark-submit command");
  }

  @Test
  void noApplicationIsAnError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConvertFixtures.convert(SourceFormat.SPARK_SUBMIT, "spark-submit --class A"))
        .hasMessageStartingWith("spark-submit: no application resource");
  }
}
