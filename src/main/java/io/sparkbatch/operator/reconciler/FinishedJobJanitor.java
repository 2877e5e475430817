package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobSpec;
import io.sparkbatch.operator.resource.Names;
import io.sparkbatch.operator.status.StatusFactory;
import io.sparkbatch.operator.status.Timestamps;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tidies up after a finished job: releases its pods, Service and ConfigMap after
 * releaseResourcesAfterSeconds (keeping the resource and its status), and deletes the resource
 * itself after timeToLiveSeconds (owner references take everything else with it).
 */
final class FinishedJobJanitor {
  private static final Logger LOG = LoggerFactory.getLogger(FinishedJobJanitor.class);

  private final KubernetesClient client;
  private final StatusFactory statuses;

  FinishedJobJanitor(KubernetesClient client, StatusFactory statuses) {
    this.client = Objects.requireNonNull(client);
    this.statuses = Objects.requireNonNull(statuses);
  }

  StepResult tidy(SparkBatchJob job, JobPods pods) {
    Instant now = statuses.now();
    Instant completed = Timestamps.parse(job.getStatus().getCompletionTime());
    if (completed == null) {
      return StepResult.done();
    }
    SparkBatchJobSpec spec = job.getSpec();
    String namespace = job.getMetadata().getNamespace();
    String name = job.getMetadata().getName();
    if (spec.getTimeToLiveSeconds() != null) {
      Instant expires = completed.plusSeconds(spec.getTimeToLiveSeconds());
      if (JobTimes.passed(expires, now)) {
        client.resource(job).delete();
        LOG.info("{}/{} deleted: timeToLiveSeconds passed", namespace, name);
        return StepResult.done();
      }
    }
    StepResult result =
        spec.getTimeToLiveSeconds() == null
            ? StepResult.done()
            : JobTimes.at(completed.plusSeconds(spec.getTimeToLiveSeconds()), now);
    if (spec.getReleaseResourcesAfterSeconds() != null) {
      Instant release = completed.plusSeconds(spec.getReleaseResourcesAfterSeconds());
      if (!JobTimes.passed(release, now)) {
        return result.orSooner(JobTimes.at(release, now));
      }
      if (pods.driver().isPresent() || !pods.executors().isEmpty()) {
        release(job, pods);
      }
    }
    return result;
  }

  /** Deletes the driver's Service and ConfigMap, then the driver (its executors go with it). */
  private void release(SparkBatchJob job, JobPods pods) {
    String namespace = job.getMetadata().getNamespace();
    String name = job.getMetadata().getName();
    client.services().inNamespace(namespace).withName(Names.driverServiceName(name)).delete();
    client.configMaps().inNamespace(namespace).withName(Names.configMapName(name)).delete();
    pods.driver().ifPresent(pod -> client.resource(pod).delete());
    pods.executors().forEach(pod -> client.resource(pod).delete());
    LOG.info(
        "{}/{} released its pods, Service and ConfigMap", namespace, job.getMetadata().getName());
  }
}
