package io.sparkbatch.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the simulated API server answers beyond storage, seen through the fabric8 client. */
class ApiServerFrontendTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SimulatedCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    cluster = SimulatedCluster.start();
    client = cluster.client();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ssa")
        .endMetadata()
        .withData(data)
        .build();
  }

  @Test
  void serverSideApplyOfAMissingObjectCreatesIt() {
    ConfigMap applied =
        client.resource(configMap("created", Map.of("a", "1"))).forceConflicts().serverSideApply();

    ConfigMap stored = client.configMaps().inNamespace("ssa").withName("created").get();
    assertThat(stored).isNotNull();
    assertThat(stored.getData()).containsExactly(Map.entry("a", "1"));
    assertThat(stored.getMetadata().getUid())
        .isNotEmpty()
        .isEqualTo(applied.getMetadata().getUid());
  }

  @Test
  void serverSideApplyOfAnExistingObjectMergesTheGivenFields() {
    ConfigMap created = client.resource(configMap("merged", Map.of("a", "1"))).create();

    client
        .resource(configMap("merged", Map.of("b", "2")))
        .fieldManager("test")
        .forceConflicts()
        .serverSideApply();

    ConfigMap stored = client.configMaps().inNamespace("ssa").withName("merged").get();
    assertThat(stored.getData()).containsOnly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(stored.getMetadata().getUid()).isEqualTo(created.getMetadata().getUid());
  }

  @Test
  void eventsAreSelectedByTheirInvolvedObject() {
    ObjectReference first = job("first", "uid-1");
    ObjectReference second = job("second", "uid-2");
    client.v1().events().inNamespace("ev").resource(event("e1", first)).create();
    client.v1().events().inNamespace("ev").resource(event("e2", second)).create();

    var selected = client.v1().events().inNamespace("ev").withInvolvedObject(first).list();

    assertThat(selected.getItems())
        .extracting(e -> e.getMetadata().getName())
        .containsExactly("e1");
    assertThat(
            client
                .v1()
                .events()
                .inNamespace("ev")
                .withField("involvedObject.uid", "uid-2")
                .list()
                .getItems())
        .extracting(e -> e.getMetadata().getName())
        .containsExactly("e2");
  }

  @Test
  void discoveryListsTheCustomResourceFromTheStoredCrdWithOrWithoutKubectlsTimeout()
      throws Exception {
    for (String query : new String[] {"", "?timeout=32s"}) {
      HttpResponse<String> resources = get("/apis/sparkbatch.io/v1alpha1" + query);

      assertThat(resources.statusCode()).isEqualTo(200);
      JsonNode sbj = JSON.readTree(resources.body()).path("resources").get(0);
      assertThat(sbj.path("name").asText()).isEqualTo("sparkbatchjobs");
      assertThat(sbj.path("kind").asText()).isEqualTo("SparkBatchJob");
      assertThat(sbj.path("shortNames").toString()).isEqualTo("[\"sbj\"]");
      assertThat(JSON.readTree(get("/apis" + query).body()).path("groups").toString())
          .contains("\"name\":\"sparkbatch.io\"");
    }
    assertThat(get("/openapi/v2").statusCode()).isEqualTo(404);
    assertThat(get("/openapi/v3").statusCode()).isEqualTo(404);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(cluster.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void humanDurationsReadAsKubectlPrintsThem() {
    assertThat(ServerSideTable.humanDuration(Duration.ofSeconds(45))).isEqualTo("45s");
    assertThat(ServerSideTable.humanDuration(Duration.ofSeconds(200))).isEqualTo("3m20s");
    assertThat(ServerSideTable.humanDuration(Duration.ofMinutes(42))).isEqualTo("42m");
    assertThat(ServerSideTable.humanDuration(Duration.ofMinutes(5 * 60 + 7))).isEqualTo("5h7m");
    assertThat(ServerSideTable.humanDuration(Duration.ofHours(50))).isEqualTo("2d2h");
    assertThat(ServerSideTable.humanDuration(Duration.ofDays(30))).isEqualTo("30d");
  }

  private static ObjectReference job(String name, String uid) {
    return new ObjectReferenceBuilder()
        .withApiVersion("sparkbatch.io/v1alpha1")
        .withKind("SparkBatchJob")
        .withName(name)
        .withNamespace("ev")
        .withUid(uid)
        .build();
  }

  private static Event event(String name, ObjectReference about) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("ev")
        .endMetadata()
        .withInvolvedObject(about)
        .withType("Normal")
        .withReason("Test")
        .build();
  }
}
