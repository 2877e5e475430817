package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.resource.DriverResourcesFactory;
import io.sparkbatch.operator.resource.SparkConfResolver;
import io.sparkbatch.operator.resource.SubmissionSettings;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The round trip: the Spark properties the converted SparkBatchJob stands for include every
 * property the input asked for (minus those the converter reported as not carried), with the same
 * meaning. The job side is what the operator itself builds for the job's first attempt.
 */
class RoundTripTest {

  /**
   * What the operator produces for the job, as spark-submit properties: the driver's
   * spark.properties, plus what it puts on the driver pod directly where spark-submit would have
   * used a property (labels, node selector, literal env), and spark.jars without the application
   * jar, which Spark's client adds to it.
   */
  static Map<String, String> effectiveConf(SparkBatchJob job, SubmissionSettings settings) {
    Map<String, String> conf = new TreeMap<>(SparkConfResolver.resolve(job, 1, settings));
    String jars = conf.get("spark.jars");
    if (jars != null) {
      String main = job.getSpec().getMainApplicationFile();
      String rest =
          java.util.Arrays.stream(jars.split(","))
              .filter(j -> !j.equals(main))
              .collect(java.util.stream.Collectors.joining(","));
      if (rest.isEmpty()) {
        conf.remove("spark.jars");
      } else {
        conf.put("spark.jars", rest);
      }
    }
    Pod driver;
    try {
      driver = DriverResourcesFactory.build(job, 1, settings).pod();
    } catch (IllegalArgumentException placeholderInput) {
      // The CONTEXT.md line keeps "..." placeholders for sizes: no pod can be built from it, and it
      // sets nothing that goes on the pod, so the properties alone are the whole comparison.
      return conf;
    }
    var spec = job.getSpec().getDriver();
    if (spec != null && spec.getLabels() != null) {
      spec.getLabels().forEach((k, v) -> conf.put("spark.kubernetes.driver.label." + k, v));
    }
    if (driver.getSpec().getNodeSelector() != null) {
      driver
          .getSpec()
          .getNodeSelector()
          .forEach((k, v) -> conf.put("spark.kubernetes.driver.node.selector." + k, v));
    }
    for (EnvVar env : driver.getSpec().getContainers().get(0).getEnv()) {
      if (env.getValue() != null) {
        conf.put("spark.kubernetes.driverEnv." + env.getName(), env.getValue());
      }
    }
    return conf;
  }

  @ParameterizedTest
  @FieldSource("io.sparkbatch.operator.convert.ConvertFixtures#ALL")
  void theJobCarriesTheSparkPropertiesOfItsInput(String input) {
    Conversion conversion = ConvertFixtures.convert(input);

    SparkBatchJob job = conversion.job();
    job.getMetadata()
        .setNamespace(
            job.getMetadata().getNamespace() == null ? "spark" : job.getMetadata().getNamespace());
    job.getMetadata().setUid("00000000-0000-0000-0000-000000000001");
    job.getMetadata().setGeneration(1L);
    SubmissionSettings settings =
        SubmissionSettings.defaults().withDefaultImage("apache/spark:4.1.1");
    Map<String, String> carried = EquivalentSparkConf.normalize(effectiveConf(job, settings));
    Map<String, String> expected = EquivalentSparkConf.normalize(conversion.expectedSparkConf());

    assertThat(carried).as(input).containsAllEntriesOf(expected);
  }
}
