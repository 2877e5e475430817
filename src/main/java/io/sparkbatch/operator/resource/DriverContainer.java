package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;

/**
 * What Spark's driver feature steps put into the driver container: image, the entrypoint's {@code
 * driver} arguments, environment, ports and resources, computed from the resolved properties the
 * way BasicDriverFeatureStep and DriverCommandFeatureStep compute them.
 */
final class DriverContainer {

  static final String PYTHON_RUNNER = "org.apache.spark.deploy.PythonRunner";
  static final String R_RUNNER = "org.apache.spark.deploy.RRunner";
  static final String DEFAULT_PULL_POLICY = "IfNotPresent";

  private DriverContainer() {}

  /**
   * The image entrypoint's arguments: {@code driver [--proxy-user U] --properties-file FILE --class
   * CLASS RESOURCE ARGS...}. Python and R applications run through Spark's PythonRunner and
   * RRunner, as Spark's client writes them; a JVM application without mainClass leaves --class out,
   * and the driver's spark-submit reads it from the jar's manifest.
   */
  static List<String> args(SparkBatchJobSpec spec) {
    if (spec.getMainApplicationFile() == null) {
      throw new IllegalArgumentException("spec.mainApplicationFile is required");
    }
    List<String> args = new ArrayList<>();
    args.add("driver");
    if (spec.getProxyUser() != null) {
      args.add("--proxy-user");
      args.add(spec.getProxyUser());
    }
    args.add("--properties-file");
    args.add(Names.SPARK_PROPERTIES_PATH);
    String mainClass = mainClass(spec);
    if (mainClass != null) {
      args.add("--class");
      args.add(mainClass);
    }
    args.add(spec.getMainApplicationFile());
    args.addAll(SparkPodOverlay.orEmpty(spec.getArguments()));
    return args;
  }

  private static String mainClass(SparkBatchJobSpec spec) {
    if (spec.getType() == ApplicationType.PYTHON) {
      return PYTHON_RUNNER;
    }
    return spec.getType() == ApplicationType.R ? R_RUNNER : spec.getMainClass();
  }

  /**
   * Spark's environment of the driver, in Spark's order: user, application id, {@code
   * spark.kubernetes.driverEnv.*}, the bind address from the pod IP, the Python interpreters, the
   * Hadoop configuration directory (with spark.kubernetes.hadoop.configMapName), the local
   * directories and the configuration directory.
   */
  static List<EnvVar> sparkEnv(
      SortedMap<String, String> conf,
      SparkBatchJobSpec spec,
      SubmissionSettings settings,
      List<String> localDirs) {
    List<EnvVar> env = new ArrayList<>();
    env.add(env(DriverPodFactory.ENV_SPARK_USER, settings.sparkUser()));
    env.add(env(DriverPodFactory.ENV_APPLICATION_ID, conf.get(SparkConfKeys.APP_ID)));
    SparkConfResolver.withPrefix(conf, SparkConfKeys.DRIVER_ENV_PREFIX)
        .forEach((k, v) -> env.add(env(k, v)));
    env.add(
        new EnvVarBuilder()
            .withName(DriverPodFactory.ENV_BIND_ADDRESS)
            .withNewValueFrom()
            .withNewFieldRef("v1", "status.podIP")
            .endValueFrom()
            .build());
    if (spec.getType() == ApplicationType.PYTHON) {
      String python = conf.get(SparkConfKeys.PYSPARK_PYTHON);
      String driverPython = conf.getOrDefault(SparkConfKeys.PYSPARK_DRIVER_PYTHON, python);
      if (python != null) {
        env.add(env("PYSPARK_PYTHON", python));
      }
      if (driverPython != null) {
        env.add(env("PYSPARK_DRIVER_PYTHON", driverPython));
      }
    }
    if (conf.containsKey(SparkConfKeys.HADOOP_CONF_CONFIG_MAP)) {
      env.add(env(DriverPodFactory.ENV_HADOOP_CONF_DIR, Names.HADOOP_CONF_DIR));
    }
    env.add(env(DriverPodFactory.ENV_LOCAL_DIRS, String.join(",", localDirs)));
    env.add(env(DriverPodFactory.ENV_CONF_DIR, Names.SPARK_CONF_DIR));
    return env;
  }

