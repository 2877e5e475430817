package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The driver pod {@code <name>-driver}, as Spark's KubernetesDriverBuilder and client would build
 * it from the resolved properties, on top of spec.driver.template with the typed fields of
 * spec.driver applied. Precedence, lowest first: the template, Spark configuration
 * (spark.kubernetes.driver.label.*, node selectors...), the typed fields, then what Spark and the
 * operator need (labels, env, volumes, args), which nothing overrides.
 */
public final class DriverPodFactory {

  public static final String ENV_SPARK_USER = "SPARK_USER";
  public static final String ENV_APPLICATION_ID = "SPARK_APPLICATION_ID";
  public static final String ENV_BIND_ADDRESS = "SPARK_DRIVER_BIND_ADDRESS";
  public static final String ENV_LOCAL_DIRS = "SPARK_LOCAL_DIRS";
  public static final String ENV_CONF_DIR = "SPARK_CONF_DIR";
  public static final String ENV_HADOOP_CONF_DIR = "HADOOP_CONF_DIR";

  /**
   * Driver env the operator owns: entries of spec.driver.env with these names are dropped (the
   * validator rejects them). SPARK_USER is not among them: a job may run as another user.
   */
  public static final Set<String> OPERATOR_ENV =
      Set.of(ENV_APPLICATION_ID, ENV_BIND_ADDRESS, ENV_LOCAL_DIRS, ENV_CONF_DIR);

  private static final int CONFIG_FILE_MODE = 0644;

  private DriverPodFactory() {}

  /**
   * The attempt's driver pod.
   *
   * @param conf the attempt's properties from {@link SparkConfResolver#resolve}
   */
  public static Pod build(
      SparkBatchJob job, int attempt, SortedMap<String, String> conf, SubmissionSettings settings) {
    SparkBatchJobSpec spec = job.getSpec();
    DriverSpec driver = spec.getDriver() == null ? new DriverSpec() : spec.getDriver();
    Pod pod = SparkPodOverlay.apply(driver, spec.getVolumes(), Names.DRIVER_CONTAINER);
    PodSpec podSpec = pod.getSpec();
    Container spark = podSpec.getContainers().get(0);
    LocalDirs localDirs = LocalDirs.of(spark, conf);
    boolean nonJvm = SparkConfResolver.isNonJvm(spec);

    spark.setImage(DriverContainer.image(conf));
    spark.setImagePullPolicy(DriverContainer.pullPolicy(conf));
    spark.setArgs(DriverContainer.args(spec));
    spark.setPorts(DriverContainer.ports(spark.getPorts()));
    spark.setEnv(
        DriverContainer.mergedEnv(
            spark.getEnv(),
            DriverContainer.sparkEnv(conf, spec, settings, localDirs.paths()),
            driver.getEnv(),
            OPERATOR_ENV));
    spark.setResources(DriverContainer.resources(spark.getResources(), conf, nonJvm));
    List<VolumeMount> mounts = new ArrayList<>(SparkPodOverlay.orEmpty(spark.getVolumeMounts()));
    // Spark reads its configuration there: nothing else may be mounted at that path.
    mounts.removeIf(m -> Names.SPARK_CONF_DIR.equals(m.getMountPath()));
    String hadoopConfigMap = conf.get(SparkConfKeys.HADOOP_CONF_CONFIG_MAP);
    if (hadoopConfigMap != null) {
      mounts.add(
          new VolumeMountBuilder()
              .withName(Names.HADOOP_CONF_VOLUME)
              .withMountPath(Names.HADOOP_CONF_DIR)
              .build());
    }
    mounts.addAll(localDirs.mounts());
    mounts.add(
        new VolumeMountBuilder()
            .withName(Names.SPARK_CONF_VOLUME)
            .withMountPath(Names.SPARK_CONF_DIR)
            .build());
    spark.setVolumeMounts(mounts);

    pod.setApiVersion("v1");
    pod.setKind("Pod");
    metadata(pod.getMetadata(), job, attempt, conf, driver);
    podSpec.setRestartPolicy("Never");
    String account = conf.get(SparkConfKeys.DRIVER_SERVICE_ACCOUNT);
    podSpec.setServiceAccountName(account);
    podSpec.setServiceAccount(account);
    podSpec.setNodeSelector(
        SparkPodOverlay.merge(
            SparkPodOverlay.merge(podSpec.getNodeSelector(), confNodeSelector(conf)),
            driver.getNodeSelector()));
    if (driver.getSchedulerName() == null) {
      String scheduler =
          conf.getOrDefault(
              SparkConfKeys.DRIVER_SCHEDULER_NAME, conf.get(SparkConfKeys.SCHEDULER_NAME));
      if (scheduler != null) {
        podSpec.setSchedulerName(scheduler);
      }
    }
    podSpec.setImagePullSecrets(pullSecrets(podSpec.getImagePullSecrets(), conf));
    List<Volume> volumes = new ArrayList<>(SparkPodOverlay.orEmpty(podSpec.getVolumes()));
    volumes.removeIf(v -> Names.SPARK_CONF_VOLUME.equals(v.getName()));
    if (hadoopConfigMap != null) {
      volumes.add(
          new VolumeBuilder()
              .withName(Names.HADOOP_CONF_VOLUME)
              .withNewConfigMap()
              .withName(hadoopConfigMap)
              .endConfigMap()
              .build());
    }
    volumes.addAll(localDirs.volumes());
    volumes.add(confVolume(job, conf));
    podSpec.setVolumes(volumes);
    // A deep copy: the pod must not share objects (affinity, volumes...) with the job's spec.
    return new PodBuilder(pod).build();
  }

