package io.sparkbatch.operator.resource;

import static io.sparkbatch.operator.resource.SparkConfKeys.*;

import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The resolved {@code spark.properties} of one attempt: what spark-submit in cluster mode and
 * Spark's Kubernetes client would hand the driver for this spec. spec.sparkConf passes through,
 * typed fields of the spec win over it, and the keys that tie the driver to the resources the
 * operator creates ({@link #RESERVED_KEYS}) are always the operator's. No value is read from a
 * Secret: env entries with valueFrom stay references in the pod or the executor pod template.
 */
public final class SparkConfResolver {

  /**
   * Keys the operator always sets (or, for the last few, always leaves unset) itself, because they
   * name the pod, Service, ConfigMap, service account and labels it creates and watches. A value in
   * spec.sparkConf is ignored here; the validator rejects such a spec before it gets here.
   */
  public static final Set<String> RESERVED_KEYS =
      Set.of(
          MASTER,
          DEPLOY_MODE,
          SUBMIT_IN_DRIVER,
          APP_ID,
          NAMESPACE,
          DRIVER_POD_NAME,
          DRIVER_HOST,
          DRIVER_PORT,
          DRIVER_BLOCK_MANAGER_PORT,
          RESOURCE_TYPE,
          DRIVER_SERVICE_ACCOUNT,
          EXECUTOR_POD_NAME_PREFIX,
          EXECUTOR_LABEL_PREFIX + Labels.MANAGED_BY,
          EXECUTOR_LABEL_PREFIX + Labels.JOB_NAME,
          EXECUTOR_LABEL_PREFIX + Labels.ATTEMPT,
          // Spark's driver refuses a bind address (it binds to the pod IP).
          DRIVER_BIND_ADDRESS,
          // The Service and status advertise the UI on 4040.
          UI_PORT,
          // Spark refuses to create executors whose custom labels include its own.
          EXECUTOR_LABEL_PREFIX + Labels.SPARK_APP_SELECTOR,
          EXECUTOR_LABEL_PREFIX + Labels.SPARK_ROLE,
          EXECUTOR_LABEL_PREFIX + Labels.SPARK_APP_NAME,
          EXECUTOR_LABEL_PREFIX + Labels.SPARK_VERSION,
          EXECUTOR_LABEL_PREFIX + Labels.SPARK_EXEC_ID,
          EXECUTOR_LABEL_PREFIX + Labels.SPARK_EXEC_RESOURCE_PROFILE_ID,
          // The operator builds the driver pod itself: spec.driver.template replaces these.
          DRIVER_POD_TEMPLATE_FILE,
          DRIVER_POD_TEMPLATE_CONTAINER,
          DRIVER_RESOURCE_NAME_PREFIX,
          // Where the driver reaches the API server is the operator's setting, not the job's.
          DRIVER_MASTER);

  /** Where Ivy resolves spark.jars.packages: the stock image's user has no home directory. */
  static final String IVY_DIR_DEFAULT = "/tmp/.ivy2";

  private SparkConfResolver() {}

  /**
   * The properties of attempt {@code attempt} (from 1) of the job, sorted by key.
   *
   * @throws IllegalArgumentException when the spec cannot be built: no image for a role, a memory
   *     size Spark would reject, a job without metadata.uid
   */
  public static TreeMap<String, String> resolve(
      SparkBatchJob job, int attempt, SubmissionSettings settings) {
    SparkBatchJobSpec spec = job.getSpec();
    TreeMap<String, String> conf = new TreeMap<>();
    if (spec.getSparkConf() != null) {
      conf.putAll(spec.getSparkConf());
    }
    if (spec.getHadoopConf() != null) {
      spec.getHadoopConf().forEach((k, v) -> conf.put(HADOOP_PREFIX + k, v));
    }
    TypedSparkConf.apply(spec, settings, conf);
    owned(job, attempt, settings, conf);
    requireImages(conf);
    return conf;
  }

  /** Whether Spark treats the application as non-JVM (more memory overhead, no --class jar). */
  public static boolean isNonJvm(SparkBatchJobSpec spec) {
    return spec.getType() == ApplicationType.PYTHON || spec.getType() == ApplicationType.R;
  }

  /** Spark's {@code spark.kubernetes.resource.type}: java, python or r. */
  static String resourceType(SparkBatchJobSpec spec) {
    if (spec.getType() == ApplicationType.PYTHON) {
      return "python";
    }
    return spec.getType() == ApplicationType.R ? "r" : "java";
  }

  private static void owned(
      SparkBatchJob job, int attempt, SubmissionSettings settings, TreeMap<String, String> conf) {
    String name = job.getMetadata().getName();
    String namespace = job.getMetadata().getNamespace();
    RESERVED_KEYS.forEach(conf::remove);

    conf.put(MASTER, settings.masterUrl());
    conf.put(DEPLOY_MODE, "cluster");
    conf.put(SUBMIT_IN_DRIVER, "true");
    conf.putIfAbsent(APP_NAME, name);
    conf.put(APP_ID, Names.applicationId(job, attempt));
    conf.put(NAMESPACE, namespace);
    conf.put(DRIVER_POD_NAME, Names.driverPodName(name));
    conf.put(DRIVER_HOST, Names.driverHost(name, namespace));
    conf.put(DRIVER_PORT, Integer.toString(Names.DRIVER_PORT));
    conf.put(DRIVER_BLOCK_MANAGER_PORT, Integer.toString(Names.BLOCK_MANAGER_PORT));
    conf.put(RESOURCE_TYPE, resourceType(job.getSpec()));
    conf.put(EXECUTOR_POD_NAME_PREFIX, Names.executorPodNamePrefix(name, attempt));
    String driverAccount =
        job.getSpec().getDriver() == null ? null : job.getSpec().getDriver().getServiceAccount();
    conf.put(
        DRIVER_SERVICE_ACCOUNT,
        driverAccount != null ? driverAccount : settings.managedDriverServiceAccount());
    Labels.forAttempt(job, attempt).forEach((k, v) -> conf.put(EXECUTOR_LABEL_PREFIX + k, v));

    // Spark's client passes its default factor on, and executors of Python apps rely on it.
    conf.put(
        MEMORY_OVERHEAD_FACTOR,
        Double.toString(SparkMemory.defaultOverheadFactor(conf, isNonJvm(job.getSpec()))));
    if (settings.driverApiServerUrl() != null) {
      conf.put(DRIVER_MASTER, settings.driverApiServerUrl());
    }
    // Spark's driver passes the Hadoop ConfigMap on to its executors under this name.
    if (conf.containsKey(HADOOP_CONF_CONFIG_MAP)) {
      conf.put(EXECUTOR_HADOOP_CONF_CONFIG_MAP, conf.get(HADOOP_CONF_CONFIG_MAP));
    }
    if (conf.containsKey(PACKAGES)) {
      conf.putIfAbsent(IVY_DIR, IVY_DIR_DEFAULT);
    }
    if (ExecutorPodTemplateFactory.needsTemplate(job)) {
      conf.put(EXECUTOR_POD_TEMPLATE_FILE, Names.EXECUTOR_TEMPLATE_PATH);
      conf.put(EXECUTOR_POD_TEMPLATE_CONTAINER, Names.EXECUTOR_CONTAINER);
    }
  }

  private static void requireImages(Map<String, String> conf) {
    if (!conf.containsKey(IMAGE)
        && !(conf.containsKey(DRIVER_IMAGE) && conf.containsKey(EXECUTOR_IMAGE))) {
      throw new IllegalArgumentException(
          "no container image: set spec.image (or driver.image and executor.image)");
    }
  }

  /** The comma-separated list Spark expects for list-valued keys, or empty. */
  static String[] split(String list) {
    if (list == null || list.isBlank()) {
      return new String[0];
    }
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }

  /** The entries whose key starts with prefix, with the prefix removed. */
  static Map<String, String> withPrefix(SortedMap<String, String> properties, String prefix) {
    Map<String, String> result = new TreeMap<>();
    properties.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            result.put(k.substring(prefix.length()), v);
          }
        });
    return result;
  }
}
