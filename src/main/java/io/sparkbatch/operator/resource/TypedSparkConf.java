package io.sparkbatch.operator.resource;

import static io.sparkbatch.operator.resource.SparkConfKeys.*;

import io.sparkbatch.operator.api.Dependencies;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.DynamicAllocation;
import io.sparkbatch.operator.api.ExecutorSpec;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.api.SparkPodSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The typed fields of the spec as the Spark properties spark-submit would write for the same
 * options (--jars, --driver-memory, --conf spark.executor.instances=...). Each one set replaces the
 * same key from spec.sparkConf.
 */
final class TypedSparkConf {

  private TypedSparkConf() {}

  static void apply(SparkBatchJobSpec spec, SubmissionSettings settings, Map<String, String> conf) {
    images(spec, settings, conf);
    dependencies(spec, conf);
    if (spec.getDriver() != null) {
      driver(spec.getDriver(), conf);
    }
    if (spec.getExecutor() != null) {
      executor(spec.getExecutor(), conf);
    }
    if (spec.getDynamicAllocation() != null) {
      dynamicAllocation(spec.getDynamicAllocation(), conf);
    }
  }

  private static void images(
      SparkBatchJobSpec spec, SubmissionSettings settings, Map<String, String> conf) {
    String image = spec.getImage() != null ? spec.getImage() : settings.defaultImage();
    if (image != null && (spec.getImage() != null || !conf.containsKey(IMAGE))) {
      conf.put(IMAGE, image);
    }
    if (spec.getDriver() != null) {
      put(conf, DRIVER_IMAGE, spec.getDriver().getImage());
    }
    if (spec.getExecutor() != null) {
      put(conf, EXECUTOR_IMAGE, spec.getExecutor().getImage());
    }
    put(conf, IMAGE_PULL_POLICY, spec.getImagePullPolicy());
    putList(conf, IMAGE_PULL_SECRETS, spec.getImagePullSecrets());
  }

  private static void dependencies(SparkBatchJobSpec spec, Map<String, String> conf) {
    Dependencies deps = spec.getDeps() == null ? new Dependencies() : spec.getDeps();
    List<String> jars =
        isEmpty(deps.getJars())
            ? new ArrayList<>(Arrays.asList(SparkConfResolver.split(conf.get(JARS))))
            : new ArrayList<>(deps.getJars());
    // spark-submit adds a JVM application's own jar to spark.jars, which executors fetch it from.
    String main = spec.getMainApplicationFile();
    if (!SparkConfResolver.isNonJvm(spec) && main != null && !jars.contains(main)) {
      jars.add(main);
    }
    putList(conf, JARS, jars);
    putList(conf, FILES, deps.getFiles());
    putList(conf, PY_FILES, deps.getPyFiles());
    putList(conf, PACKAGES, deps.getPackages());
    putList(conf, REPOSITORIES, deps.getRepositories());
    putList(conf, EXCLUDES, deps.getExcludePackages());
    putList(conf, ARCHIVES, deps.getArchives());
  }

  private static void driver(DriverSpec driver, Map<String, String> conf) {
    resources(driver, conf, DRIVER_CORES, DRIVER_REQUEST_CORES, DRIVER_LIMIT_CORES);
    memory(conf, DRIVER_MEMORY, driver.getMemory());
    memory(conf, DRIVER_MEMORY_OVERHEAD, driver.getMemoryOverhead());
    put(conf, DRIVER_JAVA_OPTIONS, driver.getJavaOptions());
  }

  private static void executor(ExecutorSpec executor, Map<String, String> conf) {
    resources(executor, conf, EXECUTOR_CORES, EXECUTOR_REQUEST_CORES, EXECUTOR_LIMIT_CORES);
    memory(conf, EXECUTOR_MEMORY, executor.getMemory());
    memory(conf, EXECUTOR_MEMORY_OVERHEAD, executor.getMemoryOverhead());
    put(conf, EXECUTOR_JAVA_OPTIONS, executor.getJavaOptions());
    put(conf, EXECUTOR_SERVICE_ACCOUNT, executor.getServiceAccount());
    put(conf, EXECUTOR_INSTANCES, executor.getInstances());
    put(conf, EXECUTOR_DELETE_ON_TERMINATION, executor.getDeleteOnTermination());
    put(conf, EXECUTOR_SCHEDULER_NAME, executor.getSchedulerName());
    prefixed(conf, EXECUTOR_LABEL_PREFIX, executor.getLabels());
    prefixed(conf, EXECUTOR_ANNOTATION_PREFIX, executor.getAnnotations());
    prefixed(conf, EXECUTOR_NODE_SELECTOR_PREFIX, executor.getNodeSelector());
    for (var env : ExecutorPodTemplateFactory.plainEnv(executor)) {
      conf.put(EXECUTOR_ENV_PREFIX + env.getName(), env.getValue() == null ? "" : env.getValue());
    }
  }

  private static void dynamicAllocation(DynamicAllocation da, Map<String, String> conf) {
    put(conf, DYNAMIC_ALLOCATION_ENABLED, da.getEnabled());
    if (!Boolean.TRUE.equals(da.getEnabled())) {
      return;
    }
    // Kubernetes has no external shuffle service: without tracking, Spark refuses to scale.
    if (da.getShuffleTrackingEnabled() != null) {
      conf.put(SHUFFLE_TRACKING, da.getShuffleTrackingEnabled().toString());
    } else {
      conf.putIfAbsent(SHUFFLE_TRACKING, "true");
    }
    put(conf, DYNAMIC_ALLOCATION_INITIAL, da.getInitialExecutors());
    put(conf, DYNAMIC_ALLOCATION_MIN, da.getMinExecutors());
    put(conf, DYNAMIC_ALLOCATION_MAX, da.getMaxExecutors());
  }

  private static void resources(
      SparkPodSpec role, Map<String, String> conf, String cores, String request, String limit) {
    put(conf, cores, role.getCores());
    put(conf, request, role.getCoreRequest());
    put(conf, limit, role.getCoreLimit());
  }

  private static void memory(Map<String, String> conf, String key, String value) {
    if (value != null) {
      conf.put(key, SparkMemory.toSparkSize(value));
    }
  }

  private static void prefixed(Map<String, String> conf, String prefix, Map<String, String> map) {
    if (map != null) {
      map.forEach((k, v) -> conf.put(prefix + k, v));
    }
  }

  private static void put(Map<String, String> conf, String key, Object value) {
    if (value != null) {
      conf.put(key, value.toString());
    }
  }

  private static void putList(Map<String, String> conf, String key, List<String> values) {
    if (!isEmpty(values)) {
      conf.put(key, String.join(",", values));
    }
  }

  private static boolean isEmpty(List<?> list) {
    return list == null || list.isEmpty();
  }
}
