package io.sparkbatch.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison of Kubernetes objects as YAML.
 *
 * <p>Normally the expected file is compared with the actual object as YAML trees (so formatting of
 * a hand-edited file does not matter), and a mismatch fails with a text diff. Run with {@code
 * -Dgolden.update=true} (for example {@code mvn -o test -Dtest=DriverResourcesGoldenTest
 * -Dgolden.update=true}) to rewrite every expected file from the current output instead; review the
 * diff before committing it.
 */
public final class GoldenFiles {

  /** Set to true to rewrite the expected files instead of comparing. */
  public static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .build();

  private GoldenFiles() {}

  /** The object as readable YAML (minimal quoting, multi-line strings as literal blocks). */
  public static String toYaml(Object object) {
    try {
      return YAML.writeValueAsString(object);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that the file holds the object, or (with -Dgolden.update=true) writes it there. */
  public static void assertMatches(Path expectedFile, Object actual) {
    String actualYaml = toYaml(actual);
    try {
      if (UPDATE) {
        Files.writeString(expectedFile, actualYaml);
        return;
      }
      assertThat(expectedFile)
          .as("missing golden file; run with -Dgolden.update=true to create it")
          .exists();
      String expectedYaml = Files.readString(expectedFile);
      JsonNode expected = YAML.readTree(expectedYaml);
      JsonNode actualTree = YAML.readTree(actualYaml);
      if (!expected.equals(actualTree)) {
        assertThat(actualYaml)
            .as("%s differs (run with -Dgolden.update=true to accept the new output)", expectedFile)
            .isEqualTo(expectedYaml);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
