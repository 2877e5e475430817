package io.sparkbatch.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import java.util.Map;

/**
 * Settings shared by the driver and executor pods. Typed fields win over the same fields in
 * template.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SparkPodSpec {

  @JsonPropertyDescription(
      "Number of CPU cores Spark uses in this pod (spark.driver.cores / spark.executor.cores). Also the pod's CPU request unless coreRequest is set. Defaults to 1.")
  @Min(1)
  private Integer cores;

  @JsonPropertyDescription(
      "CPU request of the pod as a Kubernetes quantity (for example 500m or 1.5), when it should differ from cores.")
  @Pattern("^([0-9]+(\\.[0-9]+)?|[0-9]+m)$")
  private String coreRequest;

  @JsonPropertyDescription(
      "CPU limit of the pod as a Kubernetes quantity (for example 2 or 1500m). Unset means no limit.")
  @Pattern("^([0-9]+(\\.[0-9]+)?|[0-9]+m)$")
  private String coreLimit;

  @JsonPropertyDescription(
      "Heap memory of the JVM in Spark's format (512m, 4g; units are binary and a bare number means MiB) or as a binary Kubernetes quantity (4Gi). The pod's memory request and limit add memoryOverhead to it. Defaults to 1g.")
  @Pattern("^[0-9]+([kKmMgGtTpP][bB]?|[KMGTP]i)?$")
  private String memory;

  @JsonPropertyDescription(
      "Non-heap memory added to the pod's request and limit, in the same format as memory. Defaults to Spark's rule: 10% of memory (40% for Python and R), at least 384m.")
  @Pattern("^[0-9]+([kKmMgGtTpP][bB]?|[KMGTP]i)?$")
  private String memoryOverhead;

  @JsonPropertyDescription("Container image for this role, overriding spec.image.")
  private String image;

  @JsonPropertyDescription(
      "Extra JVM options (spark.driver.extraJavaOptions / spark.executor.extraJavaOptions).")
  private String javaOptions;

  @JsonPropertyDescription(
      "Service account of the pod. For the driver, setting it opts out of the account the operator manages: the account must exist and be allowed to manage the job's executor pods.")
  private String serviceAccount;

  @JsonPropertyDescription("Labels added to the pod.")
  private Map<String, String> labels;

  @JsonPropertyDescription("Annotations added to the pod.")
  private Map<String, String> annotations;

  @JsonPropertyDescription(
      "Environment variables of the Spark container; valueFrom can read Secrets and ConfigMaps, so credentials never appear in the spec.")
  private List<EnvVar> env;

  @JsonPropertyDescription(
      "Secrets and ConfigMaps whose keys all become environment variables of the Spark container.")
  private List<EnvFromSource> envFrom;

  @JsonPropertyDescription("Mounts of spec.volumes into the Spark container.")
  private List<VolumeMount> volumeMounts;

  @JsonPropertyDescription("Node labels the pod must match.")
  private Map<String, String> nodeSelector;

  @JsonPropertyDescription("Tolerations of the pod.")
  private List<Toleration> tolerations;

  @JsonPropertyDescription("Affinity and anti-affinity rules of the pod.")
  @SchemaFrom(type = EmbeddedKubernetesObject.class)
  private Affinity affinity;

  @JsonPropertyDescription("Security context of the Spark container.")
  @SchemaFrom(type = EmbeddedKubernetesObject.class)
  private SecurityContext securityContext;

  @JsonPropertyDescription("Security context of the pod.")
  @SchemaFrom(type = EmbeddedKubernetesObject.class)
  private PodSecurityContext podSecurityContext;

  @JsonPropertyDescription(
      "Scheduler of the pod (for example volcano or yunikorn); unset uses the cluster's default scheduler.")
  private String schedulerName;

  @JsonPropertyDescription("Priority class of the pod.")
  private String priorityClassName;

  @JsonPropertyDescription(
      "A full pod template for anything the typed fields do not cover (sidecars, init containers, host aliases...). The typed fields are applied on top of it; the Spark container is the one named spark-kubernetes-driver or spark-kubernetes-executor, or the first.")
  @SchemaFrom(type = EmbeddedKubernetesObject.class)
  private PodTemplateSpec template;

  public Integer getCores() {
    return cores;
  }

  public void setCores(Integer cores) {
    this.cores = cores;
  }

  public String getCoreRequest() {
    return coreRequest;
  }

  public void setCoreRequest(String coreRequest) {
    this.coreRequest = coreRequest;
  }

  public String getCoreLimit() {
    return coreLimit;
  }

  public void setCoreLimit(String coreLimit) {
    this.coreLimit = coreLimit;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }

  public String getMemoryOverhead() {
    return memoryOverhead;
  }

  public void setMemoryOverhead(String memoryOverhead) {
    this.memoryOverhead = memoryOverhead;
  }

  public String getImage() {
    return image;
  }

  public void setImage(String image) {
    this.image = image;
  }

  public String getJavaOptions() {
    return javaOptions;
  }

  public void setJavaOptions(String javaOptions) {
    this.javaOptions = javaOptions;
  }

  public String getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(String serviceAccount) {
    this.serviceAccount = serviceAccount;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public List<EnvVar> getEnv() {
    return env;
  }

  public void setEnv(List<EnvVar> env) {
    this.env = env;
  }

  public List<EnvFromSource> getEnvFrom() {
    return envFrom;
  }

  public void setEnvFrom(List<EnvFromSource> envFrom) {
    this.envFrom = envFrom;
  }

  public List<VolumeMount> getVolumeMounts() {
    return volumeMounts;
  }

  public void setVolumeMounts(List<VolumeMount> volumeMounts) {
    this.volumeMounts = volumeMounts;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public Affinity getAffinity() {
    return affinity;
  }

  public void setAffinity(Affinity affinity) {
    this.affinity = affinity;
  }

  public SecurityContext getSecurityContext() {
    return securityContext;
  }

  public void setSecurityContext(SecurityContext securityContext) {
    this.securityContext = securityContext;
  }

  public PodSecurityContext getPodSecurityContext() {
    return podSecurityContext;
  }

  public void setPodSecurityContext(PodSecurityContext podSecurityContext) {
    this.podSecurityContext = podSecurityContext;
  }

  public String getSchedulerName() {
    return schedulerName;
  }

  public void setSchedulerName(String schedulerName) {
    this.schedulerName = schedulerName;
  }

  public String getPriorityClassName() {
    return priorityClassName;
  }

  public void setPriorityClassName(String priorityClassName) {
    this.priorityClassName = priorityClassName;
  }

  public PodTemplateSpec getTemplate() {
    return template;
  }

  public void setTemplate(PodTemplateSpec template) {
    this.template = template;
  }
}
