package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DriverServiceFactoryTest {

  @Test
  void headlessServiceSelectsOnlyTheAttemptsDriver() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    Service service = build(job);
    assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(service.getSpec().getSelector())
        .isEqualTo(
            Map.of("spark-app-selector", Names.applicationId(job, 1), "spark-role", "driver"));
    assertThat(service.getSpec().getPorts())
        .extracting(ServicePort::getName, ServicePort::getPort)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("driver-rpc-port", 7078),
            org.assertj.core.groups.Tuple.tuple("blockmanager", 7079),
            org.assertj.core.groups.Tuple.tuple("spark-ui", 4040));
    assertThat(service.getSpec().getIpFamilyPolicy()).isNull();
  }

  @Test
  void serviceLabelsAnnotationsAndIpFamiliesComeFromSparkConf() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    job.getSpec()
        .setSparkConf(
            Map.of(
                "spark.kubernetes.driver.service.label.exposed", "true",
                "spark.kubernetes.driver.service.annotation.example.com/x", "y",
                "spark.kubernetes.driver.service.ipFamilyPolicy", "PreferDualStack",
                "spark.kubernetes.driver.service.ipFamilies", "IPv6,IPv4"));
    Service service = build(job);
    assertThat(service.getMetadata().getLabels())
        .containsEntry("exposed", "true")
        .containsEntry(Labels.SPARK_APP_SELECTOR, Names.applicationId(job, 1))
        .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
    assertThat(service.getMetadata().getAnnotations()).containsEntry("example.com/x", "y");
    assertThat(service.getSpec().getIpFamilyPolicy()).isEqualTo("PreferDualStack");
    assertThat(service.getSpec().getIpFamilies()).containsExactly("IPv6", "IPv4");
  }

  @Test
  void serviceNameMatchesTheDriverHost() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "x".repeat(80));
    TreeMap<String, String> conf = SparkConfResolver.resolve(job, 1, SubmissionSettings.defaults());
    Service service = DriverServiceFactory.build(job, 1, conf);
    assertThat(conf.get("spark.driver.host"))
        .isEqualTo(service.getMetadata().getName() + ".ns.svc");
    assertThat(service.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
  }

  private static Service build(SparkBatchJob job) {
    return DriverServiceFactory.build(
        job, 1, SparkConfResolver.resolve(job, 1, SubmissionSettings.defaults()));
  }
}
