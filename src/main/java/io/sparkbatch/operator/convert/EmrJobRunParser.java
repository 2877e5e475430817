package io.sparkbatch.operator.convert;

import com.fasterxml.jackson.databind.JsonNode;
import io.sparkbatch.operator.api.RestartPolicy;
import io.sparkbatch.operator.api.RestartPolicyType;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An EMR on EKS StartJobRun request (the JSON that aws emr-containers start-job-run
 * --cli-input-json takes), what describe-job-run prints about a past run, or a job template's
 * jobTemplateData.
 */
final class EmrJobRunParser {
  private static final String DRIVER = "jobDriver.sparkSubmitJobDriver.";
  private static final Set<String> HANDLED =
      Set.of(
          "name",
          "jobDriver",
          "configurationOverrides",
          "retryPolicyConfiguration",
          "virtualClusterId",
          "executionRoleArn",
          "releaseLabel");

  /** What describe-job-run adds about the run itself: a record, not configuration. */
  private static final Set<String> RUN_RECORD =
      Set.of(
          "id",
          "arn",
          "state",
          "createdAt",
          "createdBy",
          "finishedAt",
          "stateDetails",
          "failureReason",
          "retryPolicyExecution");

  private EmrJobRunParser() {}

  static ParsedJob parse(JsonNode root, WarningLog log) {
    if (root.has("jobRun")) {
      // aws emr-containers describe-job-run wraps the request's fields in jobRun.
      root = StructuredInput.object(root, "jobRun", "");
    }
    if (root.has("jobTemplateData")) {
      log.warn(
          "jobTemplateData",
          "a job template: its ${parameters} are kept as written; replace them in the output");
      root = StructuredInput.object(root, "jobTemplateData", "");
    }
    JsonNode driver = StructuredInput.object(root, "jobDriver", "");
    if (driver == null) {
      throw new ConversionException(
          "jobDriver",
          "missing; a job run that names a jobTemplateId converts from the template's JSON"
              + " (aws emr-containers describe-job-template)");
    }
    if (driver.has("sparkSqlJobDriver")) {
      throw new ConversionException(
          "jobDriver.sparkSqlJobDriver",
          "Spark SQL jobs are not supported: run the SQL from a small PySpark script"
              + " (spark.sql(open(file).read())) and convert that");
    }
    JsonNode submit = StructuredInput.object(driver, "sparkSubmitJobDriver", "jobDriver.");
    if (submit == null) {
      throw new ConversionException("jobDriver.sparkSubmitJobDriver", "missing");
    }
    String entryPoint = StructuredInput.text(submit, "entryPoint", DRIVER);
    if (entryPoint == null) {
      throw new ConversionException(DRIVER + "entryPoint", "missing");
    }
    String parameters = StructuredInput.text(submit, "sparkSubmitParameters", DRIVER);
    List<Word> words =
        new ArrayList<>(
            parameters == null
                ? List.of()
                : ShellWords.words(parameters, DRIVER + "sparkSubmitParameters"));
    words.add(new Word(entryPoint, DRIVER + "entryPoint"));
    List<String> arguments = StructuredInput.strings(submit, "entryPointArguments", DRIVER);
    for (int i = 0; i < arguments.size(); i++) {
      words.add(new Word(arguments.get(i), DRIVER + "entryPointArguments[" + i + "]"));
    }
    JsonNode overrides = StructuredInput.object(root, "configurationOverrides", "");
    Map<String, ConfValue> defaults =
        EmrClassifications.read(
            overrides == null ? null : overrides.get("applicationConfiguration"),
            "configurationOverrides.applicationConfiguration",
            log);
    SparkSubmitCommand command =
        SparkSubmitArguments.parse(words, defaults, EmrStepParser::noFiles, log);
    if (command.appResource() != null && !command.appResource().text().equals(entryPoint)) {
      throw new ConversionException(
          DRIVER + "sparkSubmitParameters",
          "unexpected argument '"
              + command.appResource().text()
              + "': the application goes in entryPoint, its arguments in entryPointArguments");
    }
    SparkBatchJob job = SubmitCommandConverter.toJob(command, DRIVER + "entryPoint", log);
    if (job.getMetadata().getName() == null) {
      job.getMetadata().setName(ResourceName.sanitize(StructuredInput.text(root, "name", "")));
    }
    retries(root, job);
    EmrJobRunWarnings.report(root, overrides, job, log);
    root.fieldNames()
        .forEachRemaining(
            field -> {
              if (!HANDLED.contains(field)
                  && !EmrJobRunWarnings.KNOWN.contains(field)
                  && !RUN_RECORD.contains(field)) {
                log.warn(field, "not a StartJobRun field the converter knows; not carried over");
              }
            });
    return new ParsedJob(job, ParsedJob.values(command.conf()));
  }

  /** EMR's maxAttempts counts the first attempt; onFailureRetries does not. */
  private static void retries(JsonNode root, SparkBatchJob job) {
    JsonNode retry = StructuredInput.object(root, "retryPolicyConfiguration", "");
    if (retry == null || !retry.has("maxAttempts")) {
      return;
    }
    String max = retry.get("maxAttempts").asText().strip();
    if (!max.matches("\\d{1,9}")) {
      throw new ConversionException(
          "retryPolicyConfiguration.maxAttempts", "expected a whole number, got '" + max + "'");
    }
    int attempts = Integer.parseInt(max);
    if (attempts < 1) {
      throw new ConversionException(
          "retryPolicyConfiguration.maxAttempts", "must be at least 1, got " + attempts);
    }
    if (attempts == 1) {
      job.getSpec().setRestartPolicy(null);
      return;
    }
    RestartPolicy policy = new RestartPolicy();
    policy.setType(RestartPolicyType.ON_FAILURE);
    policy.setOnFailureRetries(attempts - 1);
    job.getSpec().setRestartPolicy(policy);
  }
}
