package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An EMR step that runs spark-submit: the API's form (HadoopJarStep with command-runner.jar and
 * spark-submit in Args, as in AddJobFlowSteps and Airflow's EmrAddStepsOperator) or the AWS CLI's
 * form (Type Spark with spark-submit's arguments in Args). One step per conversion.
 */
final class EmrStepParser {
  /** Id and Status are what describe-step and list-steps say about a past run. */
  private static final Set<String> KNOWN =
      Set.of(
          "Name",
          "ActionOnFailure",
          "HadoopJarStep",
          "Config",
          "Type",
          "Args",
          "Jar",
          "MainClass",
          "Properties",
          "Id",
          "Status");

  private EmrStepParser() {}

  static ParsedJob parse(JsonNode root, WarningLog log) {
    String path = "";
    JsonNode step = root;
    if (root.isObject() && root.has("Step")) {
      // aws emr describe-step prints {"Step": {...}}.
      step = root.get("Step");
      path = "Step";
    }
    if (root.isObject() && root.has("Steps")) {
      step = root.get("Steps");
      path = "Steps";
      root.fieldNames()
          .forEachRemaining(
              f -> {
                if (!f.equals("Steps")) {
                  log.warn(f, "belongs to the EMR cluster; not carried over");
                }
              });
    }
    if (step.isArray()) {
      if (step.size() != 1) {
        throw new ConversionException(
            path.isEmpty() ? "input" : path,
            step.size() + " steps: convert one at a time (each becomes its own SparkBatchJob)");
      }
      step = step.get(0);
      path = path + "[0]";
    }
    if (!step.isObject()) {
      throw new ConversionException(path.isEmpty() ? "input" : path, "expected a step object");
    }
    String prefix = path.isEmpty() ? "" : path + ".";
    List<Word> words = words(step, prefix, log);
    SparkSubmitCommand command =
        SparkSubmitArguments.parse(words, Map.of(), EmrStepParser::noFiles, log);
    SparkBatchJob job = SubmitCommandConverter.toJob(command, prefix + "HadoopJarStep.Args", log);
    if (job.getMetadata().getName() == null) {
      job.getMetadata().setName(ResourceName.sanitize(StructuredInput.text(step, "Name", prefix)));
    }
    report(step, prefix, command, log);
    return new ParsedJob(job, ParsedJob.values(command.conf()));
  }

  /** spark-submit's arguments, each named by its place in the step. */
  private static List<Word> words(JsonNode step, String prefix, WarningLog log) {
    // describe-step and list-steps call the HadoopJarStep of the request Config; the CLI's
    // CUSTOM_JAR form puts Jar and Args on the step itself.
    String jarField =
        step.has("Config") ? "Config" : step.has("HadoopJarStep") ? "HadoopJarStep" : null;
    JsonNode jarStep =
        jarField != null
            ? StructuredInput.object(step, jarField, prefix)
            : step.has("Jar") ? step : null;
    List<Word> words = new ArrayList<>();
    if (jarStep == null) {
      String type = StructuredInput.text(step, "Type", prefix);
      if (type == null || !type.equalsIgnoreCase("spark")) {
        throw new ConversionException(
            prefix + (type == null ? "HadoopJarStep" : "Type"),
            type == null ? "missing" : "'" + type + "' is not a Spark step");
      }
      List<String> args = StructuredInput.strings(step, "Args", prefix);
      for (int i = 0; i < args.size(); i++) {
        words.add(new Word(args.get(i), prefix + "Args[" + i + "]"));
      }
      return words;
    }
    String at = jarField == null ? prefix : prefix + jarField + ".";
    String jar = StructuredInput.text(jarStep, "Jar", at);
    if (jar == null || !jar.endsWith("command-runner.jar")) {
      throw new ConversionException(
          at + "Jar",
          "'" + jar + "' is not command-runner.jar: only steps that run spark-submit convert");
    }
    List<String> args = StructuredInput.strings(jarStep, "Args", at);
    if (args.isEmpty()
        || !(args.get(0).equals("spark-submit") || args.get(0).endsWith("/spark-submit"))) {
      throw new ConversionException(
          at + "Args[0]",
          "'"
              + (args.isEmpty() ? "" : args.get(0))
              + "' is not spark-submit: only steps that"
              + " run spark-submit convert");
    }
    for (int i = 1; i < args.size(); i++) {
      words.add(new Word(args.get(i), at + "Args[" + i + "]"));
    }
    if (jarStep.has("MainClass")) {
      log.warn(at + "MainClass", "command-runner.jar ignores it; the main class is --class");
    }
    if (jarStep.has("Properties") && !jarStep.get("Properties").isEmpty()) {
      log.warn(
          at + "Properties",
          "Java system properties of command-runner.jar, not of Spark; not carried over: pass"
              + " them with spec.driver.javaOptions if the application needs them");
    }
    return words;
  }

  private static void report(
      JsonNode step, String prefix, SparkSubmitCommand command, WarningLog log) {
    String action = StructuredInput.text(step, "ActionOnFailure", prefix);
    if (action != null) {
      log.warn(
          prefix + "ActionOnFailure",
          action
              + " told EMR what to do with the cluster after a failure; there is no cluster to"
              + " keep or terminate here: a failed job ends Failed, and spec.restartPolicy decides"
              + " retries");
    }
    if (!command.conf().containsKey("spark.dynamicAllocation.enabled")) {
      log.warn(
          "spark.dynamicAllocation.enabled",
          "EMR turns dynamic allocation on by default; to scale executors with the load here set"
              + " spec.dynamicAllocation.enabled: true (shuffle tracking replaces YARN's shuffle"
              + " service)");
    }
    step.fieldNames()
        .forEachRemaining(
            f -> {
              if (!KNOWN.contains(f)) {
                log.warn(prefix + f, "not a step field the converter knows; not carried over");
              }
            });
  }

  /** Files named inside EMR requests live on EMR's machines, which the converter cannot read. */
  static String noFiles(String path) throws IOException {
    throw new IOException("a file on EMR's machines; copy its properties into --conf options");
  }
}
