package io.sparkbatch.operator.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.SparkBatchJob;
import io.sparkbatch.operator.testing.SparkBatchJobs;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DriverConfigMapFactoryTest {

  @Test
  void propertiesReadBackExactlyAsSparkReadsThem() throws IOException {
    TreeMap<String, String> properties = new TreeMap<>();
    properties.put("spark.master", "k8s://https://kubernetes.default.svc");
    properties.put("spark.driver.extraJavaOptions", "-Dx=y -Da:b=c #not-a-comment !bang");
    properties.put("spark.executorEnv.GREETING", " leading and trailing spaces ");
    properties.put("spark.hadoop.weird key=with:separators", "tab\there\nnewline\\backslash");
    properties.put("spark.app.name", "Ünïcödé ✓ name\u0001");
    properties.put("spark.empty", "");
    String rendered = DriverConfigMapFactory.renderProperties(properties);

    Properties loaded = new Properties();
    loaded.load(new StringReader(rendered));
    assertThat(loaded).hasSameSizeAs(properties);
    properties.forEach((k, v) -> assertThat(loaded.getProperty(k)).as(k).isEqualTo(v));
  }

  @Test
  void propertiesAreSortedOneLinePerKeyWithoutATimestamp() {
    TreeMap<String, String> properties = new TreeMap<>(Map.of("b", "2", "a", "1", "c", "x\ny"));
    assertThat(DriverConfigMapFactory.renderProperties(properties))
        .isEqualTo("#Spark properties written by spark-batch-operator\na=1\nb=2\nc=x\\ny\n");
  }

  @Test
  void executorTemplateIsASecondKeyThatLoadsBackAsThePod() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    Toleration toleration = new Toleration("NoSchedule", "dedicated", "Equal", null, "0x1F");
    job.getSpec().getExecutor().setTolerations(List.of(toleration));
    TreeMap<String, String> conf = SparkConfResolver.resolve(job, 1, SubmissionSettings.defaults());
    Optional<Pod> template = ExecutorPodTemplateFactory.build(job);
    ConfigMap configMap = DriverConfigMapFactory.build(job, 1, conf, template);

    assertThat(configMap.getData())
        .containsOnlyKeys("spark.properties", "executor-pod-template.yaml");
    KubernetesSerialization serialization = new KubernetesSerialization();
    Pod loaded =
        serialization.unmarshal(configMap.getData().get("executor-pod-template.yaml"), Pod.class);
    assertThat(serialization.asJson(loaded)).isEqualTo(serialization.asJson(template.get()));
    assertThat(loaded.getSpec().getTolerations().get(0).getValue())
        .as("a value that looks like a number stays a string")
        .isEqualTo("0x1F");
  }

  @Test
  void configMapIsOwnedByTheJobAndLabelledForTheAttempt() {
    SparkBatchJob job = SparkBatchJobs.sparkPi("ns", "pi");
    TreeMap<String, String> conf = SparkConfResolver.resolve(job, 3, SubmissionSettings.defaults());
    ConfigMap configMap = DriverConfigMapFactory.build(job, 3, conf, Optional.empty());
    assertThat(configMap.getMetadata().getName()).isEqualTo("pi-spark-conf");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("ns");
    assertThat(configMap.getMetadata().getLabels())
        .containsEntry(Labels.ATTEMPT, "3")
        .containsEntry(Labels.SPARK_APP_SELECTOR, Names.applicationId(job, 3))
        .as("the driver deletes only ConfigMaps labelled spark-role=executor")
        .doesNotContainKey(Labels.SPARK_ROLE);
    assertThat(configMap.getMetadata().getOwnerReferences()).isEqualTo(Labels.ownedBy(job));
    assertThat(configMap.getData()).containsOnlyKeys("spark.properties");
  }
}
