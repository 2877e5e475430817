package io.sparkbatch.operator.convert;

import java.util.regex.Pattern;

/**
 * Hadoop properties that copy over but will not work as they did on EMR, or should not sit in a
 * manifest: credentials in plain text, EMRFS settings, EMR's Glue catalog client.
 */
final class HadoopConfWarnings {
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i).*(secret|password|access\\.key|session\\.token|account\\.key).*");

  private HadoopConfWarnings() {}

  /** Warns about a spark.hadoop.* property when it needs attention. */
  static void check(String key, ConfValue value, WarningLog log) {
    String hadoopKey = key.substring("spark.hadoop.".length());
    String field = WarningLog.confField(key, value);
    if (CREDENTIAL.matcher(hadoopKey).matches()) {
      log.warn(
          field,
          "a credential in plain text in the manifest: keep it in a Secret and pass it as"
              + " driver and executor env with valueFrom.secretKeyRef (AWS_ACCESS_KEY_ID,"
              + " AWS_SECRET_ACCESS_KEY), or use IRSA / workload identity");
    } else if (hadoopKey.startsWith("fs.s3.") && !hadoopKey.equals("fs.s3.impl")) {
      log.warn(
          field, "an EMRFS setting: Apache Spark images read S3 with S3A, configured by fs.s3a.*");
    }
    if (value.value().contains("AWSGlueDataCatalogHiveClientFactory")) {
      log.warn(
          field,
          "the AWS Glue Data Catalog client ships with EMR, not with Apache Spark: add it to"
              + " the image, or point Spark to a Hive metastore (hive.metastore.uris)");
    }
  }
}
