package io.sparkbatch.operator.resource;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes the way Spark reads them, and the pod memory Spark gives a driver: the heap plus an
 * overhead of {@code max(factor * heap, 384 MiB)}, the factor being 0.1 for JVM applications and
 * 0.4 for Python and R ones, unless the overhead or the factors are configured.
 *
 * @param memoryMiB the driver heap ({@code spark.driver.memory})
 * @param overheadMiB the non-heap memory added to the pod's request and limit
 */
public record SparkMemory(long memoryMiB, long overheadMiB) {

  /**
   * Spark's default factor for JVM applications ({@code spark.kubernetes.memoryOverheadFactor}).
   */
  public static final double JVM_OVERHEAD_FACTOR = 0.1;

  /** Spark's default factor for Python and R applications, whose workers live off the heap. */
  public static final double NON_JVM_OVERHEAD_FACTOR = 0.4;

  /** Spark's default minimum overhead. */
  public static final long MIN_OVERHEAD_MIB = 384;

  /** Spark's default driver and executor heap. */
  public static final String DEFAULT_MEMORY = "1g";

  private static final Pattern SPARK_SIZE = Pattern.compile("([0-9]+)([a-z]+)?");
  private static final Pattern KUBERNETES_BINARY = Pattern.compile("([0-9]+)([KMGTP])i");

  /** The pod's memory request and limit: heap plus overhead. */
  public long totalMiB() {
    return memoryMiB + overheadMiB;
  }

  /**
   * What Spark's BasicDriverFeatureStep computes for the driver pod from the resolved properties.
   *
   * @param nonJvm whether the application is Python or R
   */
  public static SparkMemory forDriver(Map<String, String> conf, boolean nonJvm) {
    long memory = toMiB(conf.getOrDefault(SparkConfKeys.DRIVER_MEMORY, DEFAULT_MEMORY));
    String explicit = conf.get(SparkConfKeys.DRIVER_MEMORY_OVERHEAD);
    if (explicit != null) {
      return new SparkMemory(memory, toMiB(explicit));
    }
    String driverFactor = conf.get(SparkConfKeys.DRIVER_MEMORY_OVERHEAD_FACTOR);
    double factor =
        driverFactor != null
            ? Double.parseDouble(driverFactor)
            : defaultOverheadFactor(conf, nonJvm);
    String minimum = conf.get(SparkConfKeys.DRIVER_MIN_MEMORY_OVERHEAD);
    long min = minimum != null ? toMiB(minimum) : MIN_OVERHEAD_MIB;
    return new SparkMemory(memory, overheadMiB(memory, factor, min));
  }

  /**
   * Spark's rule: {@code max((int) (factor * memory), minimum)}, truncating like Spark's {@code
   * toInt}, so that the pod asks for exactly what spark-submit would ask for.
   */
  public static long overheadMiB(long memoryMiB, double factor, long minimumMiB) {
    return Math.max((int) (factor * memoryMiB), minimumMiB);
  }

  /**
   * The overhead factor Spark passes on to executors ({@code
   * spark.kubernetes.memoryOverheadFactor}): the configured one, else 0.4 for Python and R and 0.1
   * for JVM applications.
   */
  public static double defaultOverheadFactor(Map<String, String> conf, boolean nonJvm) {
    String configured = conf.get(SparkConfKeys.MEMORY_OVERHEAD_FACTOR);
    if (configured != null) {
      return Double.parseDouble(configured);
    }
    return nonJvm ? NON_JVM_OVERHEAD_FACTOR : JVM_OVERHEAD_FACTOR;
  }

  /**
   * A size in Spark's format (512m, 4g, 1024k, 2gb; no suffix means MiB) as MiB, truncated like
   * Spark's own conversion.
   *
   * @throws IllegalArgumentException when Spark would not accept the value
   */
  public static long toMiB(String sparkSize) {
    Matcher m = SPARK_SIZE.matcher(sparkSize.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a Spark memory size: " + sparkSize);
    }
    long value = Long.parseLong(m.group(1));
    String suffix = m.group(2) == null ? "m" : m.group(2);
    return switch (suffix) {
      case "b" -> value / (1024 * 1024);
      case "k", "kb" -> value / 1024;
      case "m", "mb" -> value;
      case "g", "gb" -> value * 1024;
      case "t", "tb" -> value * 1024 * 1024;
      case "p", "pb" -> value * 1024 * 1024 * 1024;
      default -> throw new IllegalArgumentException("not a Spark memory size: " + sparkSize);
    };
  }

  /**
   * A memory field of the spec in Spark's format: binary Kubernetes quantities (4Gi, 512Mi) become
   * the same size in Spark's units (4g, 512m), which are binary too; Spark sizes stay as written.
   */
  public static String toSparkSize(String value) {
    String trimmed = value.trim();
    Matcher k8s = KUBERNETES_BINARY.matcher(trimmed);
    if (k8s.matches()) {
      return k8s.group(1) + k8s.group(2).toLowerCase(Locale.ROOT);
    }
    toMiB(trimmed);
    return trimmed;
  }
}
