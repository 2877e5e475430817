package io.sparkbatch.operator.convert;

import static io.sparkbatch.operator.convert.ConvertFixtures.warning;
import static io.sparkbatch.operator.convert.ConvertFixtures.warningFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.RestartPolicyType;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import org.junit.jupiter.api.Test;

/** kubeflow SparkApplications in the shapes of the kubeflow/spark-operator examples. */
class KubeflowConversionTest {

  @Test
  void sparkPiCarriesOverFieldForField() {
    Conversion conversion = ConvertFixtures.convert("kubeflow/spark-pi.yaml");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("spark-pi");
    assertThat(conversion.job().getMetadata().getNamespace()).isEqualTo("spark-jobs");
    assertThat(conversion.job().getMetadata().getLabels())
        .containsExactly(entry("app.kubernetes.io/part-of", "examples"));
    assertThat(conversion.job().getMetadata().getAnnotations()).isNull();
    assertThat(spec.getType()).isEqualTo(ApplicationType.SCALA);
    assertThat(spec.getMode()).isEqualTo("cluster");
    assertThat(spec.getImage()).isEqualTo("apache/spark:3.5.1");
    assertThat(spec.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(spec.getMainClass()).isEqualTo("org.apache.spark.examples.SparkPi");
    assertThat(spec.getArguments()).containsExactly("1000");
    assertThat(spec.getSparkVersion()).isEqualTo("3.5.1");
    assertThat(spec.getRestartPolicy().getType()).isEqualTo(RestartPolicyType.NEVER);
    assertThat(spec.getDriver().getCores()).isEqualTo(1);
    assertThat(spec.getDriver().getCoreLimit()).isEqualTo("1200m");
    assertThat(spec.getDriver().getMemory()).isEqualTo("512m");
    assertThat(spec.getDriver().getServiceAccount()).isEqualTo("spark-operator-spark");
    assertThat(spec.getDriver().getLabels()).containsExactly(entry("version", "3.5.1"));
    assertThat(spec.getExecutor().getInstances()).isEqualTo(2);
    assertThat(conversion.warnings()).isEmpty();
  }

  @Test
  void pySparkWithDependenciesAndConf() {
    Conversion conversion = ConvertFixtures.convert("kubeflow/pyspark.yaml");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(spec.getType()).isEqualTo(ApplicationType.PYTHON);
    assertThat(spec.getArguments()).containsExactly("--snapshot", "2024-06-30");
    assertThat(spec.getImagePullSecrets()).containsExactly("registry-credentials");
    assertThat(spec.getDeps().getPyFiles())
        .containsExactly("s3a://acme-artifacts/churn/churnlib.zip");
    assertThat(spec.getDeps().getPackages()).containsExactly("org.apache.hadoop:hadoop-aws:3.3.4");
    assertThat(spec.getSparkConf())
        .containsExactly(
            entry("spark.sql.session.timeZone", "UTC"),
            entry("spark.eventLog.enabled", "true"),
            entry("spark.eventLog.dir", "s3a://acme-logs/spark-events"));
    assertThat(spec.getHadoopConf())
        .containsExactly(entry("fs.s3a.endpoint", "s3.eu-west-1.amazonaws.com"));
    assertThat(spec.getDriver().getEnv())
        .singleElement()
        .satisfies(
            e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("MODEL_STAGE=production"));
    assertThat(spec.getExecutor().getMemoryOverhead()).isEqualTo("2g");
    assertThat(warningFields(conversion)).containsExactly("spec.pythonVersion");
  }

  @Test
  void volumesConfigMapsSecretsAndSelectors() {
    Conversion conversion = ConvertFixtures.convert("kubeflow/volumes.yaml");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(spec.getVolumes())
        .extracting(Volume::getName)
        .containsExactly(
            "spark-local-dir-1", "checkpoints", "sessionize-config-vol", "gcp-sa-volume");
    assertThat(spec.getVolumes().get(0).getEmptyDir().getSizeLimit())
        .isEqualTo(new Quantity("50Gi"));
    assertThat(spec.getVolumes().get(2).getConfigMap().getName()).isEqualTo("sessionize-config");
    assertThat(spec.getVolumes().get(3).getSecret().getSecretName()).isEqualTo("gcp-sa");
    assertThat(spec.getDriver().getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .containsExactly("/checkpoints", "/etc/sessionize", "/var/secrets/gcp");
    assertThat(spec.getExecutor().getVolumeMounts())
        .extracting(VolumeMount::getName)
        .containsExactly("spark-local-dir-1", "sessionize-config-vol");
    assertThat(spec.getDriver().getEnv())
        .extracting(e -> e.getName())
        .containsExactly("DB_PASSWORD", "GOOGLE_APPLICATION_CREDENTIALS");
    assertThat(spec.getDriver().getEnv().get(0).getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("analytics-db");
    assertThat(spec.getDriver().getEnv().get(1).getValue()).isEqualTo("/var/secrets/gcp/key.json");
    // The application's nodeSelector applies to both roles; a role's own wins.
    assertThat(spec.getDriver().getNodeSelector())
        .containsExactly(entry("workload", "spark"), entry("capacity", "on-demand"));
    assertThat(spec.getExecutor().getNodeSelector()).containsExactly(entry("workload", "spark"));
    assertThat(spec.getExecutor().getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
    assertThat(conversion.warnings()).isEmpty();
  }

  @Test
  void retriesDynamicAllocationAndTimeToLive() {
    Conversion conversion = ConvertFixtures.convert("kubeflow/retries.yaml");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(spec.getType()).isEqualTo(ApplicationType.JAVA);
    assertThat(spec.getRestartPolicy().getType()).isEqualTo(RestartPolicyType.ON_FAILURE);
    assertThat(spec.getRestartPolicy().getOnFailureRetries()).isEqualTo(3);
    assertThat(spec.getRestartPolicy().getOnFailureRetryInterval()).isEqualTo(10L);
    assertThat(spec.getRestartPolicy().getOnSubmissionFailureRetries()).isEqualTo(5);
    assertThat(spec.getTimeToLiveSeconds()).isEqualTo(3600L);
    assertThat(spec.getDynamicAllocation().getMinExecutors()).isEqualTo(1);
    assertThat(spec.getDynamicAllocation().getMaxExecutors()).isEqualTo(30);
    assertThat(spec.getSparkConf())
        .containsEntry("spark.dynamicAllocation.shuffleTracking.timeout", "600000")
        .containsEntry("spark.kubernetes.memoryOverheadFactor", "0.2");
    assertThat(spec.getDriver().getCoreRequest()).isEqualTo("500m");
    assertThat(spec.getDriver().getJavaOptions()).isEqualTo("-XX:+UseG1GC");
    assertThat(spec.getExecutor().getCoreRequest()).isEqualTo("1.5");
    assertThat(spec.getExecutor().getDeleteOnTermination()).isFalse();
    assertThat(warning(conversion, "spec.restartPolicy.onSubmissionFailureRetries"))
        .contains("failed attempt");
    assertThat(warning(conversion, "spec.restartPolicy")).contains("doubles the wait");
  }

  @Test
  void retriesWithTypeNeverAreDroppedAndTheOldRetryFieldsBecomeARestartPolicy() {
    String app =
        "apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata: {name: a}\n"
            + "spec:\n  type: Python\n  mainApplicationFile: local:///a.py\n";
    Conversion never =
        ConvertFixtures.convert(
            SourceFormat.KUBEFLOW, app + "  restartPolicy: {type: Never, onFailureRetries: 2}\n");
    Conversion legacy =
        ConvertFixtures.convert(
            SourceFormat.KUBEFLOW, app + "  failureRetries: 4\n  retryInterval: 30\n");

    assertThat(never.job().getSpec().getRestartPolicy().getOnFailureRetries()).isNull();
    assertThat(warning(never, "spec.restartPolicy.onFailureRetries")).contains("dropped");
    assertThat(legacy.job().getSpec().getRestartPolicy().getOnFailureRetries()).isEqualTo(4);
    assertThat(legacy.job().getSpec().getRestartPolicy().getOnFailureRetryInterval())
        .isEqualTo(30L);
    assertThat(warning(legacy, "spec.failureRetries")).contains("restartPolicy OnFailure");
  }

  @Test
  void aScheduledApplicationConvertsItsTemplateAndReportsTheSchedule() {
    Conversion conversion = ConvertFixtures.convert("kubeflow/scheduled.yaml");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    assertThat(conversion.job().getMetadata().getName()).isEqualTo("hourly-rollup");
    assertThat(spec.getMainClass()).isEqualTo("com.example.analytics.HourlyRollup");
    assertThat(spec.getExecutor().getInstances()).isEqualTo(3);
    assertThat(warning(conversion, "spec.schedule")).contains("'15 * * * *'").contains("Airflow");
    assertThat(warningFields(conversion))
        .containsExactly(
            "spec.schedule",
            "spec.concurrencyPolicy",
            "spec.successfulRunHistoryLimit",
            "spec.failedRunHistoryLimit");
  }

  @Test
  void webhookOnlyFieldsGoToThePodTemplateOrAreReported() {
    Conversion conversion = ConvertFixtures.convert("kubeflow/webhook-fields.yaml");
    SparkBatchJobSpec spec = conversion.job().getSpec();

    var driverPod = spec.getDriver().getTemplate().getSpec();
    assertThat(driverPod.getContainers())
        .extracting(Container::getName)
        .containsExactly("spark-kubernetes-driver", "log-forwarder");
    assertThat(driverPod.getContainers().get(0).getLifecycle().getPreStop()).isNotNull();
    assertThat(driverPod.getInitContainers())
        .extracting(Container::getName)
        .containsExactly("fetch-model");
    assertThat(driverPod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
    var executorContainer = spec.getExecutor().getTemplate().getSpec().getContainers().get(0);
    assertThat(executorContainer.getName()).isEqualTo("spark-kubernetes-executor");
    assertThat(executorContainer.getResources().getLimits())
        .containsEntry("nvidia.com/gpu", new Quantity("1"));
    assertThat(executorContainer.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(8090));
    assertThat(spec.getDriver().getSchedulerName()).isEqualTo("volcano");
    assertThat(spec.getExecutor().getSchedulerName()).isEqualTo("volcano");

    assertThat(warning(conversion, "spec.monitoring"))
        .contains("Prometheus")
        .contains("spark.ui.prometheus.enabled");
    assertThat(warning(conversion, "spec.sparkConfigMap")).contains("spec.sparkConf");
    // Spark mounts the Hadoop ConfigMap in the driver and the executors itself: no warning.
    assertThat(spec.getSparkConf())
        .containsEntry("spark.kubernetes.hadoop.configMapName", "hadoop-site");
    assertThat(warning(conversion, "spec.batchScheduler")).contains("PodGroup");
    assertThat(warning(conversion, "spec.batchSchedulerOptions")).contains("queue");
    assertThat(warning(conversion, "spec.sparkUIOptions")).contains("Ingress");
    assertThat(warning(conversion, "spec.driver.memoryLimit")).contains("memoryOverhead");
    assertThat(warning(conversion, "spec.driver.podName")).contains("<job name>-driver");
    assertThat(warning(conversion, "spec.driver.serviceAnnotations")).contains("Service");
    assertThat(conversion.warnings()).hasSize(8);
  }

  @Test
  void theExpectedConfIsWhatKubeflowWouldHavePassedToSparkSubmit() {
    Conversion conversion = ConvertFixtures.convert("kubeflow/retries.yaml");

    assertThat(conversion.expectedSparkConf())
        .containsEntry("spark.app.name", "ingest-clickstream")
        .containsEntry("spark.submit.deployMode", "cluster")
        .containsEntry(
            "spark.kubernetes.container.image", "registry.example.com/ingest/clickstream:5.2.0")
        .containsEntry("spark.kubernetes.memoryOverheadFactor", "0.2")
        .containsEntry("spark.driver.cores", "1")
        .containsEntry("spark.kubernetes.driver.request.cores", "500m")
        .containsEntry("spark.driver.extraJavaOptions", "-XX:+UseG1GC")
        .containsEntry("spark.kubernetes.executor.request.cores", "1.5")
        .containsEntry("spark.kubernetes.executor.deleteOnTermination", "false")
        .containsEntry("spark.dynamicAllocation.enabled", "true")
        .containsEntry("spark.dynamicAllocation.shuffleTracking.enabled", "true")
        .containsEntry("spark.dynamicAllocation.shuffleTracking.timeout", "600000")
        .doesNotContainKey("spark.master");
  }

  @Test
  void manifestsThatAreNotKubeflowsAreErrorsNamingTheField() {
    assertThatThrownBy(
            () -> ConvertFixtures.convert(SourceFormat.KUBEFLOW, "apiVersion: v1\nkind: Pod\n"))
        .isInstanceOf(ConversionException.class)
        .hasMessage("apiVersion: expected sparkoperator.k8s.io/v1beta2, got v1");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.KUBEFLOW,
                    "apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec:\n"
                        + "  mainApplicationFile: local:///a.jar\n  driver:\n    cores: many\n"))
        .hasMessageStartingWith("spec.driver.cores:");
    assertThatThrownBy(
            () ->
                ConvertFixtures.convert(
                    SourceFormat.KUBEFLOW,
                    "apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec:\n"
                        + "  image: {REGISTRY}/spark:4\n"))
        .hasMessageStartingWith("line 4, column");
  }
}
