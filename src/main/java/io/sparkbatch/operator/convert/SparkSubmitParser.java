package io.sparkbatch.operator.convert;

import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A spark-submit command line, as written in a shell script (quotes, backslash-newlines) or as the
 * argument list of Airflow's KubernetesPodOperator.
 */
final class SparkSubmitParser {
  private static final Pattern ENV_ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*=.*");
  private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$(\\{[^}]*}|[A-Za-z_])");

  private SparkSubmitParser() {}

  static ParsedJob parse(String text, SparkSubmitArguments.FileReader files, WarningLog log) {
    List<Word> words =
        AirflowArgumentList.looksLikeList(text)
            ? AirflowArgumentList.parse(text, log)
            : command(ShellWords.commands(text), log);
    words = withoutSubmitCommand(words, log);
    for (Word word : words) {
      if (SHELL_VARIABLE.matcher(word.text()).find()) {
        log.warn(
            word.origin(),
            "'"
                + word.text()
                + "' holds a shell variable the converter cannot expand; replace it in the"
                + " output");
      }
    }
    SparkSubmitCommand command = SparkSubmitArguments.parse(words, Map.of(), files, log);
    SparkBatchJob job = SubmitCommandConverter.toJob(command, "spark-submit", log);
    return new ParsedJob(job, ParsedJob.values(command.conf()));
  }

  /** The spark-submit command among the script's commands. */
  private static List<Word> command(List<List<Word>> commands, WarningLog log) {
    if (commands.isEmpty()) {
      throw new ConversionException("line 1", "no spark-submit command in the input");
    }
    int submit = -1;
    for (int i = 0; i < commands.size(); i++) {
      List<Word> command = commands.get(i);
      if (command.stream().anyMatch(w -> isSubmit(w.text()))) {
        if (submit >= 0) {
          throw new ConversionException(
              command.get(0).origin(), "a second spark-submit command: convert one at a time");
        }
        submit = i;
      }
    }
    int chosen = submit >= 0 ? submit : 0;
    for (int i = 0; i < commands.size(); i++) {
      Word first = commands.get(i).get(0);
      if (i > chosen && first.text().startsWith("-")) {
        throw new ConversionException(
            first.origin(),
            "continues the spark-submit command, but the line before does not end with \\");
      }
      if (i != chosen) {
        log.warn(
            first.origin(), "'" + first.text() + "...' is not the spark-submit command; ignored");
      }
    }
    return commands.get(chosen);
  }

  /** Drops spark-submit itself and what precedes it (env assignments, sudo ...). */
  private static List<Word> withoutSubmitCommand(List<Word> words, WarningLog log) {
    int submit = -1;
    for (int i = 0; i < words.size() && submit < 0; i++) {
      if (isSubmit(words.get(i).text())) {
        submit = i;
      }
    }
    for (int i = 0; i < submit; i++) {
      Word word = words.get(i);
      if (ENV_ASSIGNMENT.matcher(word.text()).matches()) {
        log.warn(
            word.origin(),
            "environment variable "
                + word.text().substring(0, word.text().indexOf('='))
                + " of spark-submit's process is not carried over; for the driver use"
                + " spec.driver.env, for executors spec.executor.env");
      } else {
        log.warn(word.origin(), "'" + word.text() + "' before spark-submit; ignored");
      }
    }
    return words.subList(submit + 1, words.size());
  }

  private static boolean isSubmit(String word) {
    return word.equals("spark-submit") || word.endsWith("/spark-submit");
  }
}
