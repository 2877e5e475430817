package io.sparkbatch.operator.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code kubectl} binary against a {@link SimulatedCluster}, with a kubeconfig of its
 * own and a discovery cache in a folder of its own (nothing is read from or written to ~/.kube).
 */
public final class Kubectl {
  private static final long TIMEOUT_SECONDS = 60;

  /** What one kubectl command printed and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private final Path binary;
  private final Path kubeconfig;
  private final Path cacheDir;

  private Kubectl(Path binary, Path kubeconfig, Path cacheDir) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
    this.cacheDir = cacheDir;
  }

  /**
   * kubectl from the PATH, talking to {@code cluster} in {@code namespace}; its files go under
   * {@code dir}. Fails when kubectl is not installed: the tests that use it are meant to run.
   */
  public static Kubectl forCluster(SimulatedCluster cluster, String namespace, Path dir) {
    Path binary = onPath("kubectl");
    return new Kubectl(
        binary,
        cluster.writeKubeconfig(dir.resolve("kubeconfig"), namespace),
        dir.resolve("cache"));
  }

  static Path onPath(String program) {
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        program
            + " is not on the PATH ("
            + path
            + "): install kubectl 1.32 (it is on every development machine and in CI) to run"
            + " the tests that check kubectl against the simulated cluster");
  }

  /** Runs {@code kubectl args...}; fails if it does not end within a minute. */
  public Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--cache-dir=" + cacheDir);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    try {
      Path out = Files.createTempFile(cacheDir.getParent(), "kubectl", ".out");
      Path err = Files.createTempFile(cacheDir.getParent(), "kubectl", ".err");
      Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(
            "kubectl " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + "s");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
