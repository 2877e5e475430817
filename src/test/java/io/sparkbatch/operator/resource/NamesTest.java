package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import org.junit.jupiter.api.Test;

class NamesTest {

  private static final String DNS_1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";

  @Test
  void shortNamesAreKeptAsSparkAndAirflowExpectThem() {
    assertThat(Names.driverPodName("spark-pi")).isEqualTo("spark-pi-driver");
    assertThat(Names.driverServiceName("spark-pi")).isEqualTo("spark-pi-driver-svc");
    assertThat(Names.configMapName("spark-pi")).isEqualTo("spark-pi-spark-conf");
    assertThat(Names.driverHost("spark-pi", "ns")).isEqualTo("spark-pi-driver-svc.ns.svc");
    assertThat(Names.executorPodNamePrefix("spark-pi", 3)).isEqualTo("spark-pi-3");
  }

  @Test
  void longServiceNamesAreShortenedWithAStableHash() {
    String name = "a".repeat(60);
    String service = Names.driverServiceName(name);
    assertThat(service).hasSizeLessThanOrEqualTo(63).matches(DNS_1035).endsWith("-driver-svc");
    assertThat(Names.driverServiceName(name)).isEqualTo(service);
    assertThat(Names.driverServiceName("a".repeat(59) + "b"))
        .as("names that share the kept prefix still get distinct services")
        .isNotEqualTo(service);
  }

  @Test
  void serviceNameIsAlwaysAValidDns1035Label() {
    for (String name :
        new String[] {
          "1st-job", "job.with.dots", "x".repeat(253), "9" + "z".repeat(100), "a-" + "-".repeat(70)
        }) {
      assertThat(Names.driverServiceName(name))
          .as(name)
          .hasSizeLessThanOrEqualTo(63)
          .matches(DNS_1035);
    }
    assertThat(Names.driverServiceName("1st-job")).startsWith("spark-1st-job-");
    assertThat(Names.driverServiceName("job.with.dots")).startsWith("job-with-dots-");
    assertThat(Names.driverServiceName("job.with.dots"))
        .isNotEqualTo(Names.driverServiceName("job-with-dots"));
  }

  @Test
  void serviceNameAtTheLimitIsNotShortened() {
    String name = "b".repeat(63 - "-driver-svc".length());
    assertThat(Names.driverServiceName(name)).isEqualTo(name + "-driver-svc").hasSize(63);
    assertThat(Names.driverServiceName(name + "c")).hasSize(63).isNotEqualTo(name + "c-driver-svc");
  }

  @Test
  void podAndConfigMapNamesOnlyShortenPastTheSubdomainLimit() {
    String name = "n".repeat(253);
    assertThat(Names.driverPodName(name)).hasSize(253).endsWith("-driver");
    assertThat(Names.configMapName(name)).hasSize(253).endsWith("-spark-conf");
    assertThat(Names.driverPodName("n".repeat(246))).isEqualTo("n".repeat(246) + "-driver");
  }

  @Test
  void executorPrefixIsAValidSparkPrefixWithoutDots() {
    assertThat(Names.executorPodNamePrefix("etl.daily", 2)).isEqualTo("etl-daily-2");
    String prefix = Names.executorPodNamePrefix("e".repeat(253), 12);
    assertThat(prefix).hasSizeLessThanOrEqualTo(237).endsWith("-12").matches("[a-z0-9-]+");
  }

  @Test
  void applicationIdComesFromTheUidAndAttempt() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getMetadata().setUid("5C6A8F0E-1B2D-4E3F-9A8B-7C6D5E4F3A2B");
    assertThat(Names.applicationId(job, 1)).isEqualTo("spark-5c6a8f0e1b2d4e3f9a8b7c6d5e4f3a2b-1");
    assertThat(Names.applicationId(job, 12)).isEqualTo("spark-5c6a8f0e1b2d4e3f9a8b7c6d5e4f3a2b-12");
    assertThat(Labels.isValidValue(Names.applicationId(job, Integer.MAX_VALUE))).isTrue();
  }

  @Test
  void applicationIdNeedsAUid() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getMetadata().setUid(null);
    assertThatThrownBy(() -> Names.applicationId(job, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uid");
  }
}
