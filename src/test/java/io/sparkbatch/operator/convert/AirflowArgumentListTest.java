package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AirflowArgumentListTest {

  private static List<String> parse(String text) {
    return AirflowArgumentList.parse(text, new WarningLog()).stream().map(Word::text).toList();
  }

  @Test
  void readsTheListAsWrittenInADag() {
    String dag =
        "arguments=[\n"
            + "    \"--conf\", 'spark.executor.memory=8g',  # sized for the backfill\n"
            + "    \"--conf\", \"spark.kubernetes.container.image=\"\n"
            + "    \"repo/image:1.0\",\n"
            + "    r\"C:\\path\", \"tab\\tquote\\\"\",\n"
            + "],\n";

    assertThat(parse(dag))
        .containsExactly(
            "--conf",
            "spark.executor.memory=8g",
            "--conf",
            "spark.kubernetes.container.image=repo/image:1.0",
            "C:\\path",
            "tab\tquote\"");
  }

  @Test
  void readsTheCommaSeparatedFormWithoutBrackets() {
    assertThat(parse("\"--master\", \"k8s://https://kubernetes.default.svc\", \"app.jar\""))
        .containsExactly("--master", "k8s://https://kubernetes.default.svc", "app.jar");
  }

  @Test
  void tellsListsFromShellCommands() {
    assertThat(AirflowArgumentList.looksLikeList("[\"--master\", \"x\"]")).isTrue();
    assertThat(AirflowArgumentList.looksLikeList("  # comment\n'--class', 'A'")).isTrue();
    assertThat(AirflowArgumentList.looksLikeList("arguments = [\"a\"]")).isTrue();
    assertThat(AirflowArgumentList.looksLikeList("spark-submit --class A app.jar")).isFalse();
    assertThat(AirflowArgumentList.looksLikeList("\"spark-submit\" --class A app.jar")).isFalse();
  }

  @Test
  void variablesAreRefusedWithTheirLine() {
    assertThatThrownBy(() -> parse("[\n  \"--conf\",\n  IMAGE_CONF,\n]"))
        .isInstanceOf(ConversionException.class)
        .hasMessageStartingWith("line 3: expected a quoted string, found 'IMAGE_CONF,'");
  }

  @Test
  void fStringsAreKeptAndReported() {
    WarningLog log = new WarningLog();

    List<Word> words = AirflowArgumentList.parse("[\"--name\", f\"orders-{ds}\"]", log);

    assertThat(words).extracting(Word::text).containsExactly("--name", "orders-{ds}");
    assertThat(log.warnings())
        .singleElement()
        .extracting(ConversionWarning::message)
        .asString()
        .contains("placeholders");
  }

  @Test
  void unterminatedStringsAndTrailingGarbageNameTheLine() {
    assertThatThrownBy(() -> parse("[\"--name\", \"oops\n]"))
        .hasMessage("line 1: unterminated string");
    assertThatThrownBy(() -> parse("[\"a\"] + extra"))
        .hasMessageStartingWith("line 1: unexpected '+ extra'");
  }
}
