package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.TransformingItemStore;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.config.UsagePrices;
import io.sparkbatch.operator.metrics.ClusterView;
import io.sparkbatch.operator.observe.UsageCalculator;
import io.sparkbatch.operator.resource.Labels;
import io.sparkbatch.operator.resource.Names;
import io.sparkbatch.operator.resource.SubmissionSettings;
import io.sparkbatch.operator.status.PhaseListener;
import io.sparkbatch.operator.status.StatusFactory;
import io.sparkbatch.operator.status.StatusWriter;
import io.sparkbatch.operator.validation.SparkBatchJobValidator;
import io.sparkbatch.operator.validation.SpecViolation;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a SparkBatchJob from creation to a final status. Thin on purpose: it reads what the caches
 * hold, then hands the job to the step its phase calls for. Status is written by the steps as a
 * merge patch, never through the framework's UpdateControl, so that each write is the one the step
 * decided on.
 */
public final class SparkBatchJobReconciler implements Reconciler<SparkBatchJob> {
  private static final Logger LOG = LoggerFactory.getLogger(SparkBatchJobReconciler.class);

  private final StatusFactory statuses;
  private final StatusWriter writer;
  private final EventRecorder events;
  private final AttemptSubmitter submitter;
  private final AttemptTracker tracker;
  private final FinishedJobJanitor janitor;
  private final KubernetesClient client;
  private final boolean oneInformerPerSource;
  private final SparkBatchJobValidator validator = new SparkBatchJobValidator();
  private final ExecutorLedger ledger = new ExecutorLedger();
  private final AtomicLong reconciliations = new AtomicLong();
  private static final int LEDGER_PRUNE_EVERY = 256;

  private final ClusterView view;

  public SparkBatchJobReconciler(KubernetesClient client, OperatorConfig config, Clock clock) {
    this(client, config, clock, PhaseListener.NONE, UsagePrices.NONE, new ClusterView());
  }

  /**
   * @param phases told of every phase change written (the job metrics)
   * @param prices prices for status.usage.estimatedCost
   * @param view receives the informer caches, for the state gauges
   */
  public SparkBatchJobReconciler(
      KubernetesClient client,
      OperatorConfig config,
      Clock clock,
      PhaseListener phases,
      UsagePrices prices,
      ClusterView view) {
    this.client = Objects.requireNonNull(client);
    this.view = Objects.requireNonNull(view);
    this.oneInformerPerSource = config.watchesAllNamespaces() || config.namespaces().size() == 1;
    this.statuses = new StatusFactory(clock, client.getKubernetesSerialization());
    this.writer = new StatusWriter(client, phases);
    this.events = new EventRecorder(client, clock);
    SubmissionSettings settings = config.submissionSettings();
    AttemptEnder ender = new AttemptEnder(statuses, writer, events);
    this.submitter =
        new AttemptSubmitter(client, config, settings, statuses, writer, events, ender);
    this.tracker =
        new AttemptTracker(
            client, config, statuses, writer, events, ender, ledger, new UsageCalculator(prices));
    this.janitor = new FinishedJobJanitor(client, statuses);
  }

  @Override
  public List<EventSource<?, SparkBatchJob>> prepareEventSources(
      EventSourceContext<SparkBatchJob> context) {
    // Only pods the operator or its drivers created: never an unfiltered watch of all pods.
    var pods =
        InformerEventSourceConfiguration.from(Pod.class, SparkBatchJob.class)
            .withLabelSelector(Labels.MANAGED_SELECTOR)
            .withSecondaryToPrimaryMapper(
                pod -> {
                  String job = JobPods.label(pod, Labels.JOB_NAME);
                  return job == null
                      ? Set.of()
                      : Set.of(new ResourceID(job, pod.getMetadata().getNamespace()));
                });
    if (oneInformerPerSource) {
      // Cache only what the operator reads of a pod (see CachedPodPruner). Not with several
      // namespaces: JOSDK gives the same store to each namespace's informer, and one namespace's
      // relist would drop the others' pods.
      pods.withItemStore(new TransformingItemStore<>(CachedPodPruner::prune));
    }
    InformerEventSource<Pod, SparkBatchJob> podSource =
        new InformerEventSource<>(pods.build(), context);
    var jobs = context.getPrimaryCache();
    view.attach(jobs::list, podSource::list);
    return List.of(podSource);
  }

