package io.sparkbatch.operator.state;

import static io.sparkbatch.operator.api.JobPhase.FAILED;
import static io.sparkbatch.operator.api.JobPhase.PENDING;
import static io.sparkbatch.operator.api.JobPhase.RETRYING;
import static io.sparkbatch.operator.api.JobPhase.RUNNING;
import static io.sparkbatch.operator.api.JobPhase.SUBMITTED;
import static io.sparkbatch.operator.api.JobPhase.SUCCEEDED;

import io.sparkbatch.operator.api.JobPhase;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of phase transitions. Every status the operator writes goes through {@link #check},
 * so a phase change the table does not allow is a bug caught at once, not a status that silently
 * goes backwards. docs/architecture.md draws this table; a test keeps the two equal.
 */
public final class PhaseTransitions {

  /** Phases a job without any status may take first. */
  public static final Set<JobPhase> INITIAL = EnumSet.of(PENDING, SUBMITTED, RETRYING, FAILED);

  private static final Map<JobPhase, Set<JobPhase>> ALLOWED = new EnumMap<>(JobPhase.class);

  static {
    // Waiting to create the driver (an old driver still terminating, for instance).
    ALLOWED.put(PENDING, EnumSet.of(SUBMITTED, RETRYING, FAILED));
    // The driver pod exists; it may run, or end before we saw it running.
    ALLOWED.put(SUBMITTED, EnumSet.of(PENDING, RUNNING, RETRYING, SUCCEEDED, FAILED));
    ALLOWED.put(RUNNING, EnumSet.of(PENDING, RETRYING, SUCCEEDED, FAILED));
    // Waiting for the next attempt's time; the deadline can end the job meanwhile.
    ALLOWED.put(RETRYING, EnumSet.of(PENDING, SUBMITTED, FAILED));
    // Finished phases only leave through a spec change, which starts a new run (or is invalid).
    ALLOWED.put(SUCCEEDED, EnumSet.of(PENDING, SUBMITTED, FAILED));
    ALLOWED.put(FAILED, EnumSet.of(PENDING, SUBMITTED));
  }

  private PhaseTransitions() {}

  /** Whether a job may go from {@code from} (null: no status yet) to {@code to}. */
  public static boolean allowed(JobPhase from, JobPhase to) {
    if (from == to) {
      return true;
    }
    return from == null ? INITIAL.contains(to) : ALLOWED.get(from).contains(to);
  }

  /** The phases reachable from {@code from} in one step, itself excluded. */
  public static Set<JobPhase> next(JobPhase from) {
    return from == null ? EnumSet.copyOf(INITIAL) : EnumSet.copyOf(ALLOWED.get(from));
  }

  /** Throws when the table does not allow the change: a bug in the operator, not in the job. */
  public static void check(JobPhase from, JobPhase to) {
    if (!allowed(from, to)) {
      throw new IllegalStateException("phase transition " + from + " -> " + to + " not allowed");
    }
  }
}
