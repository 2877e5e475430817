package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.observe.ExecutorCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Remembers, per running job, the executor pods seen in its current attempt and their last phase,
 * so that an executor the driver deleted still counts in status.executors. Kilobytes per running
 * job; forgotten when the attempt ends. Lost on restart, which {@link ExecutorCounter} covers by
 * never letting finished counts go down.
 */
final class ExecutorLedger {
  private record Entry(
      int attempt, Map<String, String> lastPhase, Instant lastWrite, Instant changeSeen) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Records the current executor pods; returns the last phase of those that disappeared. */
  Map<String, String> observe(String jobUid, int attempt, Collection<Pod> current) {
    Entry entry = entries.get(jobUid);
    if (entry == null || entry.attempt() != attempt) {
      entry = new Entry(attempt, new HashMap<>(), null, null);
    }
    Map<String, String> phases = new HashMap<>(entry.lastPhase());
    Set<String> present =
        current.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    for (Pod pod : current) {
      phases.put(pod.getMetadata().getName(), ExecutorCounter.phase(pod));
    }
    entries.put(jobUid, new Entry(attempt, phases, entry.lastWrite(), entry.changeSeen()));
    Map<String, String> removed = new HashMap<>(phases);
    removed.keySet().removeAll(present);
    return removed;
  }

  void executorWrite(String jobUid, Instant at) {
    entries.computeIfPresent(jobUid, (uid, e) -> new Entry(e.attempt(), e.lastPhase(), at, null));
  }

  /**
   * When an executor-only change seen {@code now} is due to be written: {@code interval} after the
   * first unwritten change was seen, and no sooner than {@code interval} after the last write. So a
   * burst of changes (executors starting; the driver deleting its executors just before it exits)
   * becomes one write, or none when a phase change comes first and carries the counts.
   */
  Instant executorChangeDue(String jobUid, Instant now, Duration interval) {
    Entry entry =
        entries.computeIfPresent(
            jobUid,
            (uid, e) ->
                e.changeSeen() != null
                    ? e
                    : new Entry(e.attempt(), e.lastPhase(), e.lastWrite(), now));
    if (entry == null) {
      return now;
    }
    Instant due = entry.changeSeen().plus(interval);
    Instant last = entry.lastWrite();
    return last != null && last.plus(interval).isAfter(due) ? last.plus(interval) : due;
  }

  void forget(String jobUid) {
    entries.remove(jobUid);
  }

  int size() {
    return entries.size();
  }
}
