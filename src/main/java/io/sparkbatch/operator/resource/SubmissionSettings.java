package io.sparkbatch.operator.resource;

import java.util.Objects;

/**
 * Operator-wide settings the factories need to build what Spark's cluster-mode client would create.
 * Built once from the operator configuration and passed in; the factories read nothing else.
 *
 * @param masterUrl {@code spark.master} written into every application's properties, as
 *     spark-submit's {@code --master} would. Defaults to {@value #DEFAULT_MASTER_URL}.
 * @param managedDriverServiceAccount the service account the operator manages in each namespace
 *     (with {@link DriverRbacFactory}) and gives to drivers whose spec names none. Defaults to
 *     {@value #DEFAULT_DRIVER_SERVICE_ACCOUNT}.
 * @param sparkUser value of {@code SPARK_USER} in the driver, which Spark's client sets to the
 *     submitting user and Hadoop uses as the application's user. Defaults to {@value
 *     #DEFAULT_SPARK_USER}, the user of the stock apache/spark image.
 * @param defaultImage image used when a job names none (spec.image, driver.image and executor.image
 *     all unset); null means such a job cannot be built.
 * @param driverApiServerUrl the API server URL the driver talks to ({@code
 *     spark.kubernetes.driver.master}); null leaves Spark's default, the in-cluster {@code
 *     https://kubernetes.default.svc}. Set it when drivers must reach the API server elsewhere, as
 *     the simulated cluster of the tests does.
 */
public record SubmissionSettings(
    String masterUrl,
    String managedDriverServiceAccount,
    String sparkUser,
    String defaultImage,
    String driverApiServerUrl) {

  public static final String DEFAULT_MASTER_URL = "k8s://https://kubernetes.default.svc";
  public static final String DEFAULT_DRIVER_SERVICE_ACCOUNT = "spark-batch-driver";
  public static final String DEFAULT_SPARK_USER = "spark";

  /** Fills the defaults for null arguments, so that callers only name what they change. */
  public SubmissionSettings {
    masterUrl = Objects.requireNonNullElse(masterUrl, DEFAULT_MASTER_URL);
    managedDriverServiceAccount =
        Objects.requireNonNullElse(managedDriverServiceAccount, DEFAULT_DRIVER_SERVICE_ACCOUNT);
    sparkUser = Objects.requireNonNullElse(sparkUser, DEFAULT_SPARK_USER);
  }

  /** Every setting at its default. */
  public static SubmissionSettings defaults() {
    return new SubmissionSettings(null, null, null, null, null);
  }

  public SubmissionSettings withDefaultImage(String image) {
    return new SubmissionSettings(
        masterUrl, managedDriverServiceAccount, sparkUser, image, driverApiServerUrl);
  }

  public SubmissionSettings withDriverApiServerUrl(String url) {
    return new SubmissionSettings(
        masterUrl, managedDriverServiceAccount, sparkUser, defaultImage, url);
  }
}
