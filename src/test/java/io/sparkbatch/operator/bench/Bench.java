package io.sparkbatch.operator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code make bench}: the operator's cost per job, measured against the simulated cluster. For each
 * N, a run of the operator (from its jar, in its own JVM) and a run of the API server alone; prints
 * a table and writes target/bench/bench-N.json and target/bench/summary.json.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measures the operator's CPU, memory, API requests and latency per job.")
public final class Bench implements Callable<Integer> {
  @Option(
      names = "--n",
      split = ",",
      paramLabel = "N",
      description =
          "Job counts to run, in order (10000 takes about half an hour). Default: 100,1000.")
  List<Integer> counts = List.of(100, 1000);

  @Option(
      names = "--mode",
      paramLabel = "burst|rate",
      description = "burst: every job at once; rate: --rate jobs per second. Default: burst.")
  String mode = "burst";

  @Option(
      names = "--rate",
      paramLabel = "JOBS_PER_SECOND",
      description = "Submission rate in rate mode. Default: ${DEFAULT-VALUE}.")
  double rate = 20;

  @Option(
      names = "--executors",
      paramLabel = "N",
      description = "Executors per driver. Default: ${DEFAULT-VALUE}.")
  int executors = 2;

  @Option(
      names = "--driver-runtime",
      paramLabel = "DURATION",
      description = "How long each driver runs once released, e.g. 500ms, 2s. Default: 1s.")
  String driverRuntime = "1s";

  @Option(
      names = "--submit-threads",
      paramLabel = "N",
      description = "Threads submitting jobs. Default: ${DEFAULT-VALUE}.")
  int submitThreads = 10;

  @Option(
      names = "--jar",
      paramLabel = "FILE",
      description = "The operator's jar. Default: ${DEFAULT-VALUE}.")
  Path jar = Path.of("target", "spark-batch-operator.jar");

  @Option(
      names = "--in-process",
      description = "Run the operator in this JVM (a quick check; CPU and heap are not its own).")
  boolean inProcess;

  @Option(
      names = "--operator-heap",
      paramLabel = "SIZE",
      description = "-Xmx of the operator's JVM. Default: ${DEFAULT-VALUE}.")
  String operatorHeap = "1g";

  @Option(
      names = "--operator-java-option",
      paramLabel = "OPTION",
      description = "An extra option for the operator's JVM (repeatable), e.g. to record with JFR.")
  List<String> operatorJavaOptions = List.of();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where the JSON reports go. Default: ${DEFAULT-VALUE}.")
  Path out = Path.of("target", "bench");

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "Longest wait for each phase of a run, at least 0.1 s per job. Default: ${DEFAULT-VALUE}.")
  long timeoutSeconds = 300;

  BenchSettings settings() {
    return new BenchSettings(
        BenchSettings.Mode.valueOf(mode.toUpperCase()),
        rate,
        executors,
        parseDuration(driverRuntime),
        submitThreads,
        inProcess ? null : jar,
        operatorHeap,
        operatorJavaOptions,
        out,
        Duration.ofSeconds(timeoutSeconds));
  }

  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase();
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofMillis(
          Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
    }
    return Duration.ofMillis(Long.parseLong(t));
  }

  @Override
  public Integer call() throws Exception {
    List<Map<String, Object>> reports = run(settings(), counts);
    System.out.println();
    System.out.print(BenchTable.format(reports));
    return reports.stream().allMatch(r -> Boolean.TRUE.equals(r.get("allFinished"))) ? 0 : 1;
  }

  /** Runs every N; writes one JSON file per N and a summary; returns the reports. */
  static List<Map<String, Object>> run(BenchSettings settings, List<Integer> counts)
      throws Exception {
    Files.createDirectories(settings.outDir());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    List<Map<String, Object>> reports = new ArrayList<>();
    for (int n : counts) {
      System.out.printf("N=%d: operator run...%n", n);
      Map<String, Object> report = new BenchRun(settings, n).measureOperator();
      System.out.printf("N=%d: API server alone...%n", n);
      Map<String, Object> ceiling = new CeilingRun(settings, n).measure();
      report.put("ceiling", ceiling);
      Object operatorRate = report.get("jobsPerMinute");
      Object ceilingRate = ceiling.get("jobsPerMinute");
      report.put(
          "fractionOfCeiling",
          operatorRate instanceof Double o && ceilingRate instanceof Double c && c > 0
              ? Math.round(o / c * 1000) / 1000.0
              : null);
      report.put("settings", settingsMap(settings));
      json.writeValue(settings.outDir().resolve("bench-" + n + ".json").toFile(), report);
      reports.add(report);
    }
    json.writeValue(settings.outDir().resolve("summary.json").toFile(), reports);
    return reports;
  }

  private static Map<String, Object> settingsMap(BenchSettings s) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mode", s.mode().name().toLowerCase());
    map.put("rate", s.mode() == BenchSettings.Mode.RATE ? s.rate() : null);
    map.put("executors", s.executors());
    map.put("driverRuntimeMs", s.driverRuntime().toMillis());
    map.put("submitThreads", s.submitThreads());
    map.put("operatorHeap", s.operatorHeap());
    map.put("operatorJavaOptions", s.operatorJavaOptions());
    map.put("cores", Runtime.getRuntime().availableProcessors());
    map.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    map.put("at", Instant.now().toString());
    return map;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }
}
