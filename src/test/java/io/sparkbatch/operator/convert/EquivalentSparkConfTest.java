package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EquivalentSparkConfTest {

  @Test
  void sharedSettingsSpreadToBothRolesUnlessARoleOverridesThem() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.kubernetes.container.image", "repo/app:1");
    conf.put("spark.kubernetes.executor.container.image", "repo/app-gpu:1");
    conf.put("spark.kubernetes.node.selector.pool", "spark");
    conf.put("spark.kubernetes.executor.node.selector.pool", "spot");

    assertThat(EquivalentSparkConf.normalize(conf))
        .containsOnly(
            Map.entry("spark.kubernetes.driver.container.image", "repo/app:1"),
            Map.entry("spark.kubernetes.executor.container.image", "repo/app-gpu:1"),
            Map.entry("spark.kubernetes.driver.node.selector.pool", "spark"),
            Map.entry("spark.kubernetes.executor.node.selector.pool", "spot"));
  }

  @Test
  void listsAndBooleansCompareByMeaning() {
    assertThat(
            EquivalentSparkConf.normalize(
                Map.of("spark.jars", " a.jar, b.jar,", "spark.dynamicAllocation.enabled", "TRUE")))
        .isEqualTo(
            EquivalentSparkConf.normalize(
                Map.of("spark.jars", "a.jar,b.jar", "spark.dynamicAllocation.enabled", "true")));
  }

  @Test
  void theExpectedSideOfEachInputIsStableUnderNormalization() {
    for (String input : ConvertFixtures.ALL) {
      Map<String, String> expected = ConvertFixtures.convert(input).expectedSparkConf();
      Map<String, String> once = EquivalentSparkConf.normalize(expected);

      assertThat(EquivalentSparkConf.normalize(once)).as(input).isEqualTo(once);
    }
  }
}
