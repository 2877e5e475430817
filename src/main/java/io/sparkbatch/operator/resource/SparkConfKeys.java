package io.sparkbatch.operator.resource;

/** The Spark configuration keys the operator writes or reads, named once (Spark 3.5 and 4.x). */
public final class SparkConfKeys {

  public static final String MASTER = "spark.master";
  public static final String DEPLOY_MODE = "spark.submit.deployMode";
  public static final String SUBMIT_IN_DRIVER = "spark.kubernetes.submitInDriver";
  public static final String APP_NAME = "spark.app.name";
  public static final String APP_ID = "spark.app.id";
  public static final String NAMESPACE = "spark.kubernetes.namespace";
  public static final String DRIVER_POD_NAME = "spark.kubernetes.driver.pod.name";
  public static final String DRIVER_MASTER = "spark.kubernetes.driver.master";
  public static final String DRIVER_HOST = "spark.driver.host";
  public static final String DRIVER_BIND_ADDRESS = "spark.driver.bindAddress";
  public static final String DRIVER_PORT = "spark.driver.port";
  public static final String DRIVER_BLOCK_MANAGER_PORT = "spark.driver.blockManager.port";
  public static final String UI_PORT = "spark.ui.port";
  public static final String RESOURCE_TYPE = "spark.kubernetes.resource.type";
  public static final String DRIVER_RESOURCE_NAME_PREFIX =
      "spark.kubernetes.driver.resourceNamePrefix";

  public static final String IMAGE = "spark.kubernetes.container.image";
  public static final String DRIVER_IMAGE = "spark.kubernetes.driver.container.image";
  public static final String EXECUTOR_IMAGE = "spark.kubernetes.executor.container.image";
  public static final String IMAGE_PULL_POLICY = "spark.kubernetes.container.image.pullPolicy";
  public static final String IMAGE_PULL_SECRETS = "spark.kubernetes.container.image.pullSecrets";

  public static final String DRIVER_CORES = "spark.driver.cores";
  public static final String DRIVER_REQUEST_CORES = "spark.kubernetes.driver.request.cores";
  public static final String DRIVER_LIMIT_CORES = "spark.kubernetes.driver.limit.cores";
  public static final String DRIVER_MEMORY = "spark.driver.memory";
  public static final String DRIVER_MEMORY_OVERHEAD = "spark.driver.memoryOverhead";
  public static final String DRIVER_MEMORY_OVERHEAD_FACTOR = "spark.driver.memoryOverheadFactor";
  public static final String DRIVER_MIN_MEMORY_OVERHEAD = "spark.driver.minMemoryOverhead";
  public static final String MEMORY_OVERHEAD_FACTOR = "spark.kubernetes.memoryOverheadFactor";
  public static final String DRIVER_JAVA_OPTIONS = "spark.driver.extraJavaOptions";
  public static final String DRIVER_SERVICE_ACCOUNT =
      "spark.kubernetes.authenticate.driver.serviceAccountName";

  public static final String EXECUTOR_CORES = "spark.executor.cores";
  public static final String EXECUTOR_REQUEST_CORES = "spark.kubernetes.executor.request.cores";
  public static final String EXECUTOR_LIMIT_CORES = "spark.kubernetes.executor.limit.cores";
  public static final String EXECUTOR_MEMORY = "spark.executor.memory";
  public static final String EXECUTOR_MEMORY_OVERHEAD = "spark.executor.memoryOverhead";
  public static final String EXECUTOR_JAVA_OPTIONS = "spark.executor.extraJavaOptions";
  public static final String EXECUTOR_SERVICE_ACCOUNT =
      "spark.kubernetes.authenticate.executor.serviceAccountName";
  public static final String EXECUTOR_INSTANCES = "spark.executor.instances";
  public static final String EXECUTOR_DELETE_ON_TERMINATION =
      "spark.kubernetes.executor.deleteOnTermination";
  public static final String EXECUTOR_POD_NAME_PREFIX = "spark.kubernetes.executor.podNamePrefix";
  public static final String EXECUTOR_SCHEDULER_NAME = "spark.kubernetes.executor.scheduler.name";
  public static final String EXECUTOR_POD_TEMPLATE_FILE =
      "spark.kubernetes.executor.podTemplateFile";
  public static final String EXECUTOR_POD_TEMPLATE_CONTAINER =
      "spark.kubernetes.executor.podTemplateContainerName";
  public static final String DRIVER_POD_TEMPLATE_FILE = "spark.kubernetes.driver.podTemplateFile";
  public static final String DRIVER_POD_TEMPLATE_CONTAINER =
      "spark.kubernetes.driver.podTemplateContainerName";

