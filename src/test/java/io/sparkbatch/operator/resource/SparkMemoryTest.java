package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparkMemoryTest {

  @ParameterizedTest
  @CsvSource({
    "512m, 512",
    "512M, 512",
    "512mb, 512",
    "4g, 4096",
    "4GB, 4096",
    "1t, 1048576",
    "2048k, 2",
    "1500k, 1",
    "1073741824b, 1024",
    "300, 300"
  })
  void readsSparkSizesAsMibTruncatingLikeSpark(String size, long mib) {
    assertThat(SparkMemory.toMiB(size)).isEqualTo(mib);
  }

  @ParameterizedTest
  @CsvSource({"4Gi, 4g", "512Mi, 512m", "1024Ki, 1024k", "1Ti, 1t", "4g, 4g", "2048m, 2048m"})
  void turnsBinaryKubernetesQuantitiesIntoSparkSizes(String quantity, String spark) {
    assertThat(SparkMemory.toSparkSize(quantity)).isEqualTo(spark);
  }

  @Test
  void rejectsWhatSparkRejects() {
    assertThatThrownBy(() -> SparkMemory.toMiB("1.5g"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SparkMemory.toSparkSize("4G i"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SparkMemory.toSparkSize("4Gb2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void overheadIsTenPercentOfAJvmDriverButAtLeast384() {
    assertThat(SparkMemory.forDriver(Map.of(), false)).isEqualTo(new SparkMemory(1024, 384));
    assertThat(SparkMemory.forDriver(Map.of("spark.driver.memory", "512m"), false).totalMiB())
        .isEqualTo(896);
    assertThat(SparkMemory.forDriver(Map.of("spark.driver.memory", "4g"), false))
        .isEqualTo(new SparkMemory(4096, 409));
    assertThat(SparkMemory.forDriver(Map.of("spark.driver.memory", "3840m"), false).overheadMiB())
        .as("exactly 10%% of 3840 is 384")
        .isEqualTo(384);
  }

  @Test
  void overheadIsFortyPercentForPythonAndR() {
    assertThat(SparkMemory.forDriver(Map.of("spark.driver.memory", "2g"), true))
        .isEqualTo(new SparkMemory(2048, 819));
    assertThat(SparkMemory.forDriver(Map.of("spark.driver.memory", "512m"), true).overheadMiB())
        .as("0.4 * 512 = 204 is below the minimum")
        .isEqualTo(384);
  }

  @Test
  void explicitOverheadWinsOverTheRule() {
    assertThat(
            SparkMemory.forDriver(
                Map.of("spark.driver.memory", "8g", "spark.driver.memoryOverhead", "1g"), true))
        .isEqualTo(new SparkMemory(8192, 1024));
    assertThat(
            SparkMemory.forDriver(
                Map.of("spark.driver.memory", "8g", "spark.driver.memoryOverhead", "100"), false))
        .as("an explicit overhead is not raised to the minimum, as in Spark")
        .isEqualTo(new SparkMemory(8192, 100));
  }

  @Test
  void configuredFactorsAndMinimumAreHonoured() {
    assertThat(
            SparkMemory.forDriver(
                Map.of("spark.driver.memory", "10g", "spark.driver.memoryOverheadFactor", "0.2"),
                true))
        .as("the driver factor wins over the Python default")
        .isEqualTo(new SparkMemory(10240, 2048));
    assertThat(
            SparkMemory.forDriver(
                Map.of(
                    "spark.driver.memory", "10g", "spark.kubernetes.memoryOverheadFactor", "0.3"),
                true))
        .isEqualTo(new SparkMemory(10240, 3072));
    assertThat(
            SparkMemory.forDriver(
                Map.of("spark.driver.memory", "1g", "spark.driver.minMemoryOverhead", "500m"),
                false))
        .isEqualTo(new SparkMemory(1024, 500));
  }

  @Test
  void defaultFactorPassedToExecutorsDependsOnTheLanguage() {
    assertThat(SparkMemory.defaultOverheadFactor(Map.of(), false)).isEqualTo(0.1);
    assertThat(SparkMemory.defaultOverheadFactor(Map.of(), true)).isEqualTo(0.4);
    assertThat(
            SparkMemory.defaultOverheadFactor(
                Map.of("spark.kubernetes.memoryOverheadFactor", "0.25"), true))
        .isEqualTo(0.25);
  }
}
