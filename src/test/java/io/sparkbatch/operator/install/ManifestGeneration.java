package io.sparkbatch.operator.install;

import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plain manifests in operator/manifests/, rendered from the Helm chart with its default values
 * so that the two installs never differ. {@code make manifests} runs {@link #main}; ManifestsTest
 * compares the committed files with a fresh rendering. The CRD copy (00-crd.yaml) is written by
 * {@code make crd} and checked by CrdDriftTest.
 */
public final class ManifestGeneration {
  /** The namespace and release name of the plain install. */
  public static final String NAMESPACE = "spark-batch-operator";

  public static final Path DIRECTORY = Path.of("operator", "manifests");

  private static final String HEADER =
      "# Generated from helm/spark-batch-operator by `make manifests`; do not edit by hand.\n";

  private ManifestGeneration() {}

  /** File name (in operator/manifests) to content. */
  public static Map<String, String> generate() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "01-namespace.yaml",
        HEADER
            + """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: %s
              labels:
                app.kubernetes.io/name: spark-batch-operator
                # The operator runs as non-root with a read-only filesystem and no privileges.
                pod-security.kubernetes.io/enforce: restricted
            """
                .formatted(NAMESPACE));
    files.put("02-operator.yaml", HEADER + plain(RenderedChart.render(NAMESPACE, NAMESPACE)));
    return files;
  }

  /** What Helm printed, without the labels that claim Helm manages the objects. */
  private static String plain(String helmOutput) {
    return helmOutput
        .replaceAll("(?m)^\\s*helm\\.sh/chart: .*\\n", "")
        .replace("app.kubernetes.io/managed-by: Helm", "app.kubernetes.io/managed-by: kubectl");
  }

  public static void main(String[] args) throws IOException {
    Path dir = CrdGeneration.projectRoot().resolve(DIRECTORY);
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : generate().entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
      System.out.println("wrote " + DIRECTORY.resolve(file.getKey()));
    }
  }
}
