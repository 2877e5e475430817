package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The round trip: the Spark properties the converted SparkBatchJob stands for include every
 * property the input asked for (minus those the converter reported as not carried), with the same
 * meaning. Today the job side comes from ReferenceSparkConf, a stand-in; once
 * io.sparkbatch.operator.resource.SparkConfResolver lands, replace ReferenceSparkConf.of(job) with
 * the resolver's spark.properties for the job.
 */
class RoundTripTest {

  @ParameterizedTest
  @FieldSource("io.sparkbatch.operator.convert.ConvertFixtures#ALL")
  void theJobCarriesTheSparkPropertiesOfItsInput(String input) {
    Conversion conversion = ConvertFixtures.convert(input);

    Map<String, String> carried =
        EquivalentSparkConf.normalize(ReferenceSparkConf.of(conversion.job()));
    Map<String, String> expected = EquivalentSparkConf.normalize(conversion.expectedSparkConf());

    assertThat(carried).as(input).containsAllEntriesOf(expected);
  }
}
