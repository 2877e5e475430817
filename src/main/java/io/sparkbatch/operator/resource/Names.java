package io.sparkbatch.operator.resource;

import io.sparkbatch.operator.api.SparkBatchJob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of everything the operator creates for a job, and the fixed names and ports a Spark driver
 * expects. Every name is a pure function of the job, so a restarted operator finds what it created.
 */
public final class Names {

  /** The driver's Spark container; Airflow and the observers look for it by this name. */
  public static final String DRIVER_CONTAINER = "spark-kubernetes-driver";

  /** The Spark container in the executor pod template. */
  public static final String EXECUTOR_CONTAINER = "spark-kubernetes-executor";

  /** Where the stock image's entrypoint and Spark look for configuration. */
  public static final String SPARK_CONF_DIR = "/opt/spark/conf";

  /** The ConfigMap key (and file) holding the resolved Spark properties. */
  public static final String SPARK_PROPERTIES_KEY = "spark.properties";

  /** The ConfigMap key (and file) holding the executor pod template, when there is one. */
  public static final String EXECUTOR_TEMPLATE_KEY = "executor-pod-template.yaml";

  public static final String SPARK_PROPERTIES_PATH = SPARK_CONF_DIR + "/" + SPARK_PROPERTIES_KEY;
  public static final String EXECUTOR_TEMPLATE_PATH = SPARK_CONF_DIR + "/" + EXECUTOR_TEMPLATE_KEY;

  /** Volume of the driver pod that mounts the ConfigMap (Spark's own name for it). */
  public static final String SPARK_CONF_VOLUME = "spark-conf-volume-driver";

  /** Where Spark mounts spark.kubernetes.hadoop.configMapName, and HADOOP_CONF_DIR points. */
  public static final String HADOOP_CONF_DIR = "/opt/hadoop/conf";

  /** Volume of the driver pod that mounts the Hadoop configuration (Spark's own name for it). */
  public static final String HADOOP_CONF_VOLUME = "hadoop-properties";

  /** Spark treats volumes with this prefix as local (scratch) directories. */
  public static final String LOCAL_DIR_VOLUME_PREFIX = "spark-local-dir-";

  public static final int DRIVER_PORT = 7078;
  public static final int BLOCK_MANAGER_PORT = 7079;
  public static final int UI_PORT = 4040;
  public static final String DRIVER_PORT_NAME = "driver-rpc-port";
  public static final String BLOCK_MANAGER_PORT_NAME = "blockmanager";
  public static final String UI_PORT_NAME = "spark-ui";

  /** Longest DNS-1035 / DNS-1123 label: Service names, label values, hostnames. */
  public static final int MAX_LABEL_LENGTH = 63;

  /** Longest DNS-1123 subdomain: Pod and ConfigMap names. */
  public static final int MAX_SUBDOMAIN_LENGTH = 253;

  /** Spark rejects longer executor pod name prefixes (253 minus "-exec-" and an int). */
  static final int MAX_EXECUTOR_PREFIX_LENGTH = 237;

  private static final int HASH_LENGTH = 10;
  private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern UID_NOISE = Pattern.compile("[^a-z0-9]");

  private Names() {}

  /**
   * Spark's application id for one attempt: {@code spark-<uid hex>-<attempt>}. It becomes the
   * {@code spark-app-selector} label of the driver and executors, so it must be the same whenever
   * the operator rebuilds the attempt, and a valid label value (at most 49 characters here).
   */
  public static String applicationId(SparkBatchJob job, int attempt) {
    String uid = job.getMetadata().getUid();
    if (uid == null || uid.isBlank()) {
      throw new IllegalArgumentException(
          "metadata.uid is required: the application id must not change when rebuilt");
    }
    String hex = UID_NOISE.matcher(uid.toLowerCase(Locale.ROOT)).replaceAll("");
    return "spark-" + hex + "-" + attempt;
  }

  /** {@code <name>-driver}, the name Airflow and users expect; shortened only past 253. */
  public static String driverPodName(String jobName) {
    return shorten(jobName, "-driver", MAX_SUBDOMAIN_LENGTH);
  }

  /** {@code <name>-spark-conf}: the ConfigMap mounted at {@value #SPARK_CONF_DIR}. */
  public static String configMapName(String jobName) {
    return shorten(jobName, "-spark-conf", MAX_SUBDOMAIN_LENGTH);
  }

  /**
   * {@code <name>-driver-svc} when that is a valid DNS-1035 label; otherwise a label built from the
   * name (lower-case letters, digits and dashes, starting with a letter, at most 63 characters)
   * with a hash of the full name, so that distinct jobs keep distinct services. Spark falls back to
   * a random name instead, which a restarted operator could not find again.
   */
  public static String driverServiceName(String jobName) {
    String preferred = jobName + "-driver-svc";
    if (preferred.length() <= MAX_LABEL_LENGTH && DNS_1035_LABEL.matcher(preferred).matches()) {
      return preferred;
    }
    String base = jobName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (!base.matches("^[a-z].*")) {
      base = "spark-" + base;
    }
    return hashed(base, hash(jobName), "-driver-svc", MAX_LABEL_LENGTH);
  }

  /** The driver Service's DNS name, which becomes {@code spark.driver.host}. */
  public static String driverHost(String jobName, String namespace) {
    return driverServiceName(jobName) + "." + namespace + ".svc";
  }

  /**
   * Prefix of the attempt's executor pod names ({@code <prefix>-exec-<id>}): the job name with
   * anything but letters, digits and dashes replaced (Spark turns such characters into invalid
   * hostnames), then the attempt, so that a new attempt never collides with executors of the last.
   */
  public static String executorPodNamePrefix(String jobName, int attempt) {
    String base = jobName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    return shorten(base, "-" + attempt, MAX_EXECUTOR_PREFIX_LENGTH);
  }

  /**
   * {@code base + suffix} when it fits in {@code max} characters; otherwise base cut short, a dash,
   * a hash of the full base and the suffix. The hash keeps shortened names of different jobs apart.
   */
  static String shorten(String base, String suffix, int max) {
    if (base.length() + suffix.length() <= max) {
      return base + suffix;
    }
    return hashed(base, hash(base), suffix, max);
  }

  private static String hashed(String base, String hash, String suffix, int max) {
    int room = max - suffix.length() - hash.length() - 1;
    String head = base.substring(0, Math.min(room, base.length())).replaceAll("[-.]+$", "");
    return head + "-" + hash + suffix;
  }

  /** First characters of the SHA-256 of the value, in hex: stable across runs and JVMs. */
  static String hash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
