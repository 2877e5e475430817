package io.sparkbatch.operator.convert;

import java.util.Set;

/**
 * Spark properties that mean nothing, or something harmful, once the operator submits the job:
 * settings of spark-submit's own client, the driver's client-mode address, standalone-cluster
 * limits and YARN's shuffle service. Each is dropped with a warning saying what replaces it.
 */
final class UncarriedConf {
  private static final Set<String> SUBMISSION_CLIENT =
      Set.of(
          "spark.kubernetes.submission.waitAppCompletion",
          "spark.kubernetes.submission.connectionTimeout",
          "spark.kubernetes.submission.requestTimeout",
          "spark.kubernetes.report.interval",
          "spark.kubernetes.context",
          "spark.kubernetes.driver.master");

  /** The driver's address and ports, which the operator sets to match the driver's Service. */
  private static final Set<String> DRIVER_NETWORK =
      Set.of(
          "spark.driver.host",
          "spark.driver.bindAddress",
          "spark.driver.port",
          "spark.driver.blockManager.port",
          "spark.blockManager.port");

  private UncarriedConf() {}

  /** Drops the property with a warning when it has no meaning here; false when it has. */
  static boolean drop(String key, ConfValue value, WarningLog log) {
    if (SUBMISSION_CLIENT.contains(key)
        || key.startsWith("spark.kubernetes.authenticate.submission.")) {
      log.dropConf(
          key,
          value,
          "a setting of spark-submit's client; the operator creates the driver pod itself");
    } else if (DRIVER_NETWORK.contains(key)) {
      log.dropConf(
          key,
          value,
          "the operator sets the driver's address and ports to those of the driver's Service"
              + " (driver-rpc 7078, blockmanager 7079); client-mode values would break it");
    } else if (key.equals("spark.kubernetes.file.upload.path")) {
      log.dropConf(
          key,
          value,
          "the operator does not upload local files: put them in the image (local://) or in"
              + " object storage (s3a://, gs://, https://)");
    } else if (key.equals("spark.cores.max")) {
      log.dropConf(
          key,
          value,
          "a standalone-cluster limit that spark-submit ignores on Kubernetes; size the job with"
              + " spec.executor.instances and spec.executor.cores");
    } else if (key.equals("spark.shuffle.service.enabled")
        && value.value().strip().equals("true")) {
      log.dropConf(
          key,
          value,
          "there is no external shuffle service on Kubernetes; dynamic allocation keeps the"
              + " executors holding shuffle data through shuffle tracking"
              + " (spec.dynamicAllocation.shuffleTrackingEnabled, on by default)");
    } else {
      return false;
    }
    return true;
  }
}
