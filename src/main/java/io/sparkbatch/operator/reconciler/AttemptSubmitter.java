package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.sparkbatch.operator.api.AttemptStatus;
import io.sparkbatch.operator.api.DriverInfo;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.JobReason;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;
import io.sparkbatch.operator.config.OperatorConfig;
import io.sparkbatch.operator.observe.ExecutorCounter;
import io.sparkbatch.operator.resource.DriverResources;
import io.sparkbatch.operator.resource.DriverResourcesFactory;
import io.sparkbatch.operator.resource.Labels;
import io.sparkbatch.operator.resource.Names;
import io.sparkbatch.operator.resource.SubmissionSettings;
import io.sparkbatch.operator.status.StatusFactory;
import io.sparkbatch.operator.status.StatusWriter;
import io.sparkbatch.operator.status.Timestamps;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts an attempt: the ConfigMap and Service first, then the driver pod, then status Submitted.
 * Safe to repeat after a crash at any point: a driver pod already there for this attempt is
 * adopted, one left from an earlier attempt or spec is deleted first.
 */
final class AttemptSubmitter {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptSubmitter.class);
  static final Duration WAIT_FOR_OLD_DRIVER = Duration.ofSeconds(1);

  /** Spark's default spark.executor.instances. */
  static final int DEFAULT_EXECUTORS = 2;

  private final KubernetesClient client;
  private final OperatorConfig config;
  private final SubmissionSettings settings;
  private final DriverRbacEnsurer rbac;
  private final StatusFactory statuses;
  private final StatusWriter writer;
  private final EventRecorder events;
  private final AttemptEnder ender;

  AttemptSubmitter(
      KubernetesClient client,
      OperatorConfig config,
      SubmissionSettings settings,
      StatusFactory statuses,
      StatusWriter writer,
      EventRecorder events,
      AttemptEnder ender) {
    this.client = Objects.requireNonNull(client);
    this.config = Objects.requireNonNull(config);
    this.settings = Objects.requireNonNull(settings);
    this.rbac = new DriverRbacEnsurer(client, settings);
    this.statuses = Objects.requireNonNull(statuses);
    this.writer = Objects.requireNonNull(writer);
    this.events = Objects.requireNonNull(events);
    this.ender = Objects.requireNonNull(ender);
  }

  StepResult submit(
      SparkBatchJob job, SparkBatchJobStatus next, JobPods pods, Context<SparkBatchJob> ctx) {
    Instant now = statuses.now();
    String namespace = job.getMetadata().getNamespace();
    if (JobTimes.passed(JobTimes.deadline(job, next), now)) {
      return fail(job, next, JobReason.DEADLINE_EXCEEDED, deadlineMessage(job), ctx);
    }
    String account =
        job.getSpec().getDriver() == null ? null : job.getSpec().getDriver().getServiceAccount();
    if (account != null) {
      if (client.serviceAccounts().inNamespace(namespace).withName(account).get() == null) {
        return fail(
            job,
            next,
            JobReason.SERVICE_ACCOUNT_MISSING,
            "spec.driver.serviceAccount: service account "
                + account
                + " does not exist in namespace "
                + namespace
                + "; create it with a Role that lets it manage pods, services and configmaps, or"
                + " remove the field to use the account the operator manages",
            ctx);
      }
    } else if (config.manageDriverRbac()) {
      rbac.ensure(namespace);
    }
    int attempt = nextAttemptNumber(next);
    Optional<StepResult> blocked = clearOldDriver(job, next, pods.driver(), attempt, ctx);
    if (blocked.isPresent()) {
      return blocked.get();
    }
    DriverResources resources;
    try {
      resources = DriverResourcesFactory.build(job, attempt, settings);
    } catch (IllegalArgumentException e) {
      // The validator should have caught it; a spec the factories cannot build never retries.
      return fail(job, next, JobReason.INVALID_SPEC, e.getMessage(), ctx);
    }
    createOrReplace(resources.configMap());
    createOrReplace(resources.service());
    Pod pod = resources.pod();
    try {
      client.resource(pod).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        Pod existing =
            client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get();
        Optional<StepResult> stillBlocked =
            clearOldDriver(job, next, Optional.ofNullable(existing), attempt, ctx);
        if (stillBlocked.isPresent()) {
          return stillBlocked.get();
        }
      } else if (e.getCode() >= 400 && e.getCode() < 500) {
        startAttempt(job, next, attempt, resources, now);
        return ender.end(
            job,
            next,
            JobReason.SUBMISSION_FAILED,
            "the API server refused the driver pod: " + apiMessage(e),
            null,
            now,
            ctx);
      } else {
        throw e;
      }
    }
    startAttempt(job, next, attempt, resources, now);
    String message = "attempt " + attempt + ": created driver pod " + pod.getMetadata().getName();
    SparkBatchJob updated =
        writer.write(
            job,
            statuses.phase(job, next, JobPhase.SUBMITTED, JobReason.DRIVER_STARTING, message),
            ctx);
    events.normal(updated, "Submitted", message);
    LOG.info("{}/{} submitted attempt {}", namespace, job.getMetadata().getName(), attempt);
    Instant startBy = now.plus(JobTimes.startTimeout(job, config.defaultDriverStartTimeout()));
    Instant deadline = JobTimes.deadline(job, next);
    return JobTimes.at(deadline != null && deadline.isBefore(startBy) ? deadline : startBy, now);
  }

  /** The attempt to start: the first of a run, or the one after the last. */
  private static int nextAttemptNumber(SparkBatchJobStatus status) {
    AttemptStatus current = status.getAttempt();
    return current == null ? 1 : current.getNumber() + 1;
  }

  /**
   * A driver pod with the job's driver name may still be there: this attempt's own (the operator
   * stopped after creating it: adopt it), or an earlier one's (delete it and wait until it is gone,
   * since the new pod takes the same name).
   */
  private Optional<StepResult> clearOldDriver(
      SparkBatchJob job,
      SparkBatchJobStatus next,
      Optional<Pod> existing,
      int attempt,
      Context<SparkBatchJob> ctx) {
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    Pod pod = existing.get();
    if (isOwnAttempt(job, pod, attempt)) {
      return Optional.empty();
    }
    if (pod.getMetadata().getDeletionTimestamp() == null) {
      client.resource(pod).withGracePeriod(30).delete();
    }
    if (next.getPhase() != JobPhase.PENDING) {
      writer.write(
          job,
          statuses.phase(
              job,
              next,
              JobPhase.PENDING,
              JobReason.ACCEPTED,
              "waiting for the previous driver pod " + pod.getMetadata().getName() + " to go away"),
          ctx);
    }
    return Optional.of(StepResult.requeueAfter(WAIT_FOR_OLD_DRIVER));
  }

  private static boolean isOwnAttempt(SparkBatchJob job, Pod pod, int attempt) {
    var annotations = pod.getMetadata().getAnnotations();
    String generation = annotations == null ? null : annotations.get(Labels.GENERATION_ANNOTATION);
    return Integer.valueOf(attempt).equals(JobPods.attemptOf(pod))
        && String.valueOf(job.getMetadata().getGeneration()).equals(generation)
        && pod.getMetadata().getDeletionTimestamp() == null;
  }

  /** Executors the job asks for: the initial count under dynamic allocation, else instances. */
  static int requestedExecutors(SparkBatchJob job) {
    var spec = job.getSpec();
    var dynamic = spec.getDynamicAllocation();
    if (dynamic != null && Boolean.TRUE.equals(dynamic.getEnabled())) {
      Integer initial =
          dynamic.getInitialExecutors() != null
              ? dynamic.getInitialExecutors()
              : dynamic.getMinExecutors();
      return initial == null ? 0 : initial;
    }
    Integer instances = spec.getExecutor() == null ? null : spec.getExecutor().getInstances();
    return instances == null ? DEFAULT_EXECUTORS : instances;
  }

  private void startAttempt(
      SparkBatchJob job,
      SparkBatchJobStatus next,
      int attempt,
      DriverResources resources,
      Instant now) {
    statuses.archiveAttempt(next);
    AttemptStatus status = new AttemptStatus();
    status.setNumber(attempt);
    status.setDriverPodName(resources.pod().getMetadata().getName());
    status.setStartTime(Timestamps.format(now));
    next.setAttempt(status);
    next.setNextAttemptTime(null);
    next.setSparkApplicationId(resources.applicationId());
    next.setExecutors(
        ExecutorCounter.count(requestedExecutors(job), List.of(), Map.of(), false, null));
    DriverInfo driver = new DriverInfo();
    driver.setPodName(resources.pod().getMetadata().getName());
    driver.setWebUIServiceName(resources.service().getMetadata().getName());
    driver.setWebUIPort(Names.UI_PORT);
    driver.setWebUIAddress(
        resources.service().getMetadata().getName()
            + "."
            + resources.service().getMetadata().getNamespace()
            + ".svc:"
            + Names.UI_PORT);
    next.setDriverInfo(driver);
  }

  private void createOrReplace(HasMetadata object) {
    client.resource(object).createOr(NonDeletingOperation::update);
  }

  private StepResult fail(
      SparkBatchJob job,
      SparkBatchJobStatus next,
      JobReason reason,
      String message,
      Context<SparkBatchJob> ctx) {
    SparkBatchJob updated =
        writer.write(job, statuses.phase(job, next, JobPhase.FAILED, reason, message), ctx);
    events.warning(updated, reason.value(), message);
    LOG.info(
        "{}/{} failed: {}",
        job.getMetadata().getNamespace(),
        job.getMetadata().getName(),
        reason.value());
    return JobTimes.afterFinish(job);
  }

  static String deadlineMessage(SparkBatchJob job) {
    return "the job ran longer than timeouts.activeDeadlineSeconds ("
        + job.getSpec().getTimeouts().getActiveDeadlineSeconds()
        + "s)";
  }

  /** The API server's own explanation, without the client's request details. */
  static String apiMessage(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }
}
