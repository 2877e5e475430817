package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The converter's input files (src/test/resources/convert) and shortcuts to convert them. */
final class ConvertFixtures {
  static final Path DIR = CrdGeneration.projectRoot().resolve("src/test/resources/convert");

  /** Every input file, with the format it is in. */
  static final List<String> ALL =
      List.of(
          "spark-submit/context-md.sh",
          "spark-submit/daily-orders.sh",
          "spark-submit/airflow-arguments.py",
          "spark-submit/with-properties.sh",
          "emr/start-job-run.json",
          "emr/step.json",
          "emr/steps-cli.json",
          "kubeflow/spark-pi.yaml",
          "kubeflow/pyspark.yaml",
          "kubeflow/volumes.yaml",
          "kubeflow/retries.yaml",
          "kubeflow/scheduled.yaml",
          "kubeflow/webhook-fields.yaml");

  private ConvertFixtures() {}

  static String read(String name) {
    try {
      return Files.readString(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SourceFormat formatOf(String name) {
    if (name.startsWith("kubeflow/")) {
      return SourceFormat.KUBEFLOW;
    }
    if (name.startsWith("emr/")) {
      return name.contains("step") ? SourceFormat.EMR_STEP : SourceFormat.EMR_JOB_RUN;
    }
    return SourceFormat.SPARK_SUBMIT;
  }

  static Conversion convert(String name) {
    return convert(formatOf(name), read(name));
  }

  static Conversion convert(SourceFormat format, String text) {
    return JobConverter.convert(
        format, text, DIR.resolve("spark-submit"), JobConverter.Options.none());
  }

  /** The message of the one warning on the field (with or without its "(origin)"). */
  static String warning(Conversion conversion, String field) {
    List<ConversionWarning> matching =
        conversion.warnings().stream()
            .filter(w -> w.field().equals(field) || w.field().startsWith(field + " ("))
            .toList();
    assertThat(matching).as("warnings on %s in %s", field, conversion.warnings()).hasSize(1);
    return matching.get(0).message();
  }

  static List<String> warningFields(Conversion conversion) {
    return conversion.warnings().stream().map(ConversionWarning::field).toList();
  }
}
