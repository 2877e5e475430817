package io.sparkbatch.operator.testing.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * What the apache/spark image holds under /opt/spark, laid out in a local folder: {@code
 * examples/jars/spark-examples_2.13-<version>.jar} (src/spark's stand-in for the examples jar) and
 * {@code conf/}. Spark's own jars are not copied: processes get them from {@link
 * SparkDistribution#classpath()}, as the image's entrypoint puts /opt/spark/jars on the classpath.
 *
 * <p>Paths inside the image ({@code /opt/spark/...}, {@code local:///opt/spark/...}) are translated
 * to this folder by {@link #translate(String)}.
 */
public final class SparkImage {
  /** SPARK_HOME in the image. */
  public static final String SPARK_HOME = "/opt/spark";

  private final SparkDistribution spark;
  private final Path root;

  private SparkImage(SparkDistribution spark, Path root) {
    this.spark = spark;
    this.root = root;
  }

  /** Lays out the image's files under {@code root} (created if missing). */
  public static SparkImage layOut(SparkDistribution spark, Path root) {
    try {
      Path examples = root.resolve("examples/jars");
      Files.createDirectories(examples);
      Files.createDirectories(root.resolve("conf"));
      Files.copy(
          spark.sideJar(),
          examples.resolve("spark-examples_2.13-" + SparkDistribution.VERSION + ".jar"),
          StandardCopyOption.REPLACE_EXISTING);
      return new SparkImage(spark, root.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public SparkDistribution spark() {
    return spark;
  }

  /** The local folder that stands for /opt/spark. */
  public Path sparkHome() {
    return root;
  }

  /** {@code /opt/spark/x} becomes {@code <sparkHome>/x}; anything else is left as it is. */
  public String translate(String path) {
    return path.startsWith(SPARK_HOME + "/") || path.equals(SPARK_HOME)
        ? root + path.substring(SPARK_HOME.length())
        : path;
  }
}
