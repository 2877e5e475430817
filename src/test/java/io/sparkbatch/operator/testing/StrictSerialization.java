package io.sparkbatch.operator.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads manifests the way a strict API client would: an unknown property anywhere is an error.
 * fabric8's Kubernetes types keep unknown properties in an any-setter map (additionalProperties)
 * instead of failing, so the any-setters are switched off here; a typo inside a pod template or an
 * env entry then fails too, not only one in our own types.
 */
public final class StrictSerialization {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final KubernetesSerialization STRICT =
      new KubernetesSerialization(strictMapper(), false);

  private StrictSerialization() {}

  /** The manifest as a plain tree, for schema validation. */
  public static JsonNode tree(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The manifest as the Java model; throws IllegalArgumentException naming an unknown field. */
  public static SparkBatchJob job(String yaml) {
    return STRICT.unmarshal(yaml, SparkBatchJob.class);
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.setAnnotationIntrospector(
        new JacksonAnnotationIntrospector() {
          @Override
          public Boolean hasAnySetter(Annotated a) {
            return false;
          }
        });
    return mapper;
  }
}
