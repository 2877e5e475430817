package io.sparkbatch.operator.validation;

import static io.sparkbatch.operator.validation.SpecViolations.isBlank;
import static io.sparkbatch.operator.validation.SpecViolations.quote;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Volume;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.resource.SparkConfResolver;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a SparkBatchJob before the operator acts on it. Pure: no cluster access, no clock.
 *
 * <p>It enforces everything the CRD's schema and CEL rules enforce, because the operator cannot
 * count on the API server having done so (a CRD installed from an older version, {@code kubectl
 * apply --validate=false} against an old server, the test mock server, which validates nothing),
 * and then what a schema cannot say. The CEL rules of the CRD and the methods that mirror them:
 *
 * <ul>
 *   <li>{@code self.type != 'Python' || self.mainApplicationFile.endsWith('.py')}: {@link
 *       #applicationFile}
 *   <li>{@code self.type != 'R' || self.mainApplicationFile.endsWith('.R') ||
 *       self.mainApplicationFile.endsWith('.r')}: {@link #applicationFile}
 *   <li>{@code self.type == 'Python' || !has(self.deps) || !has(self.deps.pyFiles) ||
 *       size(self.deps.pyFiles) == 0}: {@link SparkConfValidator#dependencies}
 *   <li>{@code !has(self.minExecutors) || !has(self.maxExecutors) || self.minExecutors <=
 *       self.maxExecutors} (spec.dynamicAllocation): {@link RunPolicyValidator#dynamicAllocation}
 *   <li>{@code self.type != 'Never' || !has(self.onFailureRetries) || self.onFailureRetries == 0}
 *       (spec.restartPolicy): {@link RunPolicyValidator#restartPolicy}
 * </ul>
 *
 * Messages name the field and what is allowed, for {@code kubectl describe}. They never contain an
 * env value, a sparkConf or hadoopConf value, or an annotation value: those can be secrets.
 */
public final class SparkBatchJobValidator {

  /**
   * The longest metadata.name accepted. The name goes into label values on the job's pods
   * (spark-app-name, as Spark sets it, and the operator's own), which Kubernetes limits to 63
   * characters; batch/v1 Job names have the same limit for the same reason. The driver pod, named
   * {@code <name>-driver}, is then always a valid pod name.
   */
  public static final int MAX_NAME_LENGTH = 63;

  /**
   * Spark configuration keys the operator sets itself: a user value would point the driver at
   * another master, namespace or pod, or break the driver's connection with its executors. The keys
   * the operator writes and the keys it refuses are one list.
   */
  public static final Set<String> RESERVED_SPARK_CONF_KEYS = SparkConfResolver.RESERVED_KEYS;

  private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

  /** A Java binary class name: dot-separated identifiers ($ for nested classes). */
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

  private static final Pattern IMAGE_PULL_POLICY = Pattern.compile("Always|IfNotPresent|Never");

  /** Every problem with the job, in a stable order; empty when the operator may run it. */
  public List<SpecViolation> validate(SparkBatchJob job) {
    SpecViolations out = new SpecViolations();
    ObjectMeta metadata = job.getMetadata();
    name(metadata == null ? null : metadata.getName(), out);
    SparkBatchJobSpec spec = job.getSpec();
    if (spec == null) {
      out.add("spec", "must be set");
      return out.toList();
    }
    String namespace = metadata == null ? null : metadata.getNamespace();
    ApplicationType type = spec.getType() == null ? ApplicationType.SCALA : spec.getType();

    applicationFile(spec, type, out);
    mainClass(spec, type, out);
    if (spec.getMode() != null && !spec.getMode().equals("cluster")) {
      out.add(
          "spec.mode",
          "must be cluster (the driver always runs in its own pod), got " + quote(spec.getMode()));
    }
    images(spec, out);
    if (spec.getImagePullPolicy() != null
        && !IMAGE_PULL_POLICY.matcher(spec.getImagePullPolicy()).matches()) {
      out.add(
          "spec.imagePullPolicy",
          "must be Always, IfNotPresent or Never, got " + quote(spec.getImagePullPolicy()));
    }
    SparkConfValidator.validate(spec, type, out);
    Set<String> volumes = volumes(spec.getVolumes(), namespace, out);
    PodSpecValidator.validate("spec.driver", spec.getDriver(), volumes, namespace, out);
    PodSpecValidator.validate("spec.executor", spec.getExecutor(), volumes, namespace, out);
    RunPolicyValidator.validate(spec, out);
    return out.toList();
  }

  private static void name(String name, SpecViolations out) {
    if (isBlank(name)) {
      out.add("metadata.name", "must be set");
    } else if (name.length() > MAX_NAME_LENGTH) {
      out.add(
          "metadata.name",
          "must be at most "
              + MAX_NAME_LENGTH
              + " characters (it is used as a label value on the job's pods), got "
              + name.length());
    } else if (!KubernetesNames.isDns1123Subdomain(name)) {
      out.add(
          "metadata.name",
          "must be lower case letters, digits, '-' and '.', starting and ending with a letter or digit, got "
              + quote(name));
    }
  }

  /** Mirrors the schema's required and pattern, and the CEL rules on Python and R files. */
  private static void applicationFile(
      SparkBatchJobSpec spec, ApplicationType type, SpecViolations out) {
    String file = spec.getMainApplicationFile();
    if (isBlank(file)) {
      out.add(
          "spec.mainApplicationFile",
          "must be set: the jar, .py or .R file to run, for example local:///opt/spark/examples/jars/spark-examples.jar");
      return;
    }
    if (!NO_WHITESPACE.matcher(file).matches()) {
      out.add(
          "spec.mainApplicationFile", "must be a path or URI without spaces, got " + quote(file));
    }
    if (type == ApplicationType.PYTHON && !file.endsWith(".py")) {
      out.add(
          "spec.mainApplicationFile",
          "must be a .py file when spec.type is Python, got " + quote(file));
    }
    if (type == ApplicationType.R && !file.endsWith(".R") && !file.endsWith(".r")) {
      out.add(
          "spec.mainApplicationFile", "must be an .R file when spec.type is R, got " + quote(file));
    }
  }

  /**
   * Java and Scala need a main class unless Spark can read it from the jar's manifest, which
   * spark-submit does only for a file it can open as given: a plain path or a file: URI. For
   * local://, s3a://, https:// and the like it stops with "Cannot load main class from JAR ...
   * Please specify a class through --class"; better to say so before the driver pod starts.
   */
  private static void mainClass(SparkBatchJobSpec spec, ApplicationType type, SpecViolations out) {
    String mainClass = spec.getMainClass();
    if (mainClass != null) {
      if (!CLASS_NAME.matcher(mainClass).matches()) {
        out.add(
            "spec.mainClass",
            "must be a fully qualified class name like org.apache.spark.examples.SparkPi, got "
                + quote(mainClass));
      }
      return;
    }
    boolean jvm = type == ApplicationType.JAVA || type == ApplicationType.SCALA;
    String file = spec.getMainApplicationFile();
    if (jvm && !isBlank(file) && !manifestReadable(file)) {
      out.add(
          "spec.mainClass",
          "must be set for a "
              + (type == ApplicationType.JAVA ? "Java" : "Scala")
              + " application unless mainApplicationFile is a plain path or file:// URI (Spark reads Main-Class from the jar manifest only then)");
    }
  }

  private static boolean manifestReadable(String file) {
    int colon = file.indexOf(':');
    int slash = file.indexOf('/');
    boolean hasScheme = colon > 0 && (slash < 0 || colon < slash);
    return !hasScheme || file.startsWith("file:");
  }

  /** Without an image there is nothing to run: the schema cannot say "one of these two ways". */
  private static void images(SparkBatchJobSpec spec, SpecViolations out) {
    if (!isBlank(spec.getImage()) && !NO_WHITESPACE.matcher(spec.getImage()).matches()) {
      out.add(
          "spec.image", "must be an image reference without spaces, got " + quote(spec.getImage()));
      return;
    }
    if (!isBlank(spec.getImage())) {
      return;
    }
    boolean driver = spec.getDriver() != null && !isBlank(spec.getDriver().getImage());
    boolean executor = spec.getExecutor() != null && !isBlank(spec.getExecutor().getImage());
    if (!driver && !executor) {
      out.add(
          "spec.image",
          "must be set (for example apache/spark:4.1.1), or both spec.driver.image and spec.executor.image");
    } else if (!driver) {
      out.add("spec.driver.image", "must be set when spec.image is not");
    } else if (!executor) {
      out.add("spec.executor.image", "must be set when spec.image is not");
    }
  }

  /** Volume names must be unique; they are what volumeMounts refer to. */
  private static Set<String> volumes(List<Volume> volumes, String namespace, SpecViolations out) {
    Set<String> names = new HashSet<>();
    if (volumes == null) {
      return names;
    }
    for (int i = 0; i < volumes.size(); i++) {
      Volume volume = volumes.get(i);
      String at = "spec.volumes[" + i + "]";
      if (volume == null || isBlank(volume.getName())) {
        out.add(at + ".name", "must be set");
        continue;
      }
      if (!KubernetesNames.isDns1123Label(volume.getName())) {
        out.add(
            at + ".name",
            "must be at most 63 lower case letters, digits and '-', starting and ending with a letter or digit, got "
                + quote(volume.getName()));
      }
      if (!names.add(volume.getName())) {
        out.add(at + ".name", "must be unique, " + quote(volume.getName()) + " is declared twice");
      }
      claimTemplateNamespace(at, volume, namespace, out);
    }
    return names;
  }

  /** As with pod templates: a generic ephemeral volume's claim lives in the job's namespace. */
  private static void claimTemplateNamespace(
      String at, Volume volume, String namespace, SpecViolations out) {
    var ephemeral = volume.getEphemeral();
    if (ephemeral == null
        || ephemeral.getVolumeClaimTemplate() == null
        || ephemeral.getVolumeClaimTemplate().getMetadata() == null) {
      return;
    }
    String claimNamespace = ephemeral.getVolumeClaimTemplate().getMetadata().getNamespace();
    if (claimNamespace != null && !claimNamespace.equals(namespace)) {
      out.add(
          at + ".ephemeral.volumeClaimTemplate.metadata.namespace",
          "must be unset: claims are always created in the job's namespace, got "
              + quote(claimNamespace));
    }
  }
}
