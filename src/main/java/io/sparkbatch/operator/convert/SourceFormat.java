package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** The kinds of input the converter reads, by the names the command line uses. */
public enum SourceFormat {
  SPARK_SUBMIT("spark-submit"),
  EMR_JOB_RUN("emr-job-run"),
  EMR_STEP("emr-step"),
  KUBEFLOW("kubeflow");

  private static final Pattern YAML_RESOURCE = Pattern.compile("(?m)^(apiVersion|kind):\\s*\\S");

  private final String cliName;

  SourceFormat(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static SourceFormat fromCliName(String name) {
    for (SourceFormat format : values()) {
      if (format.cliName.equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "': spark-submit, emr-job-run, emr-step or kubeflow");
  }

  /** What the converter guessed the input to be, and from what. */
  public record Detection(SourceFormat format, String reason) {}

  /** Guesses the format: structured input by its fields, anything else is a command line. */
  public static Detection detect(String text) {
    if (StructuredInput.looksLikeJson(text)) {
      JsonNode root;
      try {
        root = StructuredInput.read(text);
      } catch (ConversionException e) {
        if (text.stripLeading().startsWith("[")) {
          return new Detection(SPARK_SUBMIT, "a list of strings (Airflow's arguments)");
        }
        throw e;
      }
      return structured(root);
    }
    if (YAML_RESOURCE.matcher(text).find()) {
      return structured(StructuredInput.read(text));
    }
    return new Detection(
        SPARK_SUBMIT,
        AirflowArgumentList.looksLikeList(text)
            ? "a list of strings (Airflow's arguments)"
            : "a command line");
  }

  private static Detection structured(JsonNode root) {
    JsonNode first = root.isArray() && !root.isEmpty() ? root.get(0) : root;
    if (root.isArray() && first.isValueNode()) {
      return new Detection(SPARK_SUBMIT, "a JSON list of strings (Airflow's arguments)");
    }
    if (first.has("jobDriver") || first.has("jobTemplateData") || first.has("jobRun")) {
      return new Detection(EMR_JOB_RUN, "a StartJobRun request (jobDriver)");
    }
    if (first.has("HadoopJarStep")
        || first.has("Steps")
        || first.has("Step")
        || first.has("Config")
        || first.has("Args")) {
      return new Detection(EMR_STEP, "an EMR step (HadoopJarStep)");
    }
    if (first.path("apiVersion").asText().startsWith("sparkoperator.k8s.io/")) {
      return new Detection(KUBEFLOW, "a kubeflow " + first.path("kind").asText());
    }
    throw new ConversionException(
        "input",
        "cannot tell what this is (no jobDriver, HadoopJarStep or sparkoperator.k8s.io"
            + " apiVersion): name the format with --from");
  }
}