  @Override
  public UpdateControl<SparkBatchJob> reconcile(SparkBatchJob job, Context<SparkBatchJob> ctx) {
    forgetDeletedJobs(ctx);
    if (job.getMetadata().getDeletionTimestamp() != null) {
      return UpdateControl.noUpdate();
    }
    // As a stream: the Set form hashes every cached pod, field by field, on each reconciliation.
    JobPods pods =
        JobPods.of(
            Names.driverPodName(job.getMetadata().getName()),
            ctx.getSecondaryResourcesAsStream(Pod.class).toList());
    SparkBatchJobStatus status = job.getStatus();
    StepResult result;
    if (status == null
        || status.getPhase() == null
        || !Objects.equals(status.getObservedGeneration(), job.getMetadata().getGeneration())) {
      result = startRun(job, pods, ctx);
    } else {
      SparkBatchJobStatus next = statuses.copy(job);
      result =
          switch (status.getPhase()) {
            case PENDING -> submitter.submit(job, next, pods, ctx);
            case RETRYING -> retry(job, next, pods, ctx);
            case SUBMITTED, RUNNING -> tracker.track(job, next, pods, ctx);
            case SUCCEEDED, FAILED -> janitor.tidy(job, pods);
          };
    }
    UpdateControl<SparkBatchJob> control = UpdateControl.noUpdate();
    return result.requeue().map(control::rescheduleAfter).orElse(control);
  }

  /**
   * Without a finalizer the operator is not told when a running job is deleted, so now and then the
   * executor ledger drops the jobs that are no longer in the cache. Every few hundred
   * reconciliations keeps the cost of listing the cache small per job.
   */
  private void forgetDeletedJobs(Context<SparkBatchJob> ctx) {
    if (reconciliations.incrementAndGet() % LEDGER_PRUNE_EVERY != 0) {
      return;
    }
    Set<String> live =
        ctx.getPrimaryCache().list().map(j -> j.getMetadata().getUid()).collect(Collectors.toSet());
    ledger.retainJobs(live);
  }

  /**
   * A new spec (or a new job): stop the driver of the previous spec if it still runs, check the
   * spec, and submit the first attempt.
   */
  private StepResult startRun(SparkBatchJob job, JobPods pods, Context<SparkBatchJob> ctx) {
    SparkBatchJobStatus before = job.getStatus();
    boolean wasRunning =
        before != null
            && before.getPhase() != null
            && JobPhase.DRIVER_EXPECTED.contains(before.getPhase());
    SparkBatchJobStatus next = statuses.copy(job);
    if (wasRunning && before.getAttempt() != null) {
      pods.driver().ifPresent(pod -> client.resource(pod).delete());
      statuses.endAttempt(
          next,
          JobReason.SPEC_CHANGED,
          "stopped: the spec changed to generation " + job.getMetadata().getGeneration(),
          null,
          null);
      events.normal(
          job, "SpecChanged", "the spec changed: stopping the running driver to run the new spec");
    }
    next = statuses.newRun(job, next);
    List<SpecViolation> violations = validator.validate(job);
    if (!violations.isEmpty()) {
      String message =
          violations.stream().map(SpecViolation::toString).collect(Collectors.joining("; "));
      SparkBatchJob updated =
          writer.write(
              job,
              statuses.phase(job, next, JobPhase.FAILED, JobReason.INVALID_SPEC, message),
              ctx);
      events.warning(updated, JobReason.INVALID_SPEC.value(), message);
      LOG.info(
          "{}/{} rejected: {}",
          job.getMetadata().getNamespace(),
          job.getMetadata().getName(),
          message);
      return JobTimes.afterFinish(job);
    }
    return submitter.submit(job, next, pods, ctx);
  }

  private StepResult retry(
      SparkBatchJob job, SparkBatchJobStatus next, JobPods pods, Context<SparkBatchJob> ctx) {
    var at = io.sparkbatch.operator.status.Timestamps.parse(next.getNextAttemptTime());
    if (at != null && !JobTimes.passed(at, statuses.now())) {
      return JobTimes.at(at, statuses.now());
    }
    return submitter.submit(job, next, pods, ctx);
  }
}
