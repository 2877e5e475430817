package io.sparkbatch.operator.convert;

import static io.sparkbatch.operator.convert.ConvertFixtures.warning;
import static io.sparkbatch.operator.convert.ConvertFixtures.warningFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.RestartPolicyType;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import org.junit.jupiter.api.Test;

/** EMR on EKS job runs and EMR steps. */
class EmrConversionTest {

  @Test
  void aStartJobRunRequestWithClassificationsAndARetryPolicy() {
    Conversion conversion = ConvertFixtures.convert("emr/start-job-run.json");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("daily-orders");
    assertThat(spec.getType()).isEqualTo(ApplicationType.PYTHON);
    assertThat(spec.getMainApplicationFile()).isEqualTo("s3://acme-artifacts/jobs/daily_orders.py");
    assertThat(spec.getArguments()).containsExactly("--date", "2024-06-30");
    // sparkSubmitParameters' --conf wins over the spark-defaults classification.
    assertThat(spec.getExecutor().getInstances()).isEqualTo(4);
    assertThat(spec.getExecutor().getMemory()).isEqualTo("8G");
    assertThat(spec.getDriver().getCores()).isEqualTo(2);
    assertThat(spec.getDriver().getMemory()).isEqualTo("4G");
    assertThat(spec.getDeps().getPyFiles())
        .containsExactly("s3://acme-artifacts/jobs/orders_lib.zip");
    assertThat(spec.getDynamicAllocation().getEnabled()).isTrue();
    assertThat(spec.getDynamicAllocation().getMaxExecutors()).isEqualTo(20);
    assertThat(spec.getSparkConf()).containsExactly(entry("spark.sql.adaptive.enabled", "true"));
    assertThat(spec.getHadoopConf()).containsOnlyKeys("hive.metastore.client.factory.class");
    assertThat(spec.getDriver().getEnv())
        .containsExactly(new EnvVar("PYSPARK_PYTHON", "/usr/bin/python3", null));
    assertThat(spec.getExecutor().getEnv()).isEqualTo(spec.getDriver().getEnv());
    // maxAttempts counts the first attempt.
    assertThat(spec.getRestartPolicy().getType()).isEqualTo(RestartPolicyType.ON_FAILURE);
    assertThat(spec.getRestartPolicy().getOnFailureRetries()).isEqualTo(2);

    assertThat(warning(conversion, "executionRoleArn"))
        .contains("eks.amazonaws.com/role-arn=arn:aws:iam::123456789012:role/emr-eks-orders-job")
        .contains("spec.driver.serviceAccount");
    assertThat(warning(conversion, "releaseLabel"))
        .contains("emr-6.15.0-latest")
        .contains("--image");
    assertThat(
            warning(
                conversion,
                "configurationOverrides.monitoringConfiguration.cloudWatchMonitoringConfiguration"))
        .contains("log collection")
        .contains("Prometheus");
    assertThat(
            warning(
                conversion,
                "configurationOverrides.monitoringConfiguration.s3MonitoringConfiguration"))
        .contains("spark.eventLog.dir");
    assertThat(
            warning(conversion, "configurationOverrides.monitoringConfiguration.persistentAppUI"))
        .contains("port-forward");
    assertThat(
            warning(conversion, "configurationOverrides.applicationConfiguration[2] spark-log4j"))
        .contains("log4j2.properties");
    assertThat(warning(conversion, "spark.hadoop.hive.metastore.client.factory.class"))
        .contains("Glue");
    assertThat(warning(conversion, "virtualClusterId")).contains("--namespace");
    assertThat(warning(conversion, "tags")).contains("labels");
    assertThat(warning(conversion, "spec.image")).contains("--image");
    assertThat(warning(conversion, "spec.mainApplicationFile")).contains("s3a://");
    assertThat(warning(conversion, "spec.deps.pyFiles")).contains("s3a://");
    assertThat(conversion.warnings()).hasSize(12);
  }

  @Test
  void theJobRunsExpectedConfLayersSparkDefaultsUnderItsParameters() {
    Conversion conversion = ConvertFixtures.convert("emr/start-job-run.json");

    assertThat(conversion.expectedSparkConf())
        .containsEntry("spark.executor.instances", "4")
        .containsEntry("spark.driver.memory", "4G")
        .containsEntry("spark.submit.pyFiles", "s3://acme-artifacts/jobs/orders_lib.zip")
        .containsEntry("spark.executorEnv.PYSPARK_PYTHON", "/usr/bin/python3")
        .containsEntry("spark.dynamicAllocation.maxExecutors", "20");
    assertThat(conversion.uncarriedKeys()).isEmpty();
  }

