package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkSubmitArgumentsTest {
  private final WarningLog log = new WarningLog();

  private SparkSubmitCommand parse(String... args) {
    return parse(Map.of(), args);
  }

  private SparkSubmitCommand parse(Map<String, ConfValue> defaults, String... args) {
    List<Word> words = Arrays.stream(args).map(a -> new Word(a, "line 1")).toList();
    return SparkSubmitArguments.parse(
        words,
        defaults,
        path -> {
          if (path.equals("job.properties")) {
            return "spark.executor.memory 2g\nspark.jars.packages=a:b:1\nnot.spark=x\n";
          }
          throw new IOException("no such file");
        },
        log);
  }

  private static Map<String, String> values(SparkSubmitCommand command) {
    return ParsedJob.values(command.conf());
  }

  @Test
  void explicitOptionsWinOverConfWhichWinsOverThePropertiesFileAndDefaults() {
    SparkSubmitCommand command =
        parse(
            Map.of("spark.executor.memory", new ConfValue("1g", "spark-defaults")),
            "--executor-memory",
            "12g",
            "--conf",
            "spark.executor.memory=6g",
            "--properties-file",
            "job.properties",
            "--conf",
            "spark.jars.packages=c:d:2",
            "app.jar");

    assertThat(values(command))
        .containsEntry("spark.executor.memory", "12g")
        .containsEntry("spark.jars.packages", "c:d:2")
        .doesNotContainKey("not.spark");
    assertThat(log.warnings())
        .extracting(ConversionWarning::field)
        .containsExactly("not.spark (--properties-file job.properties)");
  }

  @Test
  void everyOptionBecomesTheSparkPropertySparkSubmitSets() {
    SparkSubmitCommand command =
        parse(
            "--master",
            "k8s://https://api:6443",
            "--deploy-mode",
            "cluster",
            "--name",
            "n",
            "--jars",
            "a.jar",
            "--files",
            "f.txt",
            "--archives",
            "a.zip",
            "--py-files",
            "p.zip",
            "--packages",
            "g:a:1",
            "--repositories",
            "https://repo",
            "--exclude-packages",
            "g:x",
            "--driver-memory",
            "1g",
            "--driver-cores",
            "2",
            "--driver-java-options",
            "-Dx=1",
            "--executor-memory",
            "2g",
            "--executor-cores",
            "3",
            "--num-executors",
            "4",
            "app.jar");

    assertThat(values(command))
        .containsEntry("spark.master", "k8s://https://api:6443")
        .containsEntry("spark.submit.deployMode", "cluster")
        .containsEntry("spark.app.name", "n")
        .containsEntry("spark.jars", "a.jar")
        .containsEntry("spark.files", "f.txt")
        .containsEntry("spark.archives", "a.zip")
        .containsEntry("spark.submit.pyFiles", "p.zip")
        .containsEntry("spark.jars.packages", "g:a:1")
        .containsEntry("spark.jars.repositories", "https://repo")
        .containsEntry("spark.jars.excludes", "g:x")
        .containsEntry("spark.driver.memory", "1g")
        .containsEntry("spark.driver.cores", "2")
        .containsEntry("spark.driver.extraJavaOptions", "-Dx=1")
        .containsEntry("spark.executor.memory", "2g")
        .containsEntry("spark.executor.cores", "3")
        .containsEntry("spark.executor.instances", "4");
  }

  @Test
  void optionsWithEqualsSignsAndTheShortConfFormWork() {
    SparkSubmitCommand command =
        parse("--class=com.example.Main", "--conf=spark.a=1=2", "-c", "spark.b=x", "app.jar");

    assertThat(command.mainClass()).isEqualTo("com.example.Main");
    assertThat(values(command)).containsEntry("spark.a", "1=2").containsEntry("spark.b", "x");
  }

  @Test
  void everythingAfterTheApplicationBelongsToIt() {
    SparkSubmitCommand command =
        parse("--class", "A", "--proxy-user", "etl", "app.jar", "--conf", "x", "--verbose");

    assertThat(command.appResource().text()).isEqualTo("app.jar");
    assertThat(command.arguments()).containsExactly("--conf", "x", "--verbose");
    assertThat(command.proxyUser()).isEqualTo("etl");
  }

  @Test
  void badArgumentsAreErrorsNamingTheirLine() {
    assertThatThrownBy(() -> parse("--conf", "spark.executor.memory", "app.jar"))
        .isInstanceOf(ConversionException.class)
        .hasMessageStartingWith("line 1: --conf needs key=value");
    assertThatThrownBy(() -> parse("--executor-memroy", "2g", "app.jar"))
        .hasMessage("line 1: unknown spark-submit option --executor-memroy");
    assertThatThrownBy(() -> parse("--class")).hasMessage("line 1: --class needs a value");
    assertThatThrownBy(() -> parse("--status", "driver-1"))
        .hasMessageContaining("does not submit an application");
    assertThatThrownBy(() -> parse("--properties-file", "missing.conf", "app.jar"))
        .hasMessageContaining("cannot read --properties-file missing.conf");
  }

  @Test
  void switchesAreReportedNotDropped() {
    parse("--supervise", "--verbose", "app.jar");

    assertThat(log.warnings())
        .extracting(ConversionWarning::field)
        .containsExactly("--supervise (line 1)", "--verbose (line 1)");
    assertThat(log.warnings().get(0).message()).contains("spec.restartPolicy.type: OnFailure");
  }
}
