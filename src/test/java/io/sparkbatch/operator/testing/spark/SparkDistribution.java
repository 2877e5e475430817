package io.sparkbatch.operator.testing.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Real Apache Spark on this machine, as the build resolved it from Maven Central: the jars of the
 * apache/spark image's /opt/spark/jars (target/spark/classpath.txt, written by the build of
 * src/spark) and src/spark's own jar (SparkPi's stand-in and the test programs).
 *
 * <p>Spark never joins this JVM's classpath (its netty, Jackson and fabric8 differ from the
 * operator's): everything Spark runs in JVMs started with {@link #javaCommand}.
 */
public final class SparkDistribution {
  /** The Spark release src/spark/pom.xml resolves. */
  public static final String VERSION = "4.1.1";

  private final List<Path> jars;
  private final Path sideJar;

  private SparkDistribution(List<Path> jars, Path sideJar) {
    this.jars = List.copyOf(jars);
    this.sideJar = sideJar;
  }

  /** The distribution the build prepared under the project directory, or a clear error. */
  public static SparkDistribution fromBuild() {
    Path base = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath().normalize();
    Path classpathFile = base.resolve("target/spark/classpath.txt");
    Path sideJar = base.resolve("src/spark/target/spark-side.jar");
    if (!Files.isRegularFile(classpathFile) || !Files.isRegularFile(sideJar)) {
      throw new IllegalStateException(
          "Spark's jars are not resolved: "
              + classpathFile
              + " or "
              + sideJar
              + " is missing. Run `make test` (or ./mvnw generate-test-resources), which builds"
              + " src/spark/pom.xml.");
    }
    try {
      List<Path> jars = new ArrayList<>();
      for (String entry :
          Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          jars.add(Path.of(entry));
        }
      }
      return new SparkDistribution(jars, sideJar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jars of /opt/spark/jars in the image. */
  public List<Path> jars() {
    return jars;
  }

  /** src/spark's jar: org.apache.spark.examples.SparkPi's stand-in and the test programs. */
  public Path sideJar() {
    return sideJar;
  }

  /** Spark's jars and the side jar, for a JVM's -cp. */
  public String classpath() {
    List<String> entries = new ArrayList<>();
    jars.forEach(jar -> entries.add(jar.toString()));
    entries.add(sideJar.toString());
    return String.join(java.io.File.pathSeparator, entries);
  }

  /**
   * The JVM options Spark's launcher adds on Java 17 (--add-opens and friends), read from Spark's
   * own {@code org.apache.spark.launcher.JavaModuleOptions} in an isolated class loader.
   */
  public List<String> moduleOptions() {
    Path launcher =
        jars.stream()
            .filter(jar -> jar.getFileName().toString().startsWith("spark-launcher_"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("spark-launcher is not on " + jars));
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {launcher.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Method options =
          loader
              .loadClass("org.apache.spark.launcher.JavaModuleOptions")
              .getMethod("defaultModuleOptions");
      return Arrays.asList(((String) options.invoke(null)).trim().split("\\s+"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read Spark's Java module options", e);
    }
  }

  /** A command line that runs {@code mainClass} on Spark's classpath with Spark's JVM options. */
  public List<String> javaCommand(List<String> jvmOptions, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(moduleOptions());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath());
    command.add(mainClass);
    command.addAll(args);
    return command;
  }
}
