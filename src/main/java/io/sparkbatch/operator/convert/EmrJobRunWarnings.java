package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.Set;

/**
 * What a StartJobRun request holds that only EMR understands, and what to do instead on plain
 * Kubernetes.
 */
final class EmrJobRunWarnings {
  /** Fields reported here rather than converted. */
  static final Set<String> KNOWN =
      Set.of("clientToken", "tags", "jobTemplateId", "jobTemplateParameters");

  private static final String MONITORING = "configurationOverrides.monitoringConfiguration";

  private EmrJobRunWarnings() {}

  static void report(JsonNode root, JsonNode overrides, SparkBatchJob job, WarningLog log) {
    String role = StructuredInput.text(root, "executionRoleArn", "");
    if (role != null) {
      log.warn(
          "executionRoleArn",
          "EMR assumed this IAM role for the job. On EKS use IRSA: create a service account"
              + " annotated eks.amazonaws.com/role-arn="
              + role
              + " (kubectl annotate serviceaccount NAME eks.amazonaws.com/role-arn=...), allow"
              + " it in the role's trust policy (system:serviceaccount:NAMESPACE:NAME), and set"
              + " spec.driver.serviceAccount and spec.executor.serviceAccount to it");
    }
    String release = StructuredInput.text(root, "releaseLabel", "");
    if (release != null) {
      log.warn(
          "releaseLabel",
          release
              + " chose EMR's Spark build; pick an image with the same Spark version (apache/spark"
              + " or one built from it, with hadoop-aws for S3) and set it with --image or"
              + " spec.image");
    }
    if (root.has("virtualClusterId") && job.getMetadata().getNamespace() == null) {
      log.warn(
          "virtualClusterId",
          "an EMR virtual cluster is an EKS namespace: choose the namespace with --namespace");
    }
    if (root.has("clientToken")) {
      log.warn(
          "clientToken",
          "not needed: applying the same SparkBatchJob twice does not start a second job");
    }
    if (root.has("tags")) {
      log.warn(
          "tags",
          "not carried over; for cost allocation put them as labels in metadata.labels and"
              + " spec.driver.labels / spec.executor.labels");
    }
    if (root.has("jobTemplateId") || root.has("jobTemplateParameters")) {
      log.warn(
          root.has("jobTemplateId") ? "jobTemplateId" : "jobTemplateParameters",
          "EMR job templates are not carried over; keep the converted SparkBatchJob as the"
              + " template (Airflow renders {{ }} placeholders in manifests)");
    }
    if (overrides != null) {
      overrides(overrides, log);
    }
  }

  private static void overrides(JsonNode overrides, WarningLog log) {
    overrides
        .fieldNames()
        .forEachRemaining(
            field -> {
              if (!field.equals("applicationConfiguration")
                  && !field.equals("monitoringConfiguration")) {
                log.warn("configurationOverrides." + field, "unknown; not carried over");
              }
            });
    JsonNode monitoring = overrides.get("monitoringConfiguration");
    if (monitoring == null) {
      return;
    }
    monitoring
        .fieldNames()
        .forEachRemaining(field -> log.warn(MONITORING + "." + field, monitoring(field)));
  }

  private static String monitoring(String field) {
    return switch (field) {
      case "cloudWatchMonitoringConfiguration", "managedLogs" ->
          "EMR shipped driver and executor logs to CloudWatch; here they are the pods' stdout,"
              + " which the cluster's log collection ships (Fluent Bit to CloudWatch, Loki, ...);"
              + " job state and counts are the operator's Prometheus metrics";
      case "s3MonitoringConfiguration" ->
          "EMR copied logs to S3; ship pod logs with the cluster's log collection, and for the"
              + " Spark event log set sparkConf spark.eventLog.enabled: \"true\" and"
              + " spark.eventLog.dir: s3a://BUCKET/PREFIX";
      case "persistentAppUI" ->
          "EMR's hosted Spark UI; while the job runs use kubectl port-forward"
              + " svc/<status.driverInfo.webUIServiceName> 4040, afterwards a Spark History"
              + " Server reading spark.eventLog.dir";
      case "containerLogRotationConfiguration" ->
          "container log rotation is the kubelet's (containerLogMaxSize, containerLogMaxFiles)";
      default -> "EMR monitoring setting; not carried over";
    };
  }
}
