package io.sparkbatch.operator.status;

import io.sparkbatch.operator.api.JobPhase;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.api.SparkBatchJobStatus;

/**
 * Told of each phase change the operator has written, once, after the write succeeded: the points
 * where a step decided something (submitted, running, retrying, finished), never each
 * reconciliation.
 */
@FunctionalInterface
public interface PhaseListener {
  PhaseListener NONE = (job, from, to) -> {};

  /**
   * @param job the job as it was before the write (its status holds the previous phase)
   * @param from the previous phase; null for a job's first status
   * @param to the status written
   */
  void changed(SparkBatchJob job, JobPhase from, SparkBatchJobStatus to);
}
