package io.sparkbatch.operator.testing.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Asks Spark's own cluster-mode submission what it would create for spark-submit command lines:
 * runs src/spark's {@code DriverSpecDump} (spark-submit's argument parsing, {@code
 * KubernetesDriverBuilder}, and the ConfigMap of {@code Client.run}) for every case in one JVM on
 * Spark's classpath.
 */
public final class SparkDriverBuilder {

  /** The submitting user Spark writes into SPARK_USER: the operator's default. */
  public static final String SPARK_USER = "spark";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 180;

  /**
   * One spark-submit invocation.
   *
   * @param name the case's name, unique
   * @param appId the application id Spark uses instead of a random one
   * @param resourceNamePrefix the prefix of the driver pod and Service names Spark uses instead of
   *     the app name with a random id
   * @param args spark-submit's arguments (without spark-submit itself)
   */
  public record Submission(
      String name, String appId, String resourceNamePrefix, List<String> args) {}

  /**
   * What Spark built for one submission: the driver pod, the other objects (the Service), and the
   * ConfigMap, as JSON trees.
   */
  public record Built(JsonNode pod, List<JsonNode> resources, JsonNode configMap) {}

  private SparkDriverBuilder() {}

  /**
   * Builds every submission in one JVM.
   *
   * @param workDir where the case file, the output and the JVM's log go
   * @throws IllegalStateException naming the case and Spark's error when Spark rejects one
   */
  public static Map<String, Built> build(
      SparkDistribution spark, List<Submission> submissions, Path workDir) {
    try {
      Path in = workDir.resolve("cases.json");
      Path out = workDir.resolve("spark-built.json");
      Path log = workDir.resolve("driver-spec-dump.log");
      ObjectNode root = JSON.createObjectNode();
      ArrayNode cases = root.putArray("cases");
      for (Submission s : submissions) {
        ObjectNode c = cases.addObject();
        c.put("name", s.name()).put("appId", s.appId());
        c.put("resourceNamePrefix", s.resourceNamePrefix());
        s.args().forEach(c.putArray("args")::add);
      }
      Files.writeString(in, JSON.writeValueAsString(root));

      ProcessBuilder process =
          new ProcessBuilder(
                  spark.javaCommand(
                      // Spark's temporary directories go with the work directory.
                      List.of("-Xmx512m", "-Djava.io.tmpdir=" + workDir),
                      "io.sparkbatch.sparkside.DriverSpecDump",
                      List.of(in.toString(), out.toString())))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // Only what the JVM needs: spark-submit reads SPARK_HOME, SPARK_CONF_DIR, HADOOP_CONF_DIR
      // and PYSPARK_* from the environment, and Spark writes SPARK_USER into the pod.
      Map<String, String> env = process.environment();
      String path = env.get("PATH");
      env.clear();
      if (path != null) {
        env.put("PATH", path);
      }
      env.put("SPARK_USER", SPARK_USER);
      Process running = process.start();
      if (!running.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        running.destroyForcibly();
        throw new IllegalStateException(
            "Spark's builder did not finish in " + TIMEOUT_SECONDS + " s; see " + log);
      }
      if (running.exitValue() != 0) {
        throw new IllegalStateException(
            "Spark's builder exited with " + running.exitValue() + ":\n" + Files.readString(log));
      }
      JsonNode results = JSON.readTree(out.toFile());
      Map<String, Built> built = new LinkedHashMap<>();
      for (Submission s : submissions) {
        JsonNode r = results.get(s.name());
        if (r == null || r.has("error")) {
          throw new IllegalStateException(
              "Spark rejected case "
                  + s.name()
                  + ":\n"
                  + (r == null ? "no result" : r.get("error").asText()));
        }
        built.put(
            s.name(),
            new Built(
                r.get("pod"),
                JSON.convertValue(
                    r.get("resources"),
                    JSON.getTypeFactory().constructCollectionType(List.class, JsonNode.class)),
                r.get("configMap")));
      }
      return built;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
