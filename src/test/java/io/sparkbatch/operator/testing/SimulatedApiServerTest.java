package io.sparkbatch.operator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulated API server answers from its store index exactly what the fabric8 mock answers from
 * its flat store, and keeps the behaviours the operator's tests rely on: RFC 7386 merge patches,
 * the garbage collector, resourceVersion conflicts, the admission label, request counts, watches.
 */
class SimulatedApiServerTest {
  private static SimulatedCluster cluster;
  private static KubernetesClient client;

  @BeforeAll
  static void start() {
    // Pods stay Pending: this kubelet never runs anything.
    cluster = SimulatedCluster.start(pod -> new PodScript(List.of()));
    client = cluster.newClient("api-test");
    for (String ns : List.of("a", "b")) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
    }
  }

  @AfterAll
  static void stop() {
    client.close();
    cluster.close();
  }

  private static ConfigMap configMap(String ns, String name, Map<String, String> labels) {
    return client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace(ns)
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .addToData("k", "v")
                .build())
        .create();
  }

  private static List<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(o -> o.getMetadata().getName()).toList();
  }

  @Test
  void getsByNameAndNamespaceAndAnswers404ForWhatIsNotThere() {
    configMap("a", "same-name", Map.of());
    configMap("b", "same-name", Map.of("in", "b"));

    assertThat(client.configMaps().inNamespace("b").withName("same-name").get())
        .extracting(c -> c.getMetadata().getLabels())
        .isEqualTo(Map.of("in", "b"));
    assertThat(client.configMaps().inNamespace("a").withName("missing").get()).isNull();
    assertThatThrownBy(() -> configMap("a", "same-name", Map.of()))
        .isInstanceOf(KubernetesClientException.class)
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(409);
  }

  @Test
  void listsByNamespaceAndLabelsInTheOrderOfTheirLastWrite() {
    configMap("a", "l1", Map.of("app", "x", "tier", "one"));
    configMap("a", "l2", Map.of("app", "x"));
    configMap("b", "l3", Map.of("app", "x"));
    configMap("a", "l4", Map.of("app", "y"));
    client.configMaps().inNamespace("a").withName("l1").edit(c -> withData(c, "changed"));
    ConfigMap relabelled = client.configMaps().inNamespace("a").withName("l4").get();
    relabelled.getMetadata().setLabels(Map.of("app", "x", "tier", "two"));
    client.resource(relabelled).update();

    assertThat(names(client.configMaps().inNamespace("a").withLabel("app", "x").list().getItems()))
        .containsExactly("l2", "l1", "l4");
    assertThat(names(client.configMaps().inAnyNamespace().withLabel("app", "x").list().getItems()))
        .as("across namespaces, by last write")
        .containsExactly("l2", "l3", "l1", "l4");
    assertThat(names(client.configMaps().inNamespace("a").withLabel("app", "y").list().getItems()))
        .isEmpty();
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("a")
                    .withLabel("app", "x")
                    .withoutLabel("tier")
                    .list()
                    .getItems()))
        .containsExactly("l2");
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("a")
                    .withLabel("app")
                    .withLabelNotIn("app", "x")
                    .list()
                    .getItems()))
        .as("set-based requirements are ignored, as the mock ignores them")
        .containsExactly("l2", "l1", "l4");
    assertThat(client.configMaps().inNamespace("a").withLabel("app", "none").list().getItems())
        .isEmpty();
  }

  private static ConfigMap withData(ConfigMap map, String value) {
    map.getData().put("k", value);
    return map;
  }

  @Test
  void deletingAnOwnerDeletesWhatItOwnsInTurn() {
    Pod driver = client.resource(pod("b", "driver", null)).create();
    Pod executor = client.resource(pod("b", "driver-exec-1", driver)).create();
    client.resource(pod("b", "driver-exec-1-sidecar-owned", executor)).create();
    ConfigMap unrelated = configMap("b", "unrelated", Map.of());

    client.resource(driver).delete();

    assertThat(client.pods().inNamespace("b").withName("driver-exec-1").get()).isNull();
    assertThat(client.pods().inNamespace("b").withName("driver-exec-1-sidecar-owned").get())
        .isNull();
    assertThat(client.resource(unrelated).get()).isNotNull();
  }

  @Test
  void deletesByLabelOnlyWhatTheSelectorMatches() {
    configMap("a", "d1", Map.of("batch", "gone"));
    configMap("a", "d2", Map.of("batch", "gone"));
    configMap("b", "d3", Map.of("batch", "gone"));

    client.configMaps().inNamespace("a").withLabel("batch", "gone").delete();

    assertThat(
            names(
                client.configMaps().inAnyNamespace().withLabel("batch", "gone").list().getItems()))
        .containsExactly("d3");
  }

  @Test
  void newPodsArePendingAndDeniedPodsAreRefused() {
    Pod created = client.resource(pod("a", "pending", null)).create();
    assertThat(client.resource(created).get().getStatus().getPhase()).isEqualTo("Pending");

    Pod denied = pod("a", "denied", null);
    denied.getMetadata().setLabels(Map.of(SimulatedApiServer.DENY_LABEL, "deny"));
    assertThatThrownBy(() -> client.resource(denied).create())
        .isInstanceOf(KubernetesClientException.class)
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(403);
  }

  @Test
  void mergePatchesFollowRfc7386AndStaleResourceVersionsConflict() {
    ConfigMap map = configMap("a", "patched", Map.of("keep", "1", "drop", "2"));
    client
        .configMaps()
        .inNamespace("a")
        .withName("patched")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"drop\":null}},\"data\":{\"k\":\"new\"}}");

    ConfigMap patched = client.resource(map).get();
    assertThat(patched.getMetadata().getLabels()).containsOnlyKeys("keep");
    assertThat(patched.getData()).containsEntry("k", "new");
    assertThat(names(client.configMaps().inNamespace("a").withLabel("drop").list().getItems()))
        .as("the label index follows the patch")
        .doesNotContain("patched");

    String stale =
        "{\"metadata\":{\"resourceVersion\":\""
            + map.getMetadata().getResourceVersion()
            + "\"},\"data\":{\"k\":\"stale\"}}";
    assertThatThrownBy(
            () ->
                client
                    .configMaps()
                    .inNamespace("a")
                    .withName("patched")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), stale))
        .isInstanceOf(KubernetesClientException.class)
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(409);
  }

  @Test
  void watchesSeeCreatesUpdatesAndDeletesAndRequestsAreCounted() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Watch watch =
        client
            .configMaps()
            .inNamespace("b")
            .withLabel("watched", "yes")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap map) {
                    seen.add(action + " " + map.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      ConfigMap map = configMap("b", "w", Map.of("watched", "yes"));
      client.resource(map).edit(c -> withData(c, "again"));
      client.resource(map).delete();

      await().until(() -> seen.size() >= 3);
      assertThat(seen).containsExactly("ADDED w", "MODIFIED w", "DELETED w");
    }
    assertThat(cluster.api().requestCounts("api-test"))
        .containsKeys("POST configmaps", "WATCH configmaps", "DELETE configmaps");
  }

  private static Pod pod(String ns, String name, Pod owner) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace(ns)
            .withName(name)
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("c")
            .withImage("busybox")
            .endContainer()
            .endSpec();
    if (owner != null) {
      pod.editMetadata()
          .withOwnerReferences(
              new OwnerReferenceBuilder()
                  .withApiVersion("v1")
                  .withKind("Pod")
                  .withName(owner.getMetadata().getName())
                  .withUid(owner.getMetadata().getUid())
                  .build())
          .endMetadata();
    }
    return pod.build();
  }
}
