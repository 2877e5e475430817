package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels, annotations and owner references of everything the operator creates, in one place: the
 * ones Spark itself reads and sets, and the operator's own, which let one label-scoped informer
 * ({@link #MANAGED_SELECTOR}) see every driver and executor pod and tie each to its job and
 * attempt.
 */
public final class Labels {

  /** Spark's application id label; Spark selects executors and cleans up by it. */
  public static final String SPARK_APP_SELECTOR = "spark-app-selector";

  /** Spark's role label: {@link #ROLE_DRIVER} or {@link #ROLE_EXECUTOR}. */
  public static final String SPARK_ROLE = "spark-role";

  public static final String ROLE_DRIVER = "driver";
  public static final String ROLE_EXECUTOR = "executor";

  /** Spark's label with the application name, sanitised as a label value. */
  public static final String SPARK_APP_NAME = "spark-app-name";

  /** Spark's label with its version; set on the driver when the spec states it. */
  public static final String SPARK_VERSION = "spark-version";

  /** Spark's executor id label. */
  public static final String SPARK_EXEC_ID = "spark-exec-id";

  /** Spark's resource profile label of executors. */
  public static final String SPARK_EXEC_RESOURCE_PROFILE_ID = "spark-exec-resourceprofile-id";

  /** Set by Spark on executors it gave up on (the driver's watch excludes them). */
  public static final String SPARK_EXEC_INACTIVE = "spark-exec-inactive";

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "spark-batch-operator";

  /** The job's name, made a valid label value by {@link #jobNameValue}. */
  public static final String JOB_NAME = "sparkbatch.io/job-name";

  /** The attempt number, from 1. */
  public static final String ATTEMPT = "sparkbatch.io/attempt";

  /** Annotation of the driver pod: the metadata.generation of the spec it runs. */
  public static final String GENERATION_ANNOTATION = "sparkbatch.io/generation";

  /** Makes kubectl logs/exec pick the Spark container when a template adds sidecars. */
  public static final String DEFAULT_CONTAINER_ANNOTATION =
      "kubectl.kubernetes.io/default-container";

  /** Label selector matching every driver and executor pod (and Service, ConfigMap) we create. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + MANAGED_BY_VALUE;

  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

  private Labels() {}

  /**
   * The operator's labels for one attempt of a job: on the driver pod, Service and ConfigMap, and
   * (through {@code spark.kubernetes.executor.label.*}) on every executor.
   */
  public static Map<String, String> forAttempt(SparkBatchJob job, int attempt) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    labels.put(JOB_NAME, jobNameValue(job.getMetadata().getName()));
    labels.put(ATTEMPT, Integer.toString(attempt));
    return labels;
  }

  /** What the driver Service selects: the attempt's driver pod, and nothing else. */
  public static Map<String, String> driverSelector(String applicationId) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(SPARK_APP_SELECTOR, applicationId);
    selector.put(SPARK_ROLE, ROLE_DRIVER);
    return selector;
  }

  /**
   * The job name as a label value. Names of custom resources may be 253 characters long, label
   * values only 63: longer names are cut and end with a hash of the full name.
   */
  public static String jobNameValue(String jobName) {
    if (jobName.length() <= Names.MAX_LABEL_LENGTH) {
      return jobName;
    }
    return Names.shorten(jobName, "", Names.MAX_LABEL_LENGTH);
  }

  /**
   * The application name as Spark writes it into {@link #SPARK_APP_NAME}: lower case, anything but
   * letters, digits and dashes turned into single dashes, cut to 63, no dash at either end.
   */
  public static String appNameValue(String appName) {
    String value =
        appName.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
    if (value.length() > Names.MAX_LABEL_LENGTH) {
      value = value.substring(0, Names.MAX_LABEL_LENGTH);
    }
    if (value.startsWith("-")) {
      value = value.substring(1);
    }
    if (value.endsWith("-")) {
      value = value.substring(0, value.length() - 1);
    }
    return value;
  }

  /** Whether Kubernetes accepts the value as a label value. */
  public static boolean isValidValue(String value) {
    return value.length() <= Names.MAX_LABEL_LENGTH && LABEL_VALUE.matcher(value).matches();
  }

  /**
   * The owner reference that makes the job the controller of what it created: deleting the job
   * deletes its driver pod, Service and ConfigMap (and, through the pod, Spark's executors).
   */
  public static List<OwnerReference> ownedBy(HasMetadata owner) {
    return List.of(
        new OwnerReferenceBuilder()
            .withApiVersion(owner.getApiVersion())
            .withKind(owner.getKind())
            .withName(owner.getMetadata().getName())
            .withUid(owner.getMetadata().getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build());
  }
}
