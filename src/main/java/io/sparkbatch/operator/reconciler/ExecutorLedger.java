package io.sparkbatch.operator.reconciler;

import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.observe.ExecutorCounter;
import io.sparkbatch.operator.observe.PodRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Remembers, per running job, the executor pods seen in its current attempt and their last phase,
 * so that an executor the driver deleted still counts in status.executors. Kilobytes per running
 * job; forgotten when the attempt ends. It also keeps each executor's last seen run (requests and
 * container timestamps) for status.usage. Lost on restart, which {@link ExecutorCounter} covers by
 * never letting finished counts go down.
 */
final class ExecutorLedger {
  private record Entry(
      int attempt,
      Map<String, String> lastPhase,
      Map<String, PodRun> runs,
      Instant lastWrite,
      Instant changeSeen) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Records the current executor pods; returns the last phase of those that disappeared. */
  Map<String, String> observe(String jobUid, int attempt, Collection<Pod> current) {
    Entry entry = entries.get(jobUid);
    if (entry == null || entry.attempt() != attempt) {
      entry = new Entry(attempt, new HashMap<>(), new HashMap<>(), null, null);
    }
    Map<String, String> phases = new HashMap<>(entry.lastPhase());
    Map<String, PodRun> runs = new HashMap<>(entry.runs());
    Set<String> present =
        current.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
    for (Pod pod : current) {
      phases.put(pod.getMetadata().getName(), ExecutorCounter.phase(pod));
      // The last state seen is all there is once the driver deletes the pod: keep its run.
      PodRun.of(pod).ifPresent(run -> runs.put(pod.getMetadata().getName(), run));
    }
    entries.put(jobUid, new Entry(attempt, phases, runs, entry.lastWrite(), entry.changeSeen()));
    Map<String, String> removed = new HashMap<>(phases);
    removed.keySet().removeAll(present);
    return removed;
  }

  void executorWrite(String jobUid, Instant at) {
    entries.computeIfPresent(
        jobUid, (uid, e) -> new Entry(e.attempt(), e.lastPhase(), e.runs(), at, null));
  }

  /** The last run seen of each executor of the job's current attempt that ever ran. */
  Collection<PodRun> executorRuns(String jobUid) {
    Entry entry = entries.get(jobUid);
    return entry == null ? List.of() : List.copyOf(entry.runs().values());
  }

  /** Drops the entries of jobs not in {@code liveJobUids} (deleted while running). */
  void retainJobs(Set<String> liveJobUids) {
    entries.keySet().retainAll(liveJobUids);
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
                    : new Entry(e.attempt(), e.lastPhase(), e.runs(), e.lastWrite(), now));
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
