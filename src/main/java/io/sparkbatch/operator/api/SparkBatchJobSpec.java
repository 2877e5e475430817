package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Map;

/**
 * The desired Spark application: what to run, with which image and resources, and how to retry and
 * clean up. Field names follow the kubeflow SparkApplication so that manifests move over by
 * changing apiVersion and kind.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.type != 'Python' || self.mainApplicationFile.endsWith('.py')",
    message = "spec.mainApplicationFile must be a .py file when spec.type is Python")
@ValidationRule(
    value =
        "self.type != 'R' || self.mainApplicationFile.endsWith('.R') || self.mainApplicationFile.endsWith('.r')",
    message = "spec.mainApplicationFile must be an .R file when spec.type is R")
@ValidationRule(
    value =
        "self.type == 'Python' || !has(self.deps) || !has(self.deps.pyFiles) || size(self.deps.pyFiles) == 0",
    message = "spec.deps.pyFiles is only allowed when spec.type is Python")
public class SparkBatchJobSpec {

  @JsonPropertyDescription(
      "Language of the application: Java, Scala, Python or R. Decides how the driver is started (a JVM main class or a Python/R script). Defaults to Scala.")
  @Default("Scala")
  private ApplicationType type;

  @JsonPropertyDescription(
      "Deploy mode. Only 'cluster' is supported (the driver runs in its own pod); accepted for compatibility with kubeflow manifests.")
  @Pattern("^cluster$")
  private String mode;

  @JsonPropertyDescription(
      "Fully qualified main class of a Java or Scala application, for example org.apache.spark.examples.SparkPi. Required unless mainApplicationFile is a plain path or file:// URI of a jar whose manifest names its Main-Class: Spark reads the manifest only then, not for local://, s3a:// or https:// files.")
  private String mainClass;

  @JsonPropertyDescription(
      "The application resource: a jar, .py or .R file. Use local:///path for a file inside the image, or s3a://, gs://, https:// for a remote one.")
  @Required
  @Pattern("^\\S+$")
  private String mainApplicationFile;

  @JsonPropertyDescription("Arguments passed to the application's main method or script, in order.")
  private List<String> arguments;

  @JsonPropertyDescription(
      "The Spark version of the image, for information (shown in status and used by tooling); the operator supports Spark 3.x and 4.x images.")
  private String sparkVersion;

  @JsonPropertyDescription(
      "Container image for the driver and executors (the stock apache/spark image or one built from it). spec.driver.image or spec.executor.image override it per role.")
  private String image;

  @JsonPropertyDescription(
      "Image pull policy for the driver and executor containers: Always, IfNotPresent or Never.")
  @Pattern("^(Always|IfNotPresent|Never)$")
  private String imagePullPolicy;

  @JsonPropertyDescription("Names of Secrets in the job's namespace used to pull the image.")
  private List<String> imagePullSecrets;

  @JsonPropertyDescription(
      "Spark configuration properties (spark.*), as with spark-submit --conf. Typed fields of this spec take precedence over the same keys here. Keys the operator sets itself, such as spark.master and spark.kubernetes.namespace, are rejected.")
  private Map<String, String> sparkConf;

  @JsonPropertyDescription(
      "Hadoop configuration properties, for example fs.s3a.endpoint. Each key is passed to Spark as spark.hadoop.<key>.")
  private Map<String, String> hadoopConf;

  @JsonPropertyDescription(
      "Extra jars, files, Python files, Maven packages and archives the application needs.")
  private Dependencies deps;

  @JsonPropertyDescription("The driver pod: resources, service account and pod settings.")
  private DriverSpec driver;

  @JsonPropertyDescription("The executor pods: count, resources and pod settings.")
  private ExecutorSpec executor;

  @JsonPropertyDescription(
      "Volumes available to the driver and executor pods; mount them with driver.volumeMounts and executor.volumeMounts.")
  @SchemaFrom(type = EmbeddedKubernetesObject[].class)
  private List<Volume> volumes;

  @JsonPropertyDescription(
      "Dynamic allocation: let Spark scale the number of executors with the workload.")
  private DynamicAllocation dynamicAllocation;

  @JsonPropertyDescription(
      "When to run the application again after it ends, and how long to wait in between. Defaults to Never.")
  private RestartPolicy restartPolicy;

  @JsonPropertyDescription(
      "Time limits: how long the driver may take to start, and how long the whole job may run.")
  private Timeouts timeouts;

  @JsonPropertyDescription(
      "Delete this SparkBatchJob (and everything it owns) this many seconds after it finishes. Unset keeps it.")
  @Min(0)
  private Long timeToLiveSeconds;

  @JsonPropertyDescription(
      "Delete the job's pods, Service and ConfigMap this many seconds after it finishes, but keep the SparkBatchJob and its status (what GitOps tools want). 0 releases them at once; unset keeps them, for kubectl logs.")
  @Min(0)
  private Long releaseResourcesAfterSeconds;

  @JsonPropertyDescription(
      "User to impersonate when running the application (spark-submit --proxy-user).")
  private String proxyUser;

  public ApplicationType getType() {
    return type;
  }

  public void setType(ApplicationType type) {
    this.type = type;
  }

  public String getMode() {
    return mode;
  }

  public void setMode(String mode) {
    this.mode = mode;
  }

  public String getMainClass() {
    return mainClass;
  }

  public void setMainClass(String mainClass) {
    this.mainClass = mainClass;
  }

  public String getMainApplicationFile() {
    return mainApplicationFile;
  }

  public void setMainApplicationFile(String mainApplicationFile) {
    this.mainApplicationFile = mainApplicationFile;
  }

  public List<String> getArguments() {
    return arguments;
  }

  public void setArguments(List<String> arguments) {
    this.arguments = arguments;
  }

  public String getSparkVersion() {
    return sparkVersion;
  }

  public void setSparkVersion(String sparkVersion) {
    this.sparkVersion = sparkVersion;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getImagePullPolicy() {
    return imagePullPolicy;
  }

  public void setImagePullPolicy(String imagePullPolicy) {
    this.imagePullPolicy = imagePullPolicy;
  }

  public List<String> getImagePullSecrets() {
    return imagePullSecrets;
  }

  public void setImagePullSecrets(List<String> imagePullSecrets) {
    this.imagePullSecrets = imagePullSecrets;
  }

  public Map<String, String> getSparkConf() {
    return sparkConf;
  }

  public void setSparkConf(Map<String, String> sparkConf) {
    this.sparkConf = sparkConf;
  }

  public Map<String, String> getHadoopConf() {
    return hadoopConf;
  }

  public void setHadoopConf(Map<String, String> hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  public Dependencies getDeps() {
    return deps;
  }

  public void setDeps(Dependencies deps) {
    this.deps = deps;
  }

  public DriverSpec getDriver() {
    return driver;
  }

  public void setDriver(DriverSpec driver) {
    this.driver = driver;
  }

  public ExecutorSpec getExecutor() {
    return executor;
  }

  public void setExecutor(ExecutorSpec executor) {
    this.executor = executor;
  }

  public List<Volume> getVolumes() {
    return volumes;
  }

  public void setVolumes(List<Volume> volumes) {
    this.volumes = volumes;
  }

  public DynamicAllocation getDynamicAllocation() {
    return dynamicAllocation;
  }

  public void setDynamicAllocation(DynamicAllocation dynamicAllocation) {
    this.dynamicAllocation = dynamicAllocation;
  }

  public RestartPolicy getRestartPolicy() {
    return restartPolicy;
  }

  public void setRestartPolicy(RestartPolicy restartPolicy) {
    this.restartPolicy = restartPolicy;
  }

  public Timeouts getTimeouts() {
    return timeouts;
  }

  public void setTimeouts(Timeouts timeouts) {
    this.timeouts = timeouts;
  }

  public Long getTimeToLiveSeconds() {
    return timeToLiveSeconds;
  }

  public void setTimeToLiveSeconds(Long timeToLiveSeconds) {
    this.timeToLiveSeconds = timeToLiveSeconds;
  }

  public Long getReleaseResourcesAfterSeconds() {
    return releaseResourcesAfterSeconds;
  }

  public void setReleaseResourcesAfterSeconds(Long releaseResourcesAfterSeconds) {
    this.releaseResourcesAfterSeconds = releaseResourcesAfterSeconds;
  }

  public String getProxyUser() {
    return proxyUser;
  }

  public void setProxyUser(String proxyUser) {
    this.proxyUser = proxyUser;
  }
}
