package io.sparkbatch.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** operator/manifests must be what the chart renders: run `make manifests` after a chart change. */
class ManifestsTest {
  private static final Path DIR = CrdGeneration.projectRoot().resolve(ManifestGeneration.DIRECTORY);

  @Test
  void committedManifestsMatchTheChart() throws IOException {
    for (Map.Entry<String, String> file : ManifestGeneration.generate().entrySet()) {
      Path committed = DIR.resolve(file.getKey());
      assertThat(committed).exists();
      assertThat(Files.readString(committed))
          .as("%s is out of date with the chart: run `make manifests`", file.getKey())
          .isEqualTo(file.getValue());
    }
  }

  @Test
  void theDirectoryHoldsNamespaceCrdAndOperatorInApplyOrder() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("00-crd.yaml", "01-namespace.yaml", "02-operator.yaml");
    }
  }

  @Test
  void everyNamespacedObjectGoesToTheOperatorNamespaceAndNothingMentionsHelm() throws IOException {
    String yaml = Files.readString(DIR.resolve("02-operator.yaml"));
    assertThat(yaml).doesNotContain("helm.sh/chart").doesNotContain("managed-by: Helm");
    KubernetesSerialization serialization = new KubernetesSerialization();
    List<GenericKubernetesResource> objects =
        Stream.of(yaml.split("(?m)^---\\s*$"))
            .filter(d -> d.lines().anyMatch(l -> l.startsWith("kind:")))
            .map(d -> serialization.unmarshal(d, GenericKubernetesResource.class))
            .toList();
    assertThat(objects)
        .extracting(GenericKubernetesResource::getKind)
        .contains("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment");
    objects.stream()
        .filter(o -> !o.getKind().startsWith("Cluster"))
        .forEach(
            o ->
                assertThat(o.getMetadata().getNamespace())
                    .as(o.getKind())
                    .isEqualTo(ManifestGeneration.NAMESPACE));
  }
}
