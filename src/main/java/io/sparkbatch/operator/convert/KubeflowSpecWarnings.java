package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.Set;

/**
 * kubeflow fields with no SparkBatchJob equivalent, most of them served by kubeflow's webhook or
 * controller, and what to do instead.
 */
final class KubeflowSpecWarnings {
  private static final Set<String> CONVERTED =
      Set.of(
          "mode",
          "deps",
          "dynamicAllocation",
          "memoryOverheadFactor",
          "hadoopConfigMap",
          "nodeSelector",
          "driver",
          "executor",
          "restartPolicy",
          "failureRetries",
          "retryInterval");

  private KubeflowSpecWarnings() {}

  static void report(JsonNode spec, String specPath, SparkBatchJobSpec out, WarningLog log) {
    String scheduler = spec.path("batchScheduler").asText(null);
    if (scheduler != null) {
      useScheduler(out.getDriver(), scheduler);
      useScheduler(out.getExecutor(), scheduler);
    }
    spec.fieldNames()
        .forEachRemaining(
            field -> {
              if (!KubeflowParser.SAME.contains(field) && !CONVERTED.contains(field)) {
                log.warn(specPath + "." + field, advice(field, scheduler));
              }
            });
  }

  /** The ScheduledSparkApplication's own fields: a SparkBatchJob runs once. */
  static void scheduled(JsonNode spec, WarningLog log) {
    spec.fieldNames()
        .forEachRemaining(
            field -> {
              switch (field) {
                case "template" -> {}
                case "schedule" ->
                    log.warn(
                        "spec.schedule",
                        "a SparkBatchJob runs once: create it on the schedule '"
                            + spec.get("schedule").asText()
                            + "' from Airflow (SparkKubernetesOperator, a new name per run) or a"
                            + " CronJob running kubectl create (docs/migrating.md)");
                case "timeZone",
                    "concurrencyPolicy",
                    "suspend",
                    "successfulRunHistoryLimit",
                    "failedRunHistoryLimit" ->
                    log.warn("spec." + field, "belongs to the scheduler that creates the jobs now");
                default -> log.warn("spec." + field, "not a field the converter knows; dropped");
              }
            });
  }

  private static void useScheduler(SparkPodSpec pod, String scheduler) {
    if (pod.getSchedulerName() == null) {
      pod.setSchedulerName(scheduler);
    }
  }

  private static String advice(String field, String scheduler) {
    return switch (field) {
      case "sparkConfigMap" ->
          "kubeflow's webhook mounted this ConfigMap as SPARK_CONF_DIR: copy its"
              + " spark-defaults.conf properties into spec.sparkConf";
      case "pythonVersion" ->
          "Spark 3 and later run Python 3 only: the image's python3 runs the job";
      case "monitoring" ->
          "kubeflow's webhook added the Prometheus JMX exporter; the operator exports job"
              + " metrics to Prometheus itself. For Spark's own metrics set sparkConf"
              + " spark.ui.prometheus.enabled: \"true\" and"
              + " spark.metrics.conf.*.sink.prometheusServlet.class:"
              + " org.apache.spark.metrics.sink.PrometheusServlet (Spark 3+), or add the exporter"
              + " as a javaagent in spec.driver.javaOptions";
      case "batchScheduler" ->
          "the pods now use schedulerName "
              + scheduler
              + ", but the operator creates no PodGroup: for gang scheduling add the scheduler's"
              + " annotations in spec.driver.annotations and spec.executor.annotations";
      case "batchSchedulerOptions" ->
          "queue and priority of kubeflow's PodGroup: use the scheduler's queue annotation or"
              + " label on the pods, and spec.driver.priorityClassName";
      case "sparkUIOptions", "driverIngressOptions" ->
          "the operator creates the driver's Service for the Spark UI (port 4040) but no"
              + " Ingress: create one for status.driverInfo.webUIServiceName if needed, or use"
              + " kubectl port-forward";
      case "driverPodDisruptionBudget" ->
          "create a PodDisruptionBudget selecting spark-role=driver in the namespace instead";
      case "suspend" -> "SparkBatchJob has no suspend: apply the manifest when the job should run";
      default -> "not a field the converter knows; not carried over";
    };
  }
}