  @Test
  void oneAttemptMeansNoRestartPolicy() {
    Conversion conversion =
        ConvertFixtures.convert(
            SourceFormat.EMR_JOB_RUN,
            "{\"jobDriver\": {\"sparkSubmitJobDriver\": {\"entryPoint\": \"local:///opt/app/job.py\"}},"
                + " \"retryPolicyConfiguration\": {\"maxAttempts\": 1}}");

    assertThat(conversion.job().getSpec().getRestartPolicy()).isNull();
    assertThat(conversion.job().getMetadata().getName()).isEqualTo("job");
  }

  @Test
  void jobRunsTheConverterCannotReadAreErrorsNamingTheField() {
    assertThatThrownBy(() -> ConvertFixtures.convert(SourceFormat.EMR_JOB_RUN, "{\"name\": \"x\"}"))
        .isInstanceOf(ConversionException.class)
        .hasMessageStartingWith("jobDriver: missing");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.EMR_JOB_RUN,
                    "{\"jobDriver\": {\"sparkSqlJobDriver\": {\"entryPoint\": \"q.sql\"}}}"))
        .hasMessageStartingWith("jobDriver.sparkSqlJobDriver: Spark SQL jobs are not supported");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.EMR_JOB_RUN,
                    "{\"jobDriver\": {\"sparkSubmitJobDriver\": {\"entryPoint\": \"a.py\","
                        + " \"sparkSubmitParameters\": \"--conf spark.a=1 extra.py\"}}}"))
        .hasMessageStartingWith(
            "jobDriver.sparkSubmitJobDriver.sparkSubmitParameters: unexpected argument 'extra.py'");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.EMR_JOB_RUN,
                    "{\"jobDriver\": {\"sparkSubmitJobDriver\": {\"entryPoint\": \"a.py\"}},"
                        + " \"retryPolicyConfiguration\": {\"maxAttempts\": \"three\"}}"))
        .hasMessage("retryPolicyConfiguration.maxAttempts: expected a whole number, got 'three'");
    assertThatThrownBy(() -> ConvertFixtures.convert(SourceFormat.EMR_JOB_RUN, "{\"name\": \n"))
        .hasMessageStartingWith("line 2, column 1:");
  }

  @Test
  void anEmrStepRunningSparkSubmitOnYarn() {
    Conversion conversion = ConvertFixtures.convert("emr/step.json");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("daily-orders");
    assertThat(spec.getMainClass()).isEqualTo("com.example.orders.DailyOrders");
    assertThat(spec.getArguments()).containsExactly("--date", "2024-06-30");
    assertThat(spec.getExecutor().getInstances()).isEqualTo(10);
    assertThat(spec.getExecutor().getMemory()).isEqualTo("6g");
    assertThat(spec.getExecutor().getCores()).isEqualTo(3);
    assertThat(spec.getExecutor().getMemoryOverhead()).isEqualTo("1024");
    assertThat(spec.getDriver().getMemory()).isEqualTo("2g");
    assertThat(spec.getDriver().getEnv()).containsExactly(new EnvVar("ENVIRONMENT", "prod", null));
    assertThat(spec.getRestartPolicy().getOnFailureRetries()).isEqualTo(1);
    assertThat(spec.getDeps().getJars())
        .containsExactly("s3://acme-artifacts/lib/postgresql-42.7.3.jar");
    assertThat(spec.getSparkConf()).containsExactly(entry("spark.sql.shuffle.partitions", "400"));

    assertThat(warning(conversion, "spark.master (HadoopJarStep.Args[3])")).contains("'yarn'");
    assertThat(warning(conversion, "spark.yarn.maxAppAttempts")).contains("onFailureRetries 1");
    assertThat(warning(conversion, "spark.yarn.appMasterEnv.ENVIRONMENT"))
        .contains("spec.driver.env");
    assertThat(warning(conversion, "spark.yarn.executor.memoryOverhead"))
        .contains("spec.executor.memoryOverhead");
    assertThat(warning(conversion, "spark.shuffle.service.enabled")).contains("shuffle tracking");
    assertThat(warning(conversion, "ActionOnFailure")).contains("CONTINUE");
    assertThat(warning(conversion, "spark.dynamicAllocation.enabled")).contains("on by default");
    assertThat(warning(conversion, "spec.deps.jars")).contains("EMRFS");
    assertThat(conversion.uncarriedKeys())
        .containsExactlyInAnyOrder(
            "spark.master",
            "spark.yarn.maxAppAttempts",
            "spark.yarn.appMasterEnv.ENVIRONMENT",
            "spark.yarn.executor.memoryOverhead",
            "spark.shuffle.service.enabled");
  }

  @Test
  void theCliFormOfASparkStep() {
    Conversion conversion = ConvertFixtures.convert("emr/steps-cli.json");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("customer-churn-model");
    assertThat(spec.getType()).isEqualTo(ApplicationType.PYTHON);
    assertThat(spec.getDeps().getPyFiles())
        .containsExactly("s3a://acme-artifacts/churn/features.zip");
    assertThat(spec.getExecutor().getMemory()).isEqualTo("10g");
    assertThat(warningFields(conversion))
        .containsExactly("[0].ActionOnFailure", "spark.dynamicAllocation.enabled", "spec.image");
  }

  @Test
  void whatTheAwsCliPrintsAboutPastRunsConvertsToo() {
    String describeJobRun =
        "{\"jobRun\": {\"id\": \"00000003abc\", \"name\": \"nightly\", \"state\": \"COMPLETED\","
            + " \"arn\": \"arn:aws:emr-containers:eu-west-1:123456789012:/virtualclusters/x/jobruns/y\","
            + " \"jobDriver\": {\"sparkSubmitJobDriver\": {\"entryPoint\": \"local:///opt/app/n.py\"}},"
            + " \"createdAt\": \"2024-06-30T02:00:00Z\", \"finishedAt\": \"2024-06-30T02:40:00Z\"}}";
    String describeStep =
        "{\"Step\": {\"Id\": \"s-2ABC\", \"Name\": \"nightly\", \"ActionOnFailure\": \"CONTINUE\","
            + " \"Status\": {\"State\": \"COMPLETED\"}, \"Config\": {\"Jar\": \"command-runner.jar\","
            + " \"Properties\": {}, \"Args\": [\"spark-submit\", \"--class\", \"A\","
            + " \"local:///opt/app/a.jar\"]}}}";

    Conversion run =
        ConvertFixtures.convert(SourceFormat.detect(describeJobRun).format(), describeJobRun);
    Conversion step =
        ConvertFixtures.convert(SourceFormat.detect(describeStep).format(), describeStep);

    assertThat(run.job().getMetadata().getName()).isEqualTo("nightly");
    assertThat(warningFields(run)).containsExactly("spec.image");
    assertThat(step.job().getSpec().getMainClass()).isEqualTo("A");
    assertThat(warningFields(step))
        .containsExactly("Step.ActionOnFailure", "spark.dynamicAllocation.enabled", "spec.image");
  }

  @Test
  void theCliCustomJarFormOfACommandRunnerStep() {
    Conversion conversion =
        ConvertFixtures.convert(
            SourceFormat.EMR_STEP,
            "[{\"Type\": \"CUSTOM_JAR\", \"Name\": \"rollup\", \"Jar\": \"command-runner.jar\","
                + " \"Args\": [\"spark-submit\", \"--class\", \"A\", \"s3a://b/a.jar\"]}]");

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("rollup");
    assertThat(conversion.job().getSpec().getMainClass()).isEqualTo("A");
  }

  @Test
  void stepsTheConverterCannotReadAreErrorsNamingTheField() {
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.EMR_STEP,
                    "{\"Steps\": [{\"Type\": \"Spark\", \"Args\": [\"a.py\"]},"
                        + " {\"Type\": \"Spark\", \"Args\": [\"b.py\"]}]}"))
        .isInstanceOf(ConversionException.class)
        .hasMessageStartingWith("Steps: 2 steps: convert one at a time");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.EMR_STEP,
                    "{\"HadoopJarStep\": {\"Jar\": \"s3://bucket/custom.jar\", \"Args\": []}}"))
        .hasMessageStartingWith(
            "HadoopJarStep.Jar: 's3://bucket/custom.jar' is not command-runner.jar");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.EMR_STEP,
                    "{\"HadoopJarStep\": {\"Jar\": \"command-runner.jar\","
                        + " \"Args\": [\"hive-script\", \"--run-hive-script\"]}}"))
        .hasMessageStartingWith("HadoopJarStep.Args[0]: 'hive-script' is not spark-submit");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.EMR_STEP,
                    "{\"HadoopJarStep\": {\"Jar\": \"command-runner.jar\","
                        + " \"Args\": [\"spark-submit\", \"--num-executors\"]}}"))
        .hasMessage("HadoopJarStep.Args[1]: --num-executors needs a value");
  }
}
