package io.sparkbatch.operator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness works: five jobs with the operator in-process produce a report with every
 * figure. Not a benchmark: nothing here looks at how fast anything was.
 */
class BenchSmokeTest {

  @Test
  void fiveJobsGiveAReportWithEveryFigure(@TempDir Path out) throws Exception {
    BenchSettings settings =
        new BenchSettings(
            BenchSettings.Mode.BURST,
            0,
            1,
            Duration.ofMillis(100),
            2,
            null,
            "256m",
            List.of(),
            out,
            Duration.ofMinutes(2));

    List<Map<String, Object>> reports = Bench.run(settings, List.of(5));

    Map<String, Object> report = reports.get(0);
    assertThat(report).containsEntry("allFinished", true).containsEntry("succeeded", 5L);
    for (String path : BenchTable.paths()) {
      assertThat(BenchTable.value(report, path)).as(path).isNotEqualTo("-");
    }
    assertThat(BenchTable.value(report, "statusLagMs.count")).isEqualTo(5);
    assertThat(BenchTable.value(report, "submitLatencyMs.count")).isEqualTo(5);
    assertThat(report.get("requestsPerJobByVerbAndResource").toString())
        .contains("POST pods", "PATCH sparkbatchjobs/status");
    assertThat(Files.readString(out.resolve("bench-5.json"))).contains("\"fractionOfCeiling\"");
    assertThat(BenchTable.format(reports)).contains("status lag p99 ms");
  }
}