  private static void metadata(
      ObjectMeta meta,
      SparkBatchJob job,
      int attempt,
      SortedMap<String, String> conf,
      DriverSpec driver) {
    String appId = conf.get(SparkConfKeys.APP_ID);
    meta.setName(conf.get(SparkConfKeys.DRIVER_POD_NAME));
    meta.setNamespace(job.getMetadata().getNamespace());
    meta.setGenerateName(null);

    Map<String, String> labels =
        SparkPodOverlay.merge(
            SparkPodOverlay.merge(
                meta.getLabels(), fromConf(conf, SparkConfKeys.DRIVER_LABEL_PREFIX, appId)),
            withAppId(driver.getLabels(), appId));
    labels = labels == null ? new LinkedHashMap<>() : labels;
    labels.put(Labels.SPARK_APP_SELECTOR, appId);
    labels.put(Labels.SPARK_ROLE, Labels.ROLE_DRIVER);
    labels.put(Labels.SPARK_APP_NAME, Labels.appNameValue(conf.get(SparkConfKeys.APP_NAME)));
    String version = job.getSpec().getSparkVersion();
    if (version != null && Labels.isValidValue(version)) {
      labels.put(Labels.SPARK_VERSION, version);
    }
    labels.putAll(Labels.forAttempt(job, attempt));
    meta.setLabels(labels);

    Map<String, String> annotations =
        SparkPodOverlay.merge(
            SparkPodOverlay.merge(
                meta.getAnnotations(),
                fromConf(conf, SparkConfKeys.DRIVER_ANNOTATION_PREFIX, appId)),
            withAppId(driver.getAnnotations(), appId));
    annotations = annotations == null ? new LinkedHashMap<>() : annotations;
    annotations.put(Labels.DEFAULT_CONTAINER_ANNOTATION, Names.DRIVER_CONTAINER);
    Long generation = job.getMetadata().getGeneration();
    if (generation != null) {
      annotations.put(Labels.GENERATION_ANNOTATION, generation.toString());
    }
    meta.setAnnotations(annotations);
    meta.setOwnerReferences(Labels.ownedBy(job));
  }

  /** Spark's driver labels or annotations from configuration, with {{APP_ID}} filled in. */
  private static Map<String, String> fromConf(
      SortedMap<String, String> conf, String prefix, String appId) {
    return withAppId(SparkConfResolver.withPrefix(conf, prefix), appId);
  }

  /**
   * Label or annotation values with {{APP_ID}} replaced by the application id and {{EXECUTOR_ID}}
   * by nothing, as Spark replaces them in the driver's labels and annotations. The typed fields get
   * it too: the converter moves spark.kubernetes.driver.label.* and annotation.* there, and
   * executors' typed labels reach Spark, which replaces them, through the same properties.
   */
  private static Map<String, String> withAppId(Map<String, String> values, String appId) {
    if (values == null) {
      return null;
    }
    Map<String, String> replaced = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> replaced.put(k, v.replace("{{APP_ID}}", appId).replace("{{EXECUTOR_ID}}", "")));
    return replaced;
  }

  private static Map<String, String> confNodeSelector(SortedMap<String, String> conf) {
    Map<String, String> selector =
        new LinkedHashMap<>(SparkConfResolver.withPrefix(conf, SparkConfKeys.NODE_SELECTOR_PREFIX));
    selector.putAll(SparkConfResolver.withPrefix(conf, SparkConfKeys.DRIVER_NODE_SELECTOR_PREFIX));
    return selector;
  }

  private static List<LocalObjectReference> pullSecrets(
      List<LocalObjectReference> template, SortedMap<String, String> conf) {
    List<LocalObjectReference> secrets = new ArrayList<>(SparkPodOverlay.orEmpty(template));
    for (String name : SparkConfResolver.split(conf.get(SparkConfKeys.IMAGE_PULL_SECRETS))) {
      if (secrets.stream().noneMatch(s -> name.equals(s.getName()))) {
        secrets.add(new LocalObjectReference(name));
      }
    }
    return secrets;
  }

  /** The ConfigMap with the properties (and executor template), mounted read-only, 0644. */
  private static Volume confVolume(SparkBatchJob job, SortedMap<String, String> conf) {
    List<KeyToPath> items = new ArrayList<>();
    if (Names.EXECUTOR_TEMPLATE_PATH.equals(conf.get(SparkConfKeys.EXECUTOR_POD_TEMPLATE_FILE))) {
      items.add(
          new KeyToPath(
              Names.EXECUTOR_TEMPLATE_KEY, CONFIG_FILE_MODE, Names.EXECUTOR_TEMPLATE_KEY));
    }
    items.add(
        new KeyToPath(Names.SPARK_PROPERTIES_KEY, CONFIG_FILE_MODE, Names.SPARK_PROPERTIES_KEY));
    return new VolumeBuilder()
        .withName(Names.SPARK_CONF_VOLUME)
        .withNewConfigMap()
        .withName(Names.configMapName(job.getMetadata().getName()))
        .withItems(items)
        .endConfigMap()
        .build();
  }
}
