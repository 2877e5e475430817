package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The driver's headless Service. Its DNS name is {@code spark.driver.host}: executors reach the
 * driver's RPC and block manager through it, and users the Spark UI (kubectl port-forward svc/NAME
 * 4040). It carries {@code spark-app-selector} like Spark's, so the driver deletes it when it stops
 * (spark.kubernetes.driver.service.deleteOnTermination, true by default).
 */
public final class DriverServiceFactory {

  private DriverServiceFactory() {}

  public static Service build(
      SparkBatchJob job, int attempt, SortedMap<String, String> properties) {
    String appId = properties.get(SparkConfKeys.APP_ID);
    Map<String, String> labels = Labels.forAttempt(job, attempt);
    labels.putAll(
        SparkConfResolver.withPrefix(properties, SparkConfKeys.DRIVER_SERVICE_LABEL_PREFIX));
    labels.put(Labels.SPARK_APP_SELECTOR, appId);
    Map<String, String> annotations =
        SparkConfResolver.withPrefix(properties, SparkConfKeys.DRIVER_SERVICE_ANNOTATION_PREFIX);

    ServiceBuilder service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName(Names.driverServiceName(job.getMetadata().getName()))
            .withNamespace(job.getMetadata().getNamespace())
            .withLabels(labels)
            .withAnnotations(annotations.isEmpty() ? null : annotations)
            .withOwnerReferences(Labels.ownedBy(job))
            .endMetadata()
            .withNewSpec()
            .withClusterIP("None")
            .withSelector(Labels.driverSelector(appId))
            .withPorts(
                port(Names.DRIVER_PORT_NAME, Names.DRIVER_PORT),
                port(Names.BLOCK_MANAGER_PORT_NAME, Names.BLOCK_MANAGER_PORT),
                port(Names.UI_PORT_NAME, Names.UI_PORT))
            .endSpec();
    // Spark pins SingleStack IPv4 by default; left unset, the cluster's default family applies.
    String policy = properties.get(SparkConfKeys.DRIVER_SERVICE_IP_FAMILY_POLICY);
    String families = properties.get(SparkConfKeys.DRIVER_SERVICE_IP_FAMILIES);
    if (policy != null) {
      service.editSpec().withIpFamilyPolicy(policy).endSpec();
    }
    if (families != null) {
      service.editSpec().withIpFamilies(List.of(SparkConfResolver.split(families))).endSpec();
    }
    return service.build();
  }

  private static ServicePort port(String name, int port) {
    return new ServicePortBuilder()
        .withName(name)
        .withPort(port)
        .withTargetPort(new IntOrString(port))
        .withProtocol("TCP")
        .build();
  }
}
