package io.sparkbatch.operator.testing.spark;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the apache/spark image's entrypoint would run for a container, as a local command: {@code
 * driver ...} becomes spark-submit in client mode bound to the pod's IP, {@code executor} becomes
 * KubernetesExecutorBackend with the arguments the entrypoint builds from the pod's environment.
 * Paths inside the container are translated by the pod's {@link PodFilesystem}.
 *
 * <p>Two things stand in for the cluster around the pod: {@code spark.kubernetes.driver.master}
 * points the driver at the API server (in a cluster, https://kubernetes.default.svc), and every JVM
 * resolves Service names through {@link ClusterDns}.
 */
record ContainerCommand(List<String> command, Map<String, String> environment) {
  static final String EXIT_WITH_PARENT = "io.sparkbatch.sparkside.ExitWithParent";

  /** The command for {@code container}, or an exception saying why this image can't be run. */
  static ContainerCommand of(
      KubernetesClient client,
      Pod pod,
      Container container,
      String podIp,
      PodFilesystem files,
      SparkImage image,
      ClusterDns dns,
      String apiServerUrl) {
    Map<String, String> env = environment(client, pod, container, podIp, files);
    env.put("SPARK_HOME", image.sparkHome().toString());
    // A pod's host name resolves to its IP; here the machine's resolves to 127.0.0.1.
    env.put("SPARK_LOCAL_IP", podIp);
    List<String> args = container.getArgs() == null ? List.of() : container.getArgs();
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "container "
              + container.getName()
              + " has no args: only Spark's driver and executor"
              + " entrypoints can run on the process kubelet");
    }
    String confDir =
        env.getOrDefault("SPARK_CONF_DIR", image.sparkHome().resolve("conf").toString());
    String classpath = confDir + java.io.File.pathSeparator + image.spark().classpath();
    List<String> jvm = new ArrayList<>(dns.jvmOptions());
    jvm.add("-XX:ActiveProcessorCount=" + cpus(container));
    switch (args.get(0)) {
      case "driver":
        return driver(
            args.subList(1, args.size()), env, jvm, classpath, podIp, files, image, apiServerUrl);
      case "executor":
        return executor(env, jvm, classpath, image);
      default:
        throw new IllegalArgumentException(
            "container "
                + container.getName()
                + " runs '"
                + args.get(0)
                + "': only Spark's driver and executor entrypoints can run on the process kubelet");
    }
  }

  private static ContainerCommand driver(
      List<String> args,
      Map<String, String> env,
      List<String> jvm,
      String classpath,
      String podIp,
      PodFilesystem files,
      SparkImage image,
      String apiServerUrl) {
    List<String> submitArgs = new ArrayList<>();
    args.forEach(a -> submitArgs.add(files.translate(a)));
    Properties conf = propertiesFile(submitArgs);
    // What spark-submit's launcher does in client mode: heap and JVM options from the conf.
    jvm.add("-Xmx" + conf.getProperty("spark.driver.memory", "1g"));
    for (String key : List.of("spark.driver.defaultJavaOptions", "spark.driver.extraJavaOptions")) {
      String options = conf.getProperty(key, "").trim();
      if (!options.isEmpty()) {
        jvm.addAll(List.of(files.translateEmbedded(options).split("\\s+")));
      }
    }
    String extraClasspath = conf.getProperty("spark.driver.extraClassPath", "");
    String fullClasspath =
        extraClasspath.isBlank()
            ? classpath
            : classpath + java.io.File.pathSeparator + files.translateEmbedded(extraClasspath);
    List<String> mainArgs = new ArrayList<>();
    mainArgs.add("org.apache.spark.deploy.SparkSubmit");
    mainArgs.addAll(
        List.of(
            "--conf", "spark.driver.bindAddress=" + podIp,
            "--conf", "spark.executorEnv.SPARK_DRIVER_POD_IP=" + podIp,
            "--conf", "spark.kubernetes.driver.master=" + apiServerUrl,
            "--deploy-mode", "client"));
    mainArgs.addAll(submitArgs);
    return new ContainerCommand(javaCommand(image, jvm, fullClasspath, mainArgs, true), env);
  }

  private static ContainerCommand executor(
      Map<String, String> env, List<String> jvm, String classpath, SparkImage image) {
    List<String> options = new ArrayList<>(jvm);
    env.entrySet().stream()
        .filter(e -> e.getKey().startsWith("SPARK_JAVA_OPT_"))
        .sorted(Comparator.comparingInt(e -> Integer.parseInt(e.getKey().substring(15))))
        .forEach(e -> options.add(e.getValue()));
    String memory = required(env, "SPARK_EXECUTOR_MEMORY");
    options.add("-Xms" + memory);
    options.add("-Xmx" + memory);
    List<String> mainArgs =
        new ArrayList<>(
            List.of(
                "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend",
                "--driver-url",
                required(env, "SPARK_DRIVER_URL"),
                "--executor-id",
                required(env, "SPARK_EXECUTOR_ID"),
                "--cores",
                required(env, "SPARK_EXECUTOR_CORES"),
                "--app-id",
                required(env, "SPARK_APPLICATION_ID"),
                "--hostname",
                required(env, "SPARK_EXECUTOR_POD_IP"),
                "--resourceProfileId",
                env.getOrDefault("SPARK_RESOURCE_PROFILE_ID", "0"),
                "--podName",
                env.getOrDefault("SPARK_EXECUTOR_POD_NAME", "")));
    // The entrypoint's executor JVM gets no launcher options but those the driver put in the env.
    return new ContainerCommand(javaCommand(image, options, classpath, mainArgs, false), env);
  }

  private static List<String> javaCommand(
      SparkImage image,
      List<String> jvm,
      String classpath,
      List<String> mainArgs,
      boolean launcher) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (launcher) {
      command.addAll(image.spark().moduleOptions());
    }
    command.addAll(jvm);
    command.add("-cp");
    command.add(classpath);
    command.add(EXIT_WITH_PARENT);
    command.addAll(mainArgs);
    return command;
  }

  private static Properties propertiesFile(List<String> submitArgs) {
    Properties conf = new Properties();
    int at = submitArgs.indexOf("--properties-file");
    if (at < 0 || at + 1 >= submitArgs.size()) {
      return conf;
    }
    try (Reader in =
        Files.newBufferedReader(Path.of(submitArgs.get(at + 1)), StandardCharsets.UTF_8)) {
      conf.load(in);
      return conf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null) {
      throw new IllegalArgumentException("executor pod has no " + name + " in its environment");
    }
    return value;
  }

  private static int cpus(Container container) {
    var resources = container.getResources();
    Quantity cpu = null;
    if (resources != null && resources.getLimits() != null) {
      cpu = resources.getLimits().get("cpu");
    }
    if (cpu == null && resources != null && resources.getRequests() != null) {
      cpu = resources.getRequests().get("cpu");
    }
    return cpu == null
        ? Runtime.getRuntime().availableProcessors()
        : Math.max(1, (int) Math.ceil(cpu.getNumericalAmount().doubleValue()));
  }

  /** The container's environment as the kubelet resolves it (fieldRefs, ConfigMap/Secret refs). */
  private static Map<String, String> environment(
      KubernetesClient client, Pod pod, Container container, String podIp, PodFilesystem files) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("HOME", files.podDir().toString());
    env.put("HOSTNAME", pod.getMetadata().getName());
    String namespace = pod.getMetadata().getNamespace();
    if (container.getEnvFrom() != null) {
      for (EnvFromSource from : container.getEnvFrom()) {
        String prefix = from.getPrefix() == null ? "" : from.getPrefix();
        if (from.getConfigMapRef() != null) {
          ConfigMap map =
              client
                  .configMaps()
                  .inNamespace(namespace)
                  .withName(from.getConfigMapRef().getName())
                  .get();
          if (map != null && map.getData() != null) {
            map.getData().forEach((k, v) -> env.put(prefix + k, v));
          }
        }
        if (from.getSecretRef() != null) {
          Secret secret =
              client.secrets().inNamespace(namespace).withName(from.getSecretRef().getName()).get();
          if (secret != null && secret.getData() != null) {
            secret.getData().forEach((k, v) -> env.put(prefix + k, decode(v)));
          }
        }
      }
    }
    if (container.getEnv() != null) {
      for (EnvVar var : container.getEnv()) {
        String value =
            var.getValueFrom() == null
                ? var.getValue()
                : valueFrom(client, pod, var.getValueFrom(), podIp);
        if (value != null) {
          env.put(var.getName(), value.startsWith("/") ? files.translate(value) : value);
        }
      }
    }
    return env;
  }

  private static String valueFrom(
      KubernetesClient client, Pod pod, EnvVarSource source, String podIp) {
    String namespace = pod.getMetadata().getNamespace();
    if (source.getFieldRef() != null) {
      switch (source.getFieldRef().getFieldPath()) {
        case "status.podIP":
        case "status.hostIP":
          return podIp;
        case "metadata.name":
          return pod.getMetadata().getName();
        case "metadata.namespace":
          return namespace;
        case "metadata.uid":
          return pod.getMetadata().getUid();
        case "spec.serviceAccountName":
          return pod.getSpec().getServiceAccountName();
        case "spec.nodeName":
          return "process-kubelet";
        default:
          return null;
      }
    }
    if (source.getConfigMapKeyRef() != null) {
      ConfigMap map =
          client
              .configMaps()
              .inNamespace(namespace)
              .withName(source.getConfigMapKeyRef().getName())
              .get();
      return map == null || map.getData() == null
          ? null
          : map.getData().get(source.getConfigMapKeyRef().getKey());
    }
    if (source.getSecretKeyRef() != null) {
      Secret secret =
          client
              .secrets()
              .inNamespace(namespace)
              .withName(source.getSecretKeyRef().getName())
              .get();
      return secret == null || secret.getData() == null
          ? null
          : decode(secret.getData().get(source.getSecretKeyRef().getKey()));
    }
    return null;
  }

  private static String decode(String base64) {
    return base64 == null
        ? null
        : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
