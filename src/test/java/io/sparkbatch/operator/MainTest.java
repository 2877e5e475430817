package io.sparkbatch.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.config.OperatorConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  private static OperatorConfig parse(String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.config();
  }

  @Test
  void theCommonPoolHasAtLeastTwoThreadsUnlessSetExplicitly() {
    java.util.Properties none = new java.util.Properties();
    assertThat(Integer.parseInt(Main.commonPoolParallelism(none))).isGreaterThanOrEqualTo(2);

    java.util.Properties explicit = new java.util.Properties();
    explicit.setProperty(Main.COMMON_POOL_PARALLELISM, "1");
    assertThat(Main.commonPoolParallelism(explicit)).isEqualTo("1");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    OperatorConfig config = parse();
    assertThat(config).isEqualTo(OperatorConfig.defaults());
  }

  @Test
  void flagsBuildTheConfiguration() {
    OperatorConfig config =
        parse(
            "--namespaces",
            "spark, etl",
            "--reconcile-threads",
            "3",
            "--no-manage-driver-rbac",
            "--driver-service-account",
            "drivers",
            "--driver-start-timeout",
            "90",
            "--executor-status-interval",
            "0");
    assertThat(config.namespaces()).isEqualTo(Set.of("spark", "etl"));
    assertThat(config.reconcileThreads()).isEqualTo(3);
    assertThat(config.manageDriverRbac()).isFalse();
    assertThat(config.driverServiceAccount()).isEqualTo("drivers");
    assertThat(config.defaultDriverStartTimeout()).isEqualTo(Duration.ofSeconds(90));
    assertThat(config.executorStatusInterval()).isEqualTo(Duration.ZERO);
  }

  @Test
  void helpListsEveryOptionWithItsEnvironmentVariable() {
    StringWriter out = new StringWriter();
    int code = Main.commandLine().setOut(new PrintWriter(out)).execute("--help");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("--namespaces", "SBO_NAMESPACES")
        .contains("--reconcile-threads", "SBO_RECONCILE_THREADS")
        .contains("--[no-]manage-driver-rbac", "SBO_MANAGE_DRIVER_RBAC")
        .contains("--driver-start-timeout", "SBO_DRIVER_START_TIMEOUT");
  }

  @Test
  void badValueIsRejectedNamingTheOption() {
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine().setErr(new PrintWriter(err)).execute("--reconcile-threads", "many");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--reconcile-threads");
  }
}
