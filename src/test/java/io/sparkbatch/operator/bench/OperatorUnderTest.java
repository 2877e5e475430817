package io.sparkbatch.operator.bench;

/** The operator being measured, wherever it runs, and the two readings taken of it. */
interface OperatorUnderTest extends AutoCloseable {

  /** CPU time (user + system) the operator's process has used so far, in nanoseconds. */
  long cpuNanos();

  /** Heap in use right after a full garbage collection, in bytes; -1 when it cannot be read. */
  long heapAfterGcBytes();

  /** The classes holding most of the heap (jcmd GC.class_histogram), or "" when not available. */
  default String heapHistogram() {
    return "";
  }

  /** Where the figures come from, for the report: "jar, pid 1234" or "in-process". */
  String describe();

  @Override
  void close();
}
