package io.sparkbatch.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuQuantityTest {

  @ParameterizedTest
  @CsvSource({"1, 1000m", "1.5, 1500m", "0.25, 250m", "500m, 500m", "0, 0m"})
  void readsCoresAndMillicores(String text, String millicores) {
    assertThat(CpuQuantity.parse(text))
        .hasValueSatisfying(q -> assertThat(q).hasToString(millicores));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5 cores", "half", "-1", "1.", ".5", "1.5m", ""})
  void rejectsAnythingElse(String text) {
    assertThat(CpuQuantity.parse(text)).isEmpty();
  }

  @Test
  void comparesByAmount() {
    assertThat(CpuQuantity.parse("1").orElseThrow()).isEqualByComparingTo(CpuQuantity.ofCores(1));
    assertThat(CpuQuantity.parse("1500m").orElseThrow()).isLessThan(CpuQuantity.ofCores(2));
  }
}