  public static final String DRIVER_SCHEDULER_NAME = "spark.kubernetes.driver.scheduler.name";
  public static final String SCHEDULER_NAME = "spark.kubernetes.scheduler.name";
  public static final String LOCAL_DIR = "spark.local.dir";
  public static final String LOCAL_DIRS_TMPFS = "spark.kubernetes.local.dirs.tmpfs";
  public static final String PYSPARK_PYTHON = "spark.pyspark.python";
  public static final String PYSPARK_DRIVER_PYTHON = "spark.pyspark.driver.python";

  public static final String JARS = "spark.jars";
  public static final String FILES = "spark.files";
  public static final String PY_FILES = "spark.submit.pyFiles";
  public static final String PACKAGES = "spark.jars.packages";
  public static final String REPOSITORIES = "spark.jars.repositories";
  public static final String EXCLUDES = "spark.jars.excludes";
  public static final String ARCHIVES = "spark.archives";
  public static final String IVY_DIR = "spark.jars.ivy";

  public static final String DYNAMIC_ALLOCATION_ENABLED = "spark.dynamicAllocation.enabled";
  public static final String DYNAMIC_ALLOCATION_INITIAL =
      "spark.dynamicAllocation.initialExecutors";
  public static final String DYNAMIC_ALLOCATION_MIN = "spark.dynamicAllocation.minExecutors";
  public static final String DYNAMIC_ALLOCATION_MAX = "spark.dynamicAllocation.maxExecutors";
  public static final String SHUFFLE_TRACKING = "spark.dynamicAllocation.shuffleTracking.enabled";

  public static final String HADOOP_PREFIX = "spark.hadoop.";
  public static final String HADOOP_CONF_CONFIG_MAP = "spark.kubernetes.hadoop.configMapName";
  public static final String EXECUTOR_HADOOP_CONF_CONFIG_MAP =
      "spark.kubernetes.executor.hadoopConfigMapName";
  public static final String DRIVER_RESOURCE_PREFIX = "spark.driver.resource.";
  public static final String EXECUTOR_ENV_PREFIX = "spark.executorEnv.";
  public static final String DRIVER_ENV_PREFIX = "spark.kubernetes.driverEnv.";
  public static final String DRIVER_LABEL_PREFIX = "spark.kubernetes.driver.label.";
  public static final String DRIVER_ANNOTATION_PREFIX = "spark.kubernetes.driver.annotation.";
  public static final String DRIVER_SERVICE_LABEL_PREFIX = "spark.kubernetes.driver.service.label.";
  public static final String DRIVER_SERVICE_ANNOTATION_PREFIX =
      "spark.kubernetes.driver.service.annotation.";
  public static final String DRIVER_SERVICE_IP_FAMILY_POLICY =
      "spark.kubernetes.driver.service.ipFamilyPolicy";
  public static final String DRIVER_SERVICE_IP_FAMILIES =
      "spark.kubernetes.driver.service.ipFamilies";
  public static final String NODE_SELECTOR_PREFIX = "spark.kubernetes.node.selector.";
  public static final String DRIVER_NODE_SELECTOR_PREFIX = "spark.kubernetes.driver.node.selector.";
  public static final String EXECUTOR_LABEL_PREFIX = "spark.kubernetes.executor.label.";
  public static final String EXECUTOR_ANNOTATION_PREFIX = "spark.kubernetes.executor.annotation.";
  public static final String EXECUTOR_NODE_SELECTOR_PREFIX =
      "spark.kubernetes.executor.node.selector.";

  private SparkConfKeys() {}
}
