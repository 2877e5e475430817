package io.sparkbatch.operator.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * When each job's milestones happened, as the benchmark's own watches saw them (millisecond
 * precision; creationTimestamp has only seconds): job created, driver pod created, job Running,
 * driver pod finished, job finished. Every time is taken on the same clock, after the same watch
 * delivery path, so differences between them do not depend on how late a watch is.
 */
final class JobTimeline implements AutoCloseable {
  static final String DRIVER_SUFFIX = "-driver";

  /** The milestones of one job, in nanoseconds of {@link System#nanoTime()}; 0 when not seen. */
  static final class Times {
    volatile long created;
    volatile long driverCreated;
    volatile long running;
    volatile long driverFinished;
    volatile long finished;
    volatile boolean succeeded;

    /** Each status the job was seen with: "phase reason running/requested", one per change. */
    final List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
  }

  private final Map<String, Times> jobs = new ConcurrentHashMap<>();
  private final List<Watch> watches = new ArrayList<>();

  JobTimeline(KubernetesClient client, String namespace) {
    watches.add(
        client
            .resources(SparkBatchJob.class)
            .inNamespace(namespace)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, SparkBatchJob job) {
                    onJob(action, job);
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                }));
    watches.add(
        client
            .pods()
            .inNamespace(namespace)
            .withLabel("spark-role", "driver")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, Pod pod) {
                    onDriver(action, pod);
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                }));
  }

  private Times times(String job) {
    return jobs.computeIfAbsent(job, j -> new Times());
  }

  private void onJob(Watcher.Action action, SparkBatchJob job) {
    long now = System.nanoTime();
    Times t = times(job.getMetadata().getName());
    if (t.created == 0) {
      t.created = now;
    }
    JobPhase phase = job.getStatus() == null ? null : job.getStatus().getPhase();
    if (phase != null) {
      var executors = job.getStatus().getExecutors();
      t.statuses.add(
          phase
              + " "
              + job.getStatus().getReason()
              + (executors == null ? "" : " " + executors.getSummary()));
    }
    if (phase == JobPhase.RUNNING && t.running == 0) {
      t.running = now;
    }
    if (phase != null && phase.isFinished() && t.finished == 0) {
      t.succeeded = phase == JobPhase.SUCCEEDED;
      t.finished = now;
    }
  }

  private void onDriver(Watcher.Action action, Pod pod) {
    long now = System.nanoTime();
    String name = pod.getMetadata().getName();
    if (!name.endsWith(DRIVER_SUFFIX)) {
      return;
    }
    Times t = times(name.substring(0, name.length() - DRIVER_SUFFIX.length()));
    if (t.driverCreated == 0) {
      t.driverCreated = now;
    }
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    if (("Succeeded".equals(phase) || "Failed".equals(phase)) && t.driverFinished == 0) {
      t.driverFinished = now;
    }
  }

  long count(java.util.function.Predicate<Times> which) {
    return jobs.values().stream().filter(which).count();
  }

  long running() {
    return count(t -> t.running != 0 || t.finished != 0);
  }

  long finished() {
    return count(t -> t.finished != 0);
  }

  long succeeded() {
    return count(t -> t.succeeded);
  }

  /**
   * The most common sequences of statuses seen per job, with how many jobs had each: what the
   * status writes per job were spent on.
   */
  Map<String, Long> statusSequences(int most) {
    Map<String, Long> counts = new java.util.HashMap<>();
    jobs.values().forEach(t -> counts.merge(String.join(" -> ", t.statuses), 1L, Long::sum));
    Map<String, Long> top = new java.util.LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(most)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }

  /** Earliest job creation and latest job end, in nanoseconds. */
  long firstCreated() {
    return jobs.values().stream().mapToLong(t -> t.created).filter(v -> v != 0).min().orElse(0);
  }

  long lastFinished() {
    return jobs.values().stream().mapToLong(t -> t.finished).max().orElse(0);
  }

  /** Milliseconds from one milestone to another, for every job that has both. */
  List<Double> millisBetween(ToLongFunction<Times> from, ToLongFunction<Times> to) {
    List<Double> values = new ArrayList<>();
    for (Times t : jobs.values()) {
      long a = from.applyAsLong(t);
      long b = to.applyAsLong(t);
      if (a != 0 && b != 0) {
        values.add((b - a) / (double) TimeUnit.MILLISECONDS.toNanos(1));
      }
    }
    return values;
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
  }
}
