package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.DriverSpec;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.convert.JobConverter;
import io.sparkbatch.operator.convert.SourceFormat;
import io.sparkbatch.operator.resource.FlatTree.Difference;
import io.sparkbatch.operator.resource.JustifiedDifferences.Justified;
import io.sparkbatch.operator.resource.SubmitCases.SubmitCase;
import io.sparkbatch.operator.testing.CrdGeneration;
import io.sparkbatch.operator.testing.spark.SparkDistribution;
import io.sparkbatch.operator.testing.spark.SparkDriverBuilder;
import io.sparkbatch.operator.testing.spark.SparkDriverBuilder.Built;
import io.sparkbatch.operator.testing.spark.SparkDriverBuilder.Submission;
import io.sparkbatch.operator.validation.SparkBatchJobValidator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's driver Pod, Service and ConfigMap against what Spark's own cluster-mode submission
 * builds for the same spark-submit command line ({@link SubmitCases}): the operator's side goes
 * through the {@code convert} command's parser and {@link DriverResourcesFactory}, Spark's through
 * spark-submit's argument handling and {@code KubernetesDriverBuilder}, in one JVM on Spark's
 * classpath ({@link SparkDriverBuilder}).
 *
 * <p>Both sides are compared field by field ({@link FlatTree}). Every difference must be one of
 * {@link JustifiedDifferences}, each with its reason; docs/spark-compatibility.md lists the same
 * entries. A new difference fails the test: fix the operator, or justify it in both places.
 */
class SparkDriverFidelityTest {

  private static final Path DOC =
      CrdGeneration.projectRoot().resolve("docs").resolve("spark-compatibility.md");
  private static final String EXECUTOR_SECRET_KEY_REF = "spark.kubernetes.executor.secretKeyRef.";
  private static final String PROPERTIES = Names.SPARK_PROPERTIES_KEY;
  private static final List<Justified> JUSTIFIED = JustifiedDifferences.ALL;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();

  @TempDir static Path work;

  private static final Map<String, List<Difference>> DIFFERENCES = new LinkedHashMap<>();
  private static final Map<String, DriverResources> OPERATOR = new LinkedHashMap<>();
  private static final Map<String, Properties> SPARK_PROPERTIES = new LinkedHashMap<>();

  @BeforeAll
  static void buildBothSides() throws IOException {
    List<SubmitCase> cases = SubmitCases.all();
    List<Submission> submissions = new ArrayList<>();
    for (SubmitCase c : cases) {
      DriverResources resources = operatorSide(c);
      OPERATOR.put(c.name(), resources);
      List<String> args = new ArrayList<>(c.submitArgs());
      if (c.driverTemplate() != null) {
        Path template = work.resolve(c.name() + "-driver-template.yaml");
        Files.writeString(template, c.driverTemplate());
        // Spark takes the template's Spark container by name, the operator by name too.
        args.addAll(
            0,
            List.of(
                "--conf",
                "spark.kubernetes.driver.podTemplateFile=" + template,
                "--conf",
                "spark.kubernetes.driver.podTemplateContainerName=" + Names.DRIVER_CONTAINER));
      }
      String appId = resources.pod().getMetadata().getLabels().get(Labels.SPARK_APP_SELECTOR);
      submissions.add(new Submission(c.name(), appId, c.name(), args));
    }
    Map<String, Built> spark =
        SparkDriverBuilder.build(SparkDistribution.fromBuild(), submissions, work);
    for (SubmitCase c : cases) {
      DIFFERENCES.put(
          c.name(),
          FlatTree.compare(operatorTree(OPERATOR.get(c.name())), sparkTree(spark.get(c.name()))));
      SPARK_PROPERTIES.put(
          c.name(),
          properties(spark.get(c.name()).configMap().get("data").get(PROPERTIES).asText()));
    }
  }

