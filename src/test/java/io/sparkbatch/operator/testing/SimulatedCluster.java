package io.sparkbatch.operator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Optional;

/**
 * A small Kubernetes cluster in this JVM: the fabric8 mock API server (bound to 127.0.0.1 only)
 * with the SparkBatchJob CRD registered from crd/, a garbage collector, and a simulated kubelet
 * that runs pods through their phases.
 */
public final class SimulatedCluster implements AutoCloseable {
  /**
   * The mock web server logs every request through java.util.logging; keep output readable. Held in
   * a field: java.util.logging keeps loggers weakly, and a collected one forgets its level.
   */
  private static final java.util.logging.Logger MOCK_SERVER_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final SimulatedApiServer api;
  private final ApiServerFrontend frontend;
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final SimulatedKubelet kubelet;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private SimulatedCluster(SimulatedKubelet.Behaviour behaviour) {
    this.api = new SimulatedApiServer();
    this.frontend = new ApiServerFrontend(api, Clock.systemUTC());
    this.server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            new HashMap<>(),
            frontend,
            false);
    try {
      server.init(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.client = server.createClient();
    registerCrd(client);
    this.kubelet =
        behaviour == null ? null : new SimulatedKubelet(server.createClient(), behaviour);
  }

  /**
   * A cluster with no kubelet: pods stay as created until another kubelet (the process kubelet of
   * the real-Spark tests) runs them.
   */
  public static SimulatedCluster withoutKubelet() {
    return new SimulatedCluster(null);
  }

  /** A cluster whose kubelet runs every pod with the given behaviour. */
  public static SimulatedCluster start(SimulatedKubelet.Behaviour behaviour) {
    return new SimulatedCluster(behaviour);
  }

  /** A cluster whose drivers succeed after a short run with two executors. */
  public static SimulatedCluster start() {
    return start(SimulatedKubelet.Behaviour.defaults());
  }

  /** A client for tests and for the operator (the kubelet has its own). */
  public KubernetesClient client() {
    return client;
  }

  /**
   * A new client of this cluster for a component with its own connection, identified by its
   * User-Agent in {@link SimulatedApiServer#requestCounts}.
   */
  public KubernetesClient newClient(String userAgent) {
    return server.createClient(b -> b.editOrNewConfig().withUserAgent(userAgent).endConfig());
  }

  /** As {@link #newClient(String)}, with an interceptor on its HTTP client (API call metrics). */
  public KubernetesClient newClient(String userAgent, Interceptor interceptor) {
    return server.createClient(
        b ->
            b.editOrNewConfig()
                .withUserAgent(userAgent)
                .endConfig()
                .withHttpClientBuilderConsumer(
                    h -> h.addOrReplaceInterceptor("metrics", interceptor)));
  }

  public SimulatedKubelet kubelet() {
    return kubelet;
  }

  public SimulatedApiServer api() {
    return api;
  }

  /** Serves {@code kubectl logs} from {@code source} (namespace, pod name -> output). */
  public void servePodLogs(java.util.function.BiFunction<String, String, Optional<String>> source) {
    frontend.servePodLogs(source);
  }

  /** The API server's URL, for a kubeconfig. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /**
   * Writes a kubeconfig for this cluster (its URL, the given namespace, no credentials), so that
   * {@code KUBECONFIG=file kubectl get sbj} works while the cluster runs.
   */
  public Path writeKubeconfig(Path file, String namespace) {
    String kubeconfig =
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: simulated
          cluster:
            server: %s
        users:
        - name: simulated
          user: {}
        contexts:
        - name: simulated
          context:
            cluster: simulated
            user: simulated
            namespace: %s
        current-context: simulated
        """
            .formatted(url(), namespace);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, kubeconfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #writeKubeconfig(Path, String)} for the namespace "default". */
  public Path writeKubeconfig(Path file) {
    return writeKubeconfig(file, "default");
  }

  static void registerCrd(KubernetesClient client) {
    Path crd = CrdGeneration.projectRoot().resolve("crd").resolve(CrdGeneration.FILE_NAME);
    try (InputStream in = Files.newInputStream(crd)) {
      CustomResourceDefinition definition =
          client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      client.apiextensions().v1().customResourceDefinitions().resource(definition).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    if (kubelet != null) {
      kubelet.close();
    }
    client.close();
    server.destroy();
  }
}
