package io.sparkbatch.operator.api;

/**
 * The kubeflow-compatible state read by Airflow's SparkKubernetesSensor and Argo Workflows. Derived
 * from {@link JobPhase}; there is deliberately no UNKNOWN, which those tools treat as failure.
 */
public enum ApplicationStateType {
  SUBMITTED,
  RUNNING,
  COMPLETED,
  FAILED,
  PENDING_RERUN
}
