package io.sparkbatch.operator.convert;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.Dependencies;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.DynamicAllocation;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Moves Spark properties into the SparkBatchJob's typed fields: resources, image, service accounts,
 * pod labels and selectors, dependencies, dynamic allocation, volumes; spark.hadoop.* into
 * hadoopConf. What has no typed field stays in sparkConf; what means nothing on Kubernetes (YARN
 * settings, spark-submit's client settings) is dropped with a warning saying what to do instead.
 */
final class SparkConfMapper {
  private static final Map<String, BiConsumer<Dependencies, List<String>>> DEPS =
      Map.of(
          "spark.jars", Dependencies::setJars,
          "spark.files", Dependencies::setFiles,
          "spark.submit.pyFiles", Dependencies::setPyFiles,
          "spark.jars.packages", Dependencies::setPackages,
          "spark.jars.repositories", Dependencies::setRepositories,
          "spark.jars.excludes", Dependencies::setExcludePackages,
          "spark.archives", Dependencies::setArchives);
  private static final Pattern PULL_POLICY = Pattern.compile("^(Always|IfNotPresent|Never)$");
  private static final String DYN = "spark.dynamicAllocation.";

  private final SparkBatchJob job;
  private final SparkBatchJobSpec spec;
  private final WarningLog log;
  private final PodConfMapper driver;
  private final PodConfMapper executor;
  private final VolumeConfMapper volumes;
  private final Map<String, String> sparkConf = new LinkedHashMap<>();
  private final Map<String, String> hadoopConf = new LinkedHashMap<>();
  private final Dependencies deps = new Dependencies();
  private final DynamicAllocation dynamicAllocation = new DynamicAllocation();
  private final YarnConfMapper yarn;
  private Map<String, ConfValue> conf = Map.of();

  SparkConfMapper(SparkBatchJob job, WarningLog log) {
    this.job = job;
    this.spec = job.getSpec();
    this.log = log;
    if (job.getMetadata() == null) {
      job.setMetadata(new ObjectMeta());
    }
    if (spec.getDriver() == null) {
      spec.setDriver(new DriverSpec());
    }
    if (spec.getExecutor() == null) {
      spec.setExecutor(new ExecutorSpec());
    }
    driver = new PodConfMapper("driver", spec.getDriver(), log);
    executor = new PodConfMapper("executor", spec.getExecutor(), log);
    Map<String, SparkPodSpec> pods =
        Map.of("driver", spec.getDriver(), "executor", spec.getExecutor());
    volumes = new VolumeConfMapper(spec, pods, log);
    yarn = new YarnConfMapper(spec, driver, executor, log);
  }

  /** Maps every property; spec.type must already be set (deps.pyFiles depends on it). */
  void map(Map<String, ConfValue> properties) {
    this.conf = properties;
    properties.forEach(
        (key, value) -> {
          if (!accept(key, value)) {
            sparkConf.put(key, value.value());
          }
        });
    if (properties.containsKey("spark.master")
        && !properties.containsKey("spark.submit.deployMode")) {
      log.warn(
          "--deploy-mode",
          "not given, so spark-submit ran the driver in client mode, inside the submitting"
              + " process; the operator runs it in its own pod, so files and credentials it found"
              + " there must now be in the image or the driver pod's spec");
    }
    driver.finish();
    executor.finish();
    volumes.finish().forEach((k, v) -> sparkConf.put(k, v.value()));
    spec.setSparkConf(sparkConf.isEmpty() ? null : sparkConf);
    spec.setHadoopConf(hadoopConf.isEmpty() ? null : hadoopConf);
    spec.setDeps(JobYamlWriter.isEmpty(deps) ? null : deps);
    spec.setDynamicAllocation(JobYamlWriter.isEmpty(dynamicAllocation) ? null : dynamicAllocation);
  }

  private boolean accept(String key, ConfValue value) {
    if (key.startsWith("spark.hadoop.")) {
      HadoopConfWarnings.check(key, value, log);
      hadoopConf.put(key.substring("spark.hadoop.".length()), value.value());
      return true;
    }
    if (key.startsWith("spark.kubernetes.node.selector.")
        || key.equals("spark.kubernetes.scheduler.name")) {
      driver.acceptShared(key, value);
      executor.acceptShared(key, value);
      return true;
    }
    if (key.startsWith("spark.yarn.")) {
      return yarn.accept(key, value, conf);
    }
    return driver.accept(key, value)
        || executor.accept(key, value)
        || volumes.accept(key, value)
        || topLevel(key, value)
        || UncarriedConf.drop(key, value, log);
  }

  private boolean topLevel(String key, ConfValue value) {
    if (DEPS.containsKey(key)) {
      return dependency(key, value);
    }
    if (key.startsWith(DYN)) {
      return dynamicAllocation(key, value);
    }
    switch (key) {
      case "spark.app.name" -> {
        return name(value);
      }
      case "spark.kubernetes.namespace" -> job.getMetadata().setNamespace(value.value());
      case "spark.master" -> master(key, value);
      case "spark.submit.deployMode" -> deployMode(key, value);
      case "spark.kubernetes.container.image" -> spec.setImage(value.value());
      case "spark.kubernetes.container.image.pullPolicy" -> {
        String policy =
            PropertyValues.matching(key, value, PULL_POLICY, "Always, IfNotPresent or Never", log);
        spec.setImagePullPolicy(policy);
        return policy != null;
      }
      case "spark.kubernetes.container.image.pullSecrets" -> {
        List<String> secrets = PropertyValues.list(value.value());
        spec.setImagePullSecrets(secrets.isEmpty() ? null : secrets);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private boolean name(ConfValue value) {
    String name = ResourceName.sanitize(value.value());
    if (name == null) {
      return false;
    }
    job.getMetadata().setName(name);
    if (name.equals(value.value())) {
      return true;
    }
    log.warn(
        WarningLog.confField("spark.app.name", value),
        "metadata.name is '"
            + name
            + "' (Kubernetes names: lowercase letters, digits and '-', here at most "
            + ResourceName.MAX_LENGTH
            + " characters);"
            + " spark.app.name keeps '"
            + value.value()
            + "' in sparkConf for the Spark UI");
    return false;
  }

  private void master(String key, ConfValue value) {
    String master = value.value();
    String message =
        master.startsWith("k8s://")
            ? "the operator runs the driver in the cluster where the SparkBatchJob is created;"
                + " no master URL is needed"
            : "'"
                + master
                + "' is not Kubernetes: the job now runs as a driver pod with executor pods in the"
                + " cluster where the SparkBatchJob is created";
    log.dropConf(key, value, message);
  }

  private void deployMode(String key, ConfValue value) {
    if (value.value().strip().equals("cluster")) {
      spec.setMode("cluster");
      return;
    }
    log.dropConf(
        key,
        value,
        "client mode ran the driver inside the submitting process (an Airflow worker or pod);"
            + " the operator always runs the driver in its own pod (cluster mode)");
  }

  private boolean dependency(String key, ConfValue value) {
    if (key.equals("spark.submit.pyFiles") && spec.getType() != ApplicationType.PYTHON) {
      log.warn(
          WarningLog.confField(key, value),
          "Python files for a JVM application: kept in sparkConf, as spec.deps.pyFiles needs"
              + " spec.type Python");
      return false;
    }
    List<String> items = PropertyValues.list(value.value());
    DEPS.get(key).accept(deps, items.isEmpty() ? null : items);
    return true;
  }

  private boolean dynamicAllocation(String key, ConfValue value) {
    switch (key.substring(DYN.length())) {
      case "enabled" -> {
        return set(PropertyValues.bool(key, value, log), dynamicAllocation::setEnabled);
      }
      case "initialExecutors" -> {
        return set(
            PropertyValues.integer(key, value, 0, log), dynamicAllocation::setInitialExecutors);
      }
      case "minExecutors" -> {
        return set(PropertyValues.integer(key, value, 0, log), dynamicAllocation::setMinExecutors);
      }
      case "maxExecutors" -> {
        return set(PropertyValues.integer(key, value, 0, log), dynamicAllocation::setMaxExecutors);
      }
      case "shuffleTracking.enabled" -> {
        return set(
            PropertyValues.bool(key, value, log), dynamicAllocation::setShuffleTrackingEnabled);
      }
      default -> {
        return false;
      }
    }
  }

  private static <T> boolean set(T value, java.util.function.Consumer<T> setter) {
    if (value == null) {
      return false;
    }
    setter.accept(value);
    return true;
  }
}