  @TestFactory
  Stream<DynamicTest> operatorBuildsWhatSparkBuilds() {
    return DIFFERENCES.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(),
                    () ->
                        assertThat(unexplained(e.getValue()))
                            .as(
                                "differences from Spark %s's own driver objects that are neither"
                                    + " fixed nor justified in JustifiedDifferences and %s",
                                SparkDistribution.VERSION, DOC.getFileName())
                            .isEmpty()));
  }

  @Test
  void everyJustifiedDifferenceStillOccurs() {
    Set<String> used = new LinkedHashSet<>();
    DIFFERENCES.values().stream()
        .flatMap(List::stream)
        .forEach(d -> JUSTIFIED.stream().filter(j -> j.matches(d)).forEach(j -> used.add(j.id())));
    assertThat(JUSTIFIED.stream().map(Justified::id).filter(id -> !used.contains(id)))
        .as("justified differences no case shows any more: remove them here and in %s", DOC)
        .isEmpty();
  }

  /**
   * Backs the "executor-template" entry: executor env that Spark's properties carry and the
   * operator's do not is in the operator's executor pod template.
   */
  @Test
  void executorEnvMissingFromThePropertiesIsInTheExecutorTemplate() {
    OPERATOR.forEach(
        (name, resources) -> {
          Properties ours = properties(resources.configMap().getData().get(PROPERTIES));
          List<EnvVar> env = executorTemplateEnv(resources);
          for (String key : SPARK_PROPERTIES.get(name).stringPropertyNames()) {
            String value = SPARK_PROPERTIES.get(name).getProperty(key);
            if (ours.containsKey(key)) {
              continue;
            }
            if (key.startsWith(SparkConfKeys.EXECUTOR_ENV_PREFIX)) {
              String var = key.substring(SparkConfKeys.EXECUTOR_ENV_PREFIX.length());
              assertThat(env).as("%s: %s", name, key).contains(new EnvVar(var, value, null));
            } else if (key.startsWith(EXECUTOR_SECRET_KEY_REF)) {
              String var = key.substring(EXECUTOR_SECRET_KEY_REF.length());
              String[] secretAndKey = value.split(":", 2);
              assertThat(env)
                  .as("%s: %s", name, key)
                  .anySatisfy(
                      e -> {
                        assertThat(e.getName()).isEqualTo(var);
                        SecretKeySelector ref = e.getValueFrom().getSecretKeyRef();
                        assertThat(List.of(ref.getName(), ref.getKey()))
                            .containsExactly(secretAndKey);
                      });
            }
          }
        });
  }

  @Test
  void theCompatibilityDocListsEveryJustifiedDifference() throws IOException {
    String doc = Files.readString(DOC);
    Set<String> documented = new LinkedHashSet<>();
    Pattern row = Pattern.compile("^\\| `([a-z0-9-]+)` \\|.*$", Pattern.MULTILINE);
    row.matcher(doc).results().forEach(m -> documented.add(m.group(1)));
    assertThat(documented)
        .as("the table of justified differences in %s", DOC)
        .containsExactlyInAnyOrderElementsOf(JUSTIFIED.stream().map(Justified::id).toList());
  }

  private static List<Difference> unexplained(List<Difference> differences) {
    return differences.stream()
        .filter(d -> JUSTIFIED.stream().noneMatch(j -> j.matches(d)))
        .toList();
  }

  private static DriverResources operatorSide(SubmitCase c) {
    SparkBatchJob job =
        JobConverter.convert(
                SourceFormat.SPARK_SUBMIT, c.commandLine(), work, JobConverter.Options.none())
            .job();
    // The converter caps names at 50 characters; a job may have a longer one (long-name case).
    job.getMetadata().setName(c.name());
    job.getMetadata().setUid(c.uid());
    job.getMetadata().setGeneration(1L);
    if (c.driverTemplate() != null) {
      if (job.getSpec().getDriver() == null) {
        job.getSpec().setDriver(new DriverSpec());
      }
      Pod pod = KUBE.unmarshal(c.driverTemplate(), Pod.class);
      job.getSpec().getDriver().setTemplate(new PodTemplateSpec(pod.getMetadata(), pod.getSpec()));
    }
    assertThat(new SparkBatchJobValidator().validate(job))
        .as("%s: the converted job is one the operator accepts", c.name())
        .isEmpty();
    return DriverResourcesFactory.build(job, 1, SubmissionSettings.defaults());
  }

  private static SortedMap<String, String> operatorTree(DriverResources resources) {
    SortedMap<String, String> tree = new TreeMap<>();
    tree.putAll(FlatTree.of("pod", json(resources.pod())));
    tree.putAll(FlatTree.of("service", json(resources.service())));
    tree.putAll(configMapTree(json(resources.configMap())));
    return tree;
  }

  private static SortedMap<String, String> sparkTree(Built built) {
    SortedMap<String, String> tree = new TreeMap<>();
    tree.putAll(FlatTree.of("pod", built.pod()));
    for (JsonNode resource : built.resources()) {
      String kind = resource.path("kind").asText();
      tree.putAll(
          FlatTree.of(kind.equals("Service") ? "service" : "other[" + kind + "]", resource));
    }
    tree.putAll(configMapTree(built.configMap()));
    return tree;
  }

  /** The ConfigMap, with spark.properties as one leaf per property. */
  private static SortedMap<String, String> configMapTree(JsonNode configMap) {
    ObjectNode copy = configMap.deepCopy();
    ObjectNode data = (ObjectNode) copy.get("data");
    String properties = data.remove(PROPERTIES).asText();
    if (data.isEmpty()) {
      copy.remove("data");
    }
    SortedMap<String, String> tree = FlatTree.of("configMap", copy);
    tree.putAll(FlatTree.ofProperties("properties", properties(properties)));
    return tree;
  }

  private static Properties properties(String file) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static List<EnvVar> executorTemplateEnv(DriverResources resources) {
    String template = resources.configMap().getData().get(Names.EXECUTOR_TEMPLATE_KEY);
    if (template == null) {
      return List.of();
    }
    return KUBE.unmarshal(template, Pod.class).getSpec().getContainers().get(0).getEnv();
  }

  private static JsonNode json(Object object) {
    try {
      return MAPPER.readTree(KUBE.asJson(object));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
