package io.sparkbatch.operator.metrics;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The operator's informer caches, as the state gauges read them. The caches exist only once the
 * framework has built the event sources, so the reconciler attaches them then; until it does, the
 * view is empty.
 */
public final class ClusterView {
  private volatile Supplier<Stream<SparkBatchJob>> jobs = Stream::empty;
  private volatile Supplier<Stream<Pod>> pods = Stream::empty;

  public void attach(Supplier<Stream<SparkBatchJob>> jobs, Supplier<Stream<Pod>> pods) {
    this.jobs = jobs;
    this.pods = pods;
  }

  /** The jobs in the cache: those that exist now (deleted jobs are gone from it). */
  Stream<SparkBatchJob> jobs() {
    return jobs.get();
  }

  /** The pods the operator and its drivers created, as cached. */
  Stream<Pod> pods() {
    return pods.get();
  }
}
