package io.sparkbatch.operator.api;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Spark batch application: run it to completion on Kubernetes, with retries and status. */
@Group(SparkBatchJob.GROUP)
@Version(SparkBatchJob.VERSION)
@ShortNames("sbj")
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase")
@AdditionalPrinterColumn(
    name = "Attempt",
    jsonPath = ".status.attempt.number",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Executors", jsonPath = ".status.executors.summary")
@AdditionalPrinterColumn(name = "Duration", jsonPath = ".status.duration")
@AdditionalPrinterColumn(name = "Reason", jsonPath = ".status.reason", priority = 1)
@AdditionalPrinterColumn(name = "Driver", jsonPath = ".status.driverInfo.podName", priority = 1)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class SparkBatchJob extends CustomResource<SparkBatchJobSpec, SparkBatchJobStatus>
    implements Namespaced {
  public static final String GROUP = "sparkbatch.io";
  public static final String VERSION = "v1alpha1";
}