  /** The template's env, Spark's over it, then the spec's, which may not replace the operator's. */
  static List<EnvVar> mergedEnv(
      List<EnvVar> template, List<EnvVar> spark, List<EnvVar> spec, Set<String> protectedNames) {
    return EnvMerge.merge(EnvMerge.merge(template, spark), spec, protectedNames);
  }

  /** The template container's ports, then Spark's three, one entry per port number. */
  static List<ContainerPort> ports(List<ContainerPort> template) {
    List<ContainerPort> ports = new ArrayList<>(SparkPodOverlay.orEmpty(template));
    for (ContainerPort port :
        List.of(
            port(Names.DRIVER_PORT_NAME, Names.DRIVER_PORT),
            port(Names.BLOCK_MANAGER_PORT_NAME, Names.BLOCK_MANAGER_PORT),
            port(Names.UI_PORT_NAME, Names.UI_PORT))) {
      ports.removeIf(
          p ->
              Objects.equals(p.getContainerPort(), port.getContainerPort())
                  || Objects.equals(p.getName(), port.getName()));
      ports.add(port);
    }
    return ports;
  }

  /**
   * Spark's driver resources over the template's: CPU request from {@code
   * spark.kubernetes.driver.request.cores} or {@code spark.driver.cores}, CPU limit from {@code
   * spark.kubernetes.driver.limit.cores} when set, memory request and limit both heap plus
   * overhead. Other resources of the template (ephemeral storage, GPUs) are kept.
   */
  static ResourceRequirements resources(
      ResourceRequirements template, SortedMap<String, String> conf, boolean nonJvm) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    if (template != null) {
      if (template.getRequests() != null) {
        requests.putAll(template.getRequests());
      }
      if (template.getLimits() != null) {
        limits.putAll(template.getLimits());
      }
    }
    String cpu =
        conf.getOrDefault(
            SparkConfKeys.DRIVER_REQUEST_CORES, conf.getOrDefault(SparkConfKeys.DRIVER_CORES, "1"));
    Quantity memory = new Quantity(SparkMemory.forDriver(conf, nonJvm).totalMiB() + "Mi");
    requests.put("cpu", new Quantity(cpu));
    requests.put("memory", memory);
    String cpuLimit = conf.get(SparkConfKeys.DRIVER_LIMIT_CORES);
    if (cpuLimit != null) {
      limits.put("cpu", new Quantity(cpuLimit));
    }
    limits.put("memory", memory);
    limits.putAll(customResources(conf));
    ResourceRequirements resources = new ResourceRequirements();
    resources.setRequests(requests);
    resources.setLimits(limits);
    if (template != null) {
      resources.setClaims(template.getClaims());
    }
    return resources;
  }

  /**
   * The driver's custom resources as Spark's KubernetesUtils.buildResourcesQuantities builds them:
   * {@code spark.driver.resource.<name>.amount} with {@code .vendor} becomes the limit {@code
   * <vendor>/<name>} (nvidia.com/gpu). Spark refuses to submit a resource without a vendor; the
   * operator leaves such a resource out of the pod.
   */
  static Map<String, Quantity> customResources(SortedMap<String, String> conf) {
    Map<String, Quantity> limits = new LinkedHashMap<>();
    SparkConfResolver.withPrefix(conf, SparkConfKeys.DRIVER_RESOURCE_PREFIX)
        .forEach(
            (key, amount) -> {
              if (!key.endsWith(".amount")) {
                return;
              }
              String name = key.substring(0, key.length() - ".amount".length());
              String vendor = conf.get(SparkConfKeys.DRIVER_RESOURCE_PREFIX + name + ".vendor");
              if (vendor != null) {
                limits.put(vendor + "/" + name, new Quantity(amount));
              }
            });
    return limits;
  }

  /** The image Spark gives the driver: its own, else the shared one. */
  static String image(SortedMap<String, String> conf) {
    return conf.getOrDefault(SparkConfKeys.DRIVER_IMAGE, conf.get(SparkConfKeys.IMAGE));
  }

  static String pullPolicy(SortedMap<String, String> conf) {
    return conf.getOrDefault(SparkConfKeys.IMAGE_PULL_POLICY, DEFAULT_PULL_POLICY);
  }

  private static ContainerPort port(String name, int port) {
    return new ContainerPortBuilder()
        .withName(name)
        .withContainerPort(port)
        .withProtocol("TCP")
        .build();
  }

  private static EnvVar env(String name, String value) {
    return new EnvVar(name, value, null);
  }
}
