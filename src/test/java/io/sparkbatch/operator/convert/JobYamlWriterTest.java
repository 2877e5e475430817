package io.sparkbatch.operator.convert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.Yaml;

class JobYamlWriterTest {

  @ParameterizedTest
  @FieldSource("io.sparkbatch.operator.convert.ConvertFixtures#ALL")
  void theYamlReadsBackAsTheSameJob(String input) throws Exception {
    SparkBatchJob job = ConvertFixtures.convert(input).job();

    SparkBatchJob read = Serialization.unmarshal(JobYamlWriter.write(job), SparkBatchJob.class);

    assertThat(JobYamlWriter.tree(read)).isEqualTo(JobYamlWriter.tree(job));
  }

  @Test
  void stringsAYaml11ReaderWouldTypeStayQuoted() {
    SparkBatchJob job =
        ConvertFixtures.convert(
                SourceFormat.SPARK_SUBMIT,
                "spark-submit --name t --conf spark.a=true --conf spark.b=on --conf spark.c=1_000"
                    + " --conf spark.d=12:30 --conf spark.e=0x1F --conf spark.f=4g"
                    + " --conf spark.g=null local:///a.jar 2024-06-30 1e3 -5 ~ yes")
            .job();

    String yaml = JobYamlWriter.write(job);
    // PyYAML (Airflow) and SnakeYAML read YAML 1.1, where all of these could become non-strings.
    Map<String, Object> read = new Yaml().load(yaml);
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) read.get("spec");

    assertThat(spec.get("arguments")).isEqualTo(List.of("2024-06-30", "1e3", "-5", "~", "yes"));
    assertThat(spec.get("sparkConf"))
        .isEqualTo(
            Map.of(
                "spark.a", "true", "spark.b", "on", "spark.c", "1_000", "spark.d", "12:30",
                "spark.e", "0x1F", "spark.f", "4g", "spark.g", "null"));
    assertThat(yaml).contains("spark.f: 4g\n");
  }

  @Test
  void theTreeStartsWithApiVersionKindAndTheName() throws Exception {
    SparkBatchJob job = ConvertFixtures.convert("kubeflow/spark-pi.yaml").job();

    var tree = new YAMLMapper().readTree(JobYamlWriter.write(job));

    assertThat(tree.fieldNames())
        .toIterable()
        .containsExactly("apiVersion", "kind", "metadata", "spec");
    assertThat(tree.get("metadata").fieldNames())
        .toIterable()
        .containsExactly("name", "namespace", "labels");
  }
}
