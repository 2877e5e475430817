package io.sparkbatch.operator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator from its jar, in its own JVM, pointed at the simulated API server by a kubeconfig
 * file: its CPU time and heap are its own, not the benchmark's or the API server's.
 */
final class JarOperator implements OperatorUnderTest {
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private final Process process;
  private final Path log;

  private JarOperator(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java -jar jar} with KUBECONFIG set to {@code kubeconfig}; returns when the
   * operator logs that it has started (its caches are synced).
   */
  static JarOperator start(
      Path jar, Path kubeconfig, Path log, String maxHeap, List<String> javaOptions) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    // One collector whatever the machine, so heap readings compare between runs.
    command.add("-XX:+UseSerialGC");
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    for (String proxy : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
      env.remove(proxy);
    }
    env.put("NO_PROXY", "127.0.0.1,localhost");
    try {
      Process process = builder.start();
      // If the benchmark is interrupted (Ctrl-C, a timeout), the operator must not outlive it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-operator"));
      JarOperator operator = new JarOperator(process, log);
      operator.awaitStarted(Duration.ofSeconds(90));
      return operator;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitStarted(Duration within) {
    try {
      org.awaitility.Awaitility.await()
          .atMost(within)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException("the operator exited; see " + log);
                }
                return Files.exists(log) && Files.readString(log).contains("operator started");
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      close();
      throw new IllegalStateException(
          "the operator did not start within " + within + "; see " + log);
    }
  }

  @Override
  public long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  @Override
  public long heapAfterGcBytes() {
    try {
      jcmd("GC.run");
      Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
      long kib = 0;
      boolean found = false;
      while (used.find()) {
        kib += Long.parseLong(used.group(1));
        found = true;
      }
      return found ? kib * 1024 : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** The 60 classes with the most bytes on the heap (live objects: jcmd forces a full GC). */
  @Override
  public String heapHistogram() {
    try {
      return jcmd("GC.class_histogram")
          .lines()
          .limit(64)
          .collect(Collectors.joining("\n", "", "\n"));
    } catch (IOException e) {
      return "";
    }
  }

  private String jcmd(String command) throws IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
            .redirectErrorStream(true)
            .start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("jcmd " + command + " failed: " + out);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public String describe() {
    return "jar in its own JVM, pid " + process.pid();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
