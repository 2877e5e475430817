package io.sparkbatch.operator.convert;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.sparkbatch.operator.api.ApplicationType;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a parsed spark-submit invocation into a SparkBatchJob. Shared by the sources that are
 * spark-submit underneath: the command line, EMR on EKS job runs and EMR steps.
 */
final class SubmitCommandConverter {
  private static final Set<String> SHELLS =
      Set.of("spark-internal", "spark-shell", "pyspark-shell", "sparkr-shell");

  private SubmitCommandConverter() {}

  /**
   * @param where names the input's part that should hold the application, for the error when it has
   *     none
   */
  static SparkBatchJob toJob(SparkSubmitCommand command, String where, WarningLog log) {
    SparkBatchJob job = new SparkBatchJob();
    Word resource = command.appResource();
    if (resource == null) {
      throw new ConversionException(
          where, "no application resource: spark-submit needs a jar, .py or .R file");
    }
    String file = resource.text();
    if (SHELLS.contains(file)) {
      throw new ConversionException(
          resource.origin(), file + " is an interactive shell, not a batch application");
    }
    if (file.isBlank() || file.chars().anyMatch(Character::isWhitespace)) {
      throw new ConversionException(
          resource.origin(), "application resource '" + file + "' contains whitespace");
    }
    job.setMetadata(new ObjectMeta());
    SparkBatchJobSpec spec = new SparkBatchJobSpec();
    job.setSpec(spec);
    spec.setType(type(file));
    spec.setMainApplicationFile(file);
    if (command.mainClass() != null) {
      if (spec.getType() == ApplicationType.PYTHON || spec.getType() == ApplicationType.R) {
        log.warn(
            "--class",
            "spark-submit ignores the main class of a "
                + (spec.getType() == ApplicationType.PYTHON ? "Python" : "R")
                + " application");
      } else {
        spec.setMainClass(command.mainClass());
      }
    }
    List<String> arguments = command.arguments();
    spec.setArguments(arguments.isEmpty() ? null : arguments);
    spec.setProxyUser(command.proxyUser());
    new SparkConfMapper(job, log).map(command.conf());
    return job;
  }

  /** As spark-submit decides: .py is Python, .R is R, anything else runs on the JVM. */
  static ApplicationType type(String file) {
    String lower = file.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".py")) {
      return ApplicationType.PYTHON;
    }
    if (lower.endsWith(".r")) {
      return ApplicationType.R;
    }
    return ApplicationType.SCALA;
  }
}
