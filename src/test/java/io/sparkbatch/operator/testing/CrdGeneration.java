package io.sparkbatch.operator.testing;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.sparkbatch.operator.api.SparkBatchJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the SparkBatchJob CRD from the Java model. {@code make crd} runs {@link #main} to write
 * the committed copies; the drift test compares them with a fresh generation.
 */
public final class CrdGeneration {
  public static final String FILE_NAME = "sparkbatchjobs.sparkbatch.io-v1.yml";

  /** Where the committed CRD lives, relative to the project root. */
  public static final List<Path> COMMITTED =
      List.of(
          Path.of("crd", FILE_NAME),
          Path.of("helm", "spark-batch-operator", "crds", FILE_NAME),
          Path.of("operator", "manifests", "00-crd.yaml"));

  private CrdGeneration() {}

  /** The CRD YAML as the generator produces it from the current model. */
  public static String generate() {
    try {
      Path dir = Files.createTempDirectory("crd");
      new CRDGenerator()
          .inOutputDir(dir.toFile())
          .forCRDVersions("v1")
          .withPostProcessor(
              new CRDPostProcessor() {
                @Override
                public HasMetadata process(HasMetadata crd, String specVersion) {
                  return orderPrinterColumns(crd);
                }
              })
          .customResourceClasses(SparkBatchJob.class)
          .generate();
      String yaml = Files.readString(dir.resolve(FILE_NAME));
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
      return yaml;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Project root: the surefire property when run by Maven, else the working directory. */
  public static Path projectRoot() {
    return Path.of(System.getProperty("project.basedir", "."));
  }

  /** The generator sorts printer columns by name; kubectl shows them in this order instead. */
  private static HasMetadata orderPrinterColumns(HasMetadata crd) {
    List<String> order =
        List.of("Phase", "Attempt", "Executors", "Duration", "Age", "Reason", "Driver");
    for (var version : ((CustomResourceDefinition) crd).getSpec().getVersions()) {
      version
          .getAdditionalPrinterColumns()
          .sort(Comparator.comparingInt(c -> order.indexOf(c.getName())));
    }
    return crd;
  }

  public static void main(String[] args) throws IOException {
    String yaml = generate();
    for (Path relative : COMMITTED) {
      Path target = projectRoot().resolve(relative);
      Files.createDirectories(target.getParent());
      Files.writeString(target, yaml);
      System.out.println("wrote " + relative);
    }
  }
}
