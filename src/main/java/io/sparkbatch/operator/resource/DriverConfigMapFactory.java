package io.sparkbatch.operator.resource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The ConfigMap {@code <name>-spark-conf} that the driver pod mounts at {@value
 * Names#SPARK_CONF_DIR}: {@value Names#SPARK_PROPERTIES_KEY}, and {@value
 * Names#EXECUTOR_TEMPLATE_KEY} when the executors need a pod template.
 *
 * <p>Unlike Spark's (one per submission, random name, immutable), there is one per job, rewritten
 * for each attempt, so that a restarted operator finds it by name.
 */
public final class DriverConfigMapFactory {

  private DriverConfigMapFactory() {}

  public static ConfigMap build(
      SparkBatchJob job,
      int attempt,
      SortedMap<String, String> properties,
      Optional<Pod> executorTemplate) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(Names.SPARK_PROPERTIES_KEY, renderProperties(properties));
    executorTemplate.ifPresent(
        t -> data.put(Names.EXECUTOR_TEMPLATE_KEY, ExecutorPodTemplateFactory.toYaml(t)));
    Map<String, String> labels = Labels.forAttempt(job, attempt);
    labels.put(Labels.SPARK_APP_SELECTOR, properties.get(SparkConfKeys.APP_ID));
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(Names.configMapName(job.getMetadata().getName()))
        .withNamespace(job.getMetadata().getNamespace())
        .withLabels(labels)
        .withOwnerReferences(Labels.ownedBy(job))
        .endMetadata()
        .withData(data)
        .build();
  }

  /**
   * The properties as {@code java.util.Properties#store(Writer, String)} writes them, which is how
   * Spark writes this file and how the driver reads it back, but sorted and without the timestamp
   * comment, so that the same spec always gives the same bytes.
   */
  public static String renderProperties(SortedMap<String, String> properties) {
    StringBuilder out = new StringBuilder("#Spark properties written by spark-batch-operator\n");
    properties.forEach(
        (k, v) -> out.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
    return out.toString();
  }

  /** The escaping of Properties.store: separators, comment marks, backslashes, line breaks. */
  static String escape(String text, boolean isKey) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case ' ' -> out.append(i == 0 || isKey ? "\\ " : " ");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\f' -> out.append("\\f");
        case '\\', '=', ':', '#', '!' -> out.append('\\').append(c);
        default -> {
          // Other control characters would be invisible in the ConfigMap; \\uXXXX reads back the
          // same.
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
