package io.sparkbatch.operator.install;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The chart rendered by real Helm ({@code helm template}, through helm-java) into objects that
 * tests can inspect by kind and name.
 */
public final class RenderedChart {
  public static final String RELEASE = "spark-batch-operator";
  public static final String NAMESPACE = "spark-operator";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final String yaml;
  private final List<GenericKubernetesResource> objects;

  private RenderedChart(String yaml) {
    this.yaml = yaml;
    List<GenericKubernetesResource> parsed = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.lines().anyMatch(l -> l.startsWith("kind:"))) {
        parsed.add(SERIALIZATION.unmarshal(document, GenericKubernetesResource.class));
      }
    }
    this.objects = List.copyOf(parsed);
  }

  public static Path chartDirectory() {
    return CrdGeneration.projectRoot().resolve("helm").resolve("spark-batch-operator");
  }

  /** {@code helm template} of the committed chart with default values, as Helm prints it. */
  public static String render(String release, String namespace) {
    return new Helm(chartDirectory()).template().withName(release).withNamespace(namespace).call();
  }

  /** {@code helm template} of the committed chart with the values file {@code valuesYaml}. */
  public static RenderedChart render(String valuesYaml) {
    return render(chartDirectory(), valuesYaml);
  }

  /**
   * {@code helm template chart -f values.yaml}. A values file, not {@code --set}: helm-java passes
   * set values as strings, and the schema (rightly) refuses a string where it wants a list.
   */
  public static RenderedChart render(Path chart, String valuesYaml) {
    try {
      Path values = Files.createTempFile("values", ".yaml");
      try {
        Files.writeString(values, valuesYaml);
        TemplateCommand template =
            new Helm(chart)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withValuesFile(values);
        return new RenderedChart(template.call());
      } finally {
        Files.delete(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Helm printed, unchanged. */
  public String yaml() {
    return yaml;
  }

  public List<GenericKubernetesResource> all() {
    return objects;
  }

  public List<GenericKubernetesResource> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
  }

  public Optional<GenericKubernetesResource> find(String kind, String namespace, String name) {
    return objects.stream()
        .filter(o -> kind.equals(o.getKind()))
        .filter(o -> name.equals(o.getMetadata().getName()))
        .filter(o -> Objects.equals(namespace, o.getMetadata().getNamespace()))
        .findFirst();
  }

  /** The operator's Deployment. */
  public Deployment deployment() {
    return get(Deployment.class, "Deployment", NAMESPACE, RELEASE);
  }

  public Container operatorContainer() {
    return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  /** The operator container's environment variables that have a literal value. */
  public Map<String, String> env() {
    return operatorContainer().getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  /** The Roles that grant anything on Leases. */
  public List<Role> leaseRoles() {
    return ofKind("Role").stream()
        .map(
            r -> get(Role.class, "Role", r.getMetadata().getNamespace(), r.getMetadata().getName()))
        .filter(r -> r.getRules().stream().anyMatch(rule -> rule.getResources().contains("leases")))
        .toList();
  }

  /** The one object of that kind, namespace and name, as a typed fabric8 object. */
  public <T extends HasMetadata> T get(Class<T> type, String kind, String namespace, String name) {
    GenericKubernetesResource found =
        find(kind, namespace, name)
            .orElseThrow(
                () ->
                    new AssertionError("no " + kind + " " + namespace + "/" + name + " rendered"));
    return SERIALIZATION.convertValue(found, type);
  }
}
