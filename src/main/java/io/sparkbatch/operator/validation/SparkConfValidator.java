package io.sparkbatch.operator.validation;

import static io.sparkbatch.operator.validation.SpecViolations.isBlank;
import static io.sparkbatch.operator.validation.SpecViolations.quote;

import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.Dependencies;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules for what the operator passes to Spark: spec.sparkConf, spec.hadoopConf and spec.deps. Keys
 * are checked, values never shown: a value may be a credential (spark.hadoop.fs.s3a.secret.key).
 */
final class SparkConfValidator {

  /** Spark's --packages form: groupId:artifactId:version (it also accepts '/' as a separator). */
  private static final Pattern MAVEN_COORDINATE =
      Pattern.compile("[^:/\\s]+[:/][^:/\\s]+[:/][^:/\\s]+");

  private static final Pattern MAVEN_EXCLUSION = Pattern.compile("[^:/\\s]+[:/][^:/\\s]+");

  private SparkConfValidator() {}

  static void validate(SparkBatchJobSpec spec, ApplicationType type, SpecViolations out) {
    sparkConf(spec.getSparkConf(), out);
    hadoopConf(spec.getHadoopConf(), out);
    dependencies(spec.getDeps(), type, out);
  }

  /** Keys only: a sparkConf value may be a credential (spark.hadoop.fs.s3a.secret.key). */
  private static void sparkConf(Map<String, String> conf, SpecViolations out) {
    if (conf == null) {
      return;
    }
    for (String key : sortedKeys(conf)) {
      String at = "spec.sparkConf[" + key + "]";
      if (SparkBatchJobValidator.RESERVED_SPARK_CONF_KEYS.contains(key)) {
        out.add(at, "is set by the operator and cannot be overridden" + reservedHint(key));
      } else if (!key.startsWith("spark.")) {
        out.add(
            at,
            "must start with spark. (Spark ignores other keys); Hadoop settings go in spec.hadoopConf without the spark.hadoop. prefix");
      }
      if (conf.get(key) == null) {
        out.add(at, "must have a value");
      }
    }
  }

  private static String reservedHint(String key) {
    return switch (key) {
      case "spark.kubernetes.namespace" -> ": the job runs in its own namespace";
      case "spark.kubernetes.authenticate.driver.serviceAccountName" ->
          "; use spec.driver.serviceAccount";
      default -> "";
    };
  }

  private static void hadoopConf(Map<String, String> conf, SpecViolations out) {
    if (conf == null) {
      return;
    }
    for (String key : sortedKeys(conf)) {
      if (key.startsWith("spark.hadoop.") || key.isBlank()) {
        out.add(
            "spec.hadoopConf[" + key + "]",
            "must be a Hadoop key such as fs.s3a.endpoint: the operator adds the spark.hadoop. prefix itself");
      }
    }
  }

  /** Also mirrors the CEL rule that only Python applications take pyFiles. */
  private static void dependencies(Dependencies deps, ApplicationType type, SpecViolations out) {
    if (deps == null) {
      return;
    }
    // Spark receives each list joined with commas, so an entry must not hold one.
    listEntries("spec.deps.jars", deps.getJars(), null, null, out);
    listEntries("spec.deps.files", deps.getFiles(), null, null, out);
    listEntries("spec.deps.pyFiles", deps.getPyFiles(), null, null, out);
    listEntries("spec.deps.archives", deps.getArchives(), null, null, out);
    listEntries("spec.deps.repositories", deps.getRepositories(), null, null, out);
    listEntries(
        "spec.deps.packages",
        deps.getPackages(),
        MAVEN_COORDINATE,
        "groupId:artifactId:version",
        out);
    listEntries(
        "spec.deps.excludePackages",
        deps.getExcludePackages(),
        MAVEN_EXCLUSION,
        "groupId:artifactId",
        out);
    if (type != ApplicationType.PYTHON
        && deps.getPyFiles() != null
        && !deps.getPyFiles().isEmpty()) {
      out.add("spec.deps.pyFiles", "is only allowed when spec.type is Python");
    }
  }

  private static void listEntries(
      String field, List<String> entries, Pattern form, String formName, SpecViolations out) {
    if (entries == null) {
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      String at = field + "[" + i + "]";
      if (isBlank(entry)) {
        out.add(at, "must not be empty");
      } else if (entry.contains(",")) {
        out.add(
            at,
            "must be one entry without commas (give each as its own list item), got "
                + quote(entry));
      } else if (form != null && !form.matcher(entry).matches()) {
        out.add(at, "must be " + formName + ", got " + quote(entry));
      }
    }
  }

  private static List<String> sortedKeys(Map<String, ?> map) {
    return map.keySet().stream().sorted().toList();
  }
}
