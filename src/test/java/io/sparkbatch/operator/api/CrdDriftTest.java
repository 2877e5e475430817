package io.sparkbatch.operator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sparkbatch.operator.testing.CrdGeneration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The committed CRD files must be exactly what the Java model generates: run `make crd`. */
class CrdDriftTest {

  @Test
  void committedCrdsMatchTheGeneratedOne() throws IOException {
    String generated = CrdGeneration.generate();
    for (Path relative : CrdGeneration.COMMITTED) {
      Path committed = CrdGeneration.projectRoot().resolve(relative);
      assertThat(committed).exists();
      assertThat(Files.readString(committed))
          .as("%s is out of date with the Java model: run `make crd` and commit it", relative)
          .isEqualTo(generated);
    }
  }

  @Test
  void crdHasStatusSubresourceShortNameAndPrinterColumnsInOrder() {
    String crd = CrdGeneration.generate();
    assertThat(crd).contains("subresources:\n      status: {}");
    assertThat(crd).contains("shortNames:\n    - \"sbj\"");
    assertThat(crd.indexOf("name: \"Phase\""))
        .isLessThan(crd.indexOf("name: \"Attempt\""))
        .isLessThan(crd.indexOf("name: \"Executors\""));
    assertThat(crd.indexOf("name: \"Duration\"")).isLessThan(crd.indexOf("name: \"Age\""));
  }

  @Test
  void crdStaysSmallEnoughForClientSideKubectlApply() {
    // kubectl apply stores the whole object in an annotation limited to 262,144 bytes.
    assertThat(CrdGeneration.generate().length()).isLessThan(200_000);
  }
}
