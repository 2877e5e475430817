package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Converts one input of a known format into a SparkBatchJob: runs the format's parser, applies the
 * user's --name, --namespace and --image, names the job when the input does not, and checks where
 * the application's files live.
 */
public final class JobConverter {

  /** What the user gives on the command line to fill or override the input; nulls are unset. */
  public record Options(String name, String namespace, String image) {
    public static Options none() {
      return new Options(null, null, null);
    }
  }

  private JobConverter() {}

  /**
   * @param baseDir where a spark-submit --properties-file with a relative path is read from
   * @throws ConversionException when the input cannot be read as that format
   */
  public static Conversion convert(
      SourceFormat format, String text, Path baseDir, Options options) {
    WarningLog log = new WarningLog();
    ParsedJob parsed =
        switch (format) {
          case SPARK_SUBMIT ->
              SparkSubmitParser.parse(text, p -> Files.readString(baseDir.resolve(p)), log);
          case EMR_JOB_RUN -> EmrJobRunParser.parse(object(text, format), log);
          case EMR_STEP -> EmrStepParser.parse(StructuredInput.read(text), log);
          case KUBEFLOW -> KubeflowParser.parse(object(text, format), log);
        };
    SparkBatchJob job = parsed.job();
    apply(options, job);
    if (options.namespace() != null) {
      // The EMR virtual cluster's warning asks for exactly this.
      log.withdraw("virtualClusterId");
    }
    name(job, log);
    SparkBatchJobSpec spec = job.getSpec();
    if (spec.getImage() == null
        && (spec.getDriver() == null || spec.getDriver().getImage() == null)) {
      log.warn(
          "spec.image",
          "the input names no image: pass --image (apache/spark of the job's Spark version, or"
              + " an image built from it with the application and hadoop-aws)");
    }
    FileLocations.check(spec, log);
    tidy(spec);
    return new Conversion(format, job, log.warnings(), parsed.sourceConf(), log.uncarriedKeys());
  }

  private static JsonNode object(String text, SourceFormat format) {
    JsonNode root = StructuredInput.read(text);
    if (!root.isObject()) {
      throw new ConversionException("input", "expected a " + format.cliName() + " object");
    }
    return root;
  }

  private static void apply(Options options, SparkBatchJob job) {
    if (options.name() != null) {
      if (!options.name().equals(ResourceName.sanitize(options.name()))) {
        throw new ConversionException(
            "--name",
            "'"
                + options.name()
                + "' is not a Kubernetes name: lowercase letters, digits and '-', at most "
                + ResourceName.MAX_LENGTH
                + " characters");
      }
      job.getMetadata().setName(options.name());
    }
    if (options.namespace() != null) {
      job.getMetadata().setNamespace(options.namespace());
    }
    if (options.image() != null) {
      job.getSpec().setImage(options.image());
    }
  }

  /** An input without a name gets one from its main class or file. */
  private static void name(SparkBatchJob job, WarningLog log) {
    if (job.getMetadata().getName() != null) {
      return;
    }
    SparkBatchJobSpec spec = job.getSpec();
    String name =
        spec.getMainClass() != null
            ? ResourceName.fromMainClass(spec.getMainClass())
            : ResourceName.fromFile(spec.getMainApplicationFile());
    if (name == null) {
      name = "spark-job";
    }
    job.getMetadata().setName(name);
    log.warn(
        "metadata.name",
        "the input names no application; named '" + name + "' after it: pass --name to choose");
  }

  /** Drops the sub-objects that ended up with no field set, so the YAML shows none of them. */
  private static void tidy(SparkBatchJobSpec spec) {
    if (JobYamlWriter.isEmpty(spec.getDriver())) {
      spec.setDriver(null);
    }
    if (JobYamlWriter.isEmpty(spec.getExecutor())) {
      spec.setExecutor(null);
    }
    if (JobYamlWriter.isEmpty(spec.getDeps())) {
      spec.setDeps(null);
    }
    if (JobYamlWriter.isEmpty(spec.getDynamicAllocation())) {
      spec.setDynamicAllocation(null);
    }
  }
}
