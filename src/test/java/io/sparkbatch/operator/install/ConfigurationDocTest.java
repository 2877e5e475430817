package io.sparkbatch.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.Main;
import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Option;

/** docs/configuration.md names every operator option and every chart value. */
class ConfigurationDocTest {
  private static String doc() throws IOException {
    return Files.readString(CrdGeneration.projectRoot().resolve("docs/configuration.md"));
  }

  @Test
  void everyOptionAndItsEnvironmentVariableIsDocumented() throws IOException {
    String doc = doc();
    List<Option> options =
        Arrays.stream(Main.class.getDeclaredFields())
            .map(f -> f.getAnnotation(Option.class))
            .filter(Objects::nonNull)
            .toList();
    assertThat(options).isNotEmpty();
    for (Option option : options) {
      String name = option.names()[0];
      String shown = option.negatable() ? "--[no-]" + name.substring(2) : name;
      assertThat(doc).as(name).contains("`" + shown + "`");
    }
    assertThat(HelmChartTest.environmentVariablesOfMain())
        .allSatisfy(env -> assertThat(doc).contains("`" + env + "`"));
  }

  @Test
  void everyChartValueIsDocumented() throws IOException {
    String doc = doc();
    Map<String, Object> values =
        new KubernetesSerialization()
            .unmarshal(
                Files.readString(RenderedChart.chartDirectory().resolve("values.yaml")), Map.class);
    List<String> keys = new ArrayList<>();
    collect("", values, keys);
    assertThat(keys).hasSizeGreaterThan(30);
    assertThat(keys).allSatisfy(key -> assertThat(doc).as(key).contains("`" + key + "`"));
  }

  /**
   * Leaf keys as dotted paths; objects documented as a whole (resources, probes, security contexts,
   * free-form maps) stop at their own name.
   */
  @SuppressWarnings("unchecked")
  private static void collect(String prefix, Map<String, Object> map, List<String> keys) {
    List<String> wholes =
        List.of(
            "resources",
            "livenessProbe",
            "readinessProbe",
            "podSecurityContext",
            "securityContext",
            "podAnnotations",
            "podLabels",
            "nodeSelector",
            "affinity",
            "annotations",
            "labels");
    map.forEach(
        (key, value) -> {
          String path = prefix + key;
          if (value instanceof Map<?, ?> child && !child.isEmpty() && !wholes.contains(key)) {
            collect(path + ".", (Map<String, Object>) child, keys);
          } else {
            keys.add(path);
          }
        });
  }
}
