package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  private static List<String> texts(List<Word> words) {
    return words.stream().map(Word::text).toList();
  }

  @Test
  void quotesEscapesAndContinuationsMakeWordsAsTheShellWould() {
    String script =
        "spark-submit --conf 'spark.driver.extraJavaOptions=-Da=1 -Db=2' \\\n"
            + "  --name \"nightly \\\"orders\\\"\" a\\ b \\\n"
            + "  app.jar '' \"$HOME\"";

    List<List<Word>> commands = ShellWords.commands(script);

    assertThat(commands).hasSize(1);
    assertThat(texts(commands.get(0)))
        .containsExactly(
            "spark-submit",
            "--conf",
            "spark.driver.extraJavaOptions=-Da=1 -Db=2",
            "--name",
            "nightly \"orders\"",
            "a b",
            "app.jar",
            "",
            "$HOME");
    assertThat(commands.get(0).get(6).origin()).isEqualTo("line 3");
  }

  @Test
  void newlinesAndSemicolonsEndCommandsAndCommentsAreSkipped() {
    String script = "# header\nexport A=1; spark-submit x.jar # trailing\n\nB=2 echo done\n";

    List<List<Word>> commands = ShellWords.commands(script);

    assertThat(commands)
        .extracting(ShellWordsTest::texts)
        .containsExactly(
            List.of("export", "A=1"),
            List.of("spark-submit", "x.jar"),
            List.of("B=2", "echo", "done"));
    assertThat(commands.get(2).get(0).origin()).isEqualTo("line 4");
  }

  @Test
  void windowsLineEndsContinueToo() {
    assertThat(texts(ShellWords.commands("spark-submit \\\r\n  app.jar\r\n").get(0)))
        .containsExactly("spark-submit", "app.jar");
  }

  @Test
  void oneStringFieldKeepsItsNewlinesAsSpaces() {
    List<Word> words = ShellWords.words("--conf a=1\n--conf b=2", "sparkSubmitParameters");

    assertThat(texts(words)).containsExactly("--conf", "a=1", "--conf", "b=2");
    assertThat(words).allMatch(w -> w.origin().equals("sparkSubmitParameters"));
  }

  @Test
  void unterminatedQuotesNameTheLineWhereTheyStart() {
    assertThatThrownBy(() -> ShellWords.commands("spark-submit \\\n  --name 'oops \\\n app.jar"))
        .isInstanceOf(ConversionException.class)
        .hasMessage("line 2: unterminated single quote");
    assertThatThrownBy(() -> ShellWords.commands("spark-submit --name \"oops"))
        .hasMessage("line 1: unterminated double quote");
  }

  @Test
  void pipesAndRedirectionsAreRefused() {
    assertThatThrownBy(() -> ShellWords.commands("spark-submit app.jar \\\n | tee log"))
        .isInstanceOf(ConversionException.class)
        .hasMessageStartingWith("line 2: shell operator '|' is not supported");
    assertThatThrownBy(() -> ShellWords.commands("spark-submit app.jar > out.log"))
        .hasMessageContaining("'>'");
  }
}
