package io.sparkbatch.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.state.PhaseTransitions;
import java.util.Objects;

/**
 * Writes a job's status as a JSON merge patch of the difference, on the status subresource, and
 * hands the result to the framework's cache so the next reconciliation sees it even before the
 * watch event arrives (otherwise a stale cache could make the next reconciliation submit again). No
 * write happens when nothing changed.
 */
public final class StatusWriter {
  private final KubernetesClient client;
  private final KubernetesSerialization serialization;
  private final PhaseListener listener;

  public StatusWriter(KubernetesClient client) {
    this(client, PhaseListener.NONE);
  }

  public StatusWriter(KubernetesClient client, PhaseListener listener) {
    this.client = Objects.requireNonNull(client);
    this.serialization = client.getKubernetesSerialization();
    this.listener = Objects.requireNonNull(listener);
  }

  /** Writes {@code next} as the job's status; returns the job as stored afterwards. */
  public SparkBatchJob write(
      SparkBatchJob job, SparkBatchJobStatus next, Context<SparkBatchJob> ctx) {
    SparkBatchJobStatus current = job.getStatus();
    JobPhase from = current == null ? null : current.getPhase();
    PhaseTransitions.check(from, next.getPhase());
    ObjectNode patch =
        MergePatch.diff(
            current == null ? null : serialization.convertValue(current, JsonNode.class),
            serialization.convertValue(next, JsonNode.class));
    if (patch.isEmpty()) {
      return job;
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("status", patch);
    // Patch through an object that names the job: by name alone, fabric8 would GET the job first.
    SparkBatchJob target = new SparkBatchJob();
    target.setMetadata(
        new ObjectMetaBuilder()
            .withName(job.getMetadata().getName())
            .withNamespace(job.getMetadata().getNamespace())
            .build());
    SparkBatchJob updated =
        client
            .resource(target)
            .subresource("status")
            .patch(PatchContext.of(PatchType.JSON_MERGE), body.toString());
    if (ctx != null) {
      ctx.eventSourceRetriever()
          .getControllerEventSource()
          .handleRecentResourceUpdate(ResourceID.fromResource(job), updated, job);
    }
    if (from != next.getPhase()) {
      listener.changed(job, from, next);
    }
    return updated;
  }
}
