package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SourceFormatTest {

  @ParameterizedTest
  @FieldSource("io.sparkbatch.operator.convert.ConvertFixtures#ALL")
  void detectsTheFormatOfEveryFixture(String input) {
    assertThat(SourceFormat.detect(ConvertFixtures.read(input)).format())
        .isEqualTo(ConvertFixtures.formatOf(input));
  }

  @Test
  void aJsonListOfStringsIsAnArgumentList() {
    assertThat(SourceFormat.detect("[\"--class\", \"A\", \"app.jar\"]").format())
        .isEqualTo(SourceFormat.SPARK_SUBMIT);
    assertThat(SourceFormat.detect("['--class', 'A', 'app.jar',]").format())
        .isEqualTo(SourceFormat.SPARK_SUBMIT);
  }

  @Test
  void namesOnTheCommandLine() {
    assertThat(SourceFormat.fromCliName("emr-step")).isEqualTo(SourceFormat.EMR_STEP);
    assertThatThrownBy(() -> SourceFormat.fromCliName("yarn"))
        .hasMessageContaining("spark-submit, emr-job-run, emr-step or kubeflow");
  }
}
