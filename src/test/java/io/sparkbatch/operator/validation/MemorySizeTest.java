package io.sparkbatch.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizeTest {

  /** Spark's units are binary whatever the case; a bare number is MiB like spark.driver.memory. */
  @ParameterizedTest
  @CsvSource({
    "512m, 512",
    "512M, 512",
    "512mb, 512",
    "4g, 4096",
    "4G, 4096",
    "4Gi, 4096",
    "4096Mi, 4096",
    "1024, 1024",
    "2048k, 2",
    "1t, 1048576",
    "1p, 1073741824"
  })
  void readsSparkAndKubernetesFormsAsMebibytes(String text, long mebibytes) {
    assertThat(MemorySize.parse(text))
        .hasValueSatisfying(m -> assertThat(m.mebibytes()).isEqualTo(mebibytes));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4 gigs",
        "4GB ",
        "-1g",
        "1.5g",
        "4Ei",
        "4e",
        "g",
        "",
        "8192p",
        "99999999999999999999"
      })
  void rejectsAnythingElse(String text) {
    assertThat(MemorySize.parse(text)).isEmpty();
  }
}
